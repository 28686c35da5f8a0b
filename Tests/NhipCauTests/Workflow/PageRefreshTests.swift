import Foundation
import NhipCauBuild
import NhipCauCore
import NhipCauLoad
import Testing

/// `serve`'s fast path: when only Markdown bodies changed, just their pages are rendered again,
/// into the folder the last build published. The promise is that the result is exactly what a
/// whole build of the edited content writes.
@Suite struct PageRefreshTests {
    private func builtSite(_ extra: [String: String] = [:]) throws -> (TestSite, BuildMemory) {
        var files = TestSite.minimal
        files["stories/chi-hoa.md"] = "---\ntitle: \"Chị Hòa\"\ndate: 2021-02-01\nmarket: nhat-ban\n---\n\nCâu chuyện thứ hai.\n"
        files.merge(extra) { $1 }
        let site = try TestSite(files)
        let (result, memory) = SiteBuild.runRemembering(BuildOptions(content: site.content, output: site.output, today: testDate))
        _ = try result.get()
        return (site, try #require(memory))
    }

    private func wholeBuild(of site: TestSite) throws -> [String: [UInt8]] {
        let fresh = site.root.appendingPathComponent("fresh")
        _ = try SiteBuild.run(BuildOptions(content: site.content, output: fresh, today: testDate)).get()
        return fileTree(fresh)
    }

    @Test(arguments: ["stories/chi-lan.md", "markets/nhat-ban.md", "policies/luat-69-2020.md", "pages/gioi-thieu.md"])
    func aBodyEditGivesWhatAWholeBuildGives(file: String) throws {
        let (site, memory) = try builtSite()
        let original = try #require(String(data: try Data(contentsOf: site.content.appendingPathComponent(file)), encoding: .utf8))
        try site.write(file, original + "\nMột đoạn **mới**, có [liên kết](../stories/chi-hoa.md).\n")

        guard case .refreshed(let pages, let warnings, let next) = SiteBuild.refresh([file], memory: memory) else {
            Issue.record("expected a refresh of \(file)")
            return
        }
        #expect(pages == 1)
        #expect(warnings.isEmpty)
        let pageBeforeIndex = fileTree(site.output)
        _ = try SiteBuild.updateSearchIndex(next).get()
        let refreshed = fileTree(site.output)
        let whole = try wholeBuild(of: site)
        #expect(refreshed.keys.sorted() == whole.keys.sorted())
        let differing = whole.keys.filter { refreshed[$0] != whole[$0] }.sorted()
        #expect(differing.isEmpty, "pages that differ from a whole build: \(differing)")
        #expect(refreshed.values.contains { String(decoding: $0, as: UTF8.self).contains("<strong>mới</strong>") })
        #expect(pageBeforeIndex.values.contains { String(decoding: $0, as: UTF8.self).contains("<strong>mới</strong>") },
                "the page is on disk before the index is merged")
    }

