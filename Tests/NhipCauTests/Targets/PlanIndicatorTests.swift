import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Several indicators per plan, series, reporting schedules, dated notes and indicator metadata
/// (issue 19): what the loader builds from each form, and the reporting status it leads to.
@Suite("Plan indicators, series and reporting status")
struct PlanIndicatorTests {
    private static let twoIndicators = """
    {
      "title": "Kế hoạch mẫu", "issuer": "UBND huyện Mẫu",
      "period": { "start": "2021-01-01", "end": "2021-12-31" },
      "series": "mau-cac-nam", "seriesTitle": "Kế hoạch mẫu qua các năm",
      "schedule": { "every": "quarter", "day": 25 },
      "notes": [ { "date": "2021-07-15", "text": "Nối lại" }, { "date": "2021-04-01", "text": "Tạm dừng" } ],
      "indicators": [
        { "id": "xuat-khau", "name": "Lao động xuất cảnh", "unit": "lao động", "target": 30,
          "about": { "source": "Kế hoạch 1", "method": "Đếm", "frequency": "Hằng quý", "responsible": "Phòng LĐ",
                     "contact": "0259 3000 000", "updated": "2022-01-10" },
          "areas": [
            { "id": "a", "name": "Xã A", "target": 10, "progress": [ { "date": "2021-03-25", "count": 3 }, { "date": "2021-06-25", "count": 2 } ] },
            { "id": "b", "name": "Xã B", "target": 20, "progress": [ { "date": "2021-03-20", "count": 4 } ] }
          ] },
        { "id": "tu-van", "name": "Người được tư vấn", "unit": "người", "target": { "min": 100, "max": 120 },
          "progress": [ { "date": "2021-06-30", "count": 40 } ] }
      ]
    }
    """

    @Test func aPlanWithoutIndicatorsIsOneImplicitIndicator() throws {
        let plan = try TargetFixtures.samplePlan()
        #expect(plan.indicators.count == 1)
        #expect(plan.headline.id == PlanIndicator.implicitID)
        #expect(plan.headline.name == nil)
        #expect(plan.unit == plan.headline.unit && plan.target == plan.headline.target && plan.areas == plan.headline.areas)
        #expect(plan.series == nil && plan.schedule == nil && plan.notes.isEmpty)
    }

    @Test func indicatorsSeriesScheduleNotesAndAboutAreRead() throws {
        let result = TargetFixtures.load(Self.twoIndicators)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted(in: .en) })")
        let plan = try #require(result.plan)
        #expect(plan.indicators.map(\.id) == ["xuat-khau", "tu-van"])
        #expect(plan.target == .exact(30))
        #expect(plan.indicators[1].target == .range(min: 100, max: 120))
        #expect(plan.indicators[1].unit == "người")
        #expect(plan.series == "mau-cac-nam" && plan.seriesTitle == "Kế hoạch mẫu qua các năm")
        #expect(plan.schedule == ReportSchedule(every: .quarter, day: 25))
        #expect(plan.notes.map(\.text) == ["Tạm dừng", "Nối lại"], "notes are kept in date order")
        let about = try #require(plan.headline.about)
        let updated = try TargetFixtures.date("2022-01-10")
        #expect(about.responsible == "Phòng LĐ" && about.updated == updated)
        #expect(plan.narrowed(to: plan.indicators[1]).target == .range(min: 100, max: 120))
    }

    @Test func dueDatesFollowTheScheduleAndClampToTheMonthEnd() throws {
        let period = PlanPeriod(start: try TargetFixtures.date("2021-01-01"), end: try TargetFixtures.date("2021-12-31"))
        #expect(ReportSchedule(every: .quarter, day: 31).dueDates(in: period).map(\.iso) == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"])
        #expect(ReportSchedule(every: .year, day: 25).dueDates(in: period).map(\.iso) == ["2021-12-25"])
        #expect(ReportSchedule(every: .month, day: 30).dueDates(in: period).map(\.iso).prefix(3) == ["2021-01-30", "2021-02-28", "2021-03-30"])
    }

    /// On 01/07/2021 the last due date is 25/06: area A reported on 25/06, area B last on 20/03.
    @Test func anAreaThatMissedTheLatestDueDateIsOverdue() throws {
        let plan = try #require(TargetFixtures.load(Self.twoIndicators).plan)
        let status = ReportingStatus(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        #expect(status.asOf?.iso == "2021-06-30")
        #expect(status.latestDue?.iso == "2021-06-25")
        #expect(status.nextDue?.iso == "2021-09-25")
        #expect(status.rows.map(\.name) == ["Xã A", "Xã B"])
        #expect(status.overdue.map(\.name) == ["Xã B"])
        #expect(status.rows.first?.lastReport?.iso == "2021-06-25")
        // Before the first due date nobody is late.
        let early = ReportingStatus(plan: plan, today: try TargetFixtures.date("2021-03-01"))
        #expect(early.latestDue == nil && early.overdue.isEmpty && early.asOf == nil)
    }

    @Test func aPlanWithoutScheduleHasNoDueDates() throws {
        let plan = try TargetFixtures.samplePlan()
        let status = ReportingStatus(plan: plan, today: try TargetFixtures.date("2030-01-01"))
        #expect(status.latestDue == nil && status.nextDue == nil && status.overdue.isEmpty)
    }

    @Test func seriesGroupPlansInDateOrder() throws {
        func plan(_ year: Int) throws -> TargetPlan {
            let json = Self.twoIndicators.replacingOccurrences(of: "2021-", with: "\(year)-")
            return try #require(TargetFixtures.load(json, id: "mau-\(year)").plan)
        }
        let plans = [try plan(2022), try plan(2021)]
        let series = PlanSeries.all(in: plans)
        #expect(series.map(\.id) == ["mau-cac-nam"])
        #expect(series.first?.plans.map(\.id) == ["mau-2021", "mau-2022"])
        #expect(series.first?.indicatorIds == ["xuat-khau", "tu-van"])
        #expect(TargetPlanLoader.crossCheck(plans).isEmpty)
    }
}
