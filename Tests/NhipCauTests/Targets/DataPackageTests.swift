import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// `/du-lieu/`: the data package of the sample site. Its totals are the pages' totals, the CSV
/// and JSON hold the same rows, the descriptor describes every file, and (when the Makefile
/// has made its virtual environment) the `frictionless` package accepts it.
@Suite("Data package")
struct DataPackageTests {
    static let date = SimpleDate(iso: "2026-11-25")!

    private static func buildSample() throws -> (output: URL, tree: [String: [UInt8]]) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-data-\(UUID().uuidString)")
        let options = BuildOptions(content: TestPaths.packageRoot.appendingPathComponent("content"), output: output, today: date)
        let outcome = BuildOutcome(result: SiteBuild.run(options))
        #expect(outcome.succeeded, "\(outcome.listing)")
        return (output, fileTree(output))
    }

    private static func text(_ tree: [String: [UInt8]], _ path: String) -> String { String(decoding: tree[path] ?? [], as: UTF8.self) }

    /// The long table's rows as dictionaries (BOM dropped, CRLF lines; no cell of the sample needs quoting).
    private static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].components(separatedBy: ",")
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.components(separatedBy: ",")))
        }
    }

    /// "127 lao động" → 127; "1.200 lao động" → 1200: the first "Đã thực hiện" of a plan page (its headline indicator).
    private static func achievedOnPage(_ html: String) -> Int? {
        guard let label = html.range(of: "<dt>Đã đưa đi</dt><dd>") else { return nil }
        let digits = html[label.upperBound...].prefix { $0.isNumber || $0 == "." }.filter(\.isNumber)
        return Int(digits)
    }

    @Test func totalsInThePackageEqualThoseOnThePlanPages() throws {
        let (output, tree) = try Self.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        let observations = Self.rows(Self.text(tree, "du-lieu/chi-tieu.csv"))
        #expect(observations.count > 100)
        let descriptor = try #require(try JSONSerialization.jsonObject(with: Data(tree["du-lieu/datapackage.json"] ?? [])) as? [String: Any])
        let metadata = try #require(descriptor["indicators"] as? [[String: Any]])
        let plans = Set(observations.compactMap { $0["plan"] })
        #expect(plans.count >= 6)
        for plan in plans.sorted() {
            let headline = try #require(metadata.first { $0["plan"] as? String == plan }?["indicator"] as? String)
            let total = observations.filter { $0["plan"] == plan && $0["indicator"] == headline && $0["market"] == "" && $0["group"] == "" }
                .reduce(0) { $0 + (Int($1["value"] ?? "") ?? 0) }
            let page = Self.text(tree, "chi-tieu/\(plan)/index.html")
            #expect(Self.achievedOnPage(page) == total, "\(plan): page says \(String(describing: Self.achievedOnPage(page))), package adds up to \(total)")
        }
        // Ninh Thuận's fourth quarter comes from the spreadsheet report: it is in the package too.
        #expect(observations.contains { $0["plan"] == "ninh-thuan-2021" && $0["area"] == "ninh-son" && $0["period"] == "2021-12-25" && $0["value"] == "8" })
    }

    @Test func theJSONHoldsTheCSVRowsAndTheDescriptorEveryFile() throws {
        let (output, tree) = try Self.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        let csv = Self.rows(Self.text(tree, "du-lieu/chi-tieu.csv"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(tree["du-lieu/chi-tieu.json"] ?? [])) as? [[String: Any]])
        #expect(json.count == csv.count)
        for (row, object) in zip(csv, json) {
            #expect(row["plan"] == object["plan"] as? String && row["period"] == object["period"] as? String)
            #expect(Int(row["value"] ?? "") == object["value"] as? Int)
            #expect((row["market"] ?? "").isEmpty == (object["market"] is NSNull))
        }
        let descriptor = try #require(try JSONSerialization.jsonObject(with: Data(tree["du-lieu/datapackage.json"] ?? [])) as? [String: Any])
        let resources = try #require(descriptor["resources"] as? [[String: Any]])
        #expect(resources.compactMap { $0["path"] as? String } == ["chi-tieu.csv", "chi-tieu.json"])
        for resource in resources {
            let fields = try #require((resource["schema"] as? [String: Any])?["fields"] as? [[String: Any]])
            #expect(fields.allSatisfy { $0["description"] is String && $0["type"] is String })
        }
        let page = Self.text(tree, "du-lieu/index.html")
        for file in ["chi-tieu.csv", "chi-tieu.json", "datapackage.json"] { #expect(page.contains("href=\"../du-lieu/\(file)\" download")) }
        #expect(Self.text(tree, "chi-tieu/index.html").isEmpty == false)
    }

    @Test func aLicenceInSiteYmlIsInThePackageAndOnThePage() throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Mẫu\"\ndata_license: CC-BY-4.0\ndata_license_url: \"https://creativecommons.org/licenses/by/4.0/\"\n"
        files["markets/han-quoc.md"] = "---\ntitle: \"Hàn Quốc\"\ncountry: \"Hàn Quốc\"\n---\n\nThị trường.\n"
        files["markets/dai-loan.md"] = "---\ntitle: \"Đài Loan\"\ncountry: \"Đài Loan\"\n---\n\nThị trường.\n"
        files["targets/mau-2021.json"] = TargetFixtures.sampleJSON
        let site = try TestSite(files)
        let outcome = site.build(date: Self.date)
        #expect(outcome.succeeded, "\(outcome.listing)")
        let descriptor = try #require(site.read("du-lieu/datapackage.json"))
        #expect(descriptor.contains("\"licenses\": [\n    {\n      \"name\": \"CC-BY-4.0\",\n      \"path\": \"https://creativecommons.org/licenses/by/4.0/\""), "\(descriptor.prefix(800))")
        let page = try #require(site.read("du-lieu/index.html"))
        #expect(page.contains("<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC-BY-4.0</a>"))
    }

    /// `make test` sets NHIPCAU_FRICTIONLESS to the `frictionless` command of the virtual environment it makes.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NHIPCAU_FRICTIONLESS"] != nil))
    func frictionlessAcceptsThePackage() throws {
        let (output, _) = try Self.buildSample()
        defer { try? FileManager.default.removeItem(at: output) }
        let validation = try Spawned.run(ProcessInfo.processInfo.environment["NHIPCAU_FRICTIONLESS"] ?? "frictionless",
                                         ["validate", output.appendingPathComponent("du-lieu/datapackage.json").path])
        let report = validation.stdout + validation.stderr
        #expect(validation.status == 0, "\(report)")
        #expect(report.contains("VALID") && !report.contains("INVALID"), "\(report)")
        #expect(report.components(separatedBy: "│ VALID").count - 1 == 3, "the three resources: \(report)")
    }
}
