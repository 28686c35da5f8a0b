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
import NhipCauWrite

/// What `nhipcau build` keeps about its last build of one output folder, so that the next build
/// renders only the pages whose inputs changed (see `InputFingerprint`). Kept in the cache folder
/// (`.nhipcau-cache` beside the content folder, or `--cache`), one file per output folder.
///
/// The file is removed before a build touches the staging folder and written again only after the
/// new site is published, so a build that fails, or is killed, leaves no cache that could be wrong:
/// the next build then renders every page. A cache that cannot be read whole is not used.
struct BuildCache: Sendable {
    struct Page: Sendable {
        /// The page's file, relative to the site root.
        let path: String
        /// The bytes the page has in the published site.
        let output: UInt64
        /// Its own Markdown file's fingerprint; 0 for a page made from no file.
        let body: UInt64
        /// The front matter it shows of other files (`InputFingerprint.reads`).
        let reads: UInt64
        /// Rendering it gave warnings: it is rendered again, so that every build reports them.
        let hadDiagnostics: Bool
    }

    let structure: UInt64
    /// Every page file's path and front matter (`InputFingerprint.allFrontMatter`): while it and
    /// `structure` stay the same, so does what every page reads; 0 when not known.
    var allFrontMatter: UInt64 = 0
    let pages: [Page]
    /// Each page file in the staging folder, which holds the site published before the current one,
    /// with its bytes' fingerprint: the pages of the cache this one follows, in their order (so they
    /// are written with no sort of 150,000 paths at 100,000 stories). Empty when not known.
    let staging: [(path: String, output: UInt64)]
    /// The published site's search index before it was written, for the next build to carry over
    /// (`SearchIndex.Builder.init(carrying:)`); nil when the build kept none.
    let search: SearchIndex.Snapshot?
    /// What the staging folder's folders hold, as the build that published it left them
    /// (`StagingRecord`, encoded); nil when not known (then every folder is read). Goes with `staging`.
    var stagingRecordBytes: [UInt8]?
    /// The same of the published site, made by this build: the next build's `stagingRecordBytes`.
    /// Only carried over by that build, so it is kept encoded.
    var publishedRecordBytes: [UInt8]?

    /// `pages` by path, the set of their bodies' fingerprints, and `staging` by path: what `PageReuse`
    /// looks pages up in.
    struct PageIndex: Sendable {
        let byPath: [String: Page]
        let bodies: Set<UInt64>
        let staging: [String: UInt64]

        init(_ cache: BuildCache) {
            byPath = Dictionary(cache.pages.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
            bodies = Set(cache.pages.map(\.body))
            staging = Dictionary(cache.staging.map { ($0.path, $0.output) }, uniquingKeysWith: { $1 })
        }
    }

    /// Made by `indexed()`, on the thread that reads the cache while the content is loaded; else made when asked for.
    private var madeIndex: PageIndex?
    var pageIndex: PageIndex { madeIndex ?? PageIndex(self) }

    /// The cache with its page index made now (`OutputOpening` does it on its own thread).
    func indexed() -> BuildCache {
        var cache = self
        cache.madeIndex = PageIndex(self)
        return cache
    }

    init(structure: UInt64, pages: [Page], staging: [(path: String, output: UInt64)], search: SearchIndex.Snapshot?) {
        self.structure = structure
        self.pages = pages
        self.staging = staging
        self.search = search
    }

    /// The staging folder's record, nil when there is none or it does not read back whole.
    var stagingRecord: StagingRecord? {
        stagingRecordBytes.flatMap { bytes in
            var reader = CacheBytesReader(bytes, from: 0)
            return StagingRecord.decode(from: &reader).flatMap { reader.remaining == 0 ? $0 : nil }
        }
    }

    /// Version 3 ends with a checksum of all before it; version 4 keeps each page's reads; version 5
    /// keeps the search index, not each page's words; version 6 also its term shards; version 7 the
    /// staging and published folders' records; version 8 every page file's front matter as one fingerprint.
    static let magic = Array("NhipCau build cache 8\n".utf8)

