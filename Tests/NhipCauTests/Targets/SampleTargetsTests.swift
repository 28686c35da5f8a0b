import Foundation
import Testing
import NhipCauBuild
import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The plans in `content/targets/` hold the seeds' real targets (Tests read the files as an
/// officer wrote them) and are marked as sample data.
@Suite("Sample target plans")
struct SampleTargetsTests {
    static let markets: Set<String> = ["nhat-ban", "han-quoc", "dai-loan", "duc", "malaysia"]

    private func plan(_ id: String) throws -> TargetPlan {
        let url = TestPaths.packageRoot.appendingPathComponent("content/targets/\(id).json")
        let result = TargetPlanLoader.load(id: id, file: "targets/\(id).json", data: try Data(contentsOf: url), knownMarkets: Self.markets)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted(in: .en) })")
        return try #require(result.plan)
    }

    @Test func everySamplePlanIsMarkedAsSample() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("content/targets").path)
        let ids = files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(ids == ["ben-tre-2018", "ben-tre-2019", "ben-tre-2020", "binh-trung-2023", "cao-lanh-2021-2025", "ninh-thuan-2021", "xa-2020"])
        for id in ids { #expect(try plan(id).isSample, "\(id)") }
    }

    /// Seed 002: 500–700 a year, 2017–2020; the plan starts in the last quarter of 2017, so the
    /// sample has the three whole years.
    @Test func benTreHasARangeForEachYear() throws {
        for year in 2018...2020 {
            let plan = try plan("ben-tre-\(year)")
            #expect(plan.target == .range(min: 500, max: 700))
            #expect(plan.period == PlanPeriod(start: try TargetFixtures.date("\(year)-01-01"), end: try TargetFixtures.date("\(year)-12-31")))
            #expect(plan.document?.contains("202/KHLT") == true)
        }
    }

    /// Seed 000: "trên 20 lao động … ít nhất từ 2 đến 4 lao động thuộc diện chính sách".
    @Test func theCommunePlanCountsOverTwentyAsTwentyOne() throws {
        let plan = try plan("xa-2020")
        #expect(plan.target == .exact(21))
        #expect(plan.groups.first?.target == .range(min: 2, max: 4))
        #expect(plan.note?.contains("trên 20") == true)
    }

    /// Seed 003: "số lao động của huyện … mỗi năm tăng từ 10% đến 15%" — the district's aim.
    @Test func binhTrungSaysTheGrowthTargetIsTheDistricts() throws {
        let plan = try plan("binh-trung-2023")
        #expect(plan.target.growth == GrowthBasis(minRate: 0.1, maxRate: 0.15, baseline: 20))
        #expect(plan.title.contains("huyện Cao Lộc"))
        #expect(plan.note?.contains("số lao động của huyện") == true)
        #expect(plan.note?.contains("mức nền mẫu 20") == true)
    }

    /// Seed 001 (district targets adding up to 150) and seed 004 (1,200 over 2021–2025).
    @Test func ninhThuanAndCaoLanhKeepTheirTargets() throws {
        let ninhThuan = try plan("ninh-thuan-2021")
        #expect(ninhThuan.target == .exact(150))
        #expect(ninhThuan.areas.map { "\($0.name) \($0.target?.min ?? -1)" } == [
            "Huyện Ninh Sơn 25", "Huyện Ninh Hải 20", "Huyện Ninh Phước 26", "Huyện Thuận Nam 15", "Huyện Thuận Bắc 14",
            "Thành phố Phan Rang - Tháp Chàm 20", "Huyện Bác Ái 30",
        ])
        let caoLanh = try plan("cao-lanh-2021-2025")
        #expect(caoLanh.target == .exact(1_200))
        #expect(caoLanh.period.start.iso == "2021-01-01" && caoLanh.period.end.iso == "2025-12-31")
    }

    @Test func theSampleSiteShowsAChartOnEveryMarketPageWithPlacements() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(content: TestPaths.packageRoot.appendingPathComponent("content"), output: output,
                                   today: try TargetFixtures.date("2026-11-25"))
        let outcome = BuildOutcome(result: SiteBuild.run(options))
        #expect(outcome.succeeded, "\(outcome.listing)")
        for market in Self.markets.sorted() {
            let page = try String(contentsOf: output.appendingPathComponent("thi-truong/\(market)/index.html"), encoding: .utf8)
            #expect(page.contains("class=\"chart chart-market-plans\""), "\(market)")
            #expect(page.contains("Số liệu mẫu, không phải số liệu chính thức"), "\(market)")
        }
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Số liệu mẫu, không phải số liệu chính thức"))
    }

    /// Issue 19's "done when" on the sample build date: two indicators for Cao Lãnh, the Bến Tre
    /// 2018–2020 series page, as-of and next-due lines on every plan with a schedule, and a
    /// reporting-status page naming the overdue area (Bác Ái has not sent its last report).
    @Test func theSampleShowsIndicatorsSeriesFreshnessAndAnOverdueArea() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(content: TestPaths.packageRoot.appendingPathComponent("content"), output: output,
                                   today: try TargetFixtures.date("2026-11-25"))
        let outcome = BuildOutcome(result: SiteBuild.run(options))
        #expect(outcome.succeeded, "\(outcome.listing)")
        func page(_ path: String) throws -> String {
            try String(contentsOf: output.appendingPathComponent(path + "index.html"), encoding: .utf8)
        }
        let caoLanh = try page("chi-tieu/cao-lanh-2021-2025/")
        #expect(caoLanh.contains("<h2>Lao động đi làm việc ở nước ngoài theo hợp đồng</h2>"))
        #expect(caoLanh.contains("<h2 id=\"ct-gioi-thieu-viec-lam\">Giới thiệu việc làm (bình quân 7.500 lao động mỗi năm)</h2>"))
        #expect(caoLanh.contains("37.500 lao động") && caoLanh.contains("Về số liệu"))
        let series = try page("chi-tieu/ben-tre-2018-2020/")
        #expect(series.contains("class=\"chart chart-series\"") && series.contains("role=\"img\""))
        for year in 2018...2020 {
            #expect(series.contains("href=\"../ben-tre-\(year)/\""))
            #expect(try page("chi-tieu/ben-tre-\(year)/").contains("href=\"../ben-tre-2018-2020/\""))
        }
        for id in ["ben-tre-2018", "ben-tre-2019", "ben-tre-2020", "cao-lanh-2021-2025", "ninh-thuan-2021"] {
            let plan = try page("chi-tieu/\(id)/")
            #expect(plan.contains("<p class=\"freshness\">Số liệu đến "), "\(id)")
            #expect(plan.contains("Không còn kỳ báo cáo nào trong kỳ kế hoạch."), "\(id)")
        }
        #expect(try page("chi-tieu/ninh-thuan-2021/").contains("Chưa gửi báo cáo đến hạn 25/12/2021: Huyện Bác Ái."))
        #expect(try page("dia-ban/bac-ai/").contains("Số liệu đến 25/09/2021."))
        let status = try page("chi-tieu/tinh-trang-bao-cao/")
        #expect(status.contains("Có 1 địa bàn quá hạn."))
        #expect(status.contains("<tr class=\"report-overdue\"><th scope=\"row\"><a href=\"../../dia-ban/bac-ai/\">Huyện Bác Ái</a></th><td data-label=\"Báo cáo gần nhất\">25/09/2021</td>"))
        #expect(try page("chi-tieu/ben-tre-2020/").contains("(1) 01/04/2020: Tạm dừng đưa lao động xuất cảnh do dịch COVID-19"))
    }
}
