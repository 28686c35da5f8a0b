#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Modification time and size of every file under the content folder (hidden files left out, as
/// the build leaves them out), keyed by path relative to the content folder. Walked with plain
/// POSIX calls: it runs several times a second on sites of tens of thousands of files.
struct ContentSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        let seconds: Int
        let nanoseconds: Int
        let size: Int
    }

    let files: [String: Stamp]

    static func take(of root: URL) -> ContentSnapshot {
        var files: [String: Stamp] = [:]
        walk(root.standardizedFileURL.path, relative: "", into: &files)
        return ContentSnapshot(files: files)
    }

    /// What changed since `earlier`: the files saved again, or nil when files were added or
    /// removed (then only a whole build is right).
    func savedFiles(since earlier: ContentSnapshot) -> [String]? {
        guard files.count == earlier.files.count else { return nil }
        var saved: [String] = []
        for (path, stamp) in files {
            guard let before = earlier.files[path] else { return nil }
            if before != stamp { saved.append(path) }
        }
        return saved.sorted()
    }

    private static func walk(_ folder: String, relative: String, into files: inout [String: Stamp]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                walk(path, relative: relativePath, into: &files)
            } else {
                files[relativePath] = stamp(status)
            }
        }
    }

    private static func stamp(_ status: stat) -> Stamp {
        #if canImport(Darwin)
        Stamp(seconds: Int(status.st_mtimespec.tv_sec), nanoseconds: Int(status.st_mtimespec.tv_nsec), size: Int(status.st_size))
        #else
        Stamp(seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec), size: Int(status.st_size))
        #endif
    }
}
