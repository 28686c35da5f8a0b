import Foundation
import NhipCauCore
@testable import NhipCauRender
import NhipCauSite
import Testing

extension TestSite {
    /// A copy of the repository's sample `content/`, to change without touching it.
    static func sample() throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("content"), to: site.content)
        return site
    }
}

/// Links written in Markdown: every address the build writes can be linked, headings get ids,
/// `#fragments` are checked, and references to a file with its own error are not reported again.
@Suite struct LinkAndAnchorTests {
    static let sampleDate = SimpleDate(iso: "2026-11-25")!

    @Test func everyFileTheBuildWritesCanBeLinkedAsASitePath() throws {
        let site = try TestSite.sample()
        let first = site.build(date: Self.sampleDate)
        try #require(first.succeeded, "\(first.listing)")
        // Pictures' variants (`anh.360.webp`) are the media step's own names, made after links are
        // resolved; officers link the picture itself (`media/anh.jpg`), which is written too.
        let variant = try Regex(#"\.(\d+|1200x630)\.(webp|jpg|png)$"#)
        let written = fileTree(site.output).keys.filter { !$0.hasPrefix("tim-kiem/chi-muc/") && !$0.hasPrefix(".") && $0.firstMatch(of: variant) == nil }.sorted()
        #expect(written.contains("media/stories/ngoi-nha-moi.jpg"))
        #expect(written.contains("feeds/cau-chuyen.xml") && written.contains("chi-tieu/ninh-thuan-2021.csv") && written.contains("tim-kiem/index.html"))
        let links = written.flatMap { path -> [String] in
            path.hasSuffix("index.html") ? ["/" + path, "/" + path.dropLast("index.html".count)] : ["/" + path]
        }
        let body = links.enumerated().map { "- [liên kết \($0.offset)](\($0.element))" }.joined(separator: "\n")
        try site.write("pages/moi-dia-chi.md", "---\ntitle: \"Mọi địa chỉ\"\n---\n\n\(body)\n")
        let second = site.build(date: Self.sampleDate)
        #expect(second.succeeded, "\(second.listing)")
        #expect(second.diagnostics.isEmpty, "\(second.listing)")
        let page = try #require(site.read("moi-dia-chi/index.html"))
        #expect(page.contains("<a href=\"../tim-kiem/\">"))
        #expect(page.contains("<a href=\"../feeds/cau-chuyen.xml\">"))
        #expect(page.contains("<a href=\"../chi-tieu/ninh-thuan-2021.csv\">") && page.contains("<a href=\"../chi-tieu/ninh-thuan-2021.json\">"))
        #expect(LinkCrawler(root: site.output).crawl().broken.isEmpty)
    }

    @Test func aPlanDataFileLinksToThePlanPage() throws {
        let site = try TestSite.sample()
        try site.write("pages/ke-hoach.md", "---\ntitle: \"Kế hoạch\"\n---\n\nXem [kế hoạch năm 2021](../targets/ninh-thuan-2021.json) và [tìm kiếm](/tim-kiem).\n")
        let outcome = site.build(date: Self.sampleDate)
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("ke-hoach/index.html"))
        #expect(page.contains("<a href=\"../chi-tieu/ninh-thuan-2021/\">kế hoạch năm 2021</a>"))
        #expect(page.contains("<a href=\"../tim-kiem/\">tìm kiếm</a>"))
    }