    /// The cache file for builds into `output`.
    static func file(cacheFolder: URL, output: URL) -> URL {
        let key = Fingerprint.of(output.standardizedFileURL.path)
        return cacheFolder.appendingPathComponent("build-" + String(key, radix: 16) + ".bin")
    }

    /// Reads the cache, leaving its file: a build removes it (`remove`) before the staging
    /// folder may change, and reads it only while it holds the output's lock.
    static func read(_ file: URL) -> BuildCache? {
        guard let bytes = try? DiskContent(root: file.deletingLastPathComponent()).read(file.lastPathComponent) else { return nil }
        return decode(bytes)
    }

    static func remove(_ file: URL) {
        unlink(file.path)
    }

    /// Writes the cache beside its place and renames it there, so a reader sees all of it or none.
    func save(_ file: URL) {
        CacheBytesWriter.replace(file) { descriptor in encode { CacheBytesWriter.writeAll($0, to: descriptor) } }
    }

    /// Writes the cache to a temporary file in the folder of `file`; its path, or nil when it could not be written.
    func writeBeside(_ file: URL) -> String? {
        // Written a megabyte at a time: the whole cache is tens of megabytes for a big site.
        CacheBytesWriter.writeBeside(file) { descriptor in encode { CacheBytesWriter.writeAll($0, to: descriptor) } }
    }

    /// Hands the encoded cache to `sink` in pieces of about a megabyte, the last eight bytes the
    /// `Fingerprint` of all the others; false when `sink` said so.
    func encode(_ write: ([UInt8]) -> Bool) -> Bool {
        var checksum = Fingerprint()
        func sink(_ chunk: [UInt8]) -> Bool {
            checksum.add(chunk)
            return write(chunk)
        }
        /// Hands over what is written once it is a megabyte (the search index alone is some 90 MB for 100,000 stories).
        func spill(_ writer: inout CacheBytesWriter) -> Bool {
            guard writer.bytes.count >= 1 << 20 else { return true }
            defer { writer.clear() }
            return sink(writer.bytes)
        }
        var writer = CacheBytesWriter()
        for byte in Self.magic { writer.integer(byte) }
        writer.integer(structure)
        writer.integer(allFrontMatter)
        writer.integer(UInt32(pages.count))
        for page in pages {
            writer.text(page.path)
            writer.integer(page.output)
            writer.integer(page.body)
            writer.integer(page.reads)
            writer.integer(UInt8(page.hadDiagnostics ? 1 : 0))
            guard spill(&writer) else { return false }
        }
        writer.integer(UInt32(staging.count))
        for (path, output) in staging {
            writer.text(path)
            writer.integer(output)
            guard spill(&writer) else { return false }
        }
        for record in [stagingRecordBytes, publishedRecordBytes] {
            writer.integer(UInt8(record == nil ? 0 : 1))
            if let record { writer.byteArray(record) }
            guard spill(&writer) else { return false }
        }
        writer.integer(UInt8(search == nil ? 0 : 1))
        if let search { guard search.encode(into: &writer, spill: spill) else { return false } }
        guard sink(writer.bytes) else { return false }
        var end = CacheBytesWriter()
        end.integer(checksum.value)
        return sink(end.bytes)
    }

