import Foundation
import Testing
import NhipCauCore
@testable import NhipCauLoad

/// Spreadsheet reports, `targets/<plan-id>/<date>.csv`: what Excel writes is read, each bad cell
/// is named by row and column, and the rows join the plan's progress.
@Suite("Spreadsheet reports")
struct ReportCSVTests {
    private func read(_ text: String, file: String = "targets/mau-2021/2021-09-30.csv", bom: Bool = false) -> (table: ReportTable?, diagnostics: [Diagnostic]) {
        ReportCSV.read(file: file, bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    }

    private func messages(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { $0.formatted(in: .en) } }

    @Test func excelWithVietnameseSettingsIsRead() throws {
        let text = "area;name;count;market:nhat-ban;group:chinh-sach\r\nhuyen-a;\"Huyện A; phía tây\";1.200;1 000;\r\nxa-c;Xã C;;;\r\n;;;;\r\n"
        let (table, diagnostics) = read(text, bom: true)
        #expect(diagnostics.isEmpty, "\(messages(diagnostics))")
        let rows = try #require(table).rows
        #expect(rows.count == 1, "the row left empty is not reported yet")
        #expect(rows[0].areaId == "huyen-a")
        #expect(rows[0].entry.count == 1200)
        #expect(rows[0].entry.markets == [MarketCount(slug: "nhat-ban", count: 1000)])
        #expect(rows[0].entry.date == SimpleDate(iso: "2021-09-30"))
        #expect(table?.planId == "mau-2021")
    }

    @Test func commasAndTabsWork() throws {
        #expect(try #require(read("area,count\nhuyen-a,12\n").table).rows.first?.entry.count == 12)
        #expect(try #require(read("area\tcount\nhuyen-a\t7\n").table).rows.first?.entry.count == 7)
    }

    @Test func numbersAreReadTheVietnameseWay() {
        #expect(ReportCSV.wholeNumber("1.200") == 1200)
        #expect(ReportCSV.wholeNumber("1.234.567") == 1_234_567)
        #expect(ReportCSV.wholeNumber("25") == 25)
        #expect(ReportCSV.wholeNumber("1\u{00A0}200") == 1200)
        #expect(ReportCSV.wholeNumber("1,5") == nil)
        #expect(ReportCSV.wholeNumber("1.5") == nil)
        #expect(ReportCSV.wholeNumber("-3") == nil)
        #expect(ReportCSV.wholeNumber("12a") == nil)
    }

    @Test func aBadCellIsNamedByRowAndColumn() {
        let (table, diagnostics) = read("area;count;market:nhat-ban\nhuyen-a;12;3\nhuyen-b;1,5;\nhuyen-a;4;\n")
        #expect(table == nil)
        #expect(messages(diagnostics) == [
            "targets/mau-2021/2021-09-30.csv:3:2: error: The cell `1,5` is not a whole number of zero or more. Write numbers like 1200 or 1.200; leave it empty when there are no figures yet.",
            "targets/mau-2021/2021-09-30.csv:4:1: error: The area `huyen-a` already has a row on line 2 of this file. One row per area per period; add the two rows up.",
        ])
    }

    @Test func theHeaderAndTheFileNameAreChecked() {
        #expect(messages(read("dia_ban;so_luong\nhuyen-a;1\n").diagnostics).contains {
            $0.contains(":1:1: warning: The column `dia_ban` is not read")
        })
        #expect(messages(read("area;name\nhuyen-a;A\n").diagnostics).last?.contains(":1:1: error: The header line (line 1) lacks the column `count`") == true)
        #expect(messages(read("area;count\n", file: "targets/mau-2021/quy-3.csv").diagnostics).first?.contains("must be the report's date as YYYY-MM-DD") == true)
    }

    @Test func aQuotedCellMaySpanLinesAndRowsKeepTheirLineNumbers() throws {
        let (table, diagnostics) = read("area;name;count\nhuyen-a;\"Huyện\nA\";3\nhuyen-b;B;x\n")
        #expect(table == nil)
        #expect(messages(diagnostics).first?.hasPrefix("targets/mau-2021/2021-09-30.csv:4:3: error:") == true, "\(messages(diagnostics))")
    }

    // MARK: Joining the plan

    private func merge(_ csv: String, date: String = "2021-09-30") throws -> (plans: [TargetPlan], diagnostics: [Diagnostic]) {
        let plan = try TargetFixtures.samplePlan()
        let table = try #require(read(csv, file: "targets/mau-2021/\(date).csv").table)
        return ReportMerge.apply([table], to: [plan], knownMarkets: TargetFixtures.markets, unusablePlanIds: [])
    }

    @Test func rowsJoinTheirAreasProgressInDateOrder() throws {
        let (plans, diagnostics) = try merge("area;count;market:nhat-ban;group:chinh-sach\nhuyen-a;7;5;1\nxa-d;4;;\n")
        #expect(diagnostics.isEmpty, "\(messages(diagnostics))")
        let plan = try #require(plans.first)
        #expect(plan.area(id: "huyen-a")?.progress.map(\.count) == [10, 20, 7])
        #expect(plan.area(id: "xa-d")?.progress.map(\.count) == [4])
        let figures = PlanFiguresCheck.achieved(plan)
        #expect(figures == 50 + 7 + 4)
    }

    @Test func aPeriodWrittenInBothTheJSONAndACSVIsAnError() throws {
        let (_, diagnostics) = try merge("area;count\nxa-d;4\n", date: "2021-06-30")
        #expect(messages(diagnostics) == [
            "targets/mau-2021/2021-06-30.csv:1:1: error: The report period dated 2021-06-30 is already written in `targets/mau-2021.json` (area `huyen-a`). A period's figures are written in one place only: the JSON file or the CSV file.",
        ])
    }

    @Test func areasMarketsGroupsAndDatesAreCheckedAgainstThePlan() throws {
        let (_, diagnostics) = try merge("area;count;market:my;group:khac\nhuyen-z;3;;\nhuyen-a;3;4;\nxa-c;2;;1\n", date: "2022-01-15")
        let shown = messages(diagnostics)
        #expect(shown.count == 5, "\(shown)")
        #expect(shown[0].contains("2022-01-15.csv:1:1: error: The report date 2022-01-15 (the file name) is outside the plan's period"))
        #expect(shown[1].contains(":2:1: error: area: There is no area `huyen-z` in the plan `mau-2021`."), "\(shown)")
        #expect(shown[2].contains(":3:3: error: market:my: "), "\(shown)")
        #expect(shown[3].contains(":3:2: error: count: "), "\(shown)")
        #expect(shown[4].contains(":4:4: error: group:khac: "), "\(shown)")
    }

    @Test func aReportFolderWithoutItsPlanIsAnError() throws {
        let table = try #require(read("area;count\nhuyen-a;1\n", file: "targets/mau-2031/2031-03-31.csv").table)
        let result = ReportMerge.apply([table], to: [try TargetFixtures.samplePlan()], knownMarkets: [], unusablePlanIds: [])
        #expect(messages(result.diagnostics).first?.contains("There is no plan `mau-2031`") == true)
        #expect(ReportMerge.apply([table], to: [], knownMarkets: [], unusablePlanIds: ["mau-2031"]).diagnostics.isEmpty,
                "a plan file with errors of its own: its reports are not judged")
    }
}

/// The plan's achieved figure as the pages count it, on a day after every report.
enum PlanFiguresCheck {
    static func achieved(_ plan: TargetPlan) -> Int {
        plan.progress.reduce(0) { $0 + $1.count } + plan.allAreas.flatMap(\.progress).reduce(0) { $0 + $1.count }
    }
}
