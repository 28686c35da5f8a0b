import Foundation
import NhipCauCore
import Testing

/// The home page, citizen first: the first phone screen holds the hotline, the task shortcuts of
/// `home.tasks` and a search box that works without script; then notices, the featured plan, stories.
/// Every page's navigation is a no-script menu on phones and a wrapped strip on wider screens.
@Suite struct HomePageTests {
    static let homeYML = """
        title: "Cổng thử"
        contact:
          hotline: "1800 1234"
        home:
          tasks:
            - label: "Giới thiệu cổng"
              link: pages/gioi-thieu.md
            - label: "So sánh thị trường"
              link: /thi-truong/
            - label: "Gọi tư vấn"
              link: "tel:18001234"

        """

    static func oldPlan(sample: Bool = false) -> String {
        """
        { "title": "Kế hoạch cũ 2019", "issuer": "UBND", "unit": "lao động",\(sample ? " \"sample\": true," : "")
          "period": { "start": "01/01/2019", "end": "31/12/2019" }, "target": 20,
          "progress": [ { "date": "30/06/2019", "count": 25 } ] }
        """
    }

    /// The part of the page from `start` to `end` (both markers must be there).
    static func between(_ html: String, _ start: String, _ end: String) throws -> String {
        let from = try #require(html.range(of: start), "no \(start)")
        let to = try #require(html.range(of: end, range: from.upperBound..<html.endIndex), "no \(end) after \(start)")
        return String(html[from.lowerBound..<to.upperBound])
    }

    @Test func theFirstScreenHoldsTheHotlineTheTasksAndTheSearchBox() throws {
        let site = try siteWithPlan(["site.yml": Self.homeYML])
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let home = try #require(site.read("index.html"))
        let hero = try Self.between(home, "<section class=\"hero\"", "</section>")
        #expect(hero.contains("Đường dây nóng (miễn phí): <a href=\"tel:18001234\">1800 1234</a>"))
        #expect(hero.contains("<li><a href=\"gioi-thieu/\">Giới thiệu cổng</a></li>"))
        #expect(hero.contains("<li><a href=\"thi-truong/\">So sánh thị trường</a></li>"))
        #expect(hero.contains("<li><a href=\"tel:18001234\">Gọi tư vấn</a></li>"))
        #expect(hero.contains("<form class=\"search-form home-search\" action=\"tim-kiem/\" method=\"get\" role=\"search\">"))
        #expect(hero.contains("name=\"q\""))
        #expect(!hero.contains("<script"), "the search form needs no script")
        // Then the featured plan's progress, then the stories, then markets.
        let order = ["class=\"hero\"", "id=\"tien-do\"", "id=\"cau-chuyen-moi\"", "id=\"thi-truong\"", "id=\"lien-he\""]
        let positions = try order.map { try #require(home.range(of: $0), "no \($0)").lowerBound }
        #expect(positions == positions.sorted(), "home sections in order: \(order)")
    }

    @Test func aPaidHotlineIsNotCalledFreeAndNoTasksMeansNoTaskBlock() throws {
        let site = try siteWithPlan(["site.yml": "title: \"Cổng thử\"\ncontact:\n  hotline: \"1900 1234\"\n"])
        try #require(site.build().succeeded)
        let home = try #require(site.read("index.html"))
        #expect(home.contains("Đường dây nóng: <a href=\"tel:19001234\">1900 1234</a>"))
        #expect(!home.contains("miễn phí"))
        #expect(!home.contains("class=\"tasks\""))
        #expect(home.contains("action=\"tim-kiem/\""), "the search box is there without tasks")
    }

    @Test func theHeadlineSaysPlacedAndPercentAsACitizenWould() throws {
        let site = try siteWithPlan()
        try #require(site.build().succeeded)
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<p>Kế hoạch thử năm 2021: đã đưa 12 lao động, đạt 30% chỉ tiêu 40 lao động, chậm tiến độ.</p>"))
        let plans = try #require(site.read("chi-tieu/index.html"))
        #expect(plans.contains("Số liệu tính đến ngày 30/06/2021."), "the list says the day its figures count to")
        #expect(plans.contains(">Đã đưa đi</th>"))
    }

    @Test func aMetTargetIsNotSaidTwiceAndTheSampleNoteIsPrintedOnce() throws {
        let site = try siteWithPlan(["targets/cu-2019.json": Self.oldPlan(sample: true),
                                     "site.yml": "title: \"Cổng thử\"\nhome:\n  featured_plan: cu-2019\n"])
        try #require(site.build().succeeded)
        let home = try #require(site.read("index.html"))
        let headline = try Self.between(home, "<section class=\"headline\"", "</section>")
        #expect(headline.contains("<p>Kế hoạch cũ 2019: đã đưa 25 lao động, đạt 125% chỉ tiêu 20 lao động.</p>"))
        #expect(headline.components(separatedBy: "Số liệu mẫu, không phải số liệu chính thức").count - 1 == 1)
    }

    @Test func theFeaturedPlanIsTheOneNamedElseThePlanUnderWayElseTheNewest() throws {
        let site = try siteWithPlan(["targets/cu-2019.json": Self.oldPlan()])
        try #require(site.build().succeeded)
        #expect(site.read("index.html")?.contains("<p>Kế hoạch thử năm 2021: đã đưa") == true, "under way on the build date")
        try #require(site.build(date: SimpleDate(iso: "2023-01-01")!).succeeded)
        #expect(site.read("index.html")?.contains("<p>Kế hoạch thử năm 2021: đã đưa") == true, "none under way: the newest")
        try site.write("site.yml", "title: \"Cổng thử\"\nhome:\n  featured_plan: cu-2019\n")
        try #require(site.build().succeeded)
        #expect(site.read("index.html")?.contains("<p>Kế hoạch cũ 2019: đã đưa 25 lao động") == true, "named in site.yml")
    }

    @Test func everySectionIsInANoScriptMenuAndInTheStripOnEveryPage() throws {
        let site = try siteWithPlan()
        try #require(site.build().succeeded)
        for page in ["index.html", "chi-tieu/index.html", "gioi-thieu/index.html", "tim-kiem/index.html"] {
            let html = try #require(site.read(page))
            let menu = try Self.between(html, "<details class=\"nav-menu wrap\">\n<summary>Danh mục</summary>", "</details>")
            let strip = try Self.between(html, "<ul class=\"nav-strip wrap\">", "</ul>")
            let hrefs = { (part: String) in part.matches(of: /href="([^"]*)"/).map { String($0.output.1) } }
            #expect(hrefs(menu) == hrefs(strip), "\(page)")
            #expect(hrefs(menu).count >= 6, "\(page): \(hrefs(menu))")
            #expect(strip.contains("Tìm kiếm") && menu.contains("Tìm kiếm") && menu.contains("Giới thiệu"), "\(page)")
        }
    }

    @Test func datesWrittenDayFirstBuildEverywhere() throws {
        let site = try siteWithPlan([
            "stories/chi-lan.md": "---\ntitle: \"Chị Lan\"\ndate: 2/5/2021\nmarket: nhat-ban\n---\n\nCâu chuyện.\n",
            "targets/cu-2019.json": Self.oldPlan(),
            "site.yml": "title: \"Cổng thử\"\nhome:\n  featured_plan: cu-2019\n",
        ])
        let outcome = site.build(date: SimpleDate(written: "30/06/2021")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(site.read("cau-chuyen/chi-lan/index.html")?.contains("02/05/2021") == true)
        #expect(site.read("chi-tieu/cu-2019/index.html")?.contains("01/01/2019 – 31/12/2019") == true)
    }
}