    @Test func twoEditsInARowBuildOnEachOther() throws {
        let (site, memory) = try builtSite()
        try site.write("stories/chi-lan.md", TestSite.minimal["stories/chi-lan.md"]! + "\nLần một.\n")
        guard case .refreshed(_, _, let next) = SiteBuild.refresh(["stories/chi-lan.md"], memory: memory) else {
            Issue.record("first refresh")
            return
        }
        try site.write("stories/chi-lan.md", TestSite.minimal["stories/chi-lan.md"]! + "\nLần hai.\n")
        guard case .refreshed = SiteBuild.refresh(["stories/chi-lan.md"], memory: next) else {
            Issue.record("second refresh")
            return
        }
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("Lần hai."))
        #expect(!page.contains("Lần một."))
    }

    /// `serve` writes the index off the watcher's path: a refresh can land while an index update
    /// for an earlier one runs. The next update must compare against the files that run wrote, not
    /// those the newer refresh started from (here the second edit reverts the first, so comparing
    /// against the files before both would rewrite nothing and leave the first edit's words).
    @Test func anIndexUpdateOvertakenByARefreshLeavesTheRightIndexAfterTheNext() throws {
        let (site, memory) = try builtSite()
        let file = "stories/chi-lan.md"
        let original = try #require(String(data: try Data(contentsOf: site.content.appendingPathComponent(file)), encoding: .utf8))
        try site.write(file, original + "\nTừ lạ qwzxkj.\n")
        guard case .refreshed(_, _, let first) = SiteBuild.refresh([file], memory: memory) else {
            Issue.record("first refresh")
            return
        }
        try site.write(file, original)
        guard case .refreshed(_, _, let second) = SiteBuild.refresh([file], memory: first) else {
            Issue.record("second refresh")
            return
        }
        let before = fileTree(site.output)
        let overtaken = try SiteBuild.updateSearchIndex(first, isSuperseded: { true }).get()
        #expect(fileTree(site.output) == before, "an overtaken update writes nothing")
        #expect(overtaken.searchIndexIsOutOfDate)

        let written = try SiteBuild.updateSearchIndex(first).get()
        #expect(fileTree(site.output).values.contains { String(decoding: $0, as: UTF8.self).contains("qwzxkj") })
        let settled = try SiteBuild.updateSearchIndex(second.withSearchIndex(writtenBy: written)).get()
        #expect(!settled.searchIndexIsOutOfDate)
        let refreshed = fileTree(site.output)
        let whole = try wholeBuild(of: site)
        let differing = whole.keys.filter { refreshed[$0] != whole[$0] }.sorted()
        #expect(differing.isEmpty, "files that differ from a whole build: \(differing)")
        #expect(refreshed.keys.sorted() == whole.keys.sorted())
    }

    @Test(arguments: [
        ("stories/chi-lan.md", "---\ntitle: \"Chị Lan (sửa tên)\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\nCâu chuyện.\n"),
        ("stories/moi.md", "---\ntitle: \"Mới\"\ndate: 2021-03-01\n---\n\nMới.\n"),
        ("site.yml", "title: \"Cổng khác\"\n"),
        ("stories/chi-lan.md", "không còn phần đầu trang\n"),
    ])
    func anythingBeyondABodyNeedsAWholeBuild(file: String, text: String) throws {
        let (site, memory) = try builtSite()
        let before = fileTree(site.output)
        try site.write(file, text)
        guard case .needsFullBuild = SiteBuild.refresh([file], memory: memory) else {
            Issue.record("\(file) should need a whole build")
            return
        }
        #expect(fileTree(site.output) == before, "nothing written")
    }

    @Test func aBrokenLinkInTheNewBodyFailsAndLeavesThePageAsItWas() throws {
        let (site, memory) = try builtSite()
        let before = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        try site.write("stories/chi-lan.md", TestSite.minimal["stories/chi-lan.md"]! + "\n[Hỏng](../markets/khong-co.md)\n")
        guard case .failed(.content(let diagnostics, _)) = SiteBuild.refresh(["stories/chi-lan.md"], memory: memory) else {
            Issue.record("expected the broken link to fail the refresh")
            return
        }
        #expect(diagnostics.errors.contains { $0.location.file == "stories/chi-lan.md" && $0.location.line == 9 },
                "\(diagnostics.errors.map { $0.formatted(in: .en) })")
        #expect(site.read("cau-chuyen/chi-lan/index.html") == before)
    }

    @Test func aBodyIsReadAgainForItsPageAndAFileChangedMidBuildIsReported() throws {
        let site = try TestSite(TestSite.minimal)
        let content = DiskContent(root: site.content)
        let loaded = try #require(ContentLoader.load(from: content).content)
        let story = try #require(loaded.stories.first)
        let body = try ContentLoader.readBody(of: story.document, from: content, maxBytes: 1 << 20).get()
        #expect(body.text == "\nCâu chuyện.\n")
        #expect(body.line == 6)

        try site.write("stories/chi-lan.md", "---\ntitle: \"Đổi\"\ndate: 2021-01-05\n---\n\nKhác.\n")
        guard case .failure(let problem) = ContentLoader.readBody(of: story.document, from: content, maxBytes: 1 << 20) else {
            Issue.record("a changed front matter must not pass")
            return
        }
        #expect(problem.formatted(in: .en) == "stories/chi-lan.md:1:1: error: The file was changed while the site was being built. Build again.")
    }
}
