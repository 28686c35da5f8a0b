import Foundation
import Testing
import NhipCauBuild

/// The `nhipcau` binary that `swift build --build-tests` put next to the test bundle.
enum CLI {
    static let binary = TestPaths.packageRoot.appendingPathComponent(".build/debug/nhipcau")

    typealias Run = Spawned.Finished

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                    executable: URL = binary) throws -> Run {
        try Spawned.run(executable.path, arguments, in: folder, environment: environment)
    }
}

@Suite(.serialized) struct CLITests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path),
                     "build the tool first: swift build --build-tests (looked for \(CLI.binary.path))")
    }

    @Test func successExitsZeroWithAOneLineSummary() throws {
        let site = try TestSite(fixture: "basic")
        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stdout)")
        let summary = String(lines.first ?? "")
        #expect(summary.wholeMatch(of: /Đã viết \d+ trang và \d+ tệp vào site\/ trong [\d,]+ giây\./) != nil, "\(summary)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(site.exists("cau-chuyen/vuon-nho/index.html"))
    }

    @Test func aSecondBuildKeepsUnchangedPagesAndFullRendersThemAll() throws {
        let site = try TestSite(fixture: "basic")
        let build = ["build", "--content", "content", "--output", "site", "--date", "2021-06-30", "--verbose", "--lang", "en"]
        func counts(_ run: CLI.Run) throws -> (rendered: Int, kept: Int) {
            #expect(run.status == 0, "\(run.stderr)")
            let line = try #require(run.stdout.firstMatch(of: /pages rendered: (\d+); kept from the previous build: (\d+)/), "\(run.stdout)")
            return (Int(line.output.1)!, Int(line.output.2)!)
        }
        let first = try counts(CLI.run(build, in: site.root))
        #expect(first.rendered > 0 && first.kept == 0)
        let second = try counts(CLI.run(build, in: site.root))
        #expect(second.kept > 0 && second.rendered < first.rendered, "nothing changed: pages are kept")
        let full = try counts(CLI.run(build + ["--full"], in: site.root))
        #expect(full == (first.rendered, 0), "--full renders every page")
    }

    @Test func contentErrorsExitOneWithFileLineColumnOnStderr() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"A\"\ndate: 2021-02-30\n---\n\nA.\n"
        let site = try TestSite(files)
        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").contains { $0.wholeMatch(of: #/content/stories/chi-lan\.md:3:\d+: error: .+/#) != nil }, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(!site.exists("index.html"))
    }

    @Test func warningsArePrintedAndTheBuildStillSucceeds() throws {
        var files = TestSite.minimal
        files["storys/a.md"] = "x"
        let site = try TestSite(files)
        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").contains { $0.hasPrefix("content/storys:1:1: warning: ") }, "\(run.stderr)")
        #expect(run.stdout.contains("(1 cảnh báo)"), "\(run.stdout)")
    }

    @Test(arguments: [
        ["build", "--date", "2021-13-01"],
        ["build", "--date", "2021-02-30"],
        ["build", "--date", "31/06/2021"],
        ["build", "--no-such-flag"],
        ["deploy"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let site = try TestSite(TestSite.minimal)
        let run = try CLI.run(arguments, in: site.root)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        #expect(!run.stderr.isEmpty)
        #expect(!site.exists("index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site").path))
    }

    @Test(arguments: ["build", "check"])
    func aContentFolderThatDoesNotExistIsAUsageError(command: String) throws {
        let site = try TestSite(TestSite.minimal)
        let run = try CLI.run([command, "--content", "/khong-co-thu-muc-nay", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("Không có thư mục nội dung /khong-co-thu-muc-nay"), "\(run.stderr)")
        #expect(!run.stderr.contains("site.yml"))
        let english = try CLI.run([command, "--content", "/khong-co-thu-muc-nay", "--lang", "en"], in: site.root)
        #expect(english.status == 2 && english.stderr.contains("The content folder /khong-co-thu-muc-nay does not exist"), "\(english.stderr)")
        let file = try CLI.run([command, "--content", "content/site.yml", "--date", "2021-06-30", "--lang", "en"], in: site.root)
        #expect(file.status == 2 && file.stderr.contains("is a file, not a content folder"), "\(file.stderr)")
    }

    @Test func anUnsafeOutputFolderExitsOneAndIsLeftAlone() throws {
        let site = try TestSite(TestSite.minimal)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.output.appendingPathComponent("keep.txt"))
        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 1)
        #expect(!run.stderr.isEmpty)
        #expect(fileTree(site.output).keys.sorted() == ["keep.txt"])
    }
}

/// The README's officer's loop, as a newcomer does it: copy a sample story, edit it, build again.
@Suite(.serialized) struct OfficersLoopTests {
    @Test func aCopiedAndEditedStoryIsListedAfterTheNextBuild() throws {
        let site = try TestSite()
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("content"), to: site.content)
        let date = ["--date", "2026-11-25"]
        #expect(try CLI.run(["build"] + date, in: site.root).status == 0)
        let before = try #require(site.read("cau-chuyen/index.html"))

