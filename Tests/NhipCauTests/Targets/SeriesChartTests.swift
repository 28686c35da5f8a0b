import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
import NhipCauRender

/// The series chart and the timeline's dated notes and as-of line (issue 19): goldens, and the
/// accessibility contract (role="img", title, description sentence, the same numbers as a table).
@Suite("Series chart, notes and freshness")
struct SeriesChartTests {
    private static let goldenFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden/targets")

    private func plan(_ year: Int, _ target: PlanTarget, _ counts: [Int], notes: [PlanNote] = []) throws -> TargetPlan {
        let period = PlanPeriod(start: try TargetFixtures.date("\(year)-01-01"), end: try TargetFixtures.date("\(year)-12-31"))
        let entries = try counts.enumerated().map { index, count in
            ProgressEntry(date: try TargetFixtures.date("\(year)-\(["03", "06", "09", "12"][index])-25"), count: count)
        }
        let indicator = PlanIndicator(id: "xuat-khau", name: "Lao động xuất cảnh", unit: "lao động", target: target, progress: entries)
        return TargetPlan(id: "mau-\(year)", sourceFile: "targets/mau-\(year).json", title: "Kế hoạch mẫu năm \(year)", issuer: "UBND huyện Mẫu",
                          document: nil, period: period, indicators: [indicator], series: "mau-cac-nam",
                          schedule: ReportSchedule(every: .quarter, day: 25), notes: notes, isSample: true)
    }

    /// 2021: 45 of 40–50; 2022: 52, growth 10% over 45 (50) met; 2023: 49, growth 10% over 52 (58) not met.
    private func series() throws -> PlanSeries {
        PlanSeries(id: "mau-cac-nam", plans: [
            try plan(2023, .growth(minRate: 0.1, maxRate: 0.1, baseline: 52), [10, 12, 13, 14]),
            try plan(2021, .range(min: 40, max: 50), [10, 12, 9, 14]),
            try plan(2022, .growth(minRate: 0.1, maxRate: 0.1, baseline: 45), [12, 14, 11, 15]),
        ])
    }

    private func compareWithGolden(_ output: String, name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: url)
        }
        #expect(try Data(contentsOf: url) == Data(output.utf8), "\(name) differs from the golden file; run with NHIPCAU_UPDATE_GOLDEN=1 if intended")
    }

    @Test func seriesChartMatchesGoldenAndKeepsTheContract() throws {
        let today = try TargetFixtures.date("2024-01-10")
        let vi = try #require(ChartRenderer(language: .vi).series(try series(), indicatorId: "xuat-khau", name: "Lao động xuất cảnh",
                                                                 today: today, idPrefix: "chuoi"))
        try compareWithGolden(vi, name: "series-vi.html")
        let en = try #require(ChartRenderer(language: .en).series(try series(), indicatorId: "xuat-khau", name: "Lao động xuất cảnh",
                                                                 today: today, idPrefix: "chuoi"))
        try compareWithGolden(en, name: "series-en.html")
        for chart in [vi, en] {
            _ = try XMLDocument(xmlString: chart, options: [])
            #expect(chart.contains("role=\"img\"") && chart.contains("<title id=\"chuoi-title\">") && chart.contains("<desc id=\"chuoi-desc\">"))
        }
        // The description and the table carry the same figures: results, change on the year before, growth met or not.
        for figure in ["45/40–50", "52/50", "49/58", "+7 (+15,6%)", "−3 (−5,8%)", "Đạt mức tăng", "Chưa đạt mức tăng"] {
            #expect(vi.lowercased().components(separatedBy: figure.lowercased()).count >= 3, "\(figure) in both the description and the table")
        }
        #expect(vi.contains("<p class=\"chart-asof\">Số liệu đến 25/12/2023</p>"))
    }

    @Test func aSeriesWithoutTheIndicatorDrawsNothing() throws {
        #expect(ChartRenderer(language: .vi).series(try series(), indicatorId: "khac", name: "x",
                                                    today: try TargetFixtures.date("2024-01-10"), idPrefix: "c") == nil)
    }

    @Test func timelineDrawsSaysAndListsTheNotes() throws {
        let notes = [PlanNote(date: try TargetFixtures.date("2021-04-01"), text: "Tạm dừng xuất cảnh"),
                     PlanNote(date: try TargetFixtures.date("2021-06-25"), text: "Nối lại")]
        let noted = try plan(2021, .range(min: 40, max: 50), [10, 12, 9, 14], notes: notes)
        let figures = PlanFigures(plan: noted, today: try TargetFixtures.date("2021-08-01"))
        let chart = try #require(ChartRenderer(language: .vi).timeline(plan: noted, figures: figures, idPrefix: "ghi-chu"))
        try compareWithGolden(chart, name: "timeline-notes-vi.html")
        _ = try XMLDocument(xmlString: chart, options: [])
        #expect(chart.contains("Ghi chú trên biểu đồ: (1) 01/04/2021: Tạm dừng xuất cảnh; (2) 25/06/2021: Nối lại."))
        #expect(chart.components(separatedBy: "class=\"chart-note\"").count - 1 == 3, "two marks and the legend sample")
        // A note on a report's date shares its row; one on another day gets a row of its own.
        #expect(chart.contains("<th scope=\"row\">01/04/2021</th><td class=\"chart-number\">—</td><td class=\"chart-number\">—</td><td>(1) Tạm dừng xuất cảnh</td>"))
        #expect(chart.contains("<th scope=\"row\">25/06/2021</th><td class=\"chart-number\">12</td><td class=\"chart-number\">22</td><td>(2) Nối lại</td>"))
        #expect(chart.contains("<p class=\"chart-asof\">Số liệu đến 25/06/2021; kỳ báo cáo tiếp theo 25/09/2021</p>"))
        // Without notes or schedule the chart is what it always was.
        let plain = try TargetFixtures.samplePlan()
        let plainChart = ChartRenderer(language: .vi).timeline(plan: plain, figures: PlanFigures(plan: plain, today: figures.plan.today), idPrefix: "x")
        #expect(plainChart?.contains("chart-note") == false && plainChart?.contains("chart-asof") == false)
    }
}
