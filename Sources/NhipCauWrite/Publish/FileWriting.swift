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
import NhipCauCore

/// Plain POSIX writes for the thousands of small files of a build, into a folder that usually
/// holds the previous build already. A file that already has the bytes is left alone (read and
/// compared: no write, no new inode, no page to write back); another is overwritten in place.
/// Foundation's `Data.write` would sync every file to disk, which a build does not need: the
/// staging folder is only swapped in when complete, so a crash leaves the previous site in place.
enum FileWriting {
    /// Makes `path` hold exactly `bytes`, creating missing folders and replacing whatever is in
    /// the way (a folder, a link, a pipe). Returns a description of the problem, or nil.
    static func write(_ bytes: some Collection<UInt8>, to path: String) -> LocalizedText? {
        if let problem = bytes.withContiguousStorageIfAvailable({ store($0, at: path) }) { return problem }
        return Array(bytes).withUnsafeBufferPointer { store($0, at: path) }
    }

    /// Makes `path` hold the contents of the regular file `source` (links followed, never copied).
    static func copy(from source: String, to path: String) -> LocalizedText? {
        // O_NONBLOCK: a named pipe put there after the content was checked must not block `open`.
        let input = open(source, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else { return describe(errno) }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0 else { return describe(errno) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return LocalizedText("output.notRegularFile") }
        let size = Int(status.st_size)
        return withTarget(path) { target, existingSize in
            if existingSize == size, let same = sameBytes(target, input, count: size), same { return nil }
            return copyAll(from: input, to: target, count: size, existingSize: existingSize)
        }
    }

    private static func store(_ buffer: UnsafeBufferPointer<UInt8>, at path: String) -> LocalizedText? {
        withTarget(path) { target, existingSize in
            if existingSize == buffer.count && holds(target, buffer) { return nil }
            if let base = buffer.baseAddress, let problem = writeAll(base, count: buffer.count, to: target, at: 0) { return problem }
            return cutTail(target, to: buffer.count, existingSize: existingSize)
        }
    }

    // MARK: - The target file

    /// Opens `path` for reading and writing (created if missing) and gives `body` its size.
    /// `O_NOFOLLOW`: a link in the way (a site built by an older version copied media links as
    /// links) is removed, never written through.
    private static func withTarget(_ path: String, _ body: (Int32, Int) -> LocalizedText?) -> LocalizedText? {
        var lastError: Int32 = 0
        for _ in 0..<4 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o644)
            if descriptor >= 0 {
                defer { close(descriptor) }
                var status = stat()
                guard fstat(descriptor, &status) == 0 else { return describe(errno) }
                if (status.st_mode & S_IFMT) == S_IFREG { return body(descriptor, Int(status.st_size)) }
                unlink(path) // a pipe or socket in the way
                continue
            }
            lastError = errno
            switch lastError {
            case EINTR: continue
            case ENOENT, ENOTDIR: if let problem = makeFolders(parentOf: path) { return problem }
            case ELOOP, EACCES: unlink(path)
            case EISDIR: try? FileManager.default.removeItem(atPath: path) // the previous site had a folder here
            default: return describe(lastError)
            }
        }
        return describe(lastError)
    }

    /// True when the open file already holds exactly `buffer` (its size was checked).
    private static func holds(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let chunkSize = min(buffer.count, 256 * 1024)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { scratch.deallocate() }
        var offset = 0
        while offset < buffer.count {
            let wanted = min(chunkSize, buffer.count - offset)
            guard readFully(descriptor, scratch, count: wanted, at: offset),
                  memcmp(scratch, base + offset, wanted) == 0 else { return false }
            offset += wanted
        }
        return true
    }

    /// Whether two open files of `count` bytes are equal; nil when one cannot be read.
    private static func sameBytes(_ first: Int32, _ second: Int32, count: Int) -> Bool? {
        let chunkSize = max(1, min(count, 256 * 1024))
        let one = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        let two = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { one.deallocate(); two.deallocate() }
        var offset = 0
        while offset < count {
            let wanted = min(chunkSize, count - offset)
            guard readFully(first, one, count: wanted, at: offset), readFully(second, two, count: wanted, at: offset) else { return nil }
            if memcmp(one, two, wanted) != 0 { return false }
            offset += wanted
        }
        return true
    }

    private static func copyAll(from input: Int32, to target: Int32, count: Int, existingSize: Int) -> LocalizedText? {
        let chunkSize = max(1, min(count, 256 * 1024))
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var offset = 0
        while offset < count {
            let wanted = min(chunkSize, count - offset)
            guard readFully(input, chunk, count: wanted, at: offset) else { return describe(errno) }
            if let problem = writeAll(UnsafePointer(chunk.assumingMemoryBound(to: UInt8.self)), count: wanted, to: target, at: offset) {
                return problem
            }
            offset += wanted
        }
        return cutTail(target, to: count, existingSize: existingSize)
    }

    /// Shortens a file that was longer. Overwriting and then cutting, rather than truncating to
    /// zero first, keeps ext4 from flushing the file on close (its replace-by-truncate heuristic).
    private static func cutTail(_ descriptor: Int32, to count: Int, existingSize: Int) -> LocalizedText? {
        guard existingSize > count else { return nil }
        return ftruncate(descriptor, off_t(count)) == 0 ? nil : describe(errno)
    }

    private static func readFully(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let result = pread(descriptor, buffer + done, count - done, off_t(offset + done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }

    private static func writeAll(_ base: UnsafePointer<UInt8>, count: Int, to descriptor: Int32, at start: Int) -> LocalizedText? {
        var offset = 0
        while offset < count {
            let result = pwrite(descriptor, base + offset, count - offset, off_t(start + offset))
            if result < 0 {
                if errno == EINTR { continue }
                return describe(errno)
            }
            offset += result
        }
        return nil
    }

    // MARK: - Folders

    /// `mkdir -p` for the folder holding `path`. Several threads may make the same folders at
    /// once (`EEXIST` is fine); a file or link where a folder belongs is replaced by the folder.
    private static func makeFolders(parentOf path: String) -> LocalizedText? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 { return nil }
        switch errno {
        case EEXIST:
            if isFolder(folder) { return nil }
            unlink(folder)
        case ENOENT, ENOTDIR:
            if let problem = makeFolders(parentOf: folder) { return problem }
        default:
            return describe(errno)
        }
        return mkdir(folder, 0o755) == 0 || (errno == EEXIST && isFolder(folder)) ? nil : describe(errno)
    }

    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func describe(_ code: Int32) -> LocalizedText {
        SystemReason.posix(code) ?? LocalizedText("output.operatingSystemErrorCode", ["code": "\(code)"])
    }
}
