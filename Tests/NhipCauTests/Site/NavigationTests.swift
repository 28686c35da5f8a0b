import Foundation
import NhipCauCore
import Testing

/// Breadcrumbs, the 404 page, the home page's heading and the print stylesheet.
@Suite struct NavigationTests {
    struct Crumb: Equatable, CustomStringConvertible {
        let label: String
        let href: String?
        var description: String { "\(label)\(href.map { " → \($0)" } ?? " (current)")" }
    }

    /// The breadcrumb trail of a page: each link, and the current page last without a link.
    static func crumbs(_ html: String) -> [Crumb]? {
        guard let nav = html.firstMatch(of: /<nav class="breadcrumbs wrap" aria-label="Bạn đang ở">\n<ol>\n(.*?)<\/ol>\n<\/nav>/.dotMatchesNewlines())
        else { return nil }
        return String(nav.output.1).matches(of: /<li>(?:<a href="([^"]*)">([^<]*)<\/a>|<span aria-current="page">([^<]*)<\/span>)<\/li>/).map { item in
            Crumb(label: String(item.output.2 ?? item.output.3 ?? ""), href: item.output.1.map(String.init))
        }
    }

    @Test func everyPageKindHasItsTrailEndingInTheCurrentPage() throws {
        let site = try TestSite.sample()
        try #require(site.build(date: SimpleDate(iso: "2026-11-25")!).succeeded)
        let home = Crumb(label: "Trang chủ", href: nil)
        let expected: [(String, [Crumb])] = [
            ("cau-chuyen/index.html", [Crumb(label: "Trang chủ", href: "../"), Crumb(label: "Câu chuyện thành công", href: nil)]),
            ("cau-chuyen/trang/2/index.html", [Crumb(label: "Trang chủ", href: "../../../"), Crumb(label: "Câu chuyện thành công", href: "../../../cau-chuyen/"),
                                               Crumb(label: "Câu chuyện thành công – Trang 2", href: nil)]),
            ("cau-chuyen/vuon-nho-sau-ba-nam-o-nhat-ban/index.html", [Crumb(label: "Trang chủ", href: "../../"), Crumb(label: "Câu chuyện thành công", href: "../../cau-chuyen/"),
                                                                      Crumb(label: "Vườn nho sau ba năm ở Nhật Bản", href: nil)]),
            ("the/nhat-ban/index.html", [Crumb(label: "Trang chủ", href: "../../"), Crumb(label: "Câu chuyện thành công", href: "../../cau-chuyen/"),
                                         Crumb(label: "Câu chuyện về chủ đề: Nhật Bản", href: nil)]),
            ("thi-truong/index.html", [Crumb(label: "Trang chủ", href: "../"), Crumb(label: "Thị trường", href: nil)]),
            ("thi-truong/duc/index.html", [Crumb(label: "Trang chủ", href: "../../"), Crumb(label: "Thị trường", href: "../../thi-truong/"), Crumb(label: "Đức", href: nil)]),
            ("chinh-sach/index.html", [Crumb(label: "Trang chủ", href: "../"), Crumb(label: "Chính sách", href: nil)]),
            ("chinh-sach/luat-69-2020/index.html", [Crumb(label: "Trang chủ", href: "../../"), Crumb(label: "Chính sách", href: "../../chinh-sach/"),
                                                    Crumb(label: "69/2020/QH14: Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", href: nil)]),
            ("hoi-dap/index.html", [Crumb(label: "Trang chủ", href: "../"), Crumb(label: "Hỏi – đáp", href: nil)]),
            ("tim-kiem/index.html", [Crumb(label: "Trang chủ", href: "../"), Crumb(label: "Tìm kiếm", href: nil)]),
        ]
        for (page, trail) in expected {
            let html = try #require(site.read(page), "\(page)")
            #expect(Self.crumbs(html) == trail, "\(page): \(Self.crumbs(html) ?? [])")
        }
        for page in ["chi-tieu/index.html", "chi-tieu/ninh-thuan-2021/index.html", "dia-ban/ninh-son/index.html"] {
            let html = try #require(site.read(page))
            let trail = try #require(Self.crumbs(html), "\(page) has breadcrumbs")
            #expect(trail.first?.label == home.label && trail.first?.href != nil, "\(page)")
            #expect(trail.last?.href == nil && trail.dropLast().allSatisfy { $0.href != nil }, "\(page): \(trail)")
        }
        #expect(Self.crumbs(try #require(site.read("index.html"))) == nil, "the home page has no trail")
    }

    @Test func theMenuMarksTheSectionOfThePage() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        let menu = try #require(story.firstMatch(of: /<nav class="site-nav".*?<\/nav>/.dotMatchesNewlines()).map { String($0.output) })
        #expect(menu.contains("<a href=\"../../cau-chuyen/\" aria-current=\"page\">Câu chuyện thành công</a>"))
        #expect(menu.matches(of: /aria-current/).count == 2, "once in the phone menu, once in the strip; CSS shows one")
    }

    @Test func theNotFoundPageLeadsToSearchAndTheLists() throws {
        let site = try TestSite.sample()
        try #require(site.build(date: SimpleDate(iso: "2026-11-25")!).succeeded)
        let page = try #require(site.read("404.html"))
        let main = try #require(page.firstMatch(of: /<main.*?<\/main>/.dotMatchesNewlines()).map { String($0.output) })
        for (label, path) in [("Trang chủ", ""), ("Tìm kiếm", "tim-kiem/"), ("Câu chuyện thành công", "cau-chuyen/"),
                              ("Thị trường", "thi-truong/"), ("Chính sách", "chinh-sach/"), ("Chỉ tiêu", "chi-tieu/")] {
            #expect(main.contains("<a href=\"/\(path)\">\(label)</a>"), "\(label): \(main)")
        }
    }

    @Test func theHomePageHeadingSaysWhatThePortalIsAboutNotItsNameAgain() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let home = try #require(site.read("index.html"))
        let heading = try #require(home.firstMatch(of: /<h1>([^<]*)<\/h1>/).map { String($0.output.1) })
        #expect(heading == "Thông tin chính thức về đi làm việc ở nước ngoài theo hợp đồng")
        #expect(home.contains("<a class=\"site-title\" href=\"./\">Cổng thử</a>"))
        #expect(home.matches(of: /<h1/).count == 1)
    }

    /// Policies and the FAQ get printed and pinned up: the menu and other screen-only parts go.
    @Test func thePrintStylesheetHidesWhatPaperDoesNotNeed() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let css = try #require(site.read("assets/style.css"))
        let block = try #require(css.firstMatch(of: /@media print\{(.*?\})\}/.dotMatchesNewlines()).map { String($0.output.1) })
        let hidden = try #require(block.firstMatch(of: /([^{}]*)\{display:none\}/).map { String($0.output.1).split(separator: ",").map(String.init) })
        for part in [".site-nav", ".skip-link", ".breadcrumbs", ".pagination", "aside", ".search-form"] {
            #expect(hidden.contains(part), "\(part) is not hidden in print: \(hidden)")
        }
        #expect(block.contains("body{font-size:11pt;color:#000;background:#fff}"))
        #expect(block.contains(".prose a[href^=\"http\"]::after{content:\" (\" attr(href) \")\""), "external addresses are printed")
        #expect(site.read("chinh-sach/luat-69-2020/index.html")?.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">") == true,
                "pages use the stylesheet that holds the print rules")
    }
}
