import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an entry of the content folder cannot be read as a file.
public enum ContentEntryProblem: Sendable, Hashable {
    /// A symbolic link resolving outside the content folder.
    case linkOutside
    /// A symbolic link whose target does not exist (or loops): it cannot be shown to stay inside.
    case linkDangling
    /// A symbolic link to a folder: never followed, so that no file is published twice or forever.
    case linkToFolder
    /// A named pipe, socket or device: reading one could wait forever.
    case notAFile
}

/// Read access to the content folder, injected so that stages never reach for the disk themselves.
/// Paths are relative to the content root and use `/`.
public protocol ContentReading: Sendable {
    /// Files below `folder`, recursively, sorted, as paths relative to the content root.
    /// Hidden entries (starting with `.`) are left out; symbolic links and special files are listed
    /// but not entered, so that `entryProblem` can name them. Empty when the folder does not exist.
    func files(in folder: String) throws -> [String]
    func read(_ path: String) throws -> [UInt8]
    func fileExists(_ path: String) -> Bool
    func directoryExists(_ path: String) -> Bool
    /// Size in bytes, without reading the file.
    func size(of path: String) -> Int?
    /// Nil when the path is a regular file, or a link to one inside the content root.
    func entryProblem(_ path: String) -> ContentEntryProblem?
    /// The bytes of `path` when it is a regular file (not a link) of at most `maxBytes`, read with
    /// one `open` and one `fstat`; nil for anything else, which the caller then checks step by step.
    func readPlainFile(_ path: String, maxBytes: Int) -> [UInt8]?
    /// `readPlainFile`, with the file's status as it was before it was read; nil status when the
    /// reader cannot tell (a folder held in memory).
    func readPlainFileAndStatus(_ path: String, maxBytes: Int) -> (bytes: [UInt8], status: FileStatus?)?
    /// The status of `path` when it is a regular file (not a link) of at most `maxBytes`, with one `lstat`.
    func plainFileStatus(_ path: String, maxBytes: Int) -> FileStatus?
    /// The names at the top of the content folder, files and folders (hidden ones left out), sorted.
    func topLevelNames() -> [String]
}

extension ContentReading {
    public func readPlainFile(_ path: String, maxBytes: Int) -> [UInt8]? { nil }
    public func readPlainFileAndStatus(_ path: String, maxBytes: Int) -> (bytes: [UInt8], status: FileStatus?)? {
        readPlainFile(path, maxBytes: maxBytes).map { ($0, nil) }
    }
    public func plainFileStatus(_ path: String, maxBytes: Int) -> FileStatus? { nil }
    public func topLevelNames() -> [String] {
        Set(((try? files(in: "")) ?? []).map { String($0.split(separator: "/")[0]) }).sorted()
    }
}

/// What `stat` says of a file: enough to tell that it was not written since, without reading it.
/// Writing a file, or putting another in its place, gives it a new change time (`ctime`), which no
/// program can set back (`touch -r` and `cp -p` set back only the modification time).
public struct FileStatus: Sendable, Hashable {
    public let modified: timespec
    public let changed: timespec
    /// Device, inode, size and both times as one number, never 0 (which the caches keep for "no status").
    public let key: UInt64

    public init(_ status: stat) {
        #if canImport(Darwin)
        modified = status.st_mtimespec
        changed = status.st_ctimespec
        #else
        modified = status.st_mtim
        changed = status.st_ctim
        #endif
        var fingerprint = Fingerprint()
        fingerprint.add(UInt64(truncatingIfNeeded: status.st_dev))
        fingerprint.add(UInt64(truncatingIfNeeded: status.st_ino))
        fingerprint.add(UInt64(truncatingIfNeeded: status.st_size))
        fingerprint.add(UInt64(truncatingIfNeeded: modified.tv_sec))
        fingerprint.add(UInt64(truncatingIfNeeded: modified.tv_nsec))
        fingerprint.add(UInt64(truncatingIfNeeded: changed.tv_sec))
        fingerprint.add(UInt64(truncatingIfNeeded: changed.tv_nsec))
        key = max(fingerprint.value, 1)
    }

    /// The wall clock's time now (file times are on it).
    public static func wallClock() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    /// `seconds` before `time`: a status older than that is settled enough to vouch for its file
    /// (file times are coarse; a file written again within one tick keeps its status).
    public static func settled(_ seconds: Int, before time: timespec = wallClock()) -> timespec {
        timespec(tv_sec: time.tv_sec - seconds, tv_nsec: time.tv_nsec)
    }