    @Test func feedsCanBeLinkedOnlyWhenTheSiteWritesThem() throws {
        var files = TestSite.minimal
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\n---\n\n[Bản tin](/feeds/cau-chuyen.xml)\n"
        let outcome = try TestSite(files).build()
        #expect(outcome.find(.error, in: "pages/gioi-thieu.md", containing: "`/feeds/cau-chuyen.xml` leads to no page").count == 1,
                "no base_url, no feed: \(outcome.listing)")
    }

    // MARK: - Heading ids

    func storyPage(_ body: String, extra: [String: String] = [:]) throws -> (TestSite, BuildOutcome) {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\n" + body
        files.merge(extra) { $1 }
        let site = try TestSite(files)
        return (site, site.build())
    }

    @Test func headingsGetIdsFromTheirTextDistinctOnThePage() throws {
        let (site, outcome) = try storyPage("""
        ## Vay vốn

        ### Vay vốn

        ## Vay vốn

        ## Liên quan

        ## 🎉

        ## Vay **vốn** [ưu đãi](../markets/nhat-ban.md)
        """)
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<h2 id=\"vay-von\">Vay vốn</h2>"))
        #expect(page.contains("<h3 id=\"vay-von-2\">Vay vốn</h3>"))
        #expect(page.contains("<h2 id=\"vay-von-3\">Vay vốn</h2>"))
        #expect(page.contains("<h2 id=\"lien-quan-2\">Liên quan</h2>"), "the story template's own id is kept for it")
        #expect(page.contains("<h2 id=\"muc\">🎉</h2>"))
        #expect(page.contains("<h2 id=\"vay-von-uu-dai\">Vay <strong>vốn</strong> <a href=\"../../thi-truong/nhat-ban/\">ưu đãi</a></h2>"))
        let ids = page.matches(of: /id="([^"]+)"/).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "ids are unique on the page: \(ids)")
    }

    @Test func linksToSectionsOfOtherPagesAndOfTheSamePageAreChecked() throws {
        let faq = "---\ntitle: \"Hỏi đáp\"\n---\n\n## Vay vốn\n\nCó.\n\n## Về nước\n\nCó.\n"
        let (site, good) = try storyPage("""
        [a](../pages/hoi-dap.md#vay-von) [b](/hoi-dap/#ve-nuoc) [c](#phan-hai) [d](/#lien-he) [e](#top) [f](/hoi-dap/#)

        ## Phần hai
        """, extra: ["pages/hoi-dap.md": faq])
        try #require(good.succeeded, "\(good.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<a href=\"../../hoi-dap/#vay-von\">a</a>") && page.contains("<a href=\"../../hoi-dap/#ve-nuoc\">b</a>"))

        let (_, bad) = try storyPage("""
        Đoạn đầu.

        [a](../pages/hoi-dap.md#vay-von-uu-dai) và
        [b](/hoi-dap/#khong-co) và [c](#khong-co-tren-trang) và [d](/#khong-co)
        """, extra: ["pages/hoi-dap.md": faq])
        #expect(!bad.succeeded)
        let other = try #require(bad.find(.error, in: "stories/chi-lan.md", containing: "`#vay-von-uu-dai`").first, "\(bad.listing)")
        #expect(other.location.line == 9)
        #expect(other.message.en.contains("of the page /hoi-dap/, which has no such section. Its sections: vay-von, ve-nuoc."))
        #expect(other.message.vi.contains("Các mục có: vay-von, ve-nuoc"))
        #expect(bad.find(.error, in: "stories/chi-lan.md", containing: "`#khong-co`").count == 2, "\(bad.listing)")
        let same = try #require(bad.find(.error, in: "stories/chi-lan.md", containing: "`#khong-co-tren-trang`").first)
        #expect(same.location.line == 10 && same.message.en.contains("/cau-chuyen/chi-lan/"))
        #expect(bad.errors.count == 4, "\(bad.listing)")
    }

    /// The theme's ids a link may point at, read from the templates, are really on the default theme's pages.
    @Test func theThemeIdsAllowedInLinksAreOnTheirPages() throws {
        let site = try TestSite.sample()
        try #require(site.build(date: Self.sampleDate).succeeded)
        let pages: [(String, Route)] = [
            ("index.html", .home), ("cau-chuyen/vuon-nho-sau-ba-nam-o-nhat-ban/index.html", Routes.story("vuon-nho-sau-ba-nam-o-nhat-ban")),
            ("thi-truong/nhat-ban/index.html", Routes.market("nhat-ban")), ("thi-truong/index.html", Routes.markets),
            ("chinh-sach/index.html", Routes.policies), ("chi-tieu/index.html", Routes.plans),
            ("chi-tieu/ninh-thuan-2021/index.html", Routes.plan("ninh-thuan-2021")), ("dia-ban/ninh-son/index.html", Routes.area("ninh-son")),
            ("tim-kiem/index.html", Routes.search), ("hoi-dap/index.html", Routes.page("hoi-dap")),
            ("chinh-sach/luat-69-2020/index.html", Routes.policy("luat-69-2020")), ("cau-chuyen/trang/2/index.html", Routes.storiesPage(2)),
        ]
        let ids = try #require(Theme.make(overrides: []).theme).ids
        let built = try #require(site.assembled(date: Self.sampleDate))
        let kinds = Dictionary(built.entries.map { ($0.route, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for (path, route) in pages {
            let html = try #require(site.read(path), "\(path)")
            let kind = try #require(kinds[route], "\(route)")
            #expect(ids.ids(of: kind).contains("noi-dung"))
            for id in ids.ids(of: kind).sorted() {
                #expect(html.contains("id=\"\(id)\""), "\(path) lacks the theme's id \(id)")
            }
        }
        #expect(kinds[Routes.planCSV("ninh-thuan-2021")] == nil && kinds[Routes.media("media/chia-se.png")] == nil)
    }

    @Test func fragmentsOfFilesAreNotChecked() throws {
        let (_, outcome) = try storyPage("[Tờ rơi](../media/to-roi.pdf#page=2)\n", extra: ["media/to-roi.pdf": "%PDF-1.4"])
        #expect(outcome.succeeded, "\(outcome.listing)")
    }

    @Test func theSampleLinksToSectionsOfTheQuestionsPage() throws {
        let site = try TestSite.sample()
        try #require(site.build(date: Self.sampleDate).succeeded)
        let faq = try #require(site.read("hoi-dap/index.html"))
        #expect(faq.contains("<h2 id=\"phong-tranh-moi-gioi-bat-hop-phap\">Phòng tránh môi giới bất hợp pháp</h2>"))
        #expect(faq.contains("<h2 id=\"vay-von\">Vay vốn</h2>"))
        let story = try #require(site.read("cau-chuyen/nguoi-linh-xuat-ngu-o-binh-trung/index.html"))
        #expect(story.contains("href=\"../../hoi-dap/#phong-tranh-moi-gioi-bat-hop-phap\""))
        let policy = try #require(site.read("chinh-sach/nghi-dinh-61-2015/index.html"))
        #expect(policy.contains("href=\"../../hoi-dap/#vay-von\""))
    }

    // MARK: - Unpublished and broken files

    /// The Ninh Thuận plan's mid-year: most sample stories are dated later.
    @Test func theSampleBuildsAtMidYear2021WithLaterStoriesAsPlainText() throws {
        let site = try TestSite.sample()
        let outcome = site.build(date: SimpleDate(iso: "2021-06-30")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.errors.isEmpty)
        let scheduled = try #require(outcome.find(.warning, in: "markets/duc.md", containing: "con-duong-dieu-duong-o-duc.md").first,
                                     "\(outcome.listing)")
        #expect(scheduled.message.vi.contains("hẹn đăng ngày 18/06/2022"))
        #expect(scheduled.location.line != nil)
        #expect(!(site.read("thi-truong/duc/index.html") ?? "").contains("con-duong-dieu-duong-o-duc"))
        #expect(LinkCrawler(root: site.output).crawl().broken.isEmpty)
    }

    @Test func aMarketFileWithAnErrorIsTheOnlyErrorShown() throws {
        let site = try TestSite.sample()
        let path = site.content.appendingPathComponent("markets/duc.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try site.write("markets/duc.md", text.replacingOccurrences(of: "title: \"Đức\"\n", with: ""))
        let outcome = site.build(date: Self.sampleDate)
        #expect(!outcome.succeeded)
        #expect(outcome.errors.count == 1, "\(outcome.listing)")
        #expect(outcome.errors.first?.location.file == "markets/duc.md")
        #expect(outcome.errors.first?.message.en.contains("`title`") == true)
    }
}
