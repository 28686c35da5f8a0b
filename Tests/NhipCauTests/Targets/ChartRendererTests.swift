import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
import NhipCauRender

@Suite("Target charts")
struct ChartRendererTests {
    private static let goldenFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden/targets")

    private func sample(on iso: String = "2021-07-01") throws -> (plan: TargetPlan, figures: PlanFigures) {
        let plan = try TargetFixtures.samplePlan()
        return (plan, PlanFigures(plan: plan, today: try TargetFixtures.date(iso)))
    }

    /// Every chart of a plan, in both languages.
    private func allCharts(_ plan: TargetPlan, _ figures: PlanFigures) -> [String] {
        MessageCatalog.languages.flatMap { language -> [String?] in
            let renderer = ChartRenderer(language: language)
            return [
                renderer.areas(plan: plan, figures: figures, idPrefix: "c1"),
                renderer.areas(plan: plan, figures: figures, parentArea: "huyen-b", idPrefix: "c2"),
                renderer.timeline(plan: plan, figures: figures, idPrefix: "c3"),
                renderer.timeline(plan: plan, figures: figures, area: plan.areas.first?.id, idPrefix: "c4"),
                renderer.markets(plan: plan, figures: figures, marketNames: TargetFixtures.marketNames, idPrefix: "c5"),
                renderer.groups(plan: plan, figures: figures, idPrefix: "c6"),
            ]
        }.compactMap { $0 }
    }

    private func expectWellFormed(_ markup: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(throws: Never.self, sourceLocation: sourceLocation) { _ = try XMLDocument(xmlString: markup, options: []) }
    }

