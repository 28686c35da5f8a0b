#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NhipCauCore

/// What earlier builds read of each Markdown file: its front matter, split off and parsed. A file
/// whose bytes are those of then (the same `SourceStamp` fingerprint) is not checked, split and
/// parsed again: for a one-story edit of a 10,000-story site that was a fifth of the build.
///
/// One file in the cache folder for the content folder. The next one is written while this build
/// reads, a megabyte at a time (not held in memory: 100,000 stories' front matter is tens of
/// megabytes), and takes the old one's place when loading is done (`finish`). A file from another
/// build of the tool, or one whose checksum does not match (cut short, changed by hand), is not used:
/// every file is then parsed, as with no cache.
public final class FrontMatterCache: @unchecked Sendable {
    /// One file's front matter as `SplitDocument` and `FrontMatter.parseNode` gave it.
    struct Entry: Equatable {
        let frontMatter: String
        let frontMatterLine: Int
        let closingLine: Int
        let bodyLine: Int
        let root: YAMLNode?
    }

    static let magic = Array("NhipCau front matter cache 1\n".utf8)

    private let file: URL
    /// The previous file's bytes, and where each Markdown file's record is in them; read by the
    /// loading's workers, let go by `finish` (100,000 stories' cache is some 100 MB).
    private var previous: [UInt8]
    private var records: Records

    private let lock = NSLock()
    private var pending: [UInt8] = []
    private var checksum = Fingerprint()
    private var descriptor: Int32 = -1
    private let temporary: String
    private var failed = false
    private var hasRecords = false
    private var madeFolder = false

    /// `identity` tells this build of the tool from any other (its parse may differ): a cache
    /// written by another is not read.
    public init(file: URL, identity: String) {
        self.file = file
        temporary = file.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let read = Self.read(file, identity: identity)
        previous = read.bytes
        records = read.records
        var header = CacheBytesWriter()
        for byte in Self.magic { header.integer(byte) }
        header.text(identity)
        append(header.bytes, isRecord: false)
    }

    /// The front matter of `file` as read before, when its bytes are still those.
    func entry(for file: String, fingerprint: UInt64) -> Entry? {
        guard let record = records[file], record.fingerprint == fingerprint else { return nil }
        var reader = CacheBytesReader(previous, from: record.entry.lowerBound)
        guard let entry = Self.decodeEntry(&reader), previous.count - reader.remaining == record.entry.upperBound else { return nil }
        append(Array(previous[record.range]))
        return entry
    }

    /// Keeps what was read of `file` for the next build.
    func record(_ file: String, fingerprint: UInt64, _ entry: Entry) {
        var writer = CacheBytesWriter()
        writer.text(file)
        writer.integer(fingerprint)
        var body = CacheBytesWriter()
        Self.encodeEntry(entry, into: &body)
        writer.byteArray(body.bytes)
        append(writer.bytes)
    }

    /// Once every file was read: the new cache takes the old one's place (none is written when no
    /// file was read: a build that stopped on `site.yml`).
    public func finish() {
        lock.withLock {
            previous = []
            records = [:]
            guard hasRecords else { return }
            flush(final: true)
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            if failed || rename(temporary, file.path) != 0 { unlink(temporary) }
        }
    }

    /// Leaves no trace: the file being written is removed, and the cache folder when it made it.
    public func discard() {
        lock.withLock {
            previous = []
            records = [:]
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporary)
            if madeFolder { rmdir(file.deletingLastPathComponent().path) }
            failed = true
        }
    }

    private func append(_ bytes: [UInt8], isRecord: Bool = true) {
        lock.withLock {
            hasRecords = hasRecords || isRecord
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 20 { flush(final: false) }
        }
    }

    /// Writes what is pending; the last eight bytes, on the final flush, are the checksum of all before.
    private func flush(final: Bool) {
        guard !failed else { return }
        if descriptor < 0 {
            let folder = file.deletingLastPathComponent()
            if !FileManager.default.fileExists(atPath: folder.path) {
                madeFolder = (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { failed = true; return }
        }
        checksum.add(pending)
        if final { withUnsafeBytes(of: checksum.value.littleEndian) { pending.append(contentsOf: $0) } }
        failed = !CacheBytesWriter.writeAll(pending, to: descriptor)
        pending.removeAll(keepingCapacity: true)
    }

    // MARK: - The file

    private typealias Records = [String: (fingerprint: UInt64, range: Range<Int>, entry: Range<Int>)]

    private static func read(_ file: URL, identity: String) -> (bytes: [UInt8], records: Records) {
        guard let bytes = try? DiskContent(root: file.deletingLastPathComponent()).read(file.lastPathComponent),
              bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return ([], [:]) }
        guard CacheBytesReader.endsWithChecksum(bytes) else { return ([], [:]) }
        var reader = CacheBytesReader(bytes, from: magic.count)
        guard reader.text() == identity else { return ([], [:]) }
        var records: Records = [:]
        while reader.remaining > 8 {
            let start = bytes.count - reader.remaining
            guard let path = reader.text(), let fingerprint = reader.integer(UInt64.self),
                  let length = reader.integer(UInt32.self), reader.skip(Int(length)) else { return ([], [:]) }
            let recordEnd = bytes.count - reader.remaining
            records[path] = (fingerprint, start..<recordEnd, recordEnd - Int(length)..<recordEnd)
        }
        guard reader.remaining == 8 else { return ([], [:]) }
        return (bytes, records)
    }

    static func encodeEntry(_ entry: Entry, into writer: inout CacheBytesWriter) {
        writer.text(entry.frontMatter)
        writer.integer(UInt32(entry.frontMatterLine))
        writer.integer(UInt32(entry.closingLine))
        writer.integer(UInt32(entry.bodyLine))
        writer.integer(UInt8(entry.root == nil ? 0 : 1))
        entry.root?.encode(into: &writer)
    }

    static func decodeEntry(_ reader: inout CacheBytesReader) -> Entry? {
        guard let frontMatter = reader.text(), let frontMatterLine = reader.integer(UInt32.self),
              let closingLine = reader.integer(UInt32.self), let bodyLine = reader.integer(UInt32.self),
              let hasRoot = reader.integer(UInt8.self), hasRoot <= 1 else { return nil }
        var root: YAMLNode?
        if hasRoot == 1 {
            guard let node = YAMLNode.decode(from: &reader) else { return nil }
            root = node
        }
        return Entry(frontMatter: frontMatter, frontMatterLine: Int(frontMatterLine), closingLine: Int(closingLine),
                     bodyLine: Int(bodyLine), root: root)
    }
}
