import Foundation
import Testing
@testable import NhipCauBuild
import NhipCauCore

/// `nhipcau new` as officers use it: from the site's folder or any folder inside it.
@Suite(.serialized) struct NewCommandTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build first: swift build --build-tests")
    }

    private func folder(_ site: TestSite, _ path: String) throws -> URL {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesADraftWithTodaysDateAndPrintsItsPath() throws {
        let site = try TestSite(TestSite.minimal)
        let run = try CLI.run(["new", "story", "Chị Hoà ở Đài Loan", "--date", "2026-11-25"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/stories/chi-hoa-o-dai-loan.md\n")
        let text = try String(contentsOf: site.content.appendingPathComponent("stories/chi-hoa-o-dai-loan.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Chị Hoà ở Đài Loan\"\ndate: 2026-11-25\n"))
        #expect(text.contains("draft: true"))
        let again = try CLI.run(["new", "story", "Chị Hoà ở Đài Loan"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("đã có; không ghi đè"), "\(again.stderr)")
    }

    @Test(arguments: [("content", "../content"), ("content/stories", "../../content"), ("content/stories/2021", "../../../content")])
    func fromInsideTheContentFolderTheFileGoesIntoTheSite(start: String, shown: String) throws {
        let site = try TestSite(TestSite.minimal)
        let run = try CLI.run(["new", "market", "Hàn Quốc"], in: try folder(site, start))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(shown)/markets/han-quoc.md\n")
        #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("markets/han-quoc.md").path))
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("content").path), "no content/content/")
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("stories/content").path))
    }

    @Test func whereThereIsNoSiteItRefusesAndWritesNothing() throws {
        let empty = try TestSite()
        try FileManager.default.removeItem(at: empty.content)
        let run = try CLI.run(["new", "story", "Chị Lan"], in: empty.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Không tìm thấy trang web"), "\(run.stderr)")
        #expect(run.stderr.contains("nhipcau init"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.root.path).isEmpty, "no content/ made on the spot")

        let english = try CLI.run(["new", "story", "Chị Lan", "--lang", "en"], in: empty.root)
        #expect(english.stderr.contains("No site found"), "\(english.stderr)")
    }

    @Test func contentNamesTheSiteExplicitly() throws {
        let site = try TestSite(TestSite.minimal)
        let elsewhere = try folder(site, "ghi-chu")
        let run = try CLI.run(["new", "page", "Hỏi đáp", "--content", "../content"], in: elsewhere)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "../content/pages/hoi-dap.md\n")
        let wrong = try CLI.run(["new", "page", "Hỏi đáp", "--content", "."], in: elsewhere)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("không có tệp site.yml"), "\(wrong.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func aTitlePastedWithLineBreaksStaysOneLineAndTheFileChecksCleanly() throws {
        let site = try TestSite(TestSite.minimal)
        let pasted = "Chị Lan\n---\nvà ba năm\tở\u{00A0}Nhật Bản\r\n"
        let run = try CLI.run(["new", "story", pasted, "--date", "2021-06-01"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "content/stories/chi-lan-va-ba-nam-o-nhat-ban.md\n")
        let text = try String(contentsOf: site.content.appendingPathComponent("stories/chi-lan-va-ba-nam-o-nhat-ban.md"), encoding: .utf8)
        #expect(text.contains("\ntitle: \"Chị Lan --- và ba năm ở Nhật Bản\"\n"), "\(text)")
        let checked = try CLI.run(["check", "--date", "2021-06-30"], in: site.root)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }

    @Test func aVeryLongTitleGetsAFileNameCutAtAWord() throws {
        let site = try TestSite(TestSite.minimal)
        let title = Array(repeating: "Người lao động đi làm việc ở nước ngoài theo hợp đồng", count: 6).joined(separator: " ")
        let run = try CLI.run(["new", "policy", title], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        let name = try #require(run.stdout.split(separator: "/").last).dropLast(".md\n".count)
        #expect(name.count <= 80, "\(name)")
        #expect(name.hasPrefix("nguoi-lao-dong-di-lam-viec-o-nuoc-ngoai-theo-hop-dong-nguoi-lao-dong"))
        #expect(VietnameseText.slug(title).hasPrefix(name + "-"), "cut at a hyphen: \(name)")
    }

    @Test(arguments: ["Tìm kiếm", "Câu chuyện", "Thị trường"])
    func aPageTitleThatTakesASectionsAddressIsRefusedAsCheckWould(title: String) throws {
        let site = try TestSite(TestSite.minimal)
        let run = try CLI.run(["new", "page", title], in: site.root)
        #expect(run.status == 1)
        let slug = VietnameseText.slug(title)
        #expect(!FileManager.default.fileExists(atPath: site.content.appendingPathComponent("pages/\(slug).md").path))
        // The same words the build uses for such a file.
        try site.write("pages/\(slug).md", "---\ntitle: \"\(title)\"\n---\n\nA.\n")
        let outcome = site.build()
        let fromBuild = try #require(outcome.errors.first { $0.location.file == "pages/\(slug).md" })
        #expect(run.stderr == fromBuild.message.vi + "\n", "\(run.stderr)")
    }

    @Test func anEnglishSiteGetsAnEnglishFileAndEnglishMessages() throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Test portal\"\nlanguage: en\n"
        let site = try TestSite(files)
        let run = try CLI.run(["new", "story", "Lan in Japan", "--date", "2026-01-05"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: site.content.appendingPathComponent("stories/lan-in-japan.md"), encoding: .utf8)
        #expect(text.contains("Write the story here."), "\(text)")
        #expect(!text.contains("Viết câu chuyện"))
        let again = try CLI.run(["new", "story", "Lan in Japan"], in: site.root)
        #expect(again.stderr.contains("already exists"), "\(again.stderr)")
        let vietnamese = try CLI.run(["new", "story", "Lan in Japan", "--lang", "vi"], in: site.root)
        #expect(vietnamese.stderr.contains("đã có"), "\(vietnamese.stderr)")
    }

    @Test func quietPrintsNothingAndVerboseNamesTheSite() throws {
        let site = try TestSite(TestSite.minimal)
        let quiet = try CLI.run(["new", "story", "Chị Lan hai", "--quiet"], in: site.root)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.content.appendingPathComponent("stories/chi-lan-hai.md").path))
        let verbose = try CLI.run(["new", "story", "Chị Lan ba", "--verbose"], in: try folder(site, "content/stories"))
        #expect(verbose.status == 0)
        #expect(verbose.stdout.contains("Trang web: "), "\(verbose.stdout)")
        #expect(verbose.stdout.hasSuffix("../../content/stories/chi-lan-ba.md\n"))
    }
}

@Suite struct NewContentTests {
    @Test func titlesAreOneLineWithSingleSpaces() {
        #expect(NewContent.normalizedTitle("  Chị Lan\n\n và\tba năm\u{2028}ở Nhật \u{200B}Bản ") == "Chị Lan và ba năm ở Nhật Bản")
        #expect(NewContent.normalizedTitle("\n\t ") == "")
    }

    @Test func slugsAreCappedAtAHyphen() {
        let words = String(repeating: "abcdefghi-", count: 12) + "z"
        let capped = NewContent.cappedSlug(words)
        #expect(capped.count <= NewContent.maxSlugLength)
        #expect(capped == String(repeating: "abcdefghi-", count: 8).dropLast())
        let oneWord = String(repeating: "a", count: 100)
        #expect(NewContent.cappedSlug(oneWord) == String(repeating: "a", count: 80))
        #expect(NewContent.cappedSlug("chi-lan") == "chi-lan")
    }
}
