import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
import NhipCauRender

/// Whole sites built from `handPlan` (Tests/NhipCauTests/Site/TargetPagesTests.swift): reports
/// A 4 on 31/03 and 3 on 30/06 (target 10), B 5 on 31/03 (target 30); plan target 40.
@Suite("Target pages across a site")
struct TargetSiteTests {
    @discardableResult
    private func build(_ site: TestSite, on iso: String) throws -> BuildOutcome {
        let outcome = site.build(date: try TargetFixtures.date(iso))
        #expect(outcome.succeeded, "\(outcome.listing)")
        return outcome
    }

    // MARK: Build date (finding 1)

    /// On 01/05/2021 (day 121) only the 31/03 reports count: A 4, B 5, plan 9 of 40 (22,5%),
    /// behind (9 < 0.9 × 40 × 121/365 ≈ 11.9); A 4 of 10 is on track (≥ 3.0).
    @Test func pagesCountOnlyReportsUpToTheBuildDate() throws {
        let site = try siteWithPlan()
        try build(site, on: "2021-05-01")
        let home = try #require(site.read("index.html"))
        #expect(home.contains("Kế hoạch thử năm 2021: đã đưa 9 lao động, đạt 22,5% chỉ tiêu 40 lao động, chậm tiến độ."))
        let list = try #require(site.read("chi-tieu/index.html"))
        #expect(list.contains(">9<") && list.contains(">22,5%<"))
        let plan = try #require(site.read("chi-tieu/thu-2021/index.html"))
        #expect(plan.contains("<dd>9 lao động</dd>") && plan.contains("<dd>31 lao động</dd>"))
        #expect(!plan.contains("12 lao động"))
        #expect(plan.contains("Trong đó có 1 báo cáo ghi ngày sau ngày cập nhật trang (01/05/2021); các số trên trang này chưa tính những báo cáo đó."))
        let area = try #require(site.read("dia-ban/huyen-a/index.html"))
        #expect(area.contains("<dd>4 lao động</dd>") && area.contains("Đúng tiến độ"))
        let csv = try #require(site.read("chi-tieu/thu-2021.csv"))
        #expect(csv.contains("\r\nplan,thu-2021,,Kế hoạch thử năm 2021,,40,40,2021-05-01,,9,Chậm tiến độ,4,5\r\n"))
        #expect(csv.contains("\r\nreport,thu-2021,huyen-a,Huyện A,,,,2021-06-30,3,,,0,3\r\n"), "the download keeps every report")
    }

    @Test func beforeThePeriodNothingIsShownAsAchieved() throws {
        let site = try siteWithPlan()
        try build(site, on: "2020-12-01")
        let plan = try #require(site.read("chi-tieu/thu-2021/index.html"))
        #expect(plan.contains("Chưa bắt đầu"))
        #expect(plan.contains("<dd>0 lao động</dd>"))
        #expect(!plan.contains("<dd>12 lao động</dd>") && !plan.contains("<dd>7 lao động</dd>"))
        #expect(plan.contains("Trong đó có 3 báo cáo ghi ngày sau ngày cập nhật trang (01/12/2020)"))
        #expect(plan.contains("Kỳ kế hoạch chưa bắt đầu."))
    }

    @Test func afterThePeriodTheDownloadNoteHasNothingToAdd() throws {
        let site = try siteWithPlan()
        try build(site, on: "2022-02-01")
        let plan = try #require(site.read("chi-tieu/thu-2021/index.html"))
        #expect(plan.contains("<p>Các tệp tải về là số liệu như đã công bố trong tệp kế hoạch, đủ mọi báo cáo.</p>"))
        #expect(plan.contains("Kỳ kế hoạch đã kết thúc ngày 31/12/2021."))
        #expect(plan.contains("Không đạt"))
    }

    // MARK: Market pages (finding 2)

