import NhipCauCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX writes for the thousands of small files of a build. Foundation's `Data.write`
/// syncs every file to disk, which a build does not need: the staging folder is only swapped in
/// when complete, so a crash leaves the previous site in place anyway.
enum FileWriting {
    /// Writes `bytes` to `path`, creating missing folders. Returns why it failed, or nil.
    static func write(_ bytes: some Collection<UInt8>, to path: String) -> LocalizedText? {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            if let problem = makeFolders(parentOf: path) { return problem }
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard descriptor >= 0 else { return describe(errno) }
        defer { close(descriptor) }
        let written: Int? = bytes.withContiguousStorageIfAvailable { buffer in writeAll(buffer, to: descriptor) }
            ?? Array(bytes).withUnsafeBufferPointer { writeAll($0, to: descriptor) }
        return written == bytes.count ? nil : describe(errno)
    }

    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var offset = 0
        while offset < buffer.count {
            let result = systemWrite(descriptor, base + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return offset
            }
            offset += result
        }
        return offset
    }

    /// `mkdir -p` for the folder holding `path`.
    private static func makeFolders(parentOf path: String) -> LocalizedText? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return nil }
        guard errno == ENOENT else { return describe(errno) }
        if let problem = makeFolders(parentOf: folder) { return problem }
        return mkdir(folder, 0o755) == 0 || errno == EEXIST ? nil : describe(errno)
    }

    /// In the officer's words, not `strerror`'s English.
    static func describe(_ code: Int32) -> LocalizedText {
        SystemReason.posix(code) ?? LocalizedText(vi: "lỗi của hệ điều hành (mã \(code))", en: "an operating-system error (code \(code))")
    }
}

#if canImport(Glibc)
private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
#elseif canImport(Darwin)
private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
#endif
