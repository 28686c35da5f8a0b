import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// `nhipcau new report <plan> --date`: the sheet an area officer fills in, and the site builds with it filled.
@Suite(.serialized) struct NewReportTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build first: swift build --build-tests")
    }

    private func site() throws -> TestSite {
        var files = TestSite.minimal
        files["markets/han-quoc.md"] = "---\ntitle: \"Hàn Quốc\"\ncountry: \"Hàn Quốc\"\n---\n\nThị trường.\n"
        files["markets/dai-loan.md"] = "---\ntitle: \"Đài Loan\"\ncountry: \"Đài Loan\"\n---\n\nThị trường.\n"
        files["targets/mau-2021.json"] = TargetFixtures.sampleJSON
        return try TestSite(files)
    }

    @Test func writesOneEmptyRowPerReportingAreaForThatPeriod() throws {
        let site = try site()
        let run = try CLI.run(["new", "report", "mau-2021", "--date", "2021-09-30"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/targets/mau-2021/2021-09-30.csv\n")
        let bytes = try Data(contentsOf: site.content.appendingPathComponent("targets/mau-2021/2021-09-30.csv"))
        // Leaf areas only (huyện B adds up its communes), the plan's markets and groups as columns, Excel's Vietnamese form.
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{FEFF}area;name;count;market:nhat-ban;market:han-quoc;market:dai-loan;group:chinh-sach\r\n"
            + "huyen-a;Huyện A;;;;;\r\nxa-c;Xã C;;;;;\r\nxa-d;Xã D;;;;;\r\n")
        // Left empty it builds (nothing reported yet); filled in, its figures count.
        #expect(site.build(date: SimpleDate(iso: "2021-10-01")!).succeeded)
        try site.write("targets/mau-2021/2021-09-30.csv", "area;name;count;market:nhat-ban\r\nhuyen-a;Huyện A;1.200;1.000\r\nxa-c;Xã C;;\r\n")
        let outcome = site.build(date: SimpleDate(iso: "2021-10-01")!)
        #expect(outcome.succeeded, "\(outcome.listing)")
        #expect(site.read("chi-tieu/mau-2021/index.html")?.contains("<dd>1.250 lao động</dd>") == true)
        let again = try CLI.run(["new", "report", "mau-2021", "--date", "2021-09-30"], in: site.root)
        #expect(again.status == 1 && again.stderr.contains("không ghi đè"), "\(again.stderr)")
    }

    @Test func anUnknownPlanOrADateOutsideItIsRefused() throws {
        let site = try site()
        let unknown = try CLI.run(["new", "report", "mau-2031", "--date", "2031-03-31", "--lang", "en"], in: site.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no plan file `content/targets/mau-2031.json`"), "\(unknown.stderr)")
        let outside = try CLI.run(["new", "report", "mau-2021", "--date", "2022-03-31", "--lang", "en"], in: site.root)
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("The report date 2022-03-31 (the file name) is outside the plan's period"), "\(outside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("targets/mau-2021").path))
    }
}
