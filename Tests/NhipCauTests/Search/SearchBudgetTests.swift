import Foundation
import NhipCauCore
@testable import NhipCauWrite
import Testing

/// The issue's promise: a first search loads at most 100 KB in all (search page, stylesheet,
/// script, manifest, shards, result chunks). The script never fetches more than the manifest's `b`
/// bytes of shards and chunks (it counts every shard as `s` bytes and every chunk as `m`), so the
/// bound is page + stylesheet + script + manifest + `b`; these tests add it up on built sites and
/// measure what Chromium really fetched (Performance API) for queries chosen to fetch the most.
@Suite(.serialized) struct SearchBudgetTests {
    static let limit = 100 * 1024

    /// Words of bench/generate.py's vocabulary that fold together and sit on nearly every page.
    static let queries = [
        "nhat ban", "vay von ngan hang", "ban bao cau chi dai dien dong t", "xa hoi bao hiem nguoi lao dong d",
        "da co nhat ban n", "da co nam nhung nhung ban bao t", "nguoi lao dong di lam viec o nuoc", "t", "ng", "xyz",
    ]

    /// bench/generate.py's content with `stories` stories (its 300 policies, 12 markets and 5 plans too), built and served.
    static func generatedSite(stories: Int) throws -> BrowserSearchTests.ServedSite {
        #expect(Chromium.binary != nil, "\(Chromium.missing)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = TestPaths.packageRoot.appendingPathComponent("bench/generate.py").path
        let run = try Spawned.run("/usr/bin/env", ["python3", script, folder.appendingPathComponent("content").path, "\(stories)"], seconds: 300)
        guard run.status == 0 else { throw Chromium.Failure(description: "bench/generate.py: \(run.stderr)") }
        return try BrowserSearchTests.ServedSite(content: folder.appendingPathComponent("content"), on: SimpleDate(iso: "2026-11-25")!)
    }

    /// page + stylesheet + script + manifest + `b`: the most any first search can fetch.
    static func bound(of site: URL) throws -> (bound: Int, fixed: Int, reader: SearchIndexReader) {
        let reader = try SearchIndexReader(site: site)
        func size(_ path: String) throws -> Int { try Data(contentsOf: site.appendingPathComponent(path)).count }
        let fixed = try size("tim-kiem/index.html") + size("assets/style.css") + size("assets/search.js") + size("tim-kiem/chi-muc/manifest.json")
        return (fixed + reader.budget, fixed, reader)
    }

    /// What Chromium fetched for the search page opened with `?q=`: the page (as built) and every
    /// resource the Performance API lists, by decoded size (the test server does not compress).
    static func fetched(_ query: String, on site: BrowserSearchTests.ServedSite) throws -> (total: Int, index: Int, files: Int, status: String) {
        let page = site.output.appendingPathComponent("tim-kiem/index.html")
        let original = try String(contentsOf: page, encoding: .utf8)
        let reporter = """
        <script>addEventListener("load", () => setTimeout(() => { document.body.dataset.fetched = JSON.stringify(
        performance.getEntriesByType("resource").map(e => [e.name, e.decodedBodySize])); }, 5000));</script></body>
        """
        try original.replacingOccurrences(of: "</body>", with: reporter).write(to: page, atomically: true, encoding: .utf8)
        defer { try? original.write(to: page, atomically: true, encoding: .utf8) }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let dom = try Chromium.dom(site.server.url("tim-kiem/?q=" + (query.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")))
        let json = try #require(dom.firstMatch(of: /data-fetched="([^"]*)"/).map { SearchPageState.text($0.output.1) }, "no report for \(query)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
        let sizes = entries.map { ($0[0] as? String ?? "", $0[1] as? Int ?? 0) }
        let index = sizes.filter { $0.0.contains("/chi-muc/") && !$0.0.contains("manifest.json") }.map(\.1).reduce(0, +)
        return (original.utf8.count + sizes.map(\.1).reduce(0, +), index, 1 + sizes.count, SearchPageState(dom: dom).status)
    }

    @Test func theSampleSiteStaysWithinTheBudget() throws {
        let site = try BrowserSearchTests.ServedSite(sampleOn: SampleSiteTests.date)
        let (bound, _, reader) = try Self.bound(of: site.output)
        try reader.expectShardsWithinLimits()
        #expect(bound <= Self.limit, "at most \(bound) bytes")
    }

    @Test func aGeneratedSiteStaysWithinTheBudgetForTheQueriesThatFetchTheMost() throws {
        let site = try Self.generatedSite(stories: 1000)
        let (bound, fixed, reader) = try Self.bound(of: site.output)
        try reader.expectShardsWithinLimits()
        #expect(bound <= Self.limit, "page, stylesheet, script and manifest \(fixed) + b \(reader.budget) = \(bound) bytes")
        #expect(reader.firstKeys.count > 20, "enough shards that a long query cannot fetch them all: \(reader.firstKeys.count)")
        var report: [String] = []
        for query in Self.queries {
            let measured = try Self.fetched(query, on: site)
            report.append("\(query): \(measured.total) bytes in \(measured.files) files (\(measured.index) of index); \(measured.status)")
            #expect(measured.index <= reader.budget, "\(query): \(measured.index) bytes of shards and chunks")
            #expect(measured.total <= bound, "\(query): \(measured.total) bytes")
            #expect(!measured.status.isEmpty && !measured.status.hasPrefix("Không tải được"), "\(query): \(measured.status)")
        }
        print(report.joined(separator: "\n"))
    }
}
