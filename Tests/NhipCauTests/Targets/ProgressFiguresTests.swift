import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
@testable import NhipCauRender

/// Figures for `TargetFixtures.sampleJSON`, computed by hand. The period has 365 days; on
/// 2021-07-01, 182 days have passed, so the on-track line is 0.9 × target × 182/365.
@Suite("Progress figures and statuses")
struct ProgressFiguresTests {
    private func figures(on iso: String) throws -> PlanFigures {
        PlanFigures(plan: try TargetFixtures.samplePlan(), today: try TargetFixtures.date(iso))
    }

    @Test func achievedSumsAreasAndSubAreas() throws {
        let figures = try figures(on: "2021-07-01")
        #expect(figures.plan.achieved == 50)
        #expect(figures.areas["huyen-a"]?.achieved == 30)
        #expect(figures.areas["huyen-b"]?.achieved == 20) // 15 own + 5 from xã C
        #expect(figures.areas["xa-c"]?.achieved == 5)
        #expect(figures.areas["xa-d"]?.achieved == 0)
    }

    @Test func percentsAndRemaining() throws {
        let figures = try figures(on: "2021-07-01")
        #expect(figures.plan.percentOfMin == 0.5)
        #expect(figures.plan.percentOfMax == 0.5)
        #expect(figures.plan.remaining == 50)
        #expect(figures.areas["huyen-a"]?.remaining == 0)
        #expect(figures.areas["xa-c"]?.percentOfMin == nil)
        #expect(figures.areas["xa-c"]?.remaining == nil)
        let group = try #require(figures.groups.first)
        #expect(group.achieved == 2)
        #expect(group.percentOfMin == 1.0)
        #expect(group.percentOfMax == 0.5)
    }

