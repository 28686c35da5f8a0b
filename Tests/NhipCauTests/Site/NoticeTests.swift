import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NhipCauCore
import NhipCauSite
import Testing

/// `notices/`: on the home page from `date` until `expires`, listed at `/thong-bao/` (in force, then
/// expired), each on its own page, in a feed; dated after the build date, nowhere.
@Suite struct NoticeTests {
    static func site() throws -> TestSite {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: \"https://xkld.example.gov.vn/\"\n"
        files["notices/tu-van.md"] = "---\ntitle: \"Lịch tư vấn tháng 6\"\ndate: 2021-06-01\nexpires: 2021-06-30\nmarkets: [nhat-ban]\nsummary: \"Hai buổi tư vấn.\"\nsample: true\n---\n\nTư vấn tại xã.\n"
        files["notices/tuyen-chon.md"] = "---\ntitle: \"Tuyển chọn tháng 8\"\ndate: 2021-08-01\n---\n\nTuyển chọn.\n"
        return try TestSite(files)
    }

    @Test func aNoticeIsOnTheHomePageFromItsDateUntilItExpires() throws {
        let site = try Self.site()
        let days: [(String, Bool, Bool)] = [("2021-05-31", false, false), ("2021-06-01", true, false),
                                            ("2021-06-30", true, false), ("2021-07-01", false, true)]
        for (day, onHome, expired) in days {
            let outcome = site.build(date: SimpleDate(iso: day)!)
            try #require(outcome.succeeded, "\(day): \(outcome.listing)")
            let home = try #require(site.read("index.html"))
            #expect(home.contains("thong-bao/tu-van/") == onHome, "\(day)")
            let list = site.read("thong-bao/index.html")
            #expect((list != nil) == (onHome || expired), "\(day): the list exists once a notice is published")
            if expired {
                let page = try #require(site.read("thong-bao/tu-van/index.html"))
                #expect(page.contains("Thông báo này đã hết hạn."))
                #expect(list?.contains("Thông báo đã hết hạn") == true && list?.contains("Thông báo đang có hiệu lực") == false)
            }
            #expect(!site.exists("thong-bao/tuyen-chon/index.html"), "\(day): dated later, not published")
        }
    }

    @Test func aNoticePageNamesItsMarketsAndIsInTheFeedAndSearch() throws {
        let site = try Self.site()
        try #require(site.build(date: SimpleDate(iso: "2021-06-15")!).succeeded)
        let page = try #require(site.read("thong-bao/tu-van/index.html"))
        #expect(page.contains("href=\"../../thi-truong/nhat-ban/\">Nhật Bản</a>"))
        #expect(page.contains("Thông báo mẫu"), "sample notices say so")
        let feed = try #require(site.read("feeds/thong-bao.xml"))
        let titles = try AtomTitles.of(feed)
        #expect(titles == ["Thông báo – Cổng thử", "Lịch tư vấn tháng 6"])
        let searchPage = try #require(site.read("tim-kiem/index.html"))
        #expect(searchPage.contains("href=\"../thong-bao/\">Thông báo</a>"))
    }

    @Test func aLinkToANoticeNotYetPublishedIsText() throws {
        let site = try Self.site()
        try site.write("pages/gioi-thieu.md", "---\ntitle: \"Giới thiệu\"\n---\n\nXem [tuyển chọn](../notices/tuyen-chon.md).\n")
        let outcome = site.build(date: SimpleDate(iso: "2021-06-15")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.location.file == "pages/gioi-thieu.md" })
        #expect(site.read("gioi-thieu/index.html")?.contains("../thong-bao/tuyen-chon/") == false)
    }
}

/// The `<title>`s of an Atom feed, read with an XML parser.
enum AtomTitles {
    final class Collector: NSObject, XMLParserDelegate {
        var titles: [String] = []
        var current: String?
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if element == "title" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == "title", let current { titles.append(current) }
            current = nil
        }
    }

    static func of(_ xml: String) throws -> [String] {
        let parser = XMLParser(data: Data(xml.utf8))
        let collector = Collector()
        parser.delegate = collector
        try #require(parser.parse(), "the feed is well-formed XML")
        return collector.titles
    }
}
