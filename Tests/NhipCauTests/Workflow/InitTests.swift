import Foundation
import Testing
@testable import NhipCauBuild
import NhipCauCore

@Suite struct InitTests {
    let today = SimpleDate(iso: "2026-11-25")!

    private func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func createsOneExampleOfEachKindAndTheGuide() throws {
        let root = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("cong-moi")
        let files = try SiteScaffold.create(at: site, today: today).get()
        let expected = ["HUONG-DAN.md", "content/site.yml", "content/stories/chi-mai-va-ba-nam-o-nhat-ban.md",
                        "content/markets/nhat-ban.md", "content/policies/luat-69-2020.md", "content/pages/gioi-thieu.md",
                        "content/targets/ke-hoach-2025.json", "content/media/minh-hoa.svg"]
        #expect(files == expected)
        for file in expected {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        let plan = try String(contentsOf: site.appendingPathComponent("content/targets/ke-hoach-2025.json"), encoding: .utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.utf8)) as? [String: Any])
        let areas = try #require(json["areas"] as? [[String: Any]])
        #expect(areas.count == 2)
        #expect(areas.allSatisfy { ($0["progress"] as? [Any])?.count == 4 })
        let guide = try String(contentsOf: site.appendingPathComponent("HUONG-DAN.md"), encoding: .utf8)
        for command in ["nhipcau new", "nhipcau serve", "nhipcau check", "nhipcau build", "site/"] {
            #expect(guide.contains(command), "\(command)")
        }
    }

    @Test(arguments: ["2026-11-25", "2021-01-01"])
    func theNewSiteBuildsAndChecksWithoutErrorsOrWarnings(date: String) throws {
        let day = try #require(SimpleDate(iso: date))
        let root = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try SiteScaffold.create(at: root, today: day).get()
        let options = BuildOptions(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"), today: day)
        let outcome = BuildOutcome(result: SiteBuild.run(options))
        #expect(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")
        let checked = SiteBuild.check(options).diagnostics
        #expect(checked.items.isEmpty, "\(checked.items.map { $0.formatted(in: .en) })")
        let story = try String(contentsOf: root.appendingPathComponent("site/cau-chuyen/chi-mai-va-ba-nam-o-nhat-ban/index.html"), encoding: .utf8)
        #expect(story.contains("Chị Mai"))
        let crawl = LinkCrawler(root: root.appendingPathComponent("site")).crawl()
        #expect(crawl.broken.isEmpty, "\(crawl.broken)")
    }

    @Test func refusesAFolderThatHasFiles() throws {
        let root = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("ghi chú".utf8).write(to: root.appendingPathComponent("ghi-chu.txt"))
        let result = SiteScaffold.create(at: root, today: today)
        #expect(throws: SiteScaffold.Failure.self) { try result.get() }
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(left == ["ghi-chu.txt"])
    }

    @Test func refusesAFile() throws {
        let root = try emptyFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("tep")
        try Data().write(to: file)
        guard case .failure(.notAFolder) = SiteScaffold.create(at: file, today: today) else {
            Issue.record("a file was accepted as the new site's folder")
            return
        }
    }
}

@Suite(.serialized) struct InitCommandTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build first: swift build --build-tests")
    }

    @Test func initThenBuildInsideTheFolderWorksWithNoOptions() throws {
        let site = try TestSite()
        let made = try CLI.run(["init", "cong", "--date", "2026-11-25"], in: site.root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("HUONG-DAN.md"))
        #expect(made.stdout.contains("Đã tạo trang mẫu"), "\(made.stdout)")
        let built = try CLI.run(["build", "--date", "2026-11-25"], in: site.root.appendingPathComponent("cong"))
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("cong/site/index.html").path))
    }

    @Test func initRefusesANonEmptyFolderInTheChosenLanguage() throws {
        let site = try TestSite(TestSite.minimal)
        let vi = try CLI.run(["init", "."], in: site.root)
        #expect(vi.status == 1)
        #expect(vi.stderr.contains("không ghi đè"), "\(vi.stderr)")
        let en = try CLI.run(["init", ".", "--lang", "en"], in: site.root)
        #expect(en.status == 1)
        #expect(en.stderr.contains("is not empty"), "\(en.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("HUONG-DAN.md").path))
    }

    @Test func buildQuietSaysNothingAndVerboseTimesEachStep() throws {
        let site = try TestSite(TestSite.minimal)
        let quiet = try CLI.run(["build", "--quiet", "--date", "2021-06-30"], in: site.root)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        let verbose = try CLI.run(["build", "--verbose", "--date", "2021-06-30"], in: site.root)
        #expect(verbose.status == 0)
        for step in BuildStep.allCases {
            #expect(verbose.stdout.contains("  \(step.name(in: .vi)): "), "\(step) in \(verbose.stdout)")
        }
        #expect(!verbose.stdout.contains("\u{1B}["), "no terminal codes through a pipe")
    }
}
