import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
@testable import NhipCauRender
@testable import NhipCauWrite

/// The CSV download of `TargetFixtures.sampleJSON`, computed by hand on 31/03/2021: only the
/// 31/03 reports count in the summary rows (A 10, B 15, plan 25), every report is listed.
@Suite("Plan CSV download")
struct PlanDataTests {
    private func csvRows(on iso: String, language: Language = .vi) throws -> [String] {
        let plan = try TargetFixtures.samplePlan()
        let csv = PlanData.csv(plan, figures: PlanFigures(plan: plan, today: try TargetFixtures.date(iso)), words: Wording.forLanguage(language).words)
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(csv.hasSuffix("\r\n"))
        return csv.dropFirst().split(separator: "\r\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func oneRowPerAreaGroupAndReport() throws {
        #expect(try csvRows(on: "2021-03-31") == [
            "row,plan,id,name,parent_id,target_min,target_max,date,count,achieved,status,market:nhat-ban,market:han-quoc,market:dai-loan,market_not_given,group:chinh-sach",
            "plan,mau-2021,,Đưa người lao động đi làm việc ở nước ngoài năm 2021,,100,100,2021-03-31,,25,Đúng tiến độ,6,18,0,1,2",
            "area,mau-2021,huyen-a,Huyện A,,30,30,2021-03-31,,10,Đúng tiến độ,6,3,0,1,2",
            "area,mau-2021,huyen-b,Huyện B,,70,70,2021-03-31,,15,Chậm tiến độ,0,15,0,0,0",
            "area,mau-2021,xa-c,Xã C,huyen-b,,,2021-03-31,,0,Chưa có số liệu,0,0,0,0,0",
            "area,mau-2021,xa-d,Xã D,huyen-b,20,20,2021-03-31,,0,Chưa có số liệu,0,0,0,0,0",
            "group,mau-2021,chinh-sach,Lao động thuộc diện chính sách,,2,4,2021-03-31,,2,Đã đạt,,,,,",
            "report,mau-2021,huyen-a,Huyện A,,,,2021-03-31,10,,,6,3,0,1,2",
            "report,mau-2021,huyen-a,Huyện A,,,,2021-06-30,20,,,10,0,10,0,0",
            "report,mau-2021,huyen-b,Huyện B,,,,2021-03-31,15,,,0,15,0,0,0",
            "report,mau-2021,xa-c,Xã C,huyen-b,,,2021-06-30,5,,,0,0,0,5,0",
        ])
    }

    @Test func summaryRowsFollowTheBuildDateAndTheStatusIsInTheSiteLanguage() throws {
        let rows = try csvRows(on: "2022-01-01", language: .en)
        #expect(rows.contains("plan,mau-2021,,Đưa người lao động đi làm việc ở nước ngoài năm 2021,,100,100,2022-01-01,,50,Not met,16,18,10,6,2"))
        #expect(rows.contains("area,mau-2021,huyen-b,Huyện B,,70,70,2022-01-01,,20,Not met,0,15,0,5,0"))
        #expect(rows.filter { $0.hasPrefix("report,") }.count == 4)
    }

    @Test func aPlanWithoutAreasOrGroupsHasItsOwnReports() throws {
        let json = #"{ "title": "T", "issuer": "I", "unit": "u", "period": { "start": "2021-01-01", "end": "2021-12-31" }, "target": { "min": 5, "max": 7 }, "progress": [ { "date": "2021-02-01", "count": 3 } ] }"#
        let plan = try #require(TargetFixtures.load(json).plan)
        let csv = PlanData.csv(plan, figures: PlanFigures(plan: plan, today: try TargetFixtures.date("2021-12-31")), words: Wording.forLanguage(.vi).words)
        #expect(csv == "\u{FEFF}row,plan,id,name,parent_id,target_min,target_max,date,count,achieved,status,market_not_given\r\n"
            + "plan,mau-2021,,T,,5,7,2021-12-31,,3,Chậm tiến độ,3\r\n"
            + "report,mau-2021,,T,,,,2021-02-01,3,,,3\r\n")
    }

    @Test func cellsAreQuotedAsRFC4180() {
        #expect(PlanData.csvCell("Huyện A") == "Huyện A")
        #expect(PlanData.csvCell("Ninh Sơn, Ninh Hải") == "\"Ninh Sơn, Ninh Hải\"")
        #expect(PlanData.csvCell("Kế hoạch \"mẫu\"") == "\"Kế hoạch \"\"mẫu\"\"\"")
        #expect(PlanData.csvCell("hai\ndòng") == "\"hai\ndòng\"")
        #expect(PlanData.csvCell("=1+1") == "'=1+1")
    }
}
