#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

/// Small questions about paths, asked with `lstat`: a link is never taken for what it points to.
enum OutputPath {
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func isFolder(_ path: String) -> Bool { FileWriting.isFolder(path) }

    static func hasMarker(_ folder: URL) -> Bool {
        var status = stat()
        let marker = folder.appendingPathComponent(OutputDirectory.markerName).path
        return lstat(marker, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    static func isEmptyFolder(_ path: String) -> Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true
    }

    /// Creates `folder` and any missing folders above it. A file in the way is named as such
    /// ("part of the path is a file"), not as "already exists".
    static func makeFolder(_ folder: URL) throws(OutputError) {
        var path = ""
        for component in folder.path.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) == 0 { continue }
            let code = errno == EEXIST && !FileWriting.isFolder(path) ? ENOTDIR : errno
            guard code != EEXIST else { continue }
            let reason = FileWriting.describe(code)
            throw OutputError("output.cannotCreateFolder", ["folderPath": "\(folder.path)", "reason": .message(reason)])
        }
    }

    /// `site -> www/xkld` gives `www/xkld`: the swap happens where the link points, so the link
    /// keeps working and the folder it names is the one brought up to date.
    static func followingFinalLink(_ url: URL) -> URL {
        var path = url.path
        for _ in 0..<40 {
            guard let target = linkTarget(path) else { break }
            let parent = (path as NSString).deletingLastPathComponent
            let next = URL(fileURLWithPath: target.hasPrefix("/") ? target : parent + "/" + target)
            let nextParent = next.deletingLastPathComponent()
            path = (realPath(nextParent.path) ?? nextParent.standardizedFileURL.path) + "/" + next.lastPathComponent
        }
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