    /// Nil unless the checksum matches and every part reads back whole.
    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        guard bytes.starts(with: magic), bytes.count >= magic.count + 8 else { return nil }
        guard CacheBytesReader.endsWithChecksum(bytes) else { return nil }
        var reader = CacheBytesReader(bytes, from: magic.count)
        guard let structure = reader.integer(UInt64.self), let allFrontMatter = reader.integer(UInt64.self),
              let pageCount = reader.integer(UInt32.self),
              Int(pageCount) <= reader.remaining else { return nil }
        var pages: [Page] = []
        pages.reserveCapacity(Int(pageCount))
        for _ in 0..<pageCount {
            guard let path = reader.text(), let output = reader.integer(UInt64.self), let body = reader.integer(UInt64.self),
                  let reads = reader.integer(UInt64.self), let flags = reader.integer(UInt8.self) else { return nil }
            pages.append(Page(path: path, output: output, body: body, reads: reads, hadDiagnostics: flags & 1 != 0))
        }
        guard let stagingCount = reader.integer(UInt32.self), Int(stagingCount) <= reader.remaining else { return nil }
        var staging: [(path: String, output: UInt64)] = []
        staging.reserveCapacity(Int(stagingCount))
        for _ in 0..<stagingCount {
            guard let path = reader.text(), let output = reader.integer(UInt64.self) else { return nil }
            staging.append((path, output))
        }
        var records: [[UInt8]?] = []
        for _ in 0..<2 {
            guard let hasRecord = reader.integer(UInt8.self), hasRecord <= 1 else { return nil }
            if hasRecord == 0 {
                records.append(nil)
            } else {
                guard let record = reader.byteArray() else { return nil }
                records.append(record)
            }
        }
        guard let hasSearch = reader.integer(UInt8.self) else { return nil }
        var search: SearchIndex.Snapshot?
        if hasSearch != 0 {
            guard let snapshot = SearchIndex.Snapshot.decode(from: &reader) else { return nil }
            search = snapshot
        }
        guard reader.remaining == 8 else { return nil }
        var cache = BuildCache(structure: structure, pages: pages, staging: staging, search: search)
        cache.allFrontMatter = allFrontMatter
        cache.stagingRecordBytes = records[0]
        cache.publishedRecordBytes = records[1]
        return cache
    }

}

/// Which pages this build can keep from the published site instead of rendering them.
struct PageReuse: Sendable {
    let inputs: InputFingerprint
    /// The published site's search index, which the kept pages' words are carried over from.
    let search: SearchIndex.Snapshot
    private let previous: [String: BuildCache.Page]
    private let staging: [String: UInt64]
    /// Some page's own file changed since the cached build.
    private let bodyChanged: Bool
    /// No page file's front matter changed, nor which page files there are, since the cached build:
    /// what each page reads is what it read then.
    private let readsUnchanged: Bool

    /// nil when nothing can be kept: no cache, a cache with no search index, or a change to the
    /// structure (`InputFingerprint`).
    init?(inputs: InputFingerprint, cache: BuildCache?, publishedSiteExists: Bool) {
        guard let cache, cache.structure == inputs.structure, let search = cache.search, publishedSiteExists else { return nil }
        self.inputs = inputs
        self.search = search
        let index = cache.pageIndex
        previous = index.byPath
        staging = index.staging
        bodyChanged = inputs.bodies.values.contains { !index.bodies.contains($0) }
        readsUnchanged = cache.allFrontMatter != 0 && cache.allFrontMatter == inputs.allFrontMatter
    }

    /// What the page at `path` read in the cached build, when it is known to read the same now;
    /// else nil, and it is found from the page (`InputFingerprint.reads`).
    func unchangedReads(path: String) -> UInt64? {
        guard readsUnchanged else { return nil }
        return previous[path]?.reads
    }

    /// The cached page when the page at `path`, made from `file` and showing the front matter
    /// `reads` fingerprints, renders to what was published.
    func kept(path: String, file: String?, reads: UInt64) -> BuildCache.Page? {
        guard let page = previous[path], !page.hadDiagnostics, page.reads == reads else { return nil }
        if let file {
            // 0: a page made from a file that is structure (a CSV row), as `writePages` records it.
            guard inputs.bodies[file] ?? 0 == page.body else { return nil }
            if bodyChanged && inputs.crossLinking.contains(file) { return nil }
        }
        return page
    }

    /// The cached file at `path` when it was published with the bytes `output` fingerprints: a
    /// file made whole every build (the search index's), kept when it comes out the same.
    func published(path: String, output: UInt64) -> BuildCache.Page? {
        guard let page = previous[path], page.output == output, !page.hadDiagnostics else { return nil }
        return page
    }

    /// Whether the staging folder is known to hold `page`'s published bytes already.
    func stagingHolds(_ page: BuildCache.Page) -> Bool {
        staging[page.path] == page.output
    }
}
