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
/// A file whose status (`FileStatus`: change and modification times, size, inode, device) is the one it had
/// when it was read is not even read: its stamp is kept here too. Only a status taken when the file
/// was already a few seconds old is kept (`trustedBefore`): file times are coarse (a few milliseconds
/// on Linux, two seconds on FAT), and a file written again within the same tick, right after it was
/// read, would keep the status of the bytes read.
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
        /// The file's model as its kind's `ModelCodec` wrote it, when parsing it said nothing; empty otherwise.
        var model: [UInt8] = []
    }

    static let magic = Array("NhipCau front matter cache 3\n".utf8)
    /// How old a file must be for its status to be kept.
    static let statusMargin = 3

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
    /// Files last written before this time are known by their status next time.
    private let trustedBefore: timespec

    /// `identity` tells this build of the tool from any other (its parse may differ): a cache
    /// written by another is not read. `now` is the wall clock's time (a test's may be later).
    public init(file: URL, identity: String, now: timespec = FileStatus.wallClock()) {
        self.file = file
        trustedBefore = FileStatus.settled(Self.statusMargin, before: now)
        temporary = file.path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let read = Self.read(file, identity: identity)
        previous = read.bytes
        records = read.records
        var header = CacheBytesWriter()
        for byte in Self.magic { header.integer(byte) }
        header.text(identity)
        append(header.bytes, isRecord: false)
    }

    /// What the cache holds of one file known by its status, looked up once for the calls below.
    struct Held {
        fileprivate let record: Record
    }

    /// What the cache holds of `file` when it knows the file by its status (it was old enough when
    /// it was read); only then is its status worth taking.
    func held(_ file: String) -> Held? {
        records[file].flatMap { $0.status != 0 ? Held(record: $0) : nil }
    }

    /// The front matter and stamp of the held file as read before, when its status is still the one
    /// it had then: the file is not read.
    func unchangedEntry(_ held: Held, status: FileStatus) -> (entry: Entry, stamp: SourceStamp)? {
        let record = held.record
        guard record.status == status.key, let entry = decodedEntry(record) else { return nil }
        append(Array(previous[record.range]))
        return (entry, Self.stamp(record))
    }

    /// The model kept of the held file, with what its document needs of the entry, when its status
    /// is still the one it had then; nil when none was kept. The entry's front matter is not decoded.
    /// The caller `carry`s the record over when it used the model.
    func unchangedModel(_ held: Held, status: FileStatus) -> (model: [UInt8], frontMatter: String, bodyLine: Int, stamp: SourceStamp)? {
        guard held.record.status == status.key else { return nil }
        var reader = CacheBytesReader(previous, from: held.record.entry.lowerBound)
        guard let head = Self.decodeHead(&reader), !head.model.isEmpty else { return nil }
        return (head.model, head.frontMatter, head.bodyLine, Self.stamp(held.record))
    }

    /// Keeps the record of the held file, whose model was used, as it was for the next build.
    func carryModel(_ held: Held) {
        append(Array(previous[held.record.range]))
        lock.withLock { modelsTaken += 1 }
    }

    private static func stamp(_ record: Record) -> SourceStamp {
        SourceStamp(fingerprint: record.fingerprint, linksToFragment: record.linksToFragment)
    }

    /// How many files' models this build took from the cache.
    private(set) var modelsTaken = 0

    /// The front matter of `file` as read before, when its bytes are still those; kept for the next
    /// build with the file's `status` now.
    func entry(for file: String, stamp: SourceStamp, status: FileStatus?) -> Entry? {
        guard let record = records[file], record.fingerprint == stamp.fingerprint, let entry = decodedEntry(record) else { return nil }
        appendRecord(file, stamp: stamp, status: status, entry: previous[record.entry])
        return entry
    }

    /// Keeps what was read of `file` for the next build.
    func record(_ file: String, stamp: SourceStamp, status: FileStatus?, _ entry: Entry) {
        var body = CacheBytesWriter()
        Self.encodeEntry(entry, into: &body)
        appendRecord(file, stamp: stamp, status: status, entry: body.bytes[...])
    }

    /// The entry's front matter; nil when it was not kept (an entry with a model keeps none: see `encodeEntry`).
    private func decodedEntry(_ record: Record) -> Entry? {
        var reader = CacheBytesReader(previous, from: record.entry.lowerBound)
        guard let entry = Self.decodeEntry(&reader), previous.count - reader.remaining == record.entry.upperBound,
              entry.model.isEmpty else { return nil }
        return entry
    }

    private func appendRecord(_ file: String, stamp: SourceStamp, status: FileStatus?, entry: ArraySlice<UInt8>) {
        var writer = CacheBytesWriter()
        writer.text(file)
        writer.integer(stamp.fingerprint)
        writer.integer(UInt8(stamp.linksToFragment ? 1 : 0))
        writer.integer(status.flatMap { $0.isOlder(than: trustedBefore) ? $0.key : nil } ?? 0)
        writer.byteArray(Array(entry))
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

    fileprivate struct Record {
        let fingerprint: UInt64
        let linksToFragment: Bool
        /// The file's `FileStatus.key` when it was read, 0 when it was too new to tell by.
        let status: UInt64
        let range: Range<Int>
        let entry: Range<Int>
    }

    private typealias Records = [String: Record]

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
                  let links = reader.integer(UInt8.self), links <= 1, let status = reader.integer(UInt64.self),
                  let length = reader.integer(UInt32.self), reader.skip(Int(length)) else { return ([], [:]) }
            let recordEnd = bytes.count - reader.remaining
            records[path] = Record(fingerprint: fingerprint, linksToFragment: links == 1, status: status,
                                   range: start..<recordEnd, entry: recordEnd - Int(length)..<recordEnd)
        }
        guard reader.remaining == 8 else { return ([], [:]) }
        return (bytes, records)
    }

    static func encodeEntry(_ entry: Entry, into writer: inout CacheBytesWriter) {
        writer.text(entry.frontMatter)
        writer.integer(UInt32(entry.frontMatterLine))
        writer.integer(UInt32(entry.closingLine))
        writer.integer(UInt32(entry.bodyLine))
        writer.byteArray(entry.model)
        // A file with a model is made from it, or parsed again: its front matter tree, most of a big
        // site's cache, is not kept.
        let root = entry.model.isEmpty ? entry.root : nil
        writer.integer(UInt8(root == nil ? 0 : 1))
        root?.encode(into: &writer)
    }

    static func decodeEntry(_ reader: inout CacheBytesReader) -> Entry? {
        guard let head = decodeHead(&reader), let hasRoot = reader.integer(UInt8.self), hasRoot <= 1 else { return nil }
        var root: YAMLNode?
        if hasRoot == 1 {
            guard let node = YAMLNode.decode(from: &reader) else { return nil }
            root = node
        }
        return Entry(frontMatter: head.frontMatter, frontMatterLine: head.frontMatterLine, closingLine: head.closingLine,
                     bodyLine: head.bodyLine, root: root, model: head.model)
    }

    /// An entry up to its front matter tree, which a model's reader does not need.
    private static func decodeHead(_ reader: inout CacheBytesReader)
        -> (frontMatter: String, frontMatterLine: Int, closingLine: Int, bodyLine: Int, model: [UInt8])? {
        guard let frontMatter = reader.text(), let frontMatterLine = reader.integer(UInt32.self),
              let closingLine = reader.integer(UInt32.self), let bodyLine = reader.integer(UInt32.self),
              let model = reader.byteArray() else { return nil }
        return (frontMatter, Int(frontMatterLine), Int(closingLine), Int(bodyLine), model)
    }
}