    /// Whether the file was last written (and had its status changed) before `time`.
    public func isOlder(than time: timespec) -> Bool {
        Self.isBefore(modified, time) && Self.isBefore(changed, time)
    }

    private static func isBefore(_ lhs: timespec, _ rhs: timespec) -> Bool {
        (lhs.tv_sec, lhs.tv_nsec) < (rhs.tv_sec, rhs.tv_nsec)
    }

    public static func == (lhs: FileStatus, rhs: FileStatus) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
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
        // A content folder that is itself a link (`stories -> /elsewhere`) is one entry, one error.
        if folder.isEmpty {
            guard directoryExists(folder) else { return [] }
        } else {
            switch Self.linkKind(of: absolute(folder)) {
            case .directory: break
            case .link, .special: return [folder]
            case .file, .missing: return []
            }
        }
        var found: [String] = []
        try collect(absolute(folder), relative: folder, into: &found)
        return found.sorted()
    }

    /// One listing of the top folder, not of every file below it.
    public func topLevelNames() -> [String] {
        var found: [String] = []
        guard directoryExists(""), (try? collect(rootPath, relative: "", into: &found, entersFolders: false)) != nil else { return [] }
        return found.sorted()
    }

    /// Enters real folders only; links (to files or folders) and special files are listed as entries.
    /// The kind comes from the folder's own listing (`d_type`), not a `lstat` per entry: a build lists
    /// the content folder twice, and those stats were a twentieth of a one-story build.
    private func collect(_ directory: String, relative: String, into found: inout [String], entersFolders: Bool = true) throws {
        guard let stream = opendir(directory) else {
            // The error Foundation gives, for the same plain-words message (`SystemReason`).
            _ = try FileManager.default.contentsOfDirectory(atPath: directory)
            return
        }
        var folders: [(String, String)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let isFolder = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): true
            case Int32(DT_UNKNOWN): Self.linkKind(of: directory + "/" + name) == .directory
            default: false
            }
            if isFolder && entersFolders { folders.append((directory + "/" + name, path)) } else { found.append(path) }
        }
        closedir(stream)
        for (folder, path) in folders { try collect(folder, relative: path, into: &found) }
    }

    /// Opened without waiting (a named pipe would block `open` forever) and refused unless it is a regular file.
    public func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(absolute(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.readError(errno, path: path) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        bytes.reserveCapacity(Int(status.st_size))
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

    /// Three stats fewer per read than `entryProblem`, `size(of:)` and `read` one after the other:
    /// content files are read twice a build (front matter, then the body when the page is rendered).
    public func readPlainFile(_ path: String, maxBytes: Int) -> [UInt8]? {
        readPlainFileAndStatus(path, maxBytes: maxBytes)?.bytes
    }

    public func readPlainFileAndStatus(_ path: String, maxBytes: Int) -> (bytes: [UInt8], status: FileStatus?)? {
        let descriptor = open(absolute(path), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= maxBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            done += count
        }
        // A file that grew since `fstat`: read the rest the careful way.
        var probe: UInt8 = 0
        guard systemRead(descriptor, &probe, 1) == 0 else { return nil }
        return (bytes, FileStatus(status))
    }

    public func plainFileStatus(_ path: String, maxBytes: Int) -> FileStatus? {
        var status = stat()
        guard lstat(absolute(path), &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= maxBytes else { return nil }
        return FileStatus(status)
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

    public func entryProblem(_ path: String) -> ContentEntryProblem? {
        let full = absolute(path)
        switch Self.linkKind(of: full) {
        case .file: return nil
        case .directory, .missing: return nil // not an entry `files(in:)` lists; reading it reports the problem
        case .special: return .notAFile
        case .link: break
        }
        guard let resolved = Self.realPath(full) else { return .linkDangling }
        guard resolved == resolvedRootPath || resolved.hasPrefix(resolvedRootPath + "/") else { return .linkOutside }
        switch Self.kind(of: resolved) {
        case .directory: return .linkToFolder
        case .file: return Self.linkKind(of: resolved) == .special ? .notAFile : nil
        case .missing: return .linkDangling
        }
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

    private enum LinkKind { case file, directory, link, special, missing }

    /// What the path itself is, links not followed, as `lstat` sees it.
    private static func linkKind(of path: String) -> LinkKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .special
        }
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
