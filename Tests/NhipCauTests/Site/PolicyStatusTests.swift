import Foundation
import NhipCauBuild
import NhipCauCore
import Testing

/// A policy's status around its own dates and its replacement's: `replaced_by` counts only once the
/// replacement is in force (its `effective`, else `issued`).
@Suite struct PolicyStatusTests {
    /// The two laws of the sample: 72/2006 ends on 31/12/2021, 69/2020 (issued 13/11/2020) applies from 01/01/2022.
    static let laws: [String: String] = {
        var files = TestSite.minimal
        files["policies/luat-69-2020.md"] = "---\ntitle: \"Luật mới\"\nnumber: \"69/2020/QH14\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13\neffective: 2022-01-01\n---\n\nMới.\n"
        files["policies/luat-72-2006.md"] = "---\ntitle: \"Luật cũ\"\nnumber: \"72/2006/QH11\"\nissuer: \"Quốc hội\"\nissued: 2006-11-29\neffective: 2007-07-01\nreplaced_by: luat-69-2020\n---\n\nCũ.\n"
        // No `expires`, replaced by a circular with no `effective`: replaced from the circular's issue day.
        files["policies/thong-tu-cu.md"] = "---\ntitle: \"Thông tư cũ\"\nnumber: \"1/2015/TT\"\nissuer: \"Bộ\"\nissued: 2015-01-05\nreplaced_by: thong-tu-moi\n---\n\nCũ.\n"
        files["policies/thong-tu-moi.md"] = "---\ntitle: \"Thông tư mới\"\nnumber: \"2/2021/TT\"\nissuer: \"Bộ\"\nissued: 2021-03-15\n---\n\nMới.\n"
        return files
    }()

    func statuses(on day: String) throws -> (old: String, new: String, oldCircular: String) {
        let site = try TestSite(Self.laws)
        let outcome = site.build(date: SimpleDate(iso: day)!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        func banner(_ slug: String) throws -> String {
            let page = try #require(site.read("chinh-sach/\(slug)/index.html"))
            let match = try #require(page.firstMatch(of: /<p class="status-banner[^>]*><strong>Tình trạng:<\/strong> ([^<]*)/))
            return String(match.output.1)
        }
        return (try banner("luat-72-2006"), try banner("luat-69-2020"), try banner("thong-tu-cu"))
    }

    @Test(arguments: [
        ("2020-12-31", "Còn hiệu lực", "Chưa có hiệu lực"),
        ("2021-03-01", "Còn hiệu lực", "Chưa có hiệu lực"),
        ("2021-12-31", "Còn hiệu lực", "Chưa có hiệu lực"),
        ("2022-01-01", "Hết hiệu lực", "Còn hiệu lực"),
        ("2026-11-25", "Hết hiệu lực", "Còn hiệu lực"),
    ])
    func aReplacedLawExpiresOnlyWhenItsReplacementIsInForce(day: String, old: String, new: String) throws {
        let found = try statuses(on: day)
        #expect(found.old == old, "\(day)")
        #expect(found.new == new, "\(day)")
    }

    @Test(arguments: [("2021-03-14", "Còn hiệu lực"), ("2021-03-15", "Hết hiệu lực")])
    func withoutEffectiveTheReplacementAppliesFromItsIssueDay(day: String, status: String) throws {
        #expect(try statuses(on: day).oldCircular == status)
    }

    @Test func anAnnouncedReplacementIsNamedWithItsFirstDay() throws {
        let site = try TestSite(Self.laws)
        try #require(site.build(date: SimpleDate(iso: "2021-06-30")!).succeeded)
        let old = try #require(site.read("chinh-sach/luat-72-2006/index.html"))
        #expect(old.contains("Sẽ thay thế bằng <a href=\"../../chinh-sach/luat-69-2020/\">69/2020/QH14</a> từ 01/01/2022."))
        #expect(old.contains("<dt>Văn bản sẽ thay thế</dt>"))
        #expect(!old.contains("<dt>Văn bản thay thế</dt>"))
        let register = try #require(site.read("chinh-sach/index.html"))
        let row = try #require(register.firstMatch(of: /<tr><th scope="row"><a href="[^"]*">72\/2006\/QH11<\/a>.*?<\/tr>/))
        #expect(row.output.contains("badge-in-force"), "the register agrees with the banner")

        try #require(site.build(date: SimpleDate(iso: "2022-01-01")!).succeeded)
        let replaced = try #require(site.read("chinh-sach/luat-72-2006/index.html"))
        #expect(replaced.contains("<dt>Văn bản thay thế</dt><dd><a href=\"../../chinh-sach/luat-69-2020/\">69/2020/QH14: Luật mới</a></dd>"))
        #expect(!replaced.contains("Sẽ thay thế"))
    }

    @Test func theSampleLawOf2006IsInForceInEarly2021() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-policy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = BuildOptions(content: TestPaths.packageRoot.appendingPathComponent("content"), output: output,
                                   today: SimpleDate(iso: "2021-03-01")!)
        let outcome = BuildOutcome(result: SiteBuild.run(options))
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.errors.isEmpty)
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("chinh-sach/luat-72-2006/index.html")), as: UTF8.self)
        #expect(page.contains("<strong>Tình trạng:</strong> Còn hiệu lực"))
        #expect(page.contains("từ 01/01/2022."))
    }
}