    @Test func marketPageHasAChartOfWorkersByPlanThenTheTable() throws {
        let second = handPlan.replacingOccurrences(of: "2021", with: "2022").replacingOccurrences(of: "\"count\": 4, \"markets\": { \"nhat-ban\": 3 }",
                                                                                             with: "\"count\": 9, \"markets\": { \"nhat-ban\": 8 }")
        let site = try siteWithPlan(["targets/thu-2022.json": second])
        try build(site, on: "2022-12-31")
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        let chart = try #require(svgFragments(market).first)
        #expect(chart.contains(#"role="img""#))
        // 2022: 8 (A) + 1 (B); 2021: 3 + 1. Newest plan first.
        #expect(chart.contains("<desc id=\"theo-ke-hoach-bieu-do-desc\">Số lao động đi Nhật Bản theo từng kế hoạch: Kế hoạch thử năm 2022: 9; Kế hoạch thử năm 2021: 4.</desc>"))
        #expect(chart.contains(">9</text>") && chart.contains(">4</text>"))
        let chartAt = try #require(market.range(of: "chart-market-plans")?.lowerBound)
        let tableAt = try #require(market.range(of: "<td class=\"num\">9</td>")?.lowerBound)
        #expect(chartAt < tableAt, "the chart comes first, then the table of the same numbers")
        #expect(!market.contains("chart-data"), "the page's own table follows, so the chart carries none")
        #expect(throws: Never.self) { try XMLDocument(xmlString: chart) }
    }

    // MARK: Sample data (finding 6)

