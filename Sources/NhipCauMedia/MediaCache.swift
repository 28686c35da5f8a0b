#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NhipCauCore

/// Encoded images kept between builds, outside `content/` and the site: one folder per product of
/// a source, named by the SHA-256 of the source's bytes, the settings and libvips' version. Each
/// file's own hash is in the entry's list and checked when read, unless the file still has the status
/// it had when a build last found it intact (`MediaSources` keeps those; any write to a file gives it a
/// new change time): an entry that does not match (a file cut short, written to, missing) is made
/// again, never published. A file damaged with no write (a failing disk) is not noticed until `--full`.
public struct MediaCache: Sendable {
    /// Nil: no cache (every build does all image work).
    public let folder: URL?
    /// The entries' folder, for reading their files (its real path found once, not at every read).
    private let entries: DiskContent?

    public init(folder: URL?) {
        self.folder = folder
        entries = folder.map { DiskContent(root: $0.appendingPathComponent("media")) }
    }

    /// `.nhipcau-cache/` beside the content folder.
    public static func defaultFolder(for content: URL) -> URL {
        content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".nhipcau-cache")
    }

    static let formatVersion = "nhipcau-media 2"
    static let listName = "entry.txt"

    static func key(sourceHash: String, product: ImageProduct, settings: ImageSettings) -> String {
        Vips.sha256("\(formatVersion)\n\(sourceHash)\n\(product.rawValue)\n\(settings.key)\nvips \(Vips.version)")
    }

    /// An entry's folder under `media/` of the cache folder: `ab/abcd…`.
    private static func entryPath(_ key: String) -> String { key.prefix(2) + "/" + key }

    private func entryFolder(_ key: String) -> URL? {
        folder?.appendingPathComponent("media").appendingPathComponent(Self.entryPath(key))
    }

    /// An entry's images as read, and what reading them found.
    struct ReadEntry {
        let images: [EncodedImage]
        /// Each file's status when it was read, by `file(_:role:)`.
        let statuses: [String: FileStatus]
        /// Files whose SHA-256 was computed: those not vouched for by their status.
        let hashed: Int
    }

    /// How an entry's file is named in `MediaSources`' record: the entry's key and the image's role.
    static func file(_ key: String, role: String) -> String { key + "/" + role }

    /// Nil when absent or not intact. A file whose status is the one `vouchedFor` gives (its status
    /// when an earlier build hashed it and found it intact) is not hashed again: an entry is written
    /// once, into a private folder, and writing to a file gives it a new change time.
    func read(_ key: String, vouchedFor: [String: UInt64] = [:]) -> ReadEntry? {
        let entry = Self.entryPath(key)
        guard let entries, let listBytes = try? entries.read(entry + "/" + Self.listName),
              let list = listBytes.withUnsafeBufferPointer(String.init(checkingUTF8:)) else { return nil }
        var lines = list.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == Self.formatVersion, lines.last == "end" else { return nil }
        lines = Array(lines.dropFirst().dropLast())
        var images: [EncodedImage] = []
        var statuses: [String: FileStatus] = [:]
        var hashed = 0
        for line in lines {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 5, let format = EncodedFormat(rawValue: fields[1]),
                  let width = Int(fields[2]), let height = Int(fields[3]),
                  let (bytes, found) = entries.readPlainFileAndStatus(entry + "/" + fields[0], maxBytes: Int.max),
                  let status = found else { return nil }
            let name = Self.file(key, role: fields[0])
            if vouchedFor[name] != status.key {
                guard Vips.sha256(bytes) == fields[4] else { return nil }
                hashed += 1
            }
            statuses[name] = status
            images.append(EncodedImage(role: fields[0], format: format, width: width, height: height, bytes: bytes))
        }
        return ReadEntry(images: images, statuses: statuses, hashed: hashed)
    }

    /// Written into a private folder, then renamed into place, so a reader never sees half an entry.
    /// A cache that cannot be written only costs time: the error is returned for one warning.
    func write(_ images: [EncodedImage], key: String) -> Bool {
        guard let entry = entryFolder(key) else { return true }
        let manager = FileManager.default
        let temporary = entry.deletingLastPathComponent().appendingPathComponent(".\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            var list = Self.formatVersion + "\n"
            for image in images {
                try Data(image.bytes).write(to: temporary.appendingPathComponent(image.role))
                list += "\(image.role) \(image.format.rawValue) \(image.width) \(image.height) \(Vips.sha256(image.bytes))\n"
            }
            try Data((list + "end").utf8).write(to: temporary.appendingPathComponent(Self.listName))
            try? manager.removeItem(at: entry)
            try manager.moveItem(at: temporary, to: entry)
            return true
        } catch {
            try? manager.removeItem(at: temporary)
            // Another build may have put the same entry in place first: that one is as good.
            return manager.fileExists(atPath: entry.appendingPathComponent(Self.listName).path)
        }
    }
}
