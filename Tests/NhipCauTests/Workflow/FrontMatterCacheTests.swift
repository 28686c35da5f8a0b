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

    private func load(identity: String = "tool 1") -> (LoadedContent?, Diagnostics) {
        let cache = FrontMatterCache(file: cacheFile, identity: identity)
        defer { cache.finish() }
        return ContentLoader.loadReadable(from: DiskContent(root: site.content), frontMatterCache: cache)
    }

    private func fingerprint(_ path: String) throws -> UInt64 {
        SourceStamp(try DiskContent(root: site.content).read(path)).fingerprint
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
            let kept = try #require(cache.entry(for: path, fingerprint: try fingerprint(path)), "\(path)")
            #expect(kept == (try parsed(path)), "\(path)")
        }
        #expect(cache.entry(for: "stories/chi-lan.md", fingerprint: try fingerprint("stories/chi-lan.md") ^ 1) == nil)
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
        cache.record(path, fingerprint: try fingerprint(path),
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
        #expect(cache.entry(for: "stories/chi-lan.md", fingerprint: try fingerprint("stories/chi-lan.md")) == nil)
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
            #expect(cache.entry(for: path, fingerprint: try fingerprint(path)) == nil, "\(path)")
        }
        cache.finish()
        // Written anew from this load: read again next time.
        _ = load()
        #expect(FrontMatterCache(file: cacheFile, identity: "tool 1").entry(for: "pages/lien-he.md", fingerprint: try fingerprint("pages/lien-he.md")) != nil)
    }
}