        let sample = site.content.appendingPathComponent("stories/vuon-nho-sau-ba-nam-o-nhat-ban.md")
        var text = try String(contentsOf: sample, encoding: .utf8)
        let title = try #require(text.firstMatch(of: /\ntitle: ([^\n]+)\n/)?.output.1)
        let date2 = try #require(text.firstMatch(of: /\ndate: ([^\n]+)\n/)?.output.1)
        text = text.replacingOccurrences(of: "title: \(title)", with: "title: \"Chuyện của chị Hoà ở Đài Loan\"")
            .replacingOccurrences(of: "date: \(date2)", with: "date: 2026-11-20")
        try Data(text.utf8).write(to: site.content.appendingPathComponent("stories/chuyen-cua-chi-hoa.md"))

        let run = try CLI.run(["build"] + date, in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        let list = try #require(site.read("cau-chuyen/index.html"))
        #expect(!before.contains("Chuyện của chị Hoà ở Đài Loan"))
        #expect(list.contains("Chuyện của chị Hoà ở Đài Loan"), "newest first on the story list")
        #expect(try #require(site.read("index.html")).contains("chuyen-cua-chi-hoa/"), "and on the home page")
        #expect(site.exists("cau-chuyen/chuyen-cua-chi-hoa/index.html"))
    }
}

/// `--lang vi|en` on every command; without it, the site's `language`, else Vietnamese.
@Suite(.serialized) struct CLILanguageTests {
    static let brokenStory = "---\ntitle: \"A\"\ndate: 2021-02-30\n---\n\nA.\n"

    @Test func buildSpeaksEnglishWithLangEn() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = Self.brokenStory
        let site = try TestSite(files)
        let run = try CLI.run(["build", "--lang", "en", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not a real day"), "\(run.stderr)")
        #expect(run.stderr.contains("Not published: 1 error(s) to fix."), "\(run.stderr)")
        #expect(!run.stderr.contains("Không"), "\(run.stderr)")
        try site.write("stories/chi-lan.md", TestSite.minimal["stories/chi-lan.md"]!)
        let good = try CLI.run(["build", "--lang", "en", "--date", "2021-06-30"], in: site.root)
        #expect(good.stdout.hasPrefix("Wrote "), "\(good.stdout)")
    }

    @Test(arguments: ["build", "check", "serve"])
    func anEnglishSiteSpeaksEnglishUnlessToldOtherwise(command: String) throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Test portal\"\nlanguage: en\n"
        let site = try TestSite(files)
        let english = try CLI.run([command, "--date", "2021-13-01"], in: site.root)
        #expect(english.status == 2)
        #expect(english.stderr.hasPrefix("Error: --date must be a real day"), "\(english.stderr)")
        let vietnamese = try CLI.run([command, "--date", "2021-13-01", "--lang", "vi"], in: site.root)
        #expect(vietnamese.stderr.hasPrefix("Lỗi: --date phải là một ngày có thật"), "\(vietnamese.stderr)")
    }

