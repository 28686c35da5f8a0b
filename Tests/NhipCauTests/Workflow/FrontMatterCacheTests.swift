import Foundation
import NhipCauBuild
import NhipCauCore
@testable import NhipCauLoad
import Testing

/// The front matter cache: an unchanged Markdown file's front matter is read from it, not parsed
/// again; a changed file, a cache of another tool build or a damaged cache is parsed as with none.
@Suite struct FrontMatterCacheTests {
    static let files = [
        "stories/chi-lan.md": "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\ntags: [điều dưỡng, 'Nhật Bản']\nđát: 1\n---\n\nCâu chuyện.\n",
        "pages/lien-he.md": "---\ntitle: Liên hệ\nmenu: 2\ncontacts:\n  - role: \"Cán bộ\"\n    phone: \"0259 3822 111\"\nsummary:\n---\n\nGọi.\n",
    ]

    let site: TestSite
    let cacheFile: URL

    init() throws {
        var files = TestSite.minimal
        for (path, text) in Self.files { files[path] = text }
        site = try TestSite(files)
        cacheFile = site.root.appendingPathComponent("cache/front-matter.bin")
    }

    private func load(identity: String = "tool 1", now: timespec = FileStatus.wallClock(),
                      through content: (any ContentReading)? = nil) -> (LoadedContent?, Diagnostics) {
        let cache = FrontMatterCache(file: cacheFile, identity: identity, now: now)
        defer { cache.finish() }
        return ContentLoader.loadReadable(from: content ?? DiskContent(root: site.content), frontMatterCache: cache)
    }

    private func stamp(_ path: String) throws -> SourceStamp {
        SourceStamp(try DiskContent(root: site.content).read(path))
    }

    private func fingerprint(_ path: String) throws -> UInt64 {
        try stamp(path).fingerprint
    }

    /// An hour from now: every file written by the test is then old enough to be known by its status.
    private static var inAnHour: timespec {
        let now = FileStatus.wallClock()
        return timespec(tv_sec: now.tv_sec + 3600, tv_nsec: now.tv_nsec)
    }

