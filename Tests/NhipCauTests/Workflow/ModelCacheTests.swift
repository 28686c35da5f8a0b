import Foundation
import NhipCauCore
@testable import NhipCauLoad
import Testing

/// Stories and job orders kept as models in the front matter cache (`ModelCodec`): an unchanged file
/// gives back the very model a parse gives, and a file whose front matter warns is parsed every time.
@Suite struct ModelCacheTests {
    let cacheFolder: URL

    init() throws {
        cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-models-\(UUID().uuidString)")
    }

    /// An hour from now: every file is then old enough to be known by its status.
    static var inAnHour: timespec {
        let now = FileStatus.wallClock()
        return timespec(tv_sec: now.tv_sec + 3600, tv_nsec: now.tv_nsec)
    }

    func load(_ content: URL) -> (loaded: LoadedContent?, diagnostics: Diagnostics, modelsTaken: Int) {
        let cache = FrontMatterCache(file: cacheFolder.appendingPathComponent("front-matter.bin"), identity: "thử", now: Self.inAnHour)
        defer { cache.finish() }
        let (loaded, diagnostics) = ContentLoader.loadReadable(from: DiskContent(root: content), frontMatterCache: cache)
        return (loaded, diagnostics, cache.modelsTaken)
    }

    /// The sample site's stories and job orders use every key their kinds have (costs with a service
    /// fee, an approval, areas, `updated`, images, tags): each comes back from the cache equal, field by field.
    @Test func everySampleStoryAndJobOrderComesBackFromTheCacheAsParsed() throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        let content = TestPaths.packageRoot.appendingPathComponent("content")
        let parsed = load(content)
        #expect(parsed.modelsTaken == 0)
        let cached = load(content)
        let first = try #require(parsed.loaded), second = try #require(cached.loaded)
        #expect(cached.modelsTaken == first.stories.count + first.jobs.count)
        #expect(second.stories == first.stories)
        #expect(second.jobs == first.jobs)
        #expect(first.jobs.contains { $0.approval?.date != nil && $0.serviceFee != nil && !$0.areas.isEmpty && $0.salaryVND != nil })
        #expect(first.stories.contains { $0.image != nil && !$0.tags.isEmpty && $0.market != nil && $0.area != nil })
        #expect(cached.diagnostics.items == parsed.diagnostics.items)
        #expect(second.sourceStamps == first.sourceStamps)
    }

    @Test func aFileWhoseFrontMatterWarnsIsParsedAgainAndWarnsAgain() throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nimage: media/anh.jpg\n---\n\nCâu chuyện.\n"
        // Every key a story has, `updated` too (no sample story has it).
        files["stories/chi-mai.md"] = """
            ---
            title: "Chị Mai"
            date: 2021-02-05
            updated: 2021-03-01
            summary: "Ba năm ở Đài Loan"
            person: "Nguyễn Thị Mai"
            market: nhat-ban
            area: ninh-son
            tags: [Điều dưỡng, "điều dưỡng", Nhật Bản]
            image: media/anh.jpg
            image_alt: "Chị Mai ở xưởng"
            author: "Phòng Lao động"
            draft: false
            sample: true
            ---

            Câu chuyện.
            """
        let site = try TestSite(files)
        let warning = { (diagnostics: Diagnostics) in diagnostics.items.filter { $0.location.file == "stories/chi-lan.md" }.map(\.message.en) }
        let first = load(site.content)
        #expect(warning(first.diagnostics).count == 1)
        let second = load(site.content)
        #expect(warning(second.diagnostics) == warning(first.diagnostics))
        #expect(second.modelsTaken == 1, "only the story that said nothing")
        #expect(second.loaded?.stories == first.loaded?.stories)
        #expect(second.loaded?.stories.first { $0.document.slug == "chi-mai" }?.document.updated != nil)
    }

    /// A file kept with its model keeps no front matter tree: touched (a new status, the same bytes), it
    /// is parsed again, not made from an empty tree, and is then kept by its new status.
    @Test func aTouchedFileWithAModelIsParsedAgain() throws {
        defer { try? FileManager.default.removeItem(at: cacheFolder) }
        var files = TestSite.minimal
        files["stories/chi-mai.md"] = "---\ntitle: \"Chị Mai\"\ndate: 2021-02-05\ntags: [Điều dưỡng]\n---\n\nCâu chuyện.\n"
        let site = try TestSite(files)
        let first = load(site.content)
        let all = (first.loaded?.stories.count ?? 0) + (first.loaded?.jobs.count ?? 0)
        #expect(load(site.content).modelsTaken == all)
        #expect(utimensat(AT_FDCWD, site.content.appendingPathComponent("stories/chi-mai.md").path, nil, 0) == 0)
        let touched = load(site.content)
        #expect(touched.modelsTaken == all - 1)
        #expect(touched.diagnostics.items == first.diagnostics.items)
        #expect(touched.loaded?.stories == first.loaded?.stories)
        #expect(load(site.content).modelsTaken == all)
    }

    /// Bytes that are not a whole model are not used: the file is parsed.
    @Test func modelBytesThatDoNotDecodeWholeAreRefused() throws {
        let document = ContentDocument(kind: .story, slug: "chi-lan", file: "stories/chi-lan.md", body: .inFile, bodyLine: 5,
                                       frontMatterSource: "title: x", updated: nil, updatedLocation: nil)
        let story = Story(document: document, title: "Chị Lan", date: try #require(SimpleDate(year: 2021, month: 1, day: 5)),
                          summary: nil, person: "Lan", market: Located("nhat-ban", at: SourceLocation(file: document.file, line: 4, column: 9)),
                          area: nil, tags: [("Điều dưỡng", "dieu-duong")], image: nil, imageAlt: nil, author: nil, draft: false, sample: true)
        let bytes = ModelCodec.story.encoded(story)
        let base = ModelCodec<Story>.Base(kind: .story, slug: "chi-lan", file: document.file, bodyLine: 5, frontMatterSource: "title: x")
        var whole = CacheBytesReader(bytes)
        #expect(ModelCodec.story.decode(&whole, base) == story && whole.isAtEnd)
        for cut in [1, bytes.count / 2, bytes.count - 1] {
            var short = CacheBytesReader(Array(bytes.prefix(cut)))
            #expect(ModelCodec.story.decode(&short, base) == nil, "cut at \(cut)")
        }
    }
}
