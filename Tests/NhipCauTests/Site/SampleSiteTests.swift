import Foundation
import NhipCauBuild
import NhipCauCore
import Testing

/// The sample `content/` is the first thing a newcomer sees: it must build clean and show everything.
@Suite struct SampleSiteTests {
    static let date = SimpleDate(iso: "2026-11-25")!

    func buildSample() throws -> (output: URL, outcome: BuildOutcome) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-sample-\(UUID().uuidString)")
        let options = BuildOptions(content: TestPaths.packageRoot.appendingPathComponent("content"), output: output, today: Self.date)
        return (output, BuildOutcome(result: SiteBuild.run(options)))
    }

    @Test func buildsWithNoErrorAndNoWarning() throws {
        let (output, outcome) = try buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(outcome.succeeded)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")
    }

    @Test func everyPageIsReachableFromTheHomePage() throws {
        let (output, outcome) = try buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(outcome.succeeded)
        let crawl = LinkCrawler(root: output).crawl()
        #expect(crawl.broken.isEmpty, "\(crawl.broken)")
        let pages = Set(fileTree(output).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" })
        #expect(pages.subtracting(crawl.reached).isEmpty, "unreachable: \(pages.subtracting(crawl.reached).sorted())")
    }

    @Test func chartsAppearOnHomePlanAreaMarketAndStoryPages() throws {
        let (output, outcome) = try buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(outcome.succeeded)
        let tree = fileTree(output)
        func page(_ path: String) -> String { String(decoding: tree[path] ?? [], as: UTF8.self) }
        #expect(page("index.html").contains("role=\"img\""))
        #expect(page("chi-tieu/ninh-thuan-2021/index.html").contains("chart-areas"))
        #expect(page("dia-ban/ninh-son/index.html").contains("chart-timeline"))
        #expect(page("thi-truong/nhat-ban/index.html").contains("Ninh Thuận"))
        let storiesWithCharts = tree.keys.filter { $0.hasPrefix("cau-chuyen/") && page($0).contains("class=\"chart ") }
        #expect(!storiesWithCharts.isEmpty)
        #expect(page("chi-tieu/ninh-thuan-2021/index.html").contains("số liệu mẫu"), "sample data is labelled as such")
    }
}
