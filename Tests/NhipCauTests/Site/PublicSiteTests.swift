import Foundation
import FoundationXML
import NhipCauCore
import Testing

/// Feeds, sitemap, robots.txt, the policy register and the market comparison.
@Suite struct PublicSiteTests {
    static let withBase: [String: String] = {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: https://xkld.example.gov.vn/thu\n"
        files["stories/ban-nhap.md"] = "---\ntitle: \"Bản nháp\"\ndate: 2021-01-02\ndraft: true\n---\n\nChưa đăng.\n"
        files["stories/sap-dang.md"] = "---\ntitle: \"Sắp đăng\"\ndate: 2022-01-01\n---\n\nTương lai.\n"
        files["stories/anh-minh.md"] = "---\ntitle: \"Anh Minh <b>&</b>\"\ndate: 2021-02-01\nsummary: \"Tóm tắt & <i>\"\n---\n\nCâu chuyện.\n"
        return files
    }()

    @Test func sitemapListsExactlyThePublishedPages() throws {
        let site = try TestSite(Self.withBase)
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        let xml = try XMLDocument(data: Data(try #require(site.read("sitemap.xml")).utf8))
        let locations = Set(try xml.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue))
        let pages = Set(fileTree(site.output).keys.filter { $0.hasSuffix("index.html") }.map {
            "https://xkld.example.gov.vn/thu/" + $0.dropLast("index.html".count)
        })
        #expect(locations == pages)
        #expect(!locations.contains { $0.contains("ban-nhap") || $0.contains("sap-dang") })
    }

    @Test func feedsAreAtomWithOnlyPublishedEntries() throws {
        let site = try TestSite(Self.withBase)
        #expect(site.build().succeeded)
        let stories = try XMLDocument(data: Data(try #require(site.read("feeds/cau-chuyen.xml")).utf8))
        let titles = try stories.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles == ["Anh Minh <b>&</b>", "Chị Lan"], "newest first, drafts and future stories left out, text escaped")
        let updated = try stories.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='updated']").first?.stringValue
        #expect(updated == "2021-02-01T00:00:00Z", "the newest entry's date, never the clock")
        let policies = try XMLDocument(data: Data(try #require(site.read("feeds/chinh-sach.xml")).utf8))
        #expect(try policies.nodes(forXPath: "//*[local-name()='entry']").count == 1)
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Câu chuyện thành công\" href=\"feeds/cau-chuyen.xml\">"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://xkld.example.gov.vn/thu/\">"))
    }

    @Test func withoutBaseURLThereAreNoAbsoluteURLs() throws {
        let site = try TestSite(TestSite.minimal)
        #expect(site.build().succeeded)
        #expect(!site.exists("sitemap.xml") && !site.exists("feeds/cau-chuyen.xml"))
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(!(site.read("index.html") ?? "").contains("canonical"))
    }

    @Test func robotsNamesTheSitemap() throws {
        let site = try TestSite(Self.withBase)
        #expect(site.build().succeeded)
        #expect(site.read("robots.txt")?.contains("Sitemap: https://xkld.example.gov.vn/thu/sitemap.xml") == true)
    }

    /// Test date 2021-06-30.
    @Test func policyStatusesFollowTheirDates() throws {
        var files = TestSite.minimal
        files["policies/cu.md"] = "---\ntitle: \"Cũ\"\nnumber: \"1/2006/QH11\"\nissuer: \"Quốc hội\"\nissued: 2006-11-29\nexpires: 2021-06-29\n---\n\nCũ.\n"
        files["policies/moi.md"] = "---\ntitle: \"Mới\"\nnumber: \"2/2021/NĐ-CP\"\nissuer: \"Chính phủ\"\nissued: 2021-06-01\neffective: 2021-07-01\n---\n\nMới.\n"
        files["policies/bi-thay.md"] = "---\ntitle: \"Bị thay\"\nnumber: \"3/2015/NĐ-CP\"\nissuer: \"Chính phủ\"\nissued: 2015-07-09\nreplaced_by: moi\n---\n\nBị thay.\n"
        files["policies/hom-nay.md"] = "---\ntitle: \"Hôm nay\"\nnumber: \"4/2021/TT\"\nissuer: \"Bộ\"\nissued: 2021-06-30\n---\n\nHôm nay.\n"
        let site = try TestSite(files)
        #expect(site.build().succeeded)
        #expect(site.read("chinh-sach/cu/index.html")?.contains("<strong>Tình trạng:</strong> Hết hiệu lực") == true)
        #expect(site.read("chinh-sach/moi/index.html")?.contains("<strong>Tình trạng:</strong> Chưa có hiệu lực") == true)
        #expect(site.read("chinh-sach/hom-nay/index.html")?.contains("<strong>Tình trạng:</strong> Còn hiệu lực") == true)
        let replaced = try #require(site.read("chinh-sach/bi-thay/index.html"))
        #expect(replaced.contains("<strong>Tình trạng:</strong> Còn hiệu lực"), "its replacement is in force only from 01/07/2021")
        #expect(replaced.contains("Sẽ thay thế bằng <a href=\"../../chinh-sach/moi/\">2/2021/NĐ-CP</a> từ 01/07/2021."))
        #expect(replaced.contains("href=\"../../chinh-sach/moi/\">2/2021/NĐ-CP: Mới</a> (từ 01/07/2021)"))
        #expect(site.read("chinh-sach/moi/index.html")?.contains("href=\"../../chinh-sach/bi-thay/\">3/2015/NĐ-CP: Bị thay</a>") == true)
        let register = try #require(site.read("chinh-sach/index.html"))
        let positions = ["4/2021/TT", "2/2021/NĐ-CP", "69/2020/QH14", "3/2015/NĐ-CP", "1/2006/QH11"].map { register.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "newest issued first")
        #expect(register.contains("badge-not-yet") && register.contains("badge-expired") && register.contains("badge-in-force"))
    }

    @Test func marketsAreComparedByIncomeHighestFirst() throws {
        var files = TestSite.minimal
        files["markets/dai-loan.md"] = "---\ntitle: \"Đài Loan\"\ncountry: \"Đài Loan\"\nincome_vnd: [18000000, 25000000]\ncost_vnd: 100000000\n---\n\nĐài Loan.\n"
        files["markets/duc.md"] = "---\ntitle: \"Đức\"\ncountry: \"Đức\"\nincome_vnd: [50000000, 75000000]\ncontract: \"3 năm\"\nsectors: [điều dưỡng, cơ khí]\n---\n\nĐức.\n"
        let site = try TestSite(files)
        #expect(site.build().succeeded)
        let table = try #require(site.read("thi-truong/index.html"))
        let duc = try #require(table.range(of: ">Đức<")), daiLoan = try #require(table.range(of: ">Đài Loan<"))
        let nhatBan = try #require(table.range(of: ">Nhật Bản<"))
        #expect(duc.lowerBound < daiLoan.lowerBound && daiLoan.lowerBound < nhatBan.lowerBound, "no income figure sorts last")
        #expect(table.contains("50.000.000 – 75.000.000 đ"))
        #expect(table.contains("100.000.000 đ"))
        #expect(table.contains("điều dưỡng, cơ khí"))
    }

    @Test func tagsGetPagesUnderTheirVietnameseSlug() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\ntags: [Nhật Bản, \"Điều dưỡng\"]\n---\n\nCâu chuyện.\n"
        files["stories/anh-ba.md"] = "---\ntitle: \"Anh Ba\"\ndate: 2021-01-06\ntags: [\"nhật bản\"]\n---\n\nCâu chuyện.\n"
        let site = try TestSite(files)
        #expect(site.build().succeeded)
        let japan = try #require(site.read("the/nhat-ban/index.html"))
        #expect(japan.contains("Chị Lan") && japan.contains("Anh Ba"))
        #expect(site.read("the/dieu-duong/index.html")?.contains("Chị Lan") == true)
        #expect(site.read("cau-chuyen/chi-lan/index.html")?.contains("href=\"../../the/dieu-duong/\">Điều dưỡng</a>") == true)
    }

    /// The server sends 404.html for a missing address at any depth (`/thu/a/b/c`), so relative links
    /// would point under the missing address: with `base_url` they start at the server's root.
    @Test func notFoundPageLinksFromTheServerRootWhenTheBaseIsKnown() throws {
        let site = try TestSite(Self.withBase)
        #expect(site.build().succeeded)
        let page = try #require(site.read("404.html"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/thu/assets/style.css\">"))
        #expect(page.contains("<a class=\"site-title\" href=\"/thu/\">"))
        #expect(page.contains("<a href=\"/thu/cau-chuyen/\">"), "menu and content links")
        #expect(page.contains("href=\"/thu/feeds/cau-chuyen.xml\""))
        #expect(!page.contains("href=\"cau-chuyen/\""), "no relative link left")
        #expect(site.read("cau-chuyen/index.html")?.contains("href=\"../assets/style.css\"") == true, "other pages stay relative")
    }

    @Test func notFoundPageStaysRelativeWithoutABase() throws {
        let site = try TestSite(TestSite.minimal)
        #expect(site.build().succeeded)
        let page = try #require(site.read("404.html"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"))
        #expect(page.contains("<a href=\"cau-chuyen/\">"))
    }

    @Test func pastedTablesFromSpreadsheetsOrCommasBecomeAccessibleTables() throws {
        var files = TestSite.minimal
        files["pages/bang.md"] = "---\ntitle: \"Bảng\"\n---\n\n```table\nĐối tượng\tMức vay\nHộ nghèo\t100% chi phí\n```\n\n```table\nBước, Việc, Ghi chú\n1, Đăng ký, \"Tại UBND xã, miễn phí\"\n```\n"
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("bang/index.html"))
        #expect(page.contains("<th scope=\"col\">Đối tượng</th><th scope=\"col\">Mức vay</th>"))
        #expect(page.contains("<th scope=\"row\">Hộ nghèo</th><td>100% chi phí</td>"))
        #expect(page.contains("<td>Tại UBND xã, miễn phí</td>"), "a quoted cell keeps its comma")
        #expect(!page.contains("language-table"))
    }
}