    /// What a fresh parse of the file gives, to compare the cache's entries with.
    private func parsed(_ path: String) throws -> FrontMatterCache.Entry {
        let text = try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8)
        let split = try SplitDocument.split(text, file: path).get()
        let root = try FrontMatter.parseNode(split.frontMatter, file: path, firstLine: split.frontMatterLine).get()
        return FrontMatterCache.Entry(frontMatter: split.frontMatter, frontMatterLine: split.frontMatterLine,
                                      closingLine: split.closingLine, bodyLine: split.bodyLine, root: root)
    }

    @Test func eachFileReadIsKeptAsAFreshParseGivesIt() throws {
        _ = load()
        let cache = FrontMatterCache(file: cacheFile, identity: "tool 1")
        for path in Self.files.keys.sorted() + ["markets/nhat-ban.md"] {
            let kept = try #require(cache.entry(for: path, stamp: try stamp(path), status: nil), "\(path)")
            #expect(kept == (try parsed(path)), "\(path)")
        }
        #expect(cache.entry(for: "stories/chi-lan.md", stamp: SourceStamp(fingerprint: try fingerprint("stories/chi-lan.md") ^ 1, linksToFragment: false), status: nil) == nil)
        cache.finish()
    }

    @Test func aBuildFromTheCacheReportsWhatABuildWithoutItReports() throws {
        let (first, firstProblems) = load()
        let (second, secondProblems) = load()
        #expect(firstProblems.items == secondProblems.items)
        // The misspelt key is named at its own line and column both times.
        #expect(secondProblems.items.contains { $0.location.file == "stories/chi-lan.md" && $0.location.line == 6 && $0.location.column == 1 })
        #expect(first?.stories.map(\.tags) == second?.stories.map(\.tags))
        #expect(second?.pages.first { $0.document.slug == "lien-he" }?.document.bodyLine == 9)
    }

    /// An unchanged file is not parsed again: a cache entry for its exact bytes is believed.
    @Test func anUnchangedFileIsReadFromTheCache() throws {
        let path = "stories/chi-lan.md"
        let real = try parsed(path)
        let cache = FrontMatterCache(file: cacheFile, identity: "tool 1")
        let other = try FrontMatter.parseNode("title: \"Từ bộ nhớ đệm\"\ndate: 2021-01-05\n", file: path, firstLine: 2).get()
        cache.record(path, stamp: try stamp(path), status: nil,
                     FrontMatterCache.Entry(frontMatter: real.frontMatter, frontMatterLine: 2, closingLine: real.closingLine,
                                            bodyLine: real.bodyLine, root: other))
        cache.finish()
        #expect(load().0?.stories.first { $0.document.file == path }?.title == "Từ bộ nhớ đệm")
        // The load above wrote the cache again from what it read: the next one believes it too.
        #expect(load().0?.stories.first { $0.document.file == path }?.title == "Từ bộ nhớ đệm")
        try site.write(path, try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8) + "\nThêm.\n")
        #expect(load().0?.stories.first { $0.document.file == path }?.title == "Chị Lan")
    }

    @Test func aCacheOfAnotherToolBuildIsNotRead() throws {
        _ = load(identity: "tool 1")
        let cache = FrontMatterCache(file: cacheFile, identity: "tool 2")
        #expect(cache.entry(for: "stories/chi-lan.md", stamp: try stamp("stories/chi-lan.md"), status: nil) == nil)
        cache.finish()
    }

    @Test(arguments: ["one byte changed", "cut short", "empty"])
    func aDamagedCacheIsNotRead(damage: String) throws {
        _ = load()
        var bytes = try [UInt8](Data(contentsOf: cacheFile))
        switch damage {
        case "one byte changed": bytes[bytes.count / 2] ^= 0x20
        case "cut short": bytes.removeLast(bytes.count / 3)
        default: bytes = []
        }
        try Data(bytes).write(to: cacheFile)
        let cache = FrontMatterCache(file: cacheFile, identity: "tool 1")
        for path in Self.files.keys {
            #expect(cache.entry(for: path, stamp: try stamp(path), status: nil) == nil, "\(path)")
        }
        cache.finish()
        // Written anew from this load: read again next time.
        _ = load()
        #expect(FrontMatterCache(file: cacheFile, identity: "tool 1").entry(for: "pages/lien-he.md", stamp: try stamp("pages/lien-he.md"), status: nil) != nil)
    }

    /// A file whose status is the one it had when it was read is not read again: its front matter
    /// and stamp come from the cache. An edited file is read, and only it.
    @Test func aFileKnownByItsStatusIsNotRead() throws {
        _ = load(now: Self.inAnHour)
        let counting = CountingContent(DiskContent(root: site.content))
        let (kept, _) = load(now: Self.inAnHour, through: counting)
        #expect(counting.markdownReads.isEmpty, "\(counting.markdownReads)")
        #expect(kept?.stories.first { $0.document.file == "stories/chi-lan.md" }?.title == "Chị Lan")
        #expect(kept?.sourceStamps["stories/chi-lan.md"] == (try stamp("stories/chi-lan.md")), "the stamp the build cache reads")

        let path = "stories/chi-lan.md"
        try site.write(path, try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8)
            .replacingOccurrences(of: "title: \"Chị Lan\"", with: "title: \"Chị Mai\""))
        let afterEdit = CountingContent(DiskContent(root: site.content))
        let (edited, _) = load(now: Self.inAnHour, through: afterEdit)
        #expect(afterEdit.markdownReads == [path])
        #expect(edited?.stories.first { $0.document.file == path }?.title == "Chị Mai")
    }

    /// Put back with its old size and modification time (`cp -p`, `touch -r`), a file is still
    /// read: its change time is new.
    @Test func aFileWrittenBackWithItsOldTimesIsRead() throws {
        let path = "stories/chi-lan.md"
        let full = site.content.appendingPathComponent(path).path
        _ = load(now: Self.inAnHour)
        var before = stat()
        #expect(stat(full, &before) == 0)
        let text = try String(contentsOf: site.content.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "Câu chuyện.", with: "Chuyện khác"))
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, full, times, 0) == 0)
        var after = stat()
        #expect(stat(full, &after) == 0)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        let counting = CountingContent(DiskContent(root: site.content))
        let (loaded, _) = load(now: Self.inAnHour, through: counting)
        #expect(counting.markdownReads == [path])
        #expect(loaded?.sourceStamps[path] == (try stamp(path)))
    }

    /// A file written in the last few seconds may be written again within the same tick of the file
    /// clock, keeping its status: it is read again next time.
    @Test func aFileJustWrittenIsReadAgain() throws {
        _ = load()
        let counting = CountingContent(DiskContent(root: site.content))
        _ = load(through: counting)
        #expect(Set(counting.markdownReads) == Set(try DiskContent(root: site.content).files(in: "").filter { $0.hasSuffix(".md") }))
    }
}

/// The content folder on disk, telling which Markdown files were read.
private final class CountingContent: ContentReading, @unchecked Sendable {
    private let disk: DiskContent
    private let lock = NSLock()
    private var reads: [String] = []

    init(_ disk: DiskContent) { self.disk = disk }

    var markdownReads: [String] { lock.withLock { reads.filter { $0.hasSuffix(".md") }.sorted() } }

    private func note(_ path: String) { lock.withLock { reads.append(path) } }

    func files(in folder: String) throws -> [String] { try disk.files(in: folder) }
    func read(_ path: String) throws -> [UInt8] { note(path); return try disk.read(path) }
    func fileExists(_ path: String) -> Bool { disk.fileExists(path) }
    func directoryExists(_ path: String) -> Bool { disk.directoryExists(path) }
    func size(of path: String) -> Int? { disk.size(of: path) }
    func entryProblem(_ path: String) -> ContentEntryProblem? { disk.entryProblem(path) }
    func readPlainFile(_ path: String, maxBytes: Int) -> [UInt8]? { note(path); return disk.readPlainFile(path, maxBytes: maxBytes) }
    func readPlainFileAndStatus(_ path: String, maxBytes: Int) -> (bytes: [UInt8], status: FileStatus?)? {
        note(path)
        return disk.readPlainFileAndStatus(path, maxBytes: maxBytes)
    }
    func plainFileStatus(_ path: String, maxBytes: Int) -> FileStatus? { disk.plainFileStatus(path, maxBytes: maxBytes) }
}
