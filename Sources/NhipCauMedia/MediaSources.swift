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

/// What earlier builds learned of each picture under `media/`: its SHA-256 (which names its entries
/// in `MediaCache`) and its header (format, size as shown, transparency), by the file's status
/// (`FileStatus`). A picture whose status is the one it had then is not read, hashed or opened by
/// libvips again: for a site with 200 phone photos that was 1.6 s of every build, a one-story edit too.
///
/// With each picture, the status of each file of its media cache entries when a build last found it
/// intact by its SHA-256: a file with that status still is not hashed again (`MediaCache.read`).
/// For those 200 photos that was most of what a build did for them.
///
/// Only a status taken when the file was already `settledSeconds` old is kept (file times are coarse;
/// a file written again within the same tick would keep its status). A picture whose products are
/// not all in the media cache is read as before, so no entry is ever made from bytes other than the
/// ones hashed. One small file per content folder in the cache folder, replaced whole (`save`);
/// a file from another build of the tool or libvips, or with a wrong checksum, is not used.
public struct MediaSources: Sendable {
    struct Known: Equatable {
        let hash: String
        let header: SourceHeader
        /// A file of the picture's media cache entries (`MediaCache.file`) → its status when found intact.
        var cacheFiles: [String: UInt64] = [:]
    }

    /// What a build learned of one picture, with the status the file had before it was read, and
    /// the statuses of its media cache files as read (each found intact, by its hash or its status);
    /// nil: none were read (a picture refused from its recorded header), `known`'s stand.
    struct Learned {
        let path: String
        let status: FileStatus
        let known: Known
        let cacheFiles: [String: FileStatus]?
    }

    private struct Entry {
        let status: UInt64
        let known: Known
    }

    static let magic = Array("NhipCau media sources 2\n".utf8)

    private let file: URL
    private let identity: String
    private let previous: [String: Entry]
    private let trustedBefore: timespec

    /// - Parameters:
    ///   - identity: tells this build of the tool from any other; libvips' version is added to it.
    ///   - readsPrevious: false for `--full`, which reads every picture again (and keeps what it learns).
    public init(file: URL, identity: String, readsPrevious: Bool, settledSeconds: Int, now: timespec = FileStatus.wallClock()) {
        self.file = file
        self.identity = identity + "\nvips " + Vips.version
        trustedBefore = FileStatus.settled(settledSeconds, before: now)
        previous = readsPrevious ? Self.read(file, identity: self.identity) : [:]
    }

    /// One file for each content folder, in the cache folder.
    public static func file(cacheFolder: URL, content: URL) -> URL {
        let key = Fingerprint.of(content.standardizedFileURL.path)
        return cacheFolder.appendingPathComponent("media-sources-" + String(key, radix: 16) + ".bin")
    }

    /// What was learned of `path` when its status was `status`; nil when it was not, or not known settled.
    func known(_ path: String, status: FileStatus) -> Known? {
        guard let entry = previous[path], entry.status == status.key else { return nil }
        return entry.known
    }

    /// Replaces the file with what this build learned (or found again): pictures removed since are gone
    /// from it, and a status too recent to vouch for is not kept. A file that cannot be written costs only time.
    func save(_ learned: [Learned]) {
        var entries: [String: Entry] = [:]
        for item in learned where item.status.isOlder(than: trustedBefore) {
            var known = item.known
            if let cacheFiles = item.cacheFiles {
                known.cacheFiles = cacheFiles.filter { $0.value.isOlder(than: trustedBefore) }.mapValues(\.key)
            }
            entries[item.path] = Entry(status: item.status.key, known: known)
        }
        var writer = CacheBytesWriter()
        for byte in Self.magic { writer.integer(byte) }
        writer.text(identity)
        writer.integer(UInt32(entries.count))
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.text(path)
            writer.integer(entry.status)
            writer.text(entry.known.hash)
            writer.text(entry.known.header.format.rawValue)
            writer.integer(UInt32(entry.known.header.width))
            writer.integer(UInt32(entry.known.header.height))
            writer.integer(UInt8(entry.known.header.hasAlpha ? 1 : 0))
            writer.integer(UInt32(entry.known.cacheFiles.count))
            for (name, status) in entry.known.cacheFiles.sorted(by: { $0.key < $1.key }) {
                writer.text(name)
                writer.integer(status)
            }
        }
        writer.integer(Fingerprint.of(writer.bytes))
        CacheBytesWriter.replace(file) { CacheBytesWriter.writeAll(writer.bytes, to: $0) }
    }

    private static func read(_ file: URL, identity: String) -> [String: Entry] {
        guard let bytes = try? DiskContent(root: file.deletingLastPathComponent()).read(file.lastPathComponent),
              bytes.starts(with: magic), CacheBytesReader.endsWithChecksum(bytes) else { return [:] }
        var reader = CacheBytesReader(bytes, from: magic.count)
        guard reader.text() == identity, let count = reader.integer(UInt32.self) else { return [:] }
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard let path = reader.text(), let status = reader.integer(UInt64.self), status != 0, let hash = reader.text(),
                  let format = reader.text().flatMap(SourceFormat.init(rawValue:)),
                  let width = reader.integer(UInt32.self), let height = reader.integer(UInt32.self),
                  let alpha = reader.integer(UInt8.self), alpha <= 1,
                  let fileCount = reader.integer(UInt32.self), Int(fileCount) <= reader.remaining / 12 else { return [:] }
            var cacheFiles: [String: UInt64] = [:]
            for _ in 0..<fileCount {
                guard let name = reader.text(), let fileStatus = reader.integer(UInt64.self), fileStatus != 0 else { return [:] }
                cacheFiles[name] = fileStatus
            }
            let header = SourceHeader(format: format, width: Int(width), height: Int(height), hasAlpha: alpha == 1)
            entries[path] = Entry(status: status, known: Known(hash: hash, header: header, cacheFiles: cacheFiles))
        }
        guard reader.remaining == 8 else { return [:] }
        return entries
    }
}