    @Test func aSamplePlanIsLabelledEverywhereItsFiguresAppear() throws {
        let sample = handPlan.replacingOccurrences(of: #""unit": "lao động","#, with: #""unit": "lao động", "sample": true,"#)
        let note = "Số liệu mẫu, không phải số liệu chính thức"
        let site = try siteWithPlan([
            "targets/thu-2021.json": sample,
            "pages/tien-do.md": "---\ntitle: \"Tiến độ\"\n---\n\n```chart\nplan: thu-2021\nshow: timeline\n```\n",
        ])
        try build(site, on: "2021-06-30")
        for path in ["index.html", "chi-tieu/index.html", "chi-tieu/thu-2021/index.html", "dia-ban/huyen-a/index.html",
                     "thi-truong/nhat-ban/index.html", "tien-do/index.html"] {
            let page = try #require(site.read(path), "\(path)")
            #expect(page.contains(note), "\(path) does not say the figures are sample data")
        }
        let plan = try #require(site.read("chi-tieu/thu-2021/index.html"))
        // The plan's header, and each of its three charts.
        #expect(plan.components(separatedBy: note).count - 1 == 4)
        let plain = try siteWithPlan()
        try build(plain, on: "2021-06-30")
        #expect(try #require(plain.read("chi-tieu/thu-2021/index.html")).contains(note) == false)
        #expect(try #require(plain.read("index.html")).contains(note) == false)
    }

    /// A list of plans says it once when all are sample data, and on the sample rows when only some are.
    @Test func listsOfPlansMarkOnlyTheSampleRows() throws {
        let sample = handPlan.replacingOccurrences(of: "2021", with: "2022").replacingOccurrences(of: #""unit": "lao động","#, with: #""unit": "lao động", "sample": true,"#)
        let site = try siteWithPlan(["targets/thu-2022.json": sample])
        try build(site, on: "2022-12-31")
        let rowNote = "<br><small class=\"sample-note\">Số liệu mẫu, không phải số liệu chính thức</small>"
        let list = try #require(site.read("chi-tieu/index.html"))
        #expect(list.components(separatedBy: rowNote).count - 1 == 1)
        #expect(list.contains("Kế hoạch thử năm 2022</a><br><small>UBND tỉnh Thử</small>" + rowNote))
        #expect(!list.contains("<p class=\"sample-note\""))
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        #expect(market.contains("Kế hoạch thử năm 2022</a>" + rowNote + "</th>"))
        #expect(market.contains("Kế hoạch thử năm 2021</a></th>"))
        #expect(market.contains("Số liệu mẫu, không phải số liệu chính thức: Kế hoạch thử năm 2022"), "the chart names the sample plan")
    }

    @Test func englishSitesSayItInEnglish() throws {
        let sample = handPlan.replacingOccurrences(of: #""unit": "lao động","#, with: #""unit": "lao động", "sample": true,"#)
        let site = try siteWithPlan(["targets/thu-2021.json": sample, "site.yml": "title: \"Test portal\"\nlanguage: en\n"])
        try build(site, on: "2021-06-30")
        #expect(try #require(site.read("chi-tieu/thu-2021/index.html")).contains("Sample figures, not official data"))
    }

    // MARK: Range percents (finding 8)

    /// Target 10–12 for A: 7 is 70% of the minimum and 58,3% of the maximum; the plan 40–44:
    /// 12 is 30% and 27,3%. The minimum comes first and each percent is named.
    @Test func rangePercentsAreNamedMinimumFirst() throws {
        let ranged = handPlan.replacingOccurrences(of: #""target": 40,"#, with: #""target": { "min": 40, "max": 44 },"#)
            .replacingOccurrences(of: #""target": 10,"#, with: #""target": { "min": 10, "max": 12 },"#)
        let site = try siteWithPlan(["targets/thu-2021.json": ranged])
        try build(site, on: "2021-06-30")
        let list = try #require(site.read("chi-tieu/index.html"))
        #expect(list.contains(">30% mức tối thiểu, 27,3% mức tối đa<"))
        let home = try #require(site.read("index.html"))
        #expect(home.contains("đã đưa 12 lao động, chỉ tiêu 40–44 lao động: đạt 30% mức tối thiểu, 27,3% mức tối đa, chậm tiến độ."))
        let area = try #require(site.read("dia-ban/huyen-a/index.html"))
        #expect(area.contains("<dd>70% mức tối thiểu, 58,3% mức tối đa</dd>"))
        #expect(!list.contains("27,3% – 30%"))
    }

    @Test func growthTargetsReadInTheHeadline() throws {
        let grown = handPlan.replacingOccurrences(of: #""target": 40,"#, with: #""target": { "growth": { "min": 0.1, "max": 0.15 }, "baseline": 37 },"#)
        let site = try siteWithPlan(["targets/thu-2021.json": grown])
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        // 37 × 1.1 = 40.7 → 41; 37 × 1.15 = 42.55 → 43. 12/41 = 29,3%; 12/43 = 27,9%.
        let home = try #require(site.read("index.html"))
        #expect(home.contains("đã đưa 12 lao động, chỉ tiêu 41–43 lao động, tăng 10–15% so với 37: đạt 29,3% mức tối thiểu, 27,9% mức tối đa, chậm tiến độ."))
    }

    // MARK: Chart blocks (finding 10)

    /// A plan whose file has errors stops the build while loading, so no page (and no chart
    /// block) is drawn: the officer is told about the plan file itself.
    @Test func aChartOfAPlanWithErrorsPointsToThePlanFile() throws {
        let broken = handPlan.replacingOccurrences(of: "\"count\": 5", with: "\"count\": -5")
        let site = try siteWithPlan([
            "targets/thu-2021.json": broken,
            "pages/tien-do.md": "---\ntitle: \"Tiến độ\"\n---\n\n```chart\nplan: thu-2021\n```\n",
        ])
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.errors.map(\.location.file) == ["targets/thu-2021.json"], "\(outcome.listing)")
    }

    /// Were pages drawn with such a plan missing (the renderer reads content again as it renders),
    /// the block would say the plan has errors rather than that it does not exist.
    @Test func theRendererTellsAPlanWithErrorsFromAMisspeltOne() throws {
        let site = try TestSite(TestSite.minimal)
        try site.write("targets/thu-2021.json", handPlan)
        let content = DiskContent(root: site.content)
        let loaded = try #require(ContentLoader.load(from: content).content)
        let assembled = try #require(SiteAssembler.assemble(loaded, options: .init(today: testDate)).site)
        let theme = try #require(Theme.make(overrides: [], language: .vi).theme)
        try site.write("targets/loi-2021.json", "{ \"title\": 1 }")
        let renderer = SiteRenderer(site: assembled, theme: theme, content: content)
        func diagnostics(_ block: String) -> [String] {
            renderer.renderMarkdown("```chart\n\(block)\n```\n", file: "pages/tien-do.md", firstLine: 5, page: Routes.page("tien-do"))
                .diagnostics.map { $0.formatted(in: .en) }
        }
        #expect(diagnostics("plan: loi-2021") == [
            "pages/tien-do.md:6:1: error: The plan `loi-2021` has errors, so its chart cannot be drawn. Fix the errors reported for targets/loi-2021.json.",
        ])
        #expect(diagnostics("show: areas\nplan: loi-2020") == [
            "pages/tien-do.md:7:1: error: There is no plan `loi-2020`: there is no file targets/loi-2020.json. Check the name; plans: thu-2021.",
        ])
        #expect(diagnostics("plan: ../thu-2021").first?.contains("There is no plan `../thu-2021`") == true)
        #expect(diagnostics("plan: thu-2021\nshow: timeline").isEmpty)
    }
}
