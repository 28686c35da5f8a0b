import Foundation
import Testing

/// The `nhipcau` binary that `swift build --build-tests` put next to the test bundle.
enum CLI {
    static let binary = TestPaths.packageRoot.appendingPathComponent(".build/debug/nhipcau")

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
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
        #expect(run.stderr.split(separator: "\n").contains { $0.hasPrefix("content/storys: warning: ") }, "\(run.stderr)")
        #expect(run.stdout.contains("(1 cảnh báo)"), "\(run.stdout)")
    }

    @Test(arguments: [
        ["build", "--date", "2021-13-01"],
        ["build", "--date", "2021-02-30"],
        ["build", "--date", "30/06/2021"],
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
        #expect(run.stderr.contains("Không có thư mục nội dung /khong-co-thu-muc-nay") && run.stderr.contains("does not exist"), "\(run.stderr)")
        #expect(!run.stderr.contains("site.yml"))
        let file = try CLI.run([command, "--content", "content/site.yml", "--date", "2021-06-30"], in: site.root)
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