    @Test func usageErrorsAreInVietnameseByDefaultAndEnglishWithLangEn() throws {
        let site = try TestSite(TestSite.minimal)
        let cases: [([String], String, String)] = [
            (["serve", "--port", "99999"], "Lỗi: --port phải là một số từ 0 đến 65535", "Error: --port must be between 0 and 65535"),
            (["serve", "--port", "abc"], "Lỗi: giá trị `abc` không dùng được cho `--port`.", "Error: The value 'abc' is invalid for '--port <port>'"),
            (["new", "story"], "Lỗi: thiếu <title> trong lệnh.", "Error: Missing expected argument '<title>'"),
            (["build", "--date"], "Lỗi: thiếu giá trị sau `--date`.", "Error: Missing value for '--date <date>'"),
            (["check", "--quiet", "--verbose"], "Lỗi: Không dùng --quiet và --verbose cùng lúc.", "Error: --quiet and --verbose cannot be used together."),
            (["init", "x", "--date", "31/06/2021"], "Lỗi: --date phải là một ngày có thật", "Error: --date must be a real day"),
            (["build", "--lang", "fr"], "Lỗi: --lang chỉ nhận vi (tiếng Việt) hoặc en (tiếng Anh).", "Error: --lang must be vi or en."),
        ]
        for (arguments, vietnamese, english) in cases {
            let vi = try CLI.run(arguments, in: site.root)
            #expect(vi.status == 2, "\(arguments)")
            #expect(vi.stderr.hasPrefix(vietnamese), "\(arguments): \(vi.stderr)")
            if !arguments.contains("--lang") {
                let en = try CLI.run(arguments + ["--lang", "en"], in: site.root)
                #expect(en.status == 2, "\(arguments)")
                #expect(en.stderr.hasPrefix(english), "\(arguments): \(en.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("x").path))
    }

    @Test func checkAndInitAcceptLangToo() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = Self.brokenStory
        let site = try TestSite(files)
        let checked = try CLI.run(["check", "--lang", "en", "--date", "2021-06-30"], in: site.root)
        #expect(checked.stdout.contains("is not a real day"), "\(checked.stdout)")
        #expect(checked.stderr.contains("1 error(s), 0 warning(s)."), "\(checked.stderr)")
        let made = try CLI.run(["init", "moi", "--lang", "en", "--date", "2026-11-25"], in: site.root)
        #expect(made.status == 0)
        #expect(made.stdout.contains("Created a sample site in moi/."), "\(made.stdout)")
    }

    /// What Foundation would say (`The operation could not be completed`) is said in our words.
    @Test func aFileThatCannotBeWrittenIsExplainedInTheOfficersLanguage() throws {
        let site = try TestSite()
        let tooLong = String(repeating: "thu-muc-co-ten-rat-dai-", count: 14)
        let vi = try CLI.run(["init", tooLong], in: site.root)
        #expect(vi.status == 1)
        #expect(vi.stderr.contains("Không ghi được"), "\(vi.stderr)")
        #expect(vi.stderr.contains("quá dài"), "\(vi.stderr)")
        #expect(!vi.stderr.contains("operation"), "\(vi.stderr)")
        let en = try CLI.run(["init", tooLong, "--lang", "en"], in: site.root)
        #expect(en.stderr.contains("too long"), "\(en.stderr)")
    }

    @Test func anOutputFolderThatCannotBeMadeIsExplainedInOurWords() throws {
        let site = try TestSite(TestSite.minimal)
        try Data("x".utf8).write(to: site.root.appendingPathComponent("tep"))
        let vi = try CLI.run(["build", "--output", "tep/site", "--date", "2021-06-30"], in: site.root)
        #expect(vi.status == 1)
        #expect(vi.stderr.contains("một phần của đường dẫn là tệp, không phải thư mục."), "\(vi.stderr)")
        let en = try CLI.run(["build", "--output", "tep/site", "--date", "2021-06-30", "--lang", "en"], in: site.root)
        #expect(en.stderr.contains("part of the path is a file, not a folder."), "\(en.stderr)")
        #expect(!en.stderr.contains("could not be completed") && !en.stderr.contains("Not a directory"), "\(en.stderr)")
    }

    @Test func checkQuietPrintsOnlyErrorsAndVerboseTheSteps() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = Self.brokenStory
        files["storys/a.md"] = "x"
        let site = try TestSite(files)
        let quiet = try CLI.run(["check", "--quiet", "--date", "2021-06-30"], in: site.root)
        #expect(quiet.status == 1)
        #expect(quiet.stdout.split(separator: "\n").count == 1, "\(quiet.stdout)")
        #expect(quiet.stdout.contains("error: "))
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let verbose = try CLI.run(["check", "--verbose", "--date", "2021-06-30"], in: site.root)
        #expect(verbose.stdout.split(separator: "\n").count == 2, "the warning too: \(verbose.stdout)")
        #expect(verbose.stderr.contains("  \(BuildStep.load.name(in: .vi)): "), "\(verbose.stderr)")
        let json = try CLI.run(["check", "--quiet", "--format", "json", "--date", "2021-06-30"], in: site.root)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 1)
    }

    @Test func initQuietPrintsNothing() throws {
        let site = try TestSite()
        let run = try CLI.run(["init", "moi", "--quiet", "--date", "2026-11-25"], in: site.root)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stdout)\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("moi/HUONG-DAN.md").path))
    }

    /// The parser wraps help text to the terminal; a paragraph broken by hand in the source would
    /// come out as a long line and a short one. Each prose line must be full: its next word did not fit in the parser's 79 columns.
    @Test(arguments: ["build", "check", "serve", "new", "init"])
    func helpParagraphsAreWrappedEvenly(command: String) throws {
        let run = try CLI.run([command, "--help"], in: TestPaths.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let width = lines.filter { !$0.hasPrefix("USAGE:") }.map(\.count).max() ?? 0
        #expect(width <= 79, "\(run.stdout)")
        for (line, next) in zip(lines, lines.dropFirst()) {
            let isProse = { (text: String) in !text.isEmpty && !text.hasPrefix(" ") && !text.hasSuffix(":") }
            guard isProse(line), isProse(next), !next.hasPrefix("USAGE"), !next.hasPrefix("OPTIONS") else { continue }
            let nextWord = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + nextWord.count > 79, "“\(line)” is followed by “\(nextWord)”, which would have fitted:\n\(run.stdout)")
        }
    }
}
