import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// One run of `check` (and of a failed `build`) lists every problem: a file that cannot be read
/// does not hide the links, images and reminders of the files that can.
@Suite struct CheckEverythingTests {
    /// An impossible date in one story; a broken link and a missing image in another; an expired policy.
    static func layeredSite() throws -> TestSite {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-02-30\n---\n\nCâu chuyện.\n"
        files["stories/anh-minh.md"] = """
            ---
            title: "Anh Minh"
            date: 2021-03-01
            ---

            Anh Minh đọc [luật mới](../policies/luat-99.md).

            ![Xưởng may](../media/xuong-may.jpg)

            """
        files["policies/luat-72-2006.md"] = "---\ntitle: \"Luật 72\"\nnumber: \"72/2006/QH11\"\nissuer: \"Quốc hội\"\nissued: 2006-11-29\nexpires: 2021-01-01\n---\n\nLuật cũ.\n"
        return try TestSite(files)
    }

    static func check(_ site: TestSite) -> [Diagnostic] {
        SiteBuild.check(BuildOptions(content: site.content, output: site.output, today: testDate)).diagnostics.sorted
    }

    @Test func oneImpossibleDateDoesNotHideProblemsInOtherFiles() throws {
        let site = try Self.layeredSite()
        let found = Self.check(site)
        let summary = found.map { "\($0.location.file):\($0.location.shownLine) \($0.severity)" }
        #expect(summary == [
            "policies/luat-72-2006.md:6 warning",  // expired
            "stories/anh-minh.md:6 error",         // the link
            "stories/anh-minh.md:8 error",         // the image
            "stories/chi-lan.md:3 error",          // the date
        ], "\(found.map { $0.formatted(in: .en) })")
        #expect(found[1].message.en.contains("`../policies/luat-99.md`"))
        #expect(found[2].message.en.contains("`../media/xuong-may.jpg`"))
        #expect(found[0].message.en.contains("expired on 2021-01-01"))
    }

    @Test func aFailedBuildPrintsTheSameProblemsExceptTheReminders() throws {
        let site = try Self.layeredSite()
        let outcome = site.build()
        #expect(!outcome.succeeded)
        let checked = Self.check(site).filter { !$0.message.en.contains("expired") }
        #expect(Diagnostics(outcome.diagnostics).sorted == checked, "\(outcome.listing)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func theCLIPrintsEveryProblemSortedByFileAndLine() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "swift build --build-tests first")
        let site = try Self.layeredSite()
        let checked = try CLI.run(["check", "--date", "2021-06-30"], in: site.root)
        #expect(checked.status == 1)
        let files = checked.stdout.split(separator: "\n").map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(files == ["content/policies/luat-72-2006.md:6", "content/stories/anh-minh.md:6",
                          "content/stories/anh-minh.md:8", "content/stories/chi-lan.md:3"], "\(checked.stdout)")
        #expect(checked.stderr.contains("3 lỗi, 1 cảnh báo."), "\(checked.stderr)")

        let built = try CLI.run(["build", "--date", "2021-06-30"], in: site.root)
        #expect(built.status == 1)
        let lines = built.stderr.split(separator: "\n")
        #expect(lines.count == 4, "three errors and the closing line: \(built.stderr)")
        #expect(lines.last?.hasPrefix("Không xuất bản: có 3 lỗi") == true)
    }

    /// A file that failed to load is reported once, not again by every reference to it.
    @Test func referencesToAFileThatFailedAreNotReportedAgain() throws {
        var files = TestSite.minimal
        files["markets/han-quoc.md"] = "---\ntitle: \"Hàn Quốc\"\n---\n\nThiếu country.\n"
        files["policies/luat-99.md"] = "---\ntitle: \"Luật 99\"\nissued: 2031-02-30\n---\n\nHỏng.\n"
        files["policies/luat-72-2006.md"] = "---\ntitle: \"Luật 72\"\nnumber: \"72\"\nissuer: \"QH\"\nissued: 2006-11-29\nreplaced_by: luat-99\n---\n\nCũ.\n"
        files["stories/anh-minh.md"] = """
            ---
            title: "Anh Minh"
            date: 2021-03-01
            market: han-quoc
            ---

            [Hàn Quốc](../markets/han-quoc.md), [cũng thế](/thi-truong/han-quoc/), [luật](../policies/luat-99.md#dieu-1).
            Nhưng [chỗ này](../markets/khong-co.md) thì hỏng thật.

            """
        let site = try TestSite(files)
        let found = Self.check(site)
        let errors = found.filter { $0.severity == .error }
        #expect(Set(errors.map(\.location.file)) == ["markets/han-quoc.md", "policies/luat-99.md", "stories/anh-minh.md"],
                "\(found.map { $0.formatted(in: .en) })")
        let inStory = errors.filter { $0.location.file == "stories/anh-minh.md" }
        #expect(inStory.count == 1, "only the really broken link: \(inStory.map { $0.formatted(in: .en) })")
        #expect(inStory.first?.message.en.contains("khong-co.md") == true)
        #expect(!errors.contains { $0.location.file == "policies/luat-72-2006.md" }, "replaced_by names the failed policy")
    }

    @Test func aStoryThatFailedToLoadHasOnlyItsOwnError() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\n---\n\n[Hỏng](../pages/khong-co.md)\n"
        let site = try TestSite(files)
        let found = Self.check(site).filter { $0.severity == .error }
        // The story has no date, so it is not a page: its body cannot be checked. Say only what is wrong.
        #expect(found.count == 1, "\(found.map { $0.formatted(in: .en) })")
        #expect(found.first?.message.en.contains("required key `date`") == true)
    }

    @Test func aBrokenThemeOverrideStillLetsThePagesBeChecked() throws {
        var files = TestSite.minimal
        files["theme/templates/story.mustache"] = "<article>\n{{#x}}\n</article>\n"
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\n---\n\n[Hỏng](../pages/khong-co.md)\n"
        let site = try TestSite(files)
        let found = Self.check(site).filter { $0.severity == .error }
        #expect(Set(found.map(\.location.file)) == ["theme/templates/story.mustache", "pages/gioi-thieu.md"],
                "\(found.map { $0.formatted(in: .en) })")
    }

    @Test func withoutSiteYmlOnlyThatIsSaid() throws {
        var files = TestSite.minimal
        files["site.yml"] = nil
        let site = try TestSite(files)
        let found = Self.check(site)
        #expect(found.map(\.location.file) == ["site.yml"])
    }
}
