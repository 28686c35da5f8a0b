import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to the content folder, injected so that stages never reach for the disk themselves.
/// Paths are relative to the content root and use `/`.
public protocol ContentReading: Sendable {
    /// Regular files below `folder`, recursively, sorted, as paths relative to the content root.
    /// Hidden files (starting with `.`) are left out. Empty when the folder does not exist.
    func files(in folder: String) throws -> [String]
    func read(_ path: String) throws -> [UInt8]
    func fileExists(_ path: String) -> Bool
    func directoryExists(_ path: String) -> Bool
    /// Size in bytes, without reading the file.
    func size(of path: String) -> Int?
    /// True when the path is a symbolic link resolving outside the content root.
    func escapesRoot(_ path: String) -> Bool
}

/// The content folder on disk, read with plain POSIX calls: Foundation's attribute and symlink
/// helpers stat every path component and look up owner names for each file, which cost more than
/// the reading itself on a large site.
public struct DiskContent: ContentReading {
    public let root: URL
    private let rootPath: String
    private let resolvedRootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
        resolvedRootPath = Self.realPath(rootPath) ?? rootPath
    }

    public func files(in folder: String) throws -> [String] {
        guard directoryExists(folder) else { return [] }
        var found: [String] = []
        try collect(absolute(folder), relative: folder, into: &found)
        return found.sorted()
    }

    private func collect(_ directory: String, relative: String, into found: inout [String]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        for name in names where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch Self.kind(of: directory + "/" + name) {
            case .directory: try collect(directory + "/" + name, relative: path, into: &found)
            case .file, .missing: found.append(path) // a dangling link: reading it reports the problem
            }
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(absolute(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.readError(errno, path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var status = stat()
        if fstat(descriptor, &status) == 0 { bytes.reserveCapacity(Int(status.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.readError(errno, path: path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Keeps the error number, so the officer is told why (`SystemReason`), not just that it failed.
    private static func readError(_ number: Int32, path: String) -> CocoaError {
        let code: CocoaError.Code = switch number {
        case ENOENT: .fileReadNoSuchFile
        case EACCES, EPERM: .fileReadNoPermission
        default: .fileReadUnknown
        }
        return CocoaError(code, userInfo: [NSFilePathErrorKey: path,
                                           NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(number))])
    }

    public func fileExists(_ path: String) -> Bool { Self.kind(of: absolute(path)) == .file }

    public func directoryExists(_ path: String) -> Bool { Self.kind(of: absolute(path)) == .directory }

    public func size(of path: String) -> Int? {
        var status = stat()
        return stat(absolute(path), &status) == 0 ? Int(status.st_size) : nil
    }

    public func escapesRoot(_ path: String) -> Bool {
        // A dangling link has no real path; Foundation still follows it as far as it goes.
        let resolved = Self.realPath(absolute(path))
            ?? root.appendingPathComponent(path).resolvingSymlinksInPath().path
        return !(resolved == resolvedRootPath || resolved.hasPrefix(resolvedRootPath + "/"))
    }

    private func absolute(_ path: String) -> String {
        path.isEmpty ? rootPath : rootPath + "/" + path
    }

    private enum Kind { case file, directory, missing }

    /// What the path is after following links, as `stat` sees it.
    private static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

#if canImport(Glibc)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
#elseif canImport(Darwin)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
#endif
