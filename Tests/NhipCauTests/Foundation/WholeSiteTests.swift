import Foundation
import Testing
import NhipCauBuild
import NhipCauCore
import NhipCauWrite

/// The `basic` fixture built as a whole: documented addresses, links, sub-paths, drafts, reproducibility.
@Suite struct WholeSiteTests {
    /// Slugs of the fixture's Markdown files in `folder`, read from the file names.
    static func slugs(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("basic").appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static let unpublishedStories: Set<String> = ["ban-nhap", "sap-dang"]

    @Test func everyContentFileHasItsPageAtTheDocumentedAddress() throws {
        let site = try TestSite(fixture: "basic")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")

        let expected: [(String, String)] = [("stories", "cau-chuyen/"), ("markets", "thi-truong/"), ("policies", "chinh-sach/"), ("pages", "")]
        for (folder, prefix) in expected {
            let slugs = try Self.slugs(folder)
            #expect(!slugs.isEmpty)
            for slug in slugs where !(folder == "stories" && Self.unpublishedStories.contains(slug)) {
                let page = site.read("\(prefix)\(slug)/index.html")
                #expect(page != nil, "no page for \(folder)/\(slug).md at /\(prefix)\(slug)/")
            }
        }
        for page in ["index.html", "cau-chuyen/index.html", "thi-truong/index.html", "chinh-sach/index.html", "404.html", "assets/style.css"] {
            #expect(site.exists(page), "\(page) missing")
        }
        #expect(site.read("cau-chuyen/vuon-nho/index.html")?.contains("<h1>Vườn nho sau ba năm ở Nhật Bản</h1>") == true)
        #expect(site.read("thi-truong/nhat-ban/index.html")?.contains("25.000.000 – 35.000.000 đ") == true)
        #expect(site.exists(OutputDirectory.markerName))
    }

    @Test func everyPageIsReachableFromTheHomePageWithNoBrokenLinks() throws {
        let site = try TestSite(fixture: "basic")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let crawler = LinkCrawler(root: site.output)
        let (reached, broken, absolute) = crawler.crawl()
        #expect(broken.isEmpty, "broken links: \(broken)")
        #expect(absolute.isEmpty, "root-relative links: \(absolute)")
        let written = crawler.htmlFiles().subtracting(["404.html"])
        #expect(reached == written, "not reached: \(written.subtracting(reached).sorted()); reached but not written: \(reached.subtracting(written).sorted())")
        // The image of the story is a real file of the site.
        let story = try #require(site.read("cau-chuyen/vuon-nho/index.html"))
        #expect(story.contains("src=\"../../media/stories/vuon-nho.svg\""))
        #expect(site.exists("media/stories/vuon-nho.svg"))
    }

    @Test func noInternalLinkStartsWithASlashSoTheSiteWorksUnderASubPath() throws {
        let site = try TestSite(fixture: "basic")
        try #require(site.build().succeeded)
        let crawler = LinkCrawler(root: site.output)
        for file in crawler.htmlFiles() {
            for href in LinkCrawler.links(in: crawler.html(file)) {
                if file == "404.html" {
                    // Served at any missing address, so it links from the server's root, by base_url's path.
                    #expect(href.hasPrefix("/nhipcau/") || LinkCrawler.isExternal(href), "404.html: \(href)")
                } else {
                    #expect(!(href.hasPrefix("/") && !href.hasPrefix("//")), "\(file): \(href)")
                }
                #expect(!href.hasPrefix("//"), "\(file): protocol-relative \(href)")
            }
        }
        // base_url is used only where absolute URLs are required.
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://xkld.example.gov.vn/nhipcau/\">"))
    }

    @Test func offlineLinksEndInIndexHTMLAndStillResolve() throws {
        let site = try TestSite(fixture: "basic")
        let outcome = site.build(offline: true)
        try #require(outcome.succeeded, "\(outcome.listing)")
        let crawler = LinkCrawler(root: site.output)
        var internalLinks = 0
        for file in crawler.htmlFiles() {
            for href in LinkCrawler.links(in: crawler.html(file)) where !LinkCrawler.isExternal(href) {
                internalLinks += 1
                let path = String(href.prefix { $0 != "#" && $0 != "?" })
                #expect(!path.hasSuffix("/") && path != ".", "\(file): \(href) does not name a file")
                let target = LinkCrawler.resolve(href, from: file)
                #expect(target.map(crawler.isFile) == true, "\(file): \(href) leads nowhere")
            }
        }
        #expect(internalLinks > 50)
        let story = try #require(site.read("cau-chuyen/vuon-nho/index.html"))
        #expect(story.contains("href=\"../../thi-truong/nhat-ban/index.html\""))
        #expect(story.contains("href=\"../../index.html\""))
    }

    @Test func draftsAndFutureStoriesAreLeftOutUnlessAsked() throws {
        let site = try TestSite(fixture: "basic")
        try #require(site.build().succeeded)
        let crawler = LinkCrawler(root: site.output)
        for slug in Self.unpublishedStories {
            #expect(!site.exists("cau-chuyen/\(slug)/index.html"), "\(slug) published")
        }
        for file in crawler.htmlFiles() {
            let html = crawler.html(file)
            #expect(!html.contains("ban-nhap") && !html.contains("Bản nháp chưa đăng"), "\(file) mentions the draft")
            #expect(!html.contains("sap-dang") && !html.contains("Câu chuyện sắp đăng"), "\(file) mentions the future story")
        }
        #expect(!site.exists("the/bi-mat-nhap/index.html"), "a draft's tag got a page")
        #expect(!site.exists("the/tuong-lai/index.html"), "a future story's tag got a page")

        let preview = try TestSite(fixture: "basic")
        let outcome = preview.build(drafts: true)
        try #require(outcome.succeeded, "\(outcome.listing)")
        for slug in Self.unpublishedStories {
            #expect(preview.exists("cau-chuyen/\(slug)/index.html"), "\(slug) missing from the preview")
        }
        let list = try #require(preview.read("cau-chuyen/index.html"))
        #expect(list.contains("href=\"../cau-chuyen/ban-nhap/\"") && list.contains("href=\"../cau-chuyen/sap-dang/\""))
        #expect(preview.read("thi-truong/nhat-ban/index.html")?.contains("Bản nháp chưa đăng") == true)
        #expect(preview.exists("the/bi-mat-nhap/index.html"))
        let (_, broken, _) = LinkCrawler(root: preview.output).crawl()
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func aStoryDatedTodayIsPublishedAndOneDatedTomorrowIsNot() throws {
        var files = TestSite.minimal
        files["stories/hom-nay.md"] = "---\ntitle: \"Hôm nay\"\ndate: 2021-06-30\n---\n\nA.\n"
        files["stories/ngay-mai.md"] = "---\ntitle: \"Ngày mai\"\ndate: 2021-07-01\n---\n\nB.\n"
        let site = try TestSite(files)
        try #require(site.build().succeeded)
        #expect(site.exists("cau-chuyen/hom-nay/index.html"))
        #expect(!site.exists("cau-chuyen/ngay-mai/index.html"))
    }

    @Test func twoBuildsOfTheSameContentAreByteIdentical() throws {
        let site = try TestSite(fixture: "basic")
        let second = site.root.appendingPathComponent("site2")
        try #require(site.build().succeeded)
        try #require(site.build(into: second).succeeded)
        let first = fileTree(site.output)
        let other = fileTree(second)
        #expect(first.count > 10)
        #expect(first.keys.sorted() == other.keys.sorted())
        for (path, bytes) in first where other[path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
        // Rebuilding into the same folder gives the same tree again.
        try #require(site.build().succeeded)
        #expect(fileTree(site.output) == first)
    }

    @Test func paginatedStoryListsReachEveryStory() throws {
        var files = TestSite.minimal
        for day in 1...27 {
            let padded = day < 10 ? "0\(day)" : "\(day)"
            files["stories/so-\(day).md"] = "---\ntitle: \"Số \(day)\"\ndate: 2021-02-\(padded)\n---\n\nA.\n"
        }
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(site.exists("cau-chuyen/trang/3/index.html"))
        #expect(!site.exists("cau-chuyen/trang/4/index.html"))
        let crawler = LinkCrawler(root: site.output)
        let (reached, broken, _) = crawler.crawl()
        #expect(broken.isEmpty, "\(broken)")
        #expect(reached == crawler.htmlFiles().subtracting(["404.html"]))
        #expect(reached.contains("cau-chuyen/so-1/index.html"))
    }

    /// An officer who links a scheduled story can still publish: the link is its text until that day.
    @Test func aLinkToAStoryThatIsNotPublishedIsItsTextWithAWarningUntilItIs() throws {
        var files = TestSite.minimal
        files["stories/nhap.md"] = "---\ntitle: \"Nháp\"\ndate: 2021-01-06\ndraft: true\n---\n\nA.\n"
        files["stories/sau-nay.md"] = "---\ntitle: \"Sau này\"\ndate: 2022-01-06\n---\n\nA.\n"
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\n---\n\nXem [bản nháp](../stories/nhap.md).\n\nVà [sau này](/cau-chuyen/sau-nay/).\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.errors.isEmpty)
        let draft = outcome.find(.warning, in: "pages/gioi-thieu.md", containing: "`../stories/nhap.md` points at a draft")
        #expect(draft.first?.location.line == 5, "\(outcome.listing)")
        let future = outcome.find(.warning, in: "pages/gioi-thieu.md", containing: "`/cau-chuyen/sau-nay/` points at a story scheduled for 2022-01-06")
        #expect(future.first?.location.line == 7, "\(outcome.listing)")
        #expect(future.first?.message.vi.contains("hẹn đăng ngày 06/01/2022") == true)
        let page = try #require(site.read("gioi-thieu/index.html"))
        #expect(page.contains("<p>Xem bản nháp.</p>") && page.contains("<p>Và sau này.</p>"), "the words stay, the links go")
        #expect(!page.contains("nhap/") && !page.contains("sau-nay/"))
        #expect(LinkCrawler(root: site.output).crawl().broken.isEmpty)
        // On the day the story is published, the link is there.
        let later = site.build(date: SimpleDate(iso: "2022-01-06")!)
        try #require(later.succeeded, "\(later.listing)")
        #expect(later.find(.warning, in: "pages/gioi-thieu.md", containing: "sau-nay").isEmpty)
        #expect(site.read("gioi-thieu/index.html")?.contains("<a href=\"../cau-chuyen/sau-nay/\">sau này</a>") == true)
        // With drafts included, both links work.
        let preview = site.build(drafts: true)
        try #require(preview.succeeded, "\(preview.listing)")
        #expect(preview.warnings.isEmpty, "\(preview.listing)")
        #expect(LinkCrawler(root: site.output).crawl().broken.isEmpty)
    }

    @Test func aLinkToAStoryThatDoesNotExistIsStillAnError() throws {
        var files = TestSite.minimal
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\n---\n\nXem [chuyện](../stories/khong-co.md) và [khác](/cau-chuyen/khong-co/).\n"
        let outcome = try TestSite(files).build()
        #expect(!outcome.succeeded)
        #expect(outcome.find(.error, in: "pages/gioi-thieu.md", containing: "`stories/khong-co.md`").count == 1, "\(outcome.listing)")
        #expect(outcome.find(.error, in: "pages/gioi-thieu.md", containing: "`/cau-chuyen/khong-co/` leads to no page").count == 1, "\(outcome.listing)")
    }

    @Test func socialTagsDescribeTheStoryImageAndOtherPagesTheSiteImage() throws {
        let site = try TestSite(fixture: "basic")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/vuon-nho/index.html"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://xkld.example.gov.vn/nhipcau/media/stories/vuon-nho.1200x630.jpg\">"))
        #expect(page.contains("<meta name=\"twitter:image\" content=\"https://xkld.example.gov.vn/nhipcau/media/stories/vuon-nho.1200x630.jpg\">"))
        #expect(page.contains("<meta property=\"og:image:alt\" content=\"Giàn nho xanh\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(page.contains("<meta property=\"og:locale\" content=\"vi_VN\">"))
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        #expect(market.contains("<meta property=\"og:image\" content=\"https://xkld.example.gov.vn/nhipcau/media/chia-se.1200x630.jpg\">"))
        #expect(market.contains("<meta property=\"og:image:alt\" content=\"Chữ Nhịp Cầu và một cây cầu\">"))
    }

}