    @Test func runningTotalsMergeAreasByDate() throws {
        let figures = try figures(on: "2021-07-01")
        #expect(figures.plan.timeline == [
            TimelinePoint(date: try TargetFixtures.date("2021-03-31"), added: 25, total: 25),
            TimelinePoint(date: try TargetFixtures.date("2021-06-30"), added: 25, total: 50),
        ])
    }

    @Test func splitsByMarketAndGroup() throws {
        let figures = try figures(on: "2021-07-01")
        #expect(figures.plan.byMarket == [MarketCount(slug: "nhat-ban", count: 16), MarketCount(slug: "han-quoc", count: 18),
                                          MarketCount(slug: "dai-loan", count: 10)])
        #expect(figures.plan.unassignedToMarket == 6) // 50 − 44; xã C gave no split
        #expect(figures.areas["huyen-a"]?.achieved(inMarket: "nhat-ban") == 16)
        #expect(figures.plan.byGroup == [GroupCount(id: "chinh-sach", count: 2)])
    }

    @Test func beforeThePeriodNothingHasStarted() throws {
        let figures = try figures(on: "2020-12-31")
        #expect(figures.plan.status == .notStarted)
        #expect(figures.areas["huyen-a"]?.status == .notStarted)
    }

    @Test func duringThePeriod() throws {
        let figures = try figures(on: "2021-07-01")
        #expect(figures.plan.status == .onTrack)              // 50 ≥ 0.9 × 100 × 182/365 ≈ 44.9
        #expect(figures.areas["huyen-a"]?.status == .targetMet) // 30 of 30
        #expect(figures.areas["huyen-b"]?.status == .behind)   // 20 < 0.9 × 70 × 182/365 ≈ 31.4
        #expect(figures.areas["xa-c"]?.status == .noTarget)
        #expect(figures.areas["xa-d"]?.status == .noData)
        #expect(figures.groups.first?.status == .targetMet)     // 2 ≥ minimum 2
    }

    @Test func onTrackBoundaryIsExact() throws {
        // 0.9 × 100 × 203/365 = 50.05…: on 2021-07-22 (day 203) 50 is just behind; on day 202 (49.8) on track.
        #expect(try figures(on: "2021-07-21").plan.status == .onTrack)
        #expect(try figures(on: "2021-07-22").plan.status == .behind)
    }

    @Test func afterThePeriodMetOrNotMet() throws {
        let figures = try figures(on: "2022-01-01")
        #expect(figures.plan.status == .notMet)
        #expect(figures.areas["huyen-a"]?.status == .met)
        #expect(figures.areas["huyen-b"]?.status == .notMet)
        #expect(figures.areas["xa-d"]?.status == .noData)
        #expect(try self.figures(on: "2021-12-31").areas["huyen-a"]?.status == .targetMet)
    }

    @Test func rangeIsJudgedByItsMinimum() throws {
        let period = PlanPeriod(start: try TargetFixtures.date("2021-01-01"), end: try TargetFixtures.date("2021-12-31"))
        let entries = [ProgressEntry(date: try TargetFixtures.date("2021-06-30"), count: 600)]
        let during = ProgressFigures(name: "R", target: .range(min: 500, max: 700), period: period, entries: entries,
                                     today: try TargetFixtures.date("2021-07-01"))
        #expect(during.status == .targetMet)
        #expect(during.percentOfMin == 1.2)
        #expect(during.percentOfMax == 600.0 / 700.0)
        #expect(during.remaining == 0)
        let after = ProgressFigures(name: "R", target: .range(min: 700, max: 900), period: period, entries: entries,
                                    today: try TargetFixtures.date("2022-02-01"))
        #expect(after.status == .notMet)
        #expect(after.remaining == 100)
    }

    @Test func growthTargetIsARangeRoundedUp() throws {
        let target = PlanTarget.growth(minRate: 0.10, maxRate: 0.15, baseline: 40)
        #expect((target.min, target.max) == (44, 46))
        #expect(target.isRange)
        #expect(PlanTarget.growth(minRate: 0.1, maxRate: 0.1, baseline: 7).min == 8)
        #expect(PlanTarget.growth(minRate: 0.05, maxRate: 0.05, baseline: 20).min == 21)
    }

    @Test func statusLabelsInBothLanguages() {
        let vi = Wording.forLanguage(.vi), en = Wording.forLanguage(.en)
        #expect(vi.text(ProgressStatus.onTrack.wordingKey) == "Đúng tiến độ" && en.text(ProgressStatus.onTrack.wordingKey) == "On track")
        #expect(en.text(ProgressStatus.behind.wordingKey) == "Behind schedule")
        #expect(vi.text(ProgressStatus.targetMet.wordingKey) == "Đã đạt")
        #expect(en.text(ProgressStatus.met.wordingKey) == "Met")
        #expect(vi.text(ProgressStatus.notMet.wordingKey) == "Không đạt")
        #expect(en.text(ProgressStatus.noData.wordingKey) == "No data yet")
        #expect(vi.text(ProgressStatus.notStarted.wordingKey) == "Chưa bắt đầu" && en.text(ProgressStatus.notStarted.wordingKey) == "Not started")
        #expect(ProgressStatus.allCases.allSatisfy { vi.words[$0.wordingKey] != nil })
    }

    @Test func areaIndexListsEveryPlanAnAreaAppearsIn() throws {
        let plan = try TargetFixtures.samplePlan()
        let other = try #require(TargetFixtures.load(TargetFixtures.sampleJSON, id: "mau-2022").plan)
        let index = AreaIndex(plans: [other, plan])
        #expect(index.records.map(\.id) == ["huyen-a", "huyen-b", "xa-c", "xa-d"])
        let xaC = try #require(index["xa-c"])
        #expect(xaC.name == "Xã C")
        #expect(xaC.appearances == [AreaAppearance(planId: "mau-2021", ancestorIds: ["huyen-b"]),
                                    AreaAppearance(planId: "mau-2022", ancestorIds: ["huyen-b"])])
        #expect(index["huyen-a"]?.appearances.first?.ancestorIds == [])
    }
}