    private func compareWithGolden(_ output: String, name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
        }
        let golden = try Data(contentsOf: url)
        #expect(golden == Data(output.utf8), "\(name) differs from the golden file; run with NHIPCAU_UPDATE_GOLDEN=1 if the change is intended")
    }

    @Test func areasChartMatchesGolden() throws {
        let (plan, figures) = try sample()
        let vi = try #require(ChartRenderer(language: .vi).areas(plan: plan, figures: figures, idPrefix: "tien-do"))
        try compareWithGolden(vi, name: "areas-vi.html")
        let en = try #require(ChartRenderer(language: .en).areas(plan: plan, figures: figures, idPrefix: "tien-do"))
        try compareWithGolden(en, name: "areas-en.html")
    }

    @Test func timelineChartMatchesGolden() throws {
        let (plan, figures) = try sample()
        let vi = try #require(ChartRenderer(language: .vi).timeline(plan: plan, figures: figures, idPrefix: "theo-thoi-gian"))
        try compareWithGolden(vi, name: "timeline-vi.html")
    }

    @Test func marketsAndGroupsChartsMatchGolden() throws {
        let (plan, figures) = try sample()
        let markets = try #require(ChartRenderer(language: .vi).markets(plan: plan, figures: figures, marketNames: TargetFixtures.marketNames, idPrefix: "thi-truong"))
        try compareWithGolden(markets, name: "markets-vi.html")
        let groups = try #require(ChartRenderer(language: .en).groups(plan: plan, figures: figures, idPrefix: "nhom"))
        try compareWithGolden(groups, name: "groups-en.html")
    }

    @Test func everyChartIsWellFormedAndDeterministic() throws {
        for date in ["2020-12-31", "2021-07-01", "2022-01-01"] {
            let (plan, figures) = try sample(on: date)
            let charts = allCharts(plan, figures)
            #expect(charts.count == 12)
            for chart in charts { expectWellFormed(chart) }
            #expect(charts == allCharts(plan, figures))
        }
    }

    @Test func accessibleStructure() throws {
        let (plan, figures) = try sample()
        for chart in allCharts(plan, figures) {
            #expect(chart.hasPrefix("<figure class=\"chart chart-"))
            #expect(chart.contains("role=\"img\""))
            #expect(chart.contains("<details class=\"chart-data\">"))
            #expect(chart.contains("<caption>"))
            #expect(chart.contains("<th scope=\"col\">"))
            #expect(chart.contains("<th scope=\"row\">"))
            #expect(chart.contains("<figcaption>"))
            #expect(!chart.contains(" width=\"100%\""))
            #expect(!chart.contains("fill=\"#") && !chart.contains("stroke=\"#") && !chart.contains("style="))
        }
        let areas = try #require(ChartRenderer(language: .vi).areas(plan: plan, figures: figures, idPrefix: "p"))
        #expect(areas.contains(#"aria-labelledby="p-title p-desc""#))
        #expect(areas.contains(#"<title id="p-title">"#) && areas.contains(#"<desc id="p-desc">"#))
        #expect(areas.contains("<summary>Xem bảng số liệu</summary>"))
        let english = try #require(ChartRenderer(language: .en).areas(plan: plan, figures: figures, idPrefix: "p"))
        #expect(english.contains("<summary>Show data table</summary>"))
    }

    @Test func descriptionsSayTheKeyFigures() throws {
        let (plan, figures) = try sample()
        let timeline = try #require(ChartRenderer(language: .vi).timeline(plan: plan, figures: figures, area: "huyen-b", idPrefix: "t"))
        #expect(timeline.contains("Huyện B đã đưa 20/70 lao động đi làm việc ở nước ngoài (28,6%), chậm tiến độ."))
        #expect(timeline.contains(">Cập nhật 01/07/2021</text>"))
        let english = try #require(ChartRenderer(language: .en).timeline(plan: plan, figures: figures, area: "huyen-a", idPrefix: "t"))
        #expect(english.contains("Huyện A has sent 30 of 30 workers to work abroad (100%), target met."))
        let markets = try #require(ChartRenderer(language: .vi).markets(plan: plan, figures: figures, marketNames: TargetFixtures.marketNames, idPrefix: "m"))
        #expect(markets.contains("50 lao động, trong đó 18 đi Hàn Quốc; 16 đi Nhật Bản; 10 đi Đài Loan; 6 chưa rõ thị trường."))
        let groups = try #require(ChartRenderer(language: .vi).groups(plan: plan, figures: figures, idPrefix: "g"))
        #expect(groups.contains("Lao động thuộc diện chính sách: 2/2–4 (100%, đã đạt)."))
    }

    @Test func vietnameseNumbersUseVietnameseSeparators() throws {
        let period = PlanPeriod(start: try TargetFixtures.date("2021-01-01"), end: try TargetFixtures.date("2021-12-31"))
        let plan = TargetPlan(id: "lon", sourceFile: "targets/lon.json", title: "Kế hoạch lớn", issuer: "I", document: nil, unit: "lao động",
                              period: period, target: .exact(1_250), groups: [], areas: [],
                              progress: [ProgressEntry(date: try TargetFixtures.date("2021-06-30"), count: 1_198)])
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let chart = try #require(ChartRenderer(language: .vi).timeline(plan: plan, figures: figures, idPrefix: "t"))
        #expect(chart.contains("Kế hoạch “Kế hoạch lớn”: đã đưa 1.198/1.250 lao động đi làm việc ở nước ngoài (95,8%), đã đạt") == false)
        #expect(chart.contains("Kế hoạch “Kế hoạch lớn”: đã đưa 1.198/1.250 lao động đi làm việc ở nước ngoài (95,8%), đúng tiến độ."))
        let english = try #require(ChartRenderer(language: .en).timeline(plan: plan, figures: figures, idPrefix: "t"))
        #expect(english.contains("1,198 of 1,250 workers to work abroad (95.8%)"))
    }

    @Test func rangeAndGrowthTargetsDrawABand() throws {
        let json = TargetFixtures.sampleJSON
            .replacingOccurrences(of: #""target": 100"#, with: #""target": { "growth": { "min": 0.10, "max": 0.15 }, "baseline": 80 }"#)
            .replacingOccurrences(of: #""target": 70"#, with: #""target": { "min": 58, "max": 62 }"#)
        let result = TargetFixtures.load(json)
        let plan = try #require(result.plan)
        #expect((plan.target.min, plan.target.max) == (88, 92))
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let renderer = ChartRenderer(language: .vi)
        let timeline = try #require(renderer.timeline(plan: plan, figures: figures, idPrefix: "t"))
        #expect(timeline.contains(#"<polygon points="#) && timeline.contains(#"fill="url(#t-hatch)""#))
        #expect(timeline.contains("Chỉ tiêu 88–92"))
        #expect(timeline.contains("đã đưa 50 lao động đi làm việc ở nước ngoài, chỉ tiêu 88–92 (56,8% mức tối thiểu), đúng tiến độ."))
        let areas = try #require(renderer.areas(plan: plan, figures: figures, idPrefix: "a"))
        #expect(areas.contains(#"class="chart-target-band""#))
        #expect(areas.contains("<td class=\"chart-number\">34,5% mức tối thiểu, 32,3% mức tối đa</td>")) // 20/58, 20/62
        let groupsEnglish = try #require(ChartRenderer(language: .en).groups(plan: plan, figures: figures, idPrefix: "g"))
        #expect(groupsEnglish.contains("<td class=\"chart-number\">100% of minimum, 50% of maximum</td>"))
        for chart in [timeline, areas, groupsEnglish] { expectWellFormed(chart) }
    }

    @Test func growthTargetsAreExplainedInTheTable() throws {
        let json = TargetFixtures.sampleJSON.replacingOccurrences(of: #""target": 30"#, with: #""target": { "growth": { "min": 0.1, "max": 0.15 }, "baseline": 27 }"#)
        let plan = try #require(TargetFixtures.load(json).plan)
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let vi = try #require(ChartRenderer(language: .vi).areas(plan: plan, figures: figures, idPrefix: "a"))
        #expect(vi.contains("30–32 (tăng 10–15% so với 27)"))
        let en = try #require(ChartRenderer(language: .en).areas(plan: plan, figures: figures, idPrefix: "a"))
        #expect(en.contains("30–32 (10–15% growth over 27)"))
    }

    @Test func idPrefixIsMadeSafe() throws {
        let (plan, figures) = try sample()
        let chart = try #require(ChartRenderer(language: .vi).areas(plan: plan, figures: figures, idPrefix: "a b\"<"))
        #expect(chart.contains(#"aria-labelledby="a-b---title a-b---desc""#))
        expectWellFormed(chart)
    }

    @Test func marketsAreSortedByCountThenName() throws {
        let (plan, figures) = try sample()
        let chart = try #require(ChartRenderer(language: .vi).markets(plan: plan, figures: figures, marketNames: ["nhat-ban": "Nhật Bản"], idPrefix: "m"))
        let order = [">han-quoc<", ">18 · 36%<", ">Nhật Bản<", ">16 · 32%<", ">dai-loan<", ">10 · 20%<", ">Chưa rõ thị trường<", ">6 · 12%<"]
            .compactMap { chart.range(of: $0)?.lowerBound }
        #expect(order.count == 8)
        #expect(order == order.sorted())
    }

    @Test func labelsFromContentAreEscaped() throws {
        let hostile = #"<script>alert('x')</script> & "q""#
        let json = TargetFixtures.sampleJSON
            .replacingOccurrences(of: "Huyện A", with: hostile.replacingOccurrences(of: "\"", with: "\\\""))
            .replacingOccurrences(of: "Lao động thuộc diện chính sách", with: "<b>nhóm</b>")
            .replacingOccurrences(of: "Đưa người lao động", with: "</title><script>")
        let plan = try #require(TargetFixtures.load(json).plan)
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let charts = allCharts(plan, figures) + [
            ChartRenderer(language: .vi).markets(plan: plan, figures: figures, marketNames: ["nhat-ban": "<i>Nhật</i> 'x'"], idPrefix: "m") ?? "",
            ChartRenderer(language: .en).timeline(plan: plan, figures: figures, area: "huyen-a", idPrefix: "t") ?? "",
        ]
        for chart in charts {
            #expect(!chart.contains("<script>"))
            #expect(!chart.contains("<b>") && !chart.contains("<i>"))
            expectWellFormed(chart)
        }
        #expect(charts[0].contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
    }

    @Test func nothingToDrawGivesNil() throws {
        let (plan, figures) = try sample()
        let renderer = ChartRenderer(language: .vi)
        #expect(renderer.areas(plan: plan, figures: figures, parentArea: "khong-co", idPrefix: "x") == nil)
        #expect(renderer.areas(plan: plan, figures: figures, parentArea: "xa-c", idPrefix: "x") == nil)
        #expect(renderer.timeline(plan: plan, figures: figures, area: "khong-co", idPrefix: "x") == nil)
        #expect(renderer.markets(plan: plan, figures: figures, area: "xa-c", marketNames: [:], idPrefix: "x") == nil)
    }

    @Test func coordinatesHaveAtMostOneDecimal() throws {
        let (plan, figures) = try sample()
        let pattern = try NSRegularExpression(pattern: #"\d+\.\d{2,}"#)
        for chart in allCharts(plan, figures) {
            let svg = chart.components(separatedBy: "<details").first ?? ""
            let attributes = svg.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            for value in attributes {
                #expect(pattern.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil, "\(value)")
            }
        }
    }

    @Test func stylesCoverEveryClassAndMode() {
        let css = ChartStyles.css
        for name in [".chart-bar", ".chart-target", ".chart-target-band", ".chart-hatch", ".chart-pace", ".chart-today",
                     ".chart-achieved-line", "@media (prefers-color-scheme: dark)", "@media print"] {
            #expect(css.contains(name))
        }
    }
}
