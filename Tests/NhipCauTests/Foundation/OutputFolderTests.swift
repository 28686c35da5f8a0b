import Foundation
import Testing
import NhipCauBuild
import NhipCauCore
@testable import NhipCauWrite

/// What the tool may leave beside `site/` (as `.site.*`): its lock file, and the staging folder (the previous
/// site, kept for the next build to reuse) only with its marker. Returns what breaks the rule.
func unexpectedLeftovers(beside output: URL) throws -> [String] {
    let name = output.lastPathComponent
    let parent = output.deletingLastPathComponent()
    return try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".\(name).") }.filter { entry in
        switch entry {
        case ".\(name).nhipcau-lock": false
        case ".\(name).nhipcau-new": !FileManager.default.fileExists(atPath: parent.appendingPathComponent(entry).appendingPathComponent(OutputDirectory.markerName).path)
        default: true
        }
    }
}

/// Every folder below `folder`, relative, sorted (fileTree lists only files).
func folderList(_ folder: URL) -> [String] {
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
    var folders: [String] = []
    while let url = enumerator?.nextObject() as? URL {
        guard (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { continue }
        folders.append(String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(base.count + 1)))
    }
    return folders.sorted()
}

/// The published site changes only when a build succeeds, and the tool deletes only what it made.
@Suite struct OutputFolderTests {
    func stagingLeftovers(_ site: TestSite) throws -> [String] {
        try unexpectedLeftovers(beside: site.output)
    }

    @Test(arguments: [
        // Fails while loading.
        ("stories/chi-lan.md", "---\ndate: 2021-01-05\n---\n\nA.\n"),
        // Fails only while rendering pages, after the staging folder was filled.
        ("stories/chi-lan.md", "---\ntitle: \"A\"\ndate: 2021-01-05\n---\n\n[x](../markets/khong-co.md)\n"),
        // Fails in the theme.
        ("theme/templates/page.mustache", "{{#x}}"),
    ])
    func aFailedBuildLeavesThePreviousSiteByteForByte(path: String, text: String) throws {
        let site = try TestSite(TestSite.minimal)
        let first = site.build()
        try #require(first.succeeded, "\(first.listing)")
        let before = fileTree(site.output)
        #expect(before["index.html"] != nil && before[OutputDirectory.markerName] != nil)

        try site.write(path, text)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(!outcome.errors.isEmpty)
        let after = fileTree(site.output)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after == before)
        #expect(try stagingLeftovers(site).isEmpty)
    }

    @Test func aSuccessfulRebuildReplacesTheSiteAndRemovesStalePages() throws {
        var files = TestSite.minimal
        files["pages/cu.md"] = "---\ntitle: \"Cũ\"\n---\n\nA.\n"
        let site = try TestSite(files)
        try #require(site.build().succeeded)
        #expect(site.exists("cu/index.html"))
        try site.remove("pages/cu.md")
        try #require(site.build().succeeded)
        #expect(!site.exists("cu/index.html"))
        #expect(site.exists(OutputDirectory.markerName))
        #expect(try stagingLeftovers(site).isEmpty)
    }

    @Test func refusesANonEmptyFolderWithoutTheMarker() throws {
        let site = try TestSite(TestSite.minimal)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let precious = site.output.appendingPathComponent("luan-van.docx")
        try Data("quan trọng".utf8).write(to: precious)
        let before = fileTree(site.output)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.outputError?.message.en.contains("did not create") == true)
        #expect(fileTree(site.output) == before)
        #expect(try stagingLeftovers(site).isEmpty)
    }

    @Test func writesIntoAnEmptyFolder() throws {
        let site = try TestSite(TestSite.minimal)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect(site.build().succeeded)
        #expect(site.exists("index.html"))
    }

    @Test func refusesTheContentFolderAndFoldersAroundIt() throws {
        let site = try TestSite(TestSite.minimal)
        let contentBefore = fileTree(site.content)
        for output in [site.content, site.content.appendingPathComponent("site"), site.root] {
            let outcome = site.build(into: output)
            #expect(!outcome.succeeded, "\(output.path)")
            #expect(outcome.outputError?.message.en.contains("content folder") == true, "\(output.path)")
        }
        #expect(fileTree(site.content) == contentBefore)
    }

    @Test func refusesTheRootFolder() throws {
        let site = try TestSite(TestSite.minimal)
        #expect(throws: OutputError.self) {
            let folder = try OutputDirectory(output: URL(fileURLWithPath: "/"), content: site.content)
            folder.discard()
        }
    }

    @Test func refusesAFileInPlaceOfTheFolder() throws {
        let site = try TestSite(TestSite.minimal)
        try Data("x".utf8).write(to: site.output)
        let outcome = site.build()
        #expect(outcome.outputError?.message.en.contains("is a file") == true)
        #expect(FileManager.default.contents(atPath: site.output.path) == Data("x".utf8))
    }
}

/// The previous site is kept as the next build's staging folder and overwritten in place; what
/// comes out is exactly the tree a build into an empty folder gives.
@Suite struct ReusedStagingTests {
    static let first: [String: String] = TestSite.minimal.merging([
        "pages/cu.md": "---\ntitle: \"Cũ\"\n---\n\nTrang sẽ bị xóa.\n",
        "stories/chi-lan.md": "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\n" + String(repeating: "Một đoạn dài về vườn nho. ", count: 200) + "\n",
        "media/anh": "ảnh là một tệp",
        "media/tai-lieu/a.txt": "tài liệu trong thư mục",
    ]) { $1 }

    static let second: [String: String] = TestSite.minimal.merging([
        "pages/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\nmenu: 1\n---\n\nGiới thiệu!\n", // same size, other bytes
        "stories/chi-lan.md": "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\nNgắn.\n",
        "media/anh/1.txt": "ảnh giờ là một thư mục",
        "media/tai-lieu": "tài liệu giờ là một tệp",
    ]) { $1 }

    static func replaceContent(of site: TestSite, with files: [String: String]) throws {
        try FileManager.default.removeItem(at: site.content)
        for (path, text) in files { try site.write(path, text) }
    }

    @Test func everyRebuildGivesTheTreeOfAFreshBuild() throws {
        let site = try TestSite()
        for (number, files) in [Self.first, Self.second, Self.first, Self.second].enumerated() {
            try Self.replaceContent(of: site, with: files)
            let outcome = site.build()
            try #require(outcome.succeeded, "build \(number + 1): \(outcome.listing)")
            let fresh = try TestSite(files)
            try #require(fresh.build().succeeded)
            #expect(fileTree(site.output) == fileTree(fresh.output), "build \(number + 1)")
            #expect(folderList(site.output) == folderList(fresh.output), "build \(number + 1): no stale folders")
            #expect(try unexpectedLeftovers(beside: site.output).isEmpty)
        }
        #expect(!site.exists("cu/index.html"))
        #expect(site.read("media/tai-lieu") == "tài liệu giờ là một tệp")
    }

    /// The third build writes into the first build's folder: a page whose bytes did not change keeps
    /// its inode and time (it was compared, not written); a changed page is overwritten in place.
    @Test func filesWithTheSameBytesAreNotWrittenAgain() throws {
        let site = try TestSite(TestSite.minimal)
        func identity(_ path: String) throws -> (inode: UInt64, modified: Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)
            return (try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value), try #require(attributes[.modificationDate] as? Date))
        }
        try #require(site.build().succeeded)
        let unchanged = try identity("gioi-thieu/index.html")
        let story = try identity("cau-chuyen/chi-lan/index.html")
        Thread.sleep(forTimeInterval: 0.05)
        for text in ["Câu chuyện hai.", "Câu chuyện ba, dài hơn."] {
            try site.write("stories/chi-lan.md", "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\n\(text)\n")
            try #require(site.build().succeeded)
        }
        #expect(try identity("gioi-thieu/index.html").inode == unchanged.inode)
        #expect(try identity("gioi-thieu/index.html").modified == unchanged.modified)
        #expect(try identity("cau-chuyen/chi-lan/index.html").inode == story.inode)
        #expect(try identity("cau-chuyen/chi-lan/index.html").modified > story.modified)
        #expect(site.read("cau-chuyen/chi-lan/index.html")?.contains("Câu chuyện ba, dài hơn.") == true)
    }

    /// A link in the kept copy (an older version copied media links as links) is replaced by a real
    /// file or folder; nothing is written where it points.
    @Test func linksInTheStagingFolderAreReplacedNotWrittenThrough() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        try #require(site.build().succeeded)
        let staging = site.root.appendingPathComponent(".site.nhipcau-new")
        try #require(FileManager.default.fileExists(atPath: staging.appendingPathComponent("index.html").path))
        let victim = site.root.appendingPathComponent("bi-mat.txt")
        try Data("bí mật".utf8).write(to: victim)
        let elsewhere = site.root.appendingPathComponent("noi-khac")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: elsewhere.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: staging.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: staging.appendingPathComponent("index.html"), withDestinationURL: victim)
        try FileManager.default.removeItem(at: staging.appendingPathComponent("gioi-thieu"))
        try FileManager.default.createSymbolicLink(at: staging.appendingPathComponent("gioi-thieu"), withDestinationURL: elsewhere)

        try #require(site.build().succeeded)
        #expect(FileManager.default.contents(atPath: victim.path) == Data("bí mật".utf8))
        #expect(fileTree(elsewhere) == ["index.html": Array("x".utf8)])
        let fresh = try TestSite(TestSite.minimal)
        try #require(fresh.build().succeeded)
        #expect(fileTree(site.output) == fileTree(fresh.output))
        for path in ["index.html", "gioi-thieu"] {
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.appendingPathComponent(path).path)) == nil, "\(path) is real")
        }
    }

    @Test(arguments: [".site.nhipcau-old", ".site.nhipcau-new"])
    func aFolderOfTheToolsNameHoldingOtherFilesIsRefusedAndKept(name: String) throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let before = fileTree(site.output)
        let folder = site.root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("luận văn".utf8).write(to: folder.appendingPathComponent("luan-van.docx"))
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.outputError?.message.en.contains("holds files nhipcau did not create") == true, "\(outcome.listing)")
        #expect(outcome.outputError?.message.vi.contains("có tệp không do nhipcau tạo ra") == true)
        #expect(fileTree(folder) == ["luan-van.docx": Array("luận văn".utf8)])
        #expect(fileTree(site.output) == before)
    }

    /// `site -> www/xkld`: the folder the link names is brought up to date and the link stays.
    @Test func aLinkedOutputIsUpdatedWhereItPoints() throws {
        let site = try TestSite(TestSite.minimal)
        let www = site.root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: "www/xkld")
        for title in ["Cổng một", "Cổng hai", "Cổng ba"] {
            try site.write("site.yml", "title: \"\(title)\"\n")
            let outcome = site.build()
            try #require(outcome.succeeded, "\(outcome.listing)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == "www/xkld")
            #expect(site.read("index.html", in: www.appendingPathComponent("xkld"))?.contains(title) == true)
        }
        let fresh = try TestSite(TestSite.minimal.merging(["site.yml": "title: \"Cổng ba\"\n"]) { $1 })
        try #require(fresh.build().succeeded)
        #expect(fileTree(www.appendingPathComponent("xkld")) == fileTree(fresh.output))
        #expect(try unexpectedLeftovers(beside: www.appendingPathComponent("xkld")).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".site") }.isEmpty)
    }
}

/// A publish stopped dead at any step (as by `kill -9` or a power cut) loses nothing: the next
/// build finds a whole site and puts back the one left aside.
@Suite struct InterruptedPublishTests {
    static let broken = "---\ndate: 2021-01-05\n---\n\nThiếu tiêu đề.\n"

    /// Stops a publish at `step`, after writing one page of a new site.
    func stoppedPublish(_ site: TestSite, exchange: Bool, at step: PublishStep) throws {
        let folder = try OutputDirectory(output: site.output, content: site.content,
                                         settings: OutputSettings(exchange: exchange, crashAt: step))
        try folder.write("mới", to: "index.html")
        #expect(throws: OutputError.self) { try folder.publish() }
    }

    @Test func stoppedBetweenTheTwoRenamesTheNextBuildPutsTheOldSiteBack() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        try #require(site.build().succeeded)
        let before = fileTree(site.output)
        try stoppedPublish(site, exchange: false, at: .oldSiteMovedAside)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "the moment the interruption hits")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.nhipcau-old/index.html").path))

        try site.write("stories/chi-lan.md", Self.broken)
        #expect(!site.build().succeeded, "a build that fails on its content still puts the old site back")
        #expect(fileTree(site.output) == before)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.nhipcau-old").path))
        #expect(try unexpectedLeftovers(beside: site.output).isEmpty)
    }

    @Test func stoppedAfterTheNewSiteMovedInTheOldCopyIsReused() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        try #require(site.build().succeeded)
        try stoppedPublish(site, exchange: false, at: .newSiteMovedIn)
        #expect(site.read("index.html") == "mới")
        try #require(site.build().succeeded)
        let fresh = try TestSite(TestSite.minimal)
        try #require(fresh.build().succeeded)
        #expect(fileTree(site.output) == fileTree(fresh.output))
        #expect(try unexpectedLeftovers(beside: site.output).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".site.nhipcau-old").path))
    }

    @Test(arguments: [true, false])
    func stoppedBeforeTheSwapTheSiteIsUntouched(exchange: Bool) throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let before = fileTree(site.output)
        try stoppedPublish(site, exchange: exchange, at: .beforeSwap)
        #expect(fileTree(site.output) == before)
        try #require(site.build().succeeded)
        #expect(fileTree(site.output) == before)
    }

    #if os(Linux)
    @Test func linuxExchangesTwoFoldersInOneStep() throws {
        let site = try TestSite()
        let one = site.root.appendingPathComponent("mot"), two = site.root.appendingPathComponent("hai")
        for (folder, text) in [(one, "1"), (two, "2")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("a"))
        }
        #expect(FolderSwap.exchange(one.path, two.path) == .swapped)
        #expect(fileTree(one) == ["a": Array("2".utf8)] && fileTree(two) == ["a": Array("1".utf8)])
    }
    #endif
}

/// One build at a time writes a given output folder.
@Suite(.serialized) struct ConcurrentBuildTests {
    @Test func aSecondBuildWaitsBrieflyThenSaysAnotherIsWriting() throws {
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let before = fileTree(site.output)
        let first = try OutputDirectory(output: site.output, content: site.content)
        try first.write("nửa chừng", to: "index.html")
        let started = ContinuousClock.now
        do {
            _ = try OutputDirectory(output: site.output, content: site.content, settings: OutputSettings(lockWait: .milliseconds(300)))
            Issue.record("a second build got the folder")
        } catch {
            #expect(error.message.en.contains("Another build (process \(getpid())) is writing \(site.output.path)"), "\(error.message.en)")
            #expect(error.message.vi.contains("Một lần dựng khác (tiến trình \(getpid())) đang ghi vào"))
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(fileTree(site.output) == before)
        first.discard()
        #expect(site.build().succeeded, "free again once the first gave up")
    }

    /// The lock is held by this test process; the tool, a separate process, must not go ahead.
    @Test func theToolRefusesWhileAnotherProcessHoldsTheLock() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build the tool first: swift build --build-tests")
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let before = fileTree(site.output)
        let descriptor = open(site.root.appendingPathComponent(".site.nhipcau-lock").path, O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        close(descriptor)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Một lần dựng khác (tiến trình \(getpid())) đang ghi vào \(site.output.path)"), "\(run.stderr)")
        #expect(fileTree(site.output) == before)
        #expect(try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root).status == 0)
    }

    /// Two real builds started together: each either publishes a whole site or says why not.
    @Test func twoBuildsAtOnceNeverPublishHalfASite() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build the tool first: swift build --build-tests")
        let site = try TestSite(fixture: "basic")
        let fresh = try TestSite(fixture: "basic")
        try #require(fresh.build().succeeded)
        for _ in 0..<3 {
            let root = site.root
            let runs = [0, 1].parallelRuns { _ in
                try? CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: root)
            }
            for run in runs {
                let run = try #require(run)
                #expect(run.status == 0 || run.stderr.contains("Một lần dựng khác"), "\(run.stderr)")
            }
            #expect(runs.contains { $0?.status == 0 })
            #expect(fileTree(site.output) == fileTree(fresh.output))
            #expect(try unexpectedLeftovers(beside: site.output).isEmpty)
        }
    }
}

extension Array where Element: Sendable {
    /// `body` on every element at once, each on its own thread; results in order.
    func parallelRuns<T: Sendable>(_ body: @escaping @Sendable (Element) -> T?) -> [T?] {
        let results = ResultBox<T>(count: count)
        let group = DispatchGroup()
        for (index, element) in enumerated() {
            group.enter()
            Thread.detachNewThread {
                results.set(index, body(element))
                group.leave()
            }
        }
        group.wait()
        return results.all
    }
}

final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T?) { lock.withLock { values[index] = value } }
    var all: [T?] { lock.withLock { values } }
}

/// The built binary killed with SIGKILL at moments spread over a build: `site/` is always a whole
/// site (the old one or the new one, byte for byte), and the next build is a correct one.
@Suite(.serialized) struct KilledBuildTests {
    static func start(in folder: URL) throws -> Spawned {
        try Spawned(CLI.binary.path, ["build", "--content", "content", "--output", "site", "--date", "2021-06-30", "--quiet"], in: folder)
    }

    @Test func aBuildKilledAtAnyMomentLeavesAWholeSite() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build the tool first: swift build --build-tests")
        let site = try TestSite()
        let generate = try Spawned.run("/usr/bin/env", ["python3", TestPaths.packageRoot.appendingPathComponent("bench/generate.py").path, site.content.path, "80"])
        try #require(generate.status == 0, "python3 bench/generate.py: \(generate.stderr)")

        // The build writes its process id into the lock file once it has the output folder, just
        // before writing pages: kills are timed from there.
        let lockFile = site.root.appendingPathComponent(".site.nhipcau-lock").path
        func waitForFolder(_ build: Spawned) -> Bool {
            ServeProcess.eventually(seconds: 120) {
                (try? String(contentsOfFile: lockFile, encoding: .utf8)) == "\(build.pid)\n" || !build.isRunning
            }
        }
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let started = ContinuousClock.now
        let first = try Self.start(in: site.root)
        try #require(waitForFolder(first))
        let tookFolder = ContinuousClock.now
        try #require(first.wait().status == 0)
        let reading = seconds(tookFolder - started), writing = seconds(ContinuousClock.now - tookFolder)
        let old = fileTree(site.output)

        try site.write("site.yml", "title: \"Cổng thử sau khi sửa\"\nbase_url: https://bench.example.gov.vn/\n")
        let fresh = site.root.appendingPathComponent("fresh")
        #expect(try CLI.run(["build", "--content", "content", "--output", fresh.path, "--date", "2021-06-30"], in: site.root).status == 0)
        let new = fileTree(fresh)
        try #require(old != new)

        // Once while content is read, then spread over writing and publishing, the last ones
        // likely after the build finished.
        var outcomes: [String] = []
        let moments = [0, 0.02, 0.1] + [0.3, 0.6, 0.85, 0.95, 1.0, 1.1].map { $0 * writing }
        for delay in [nil] + moments.map(Optional.some) {
            let build = try Self.start(in: site.root)
            if let delay {
                #expect(waitForFolder(build))
                Thread.sleep(forTimeInterval: delay)
            } else {
                Thread.sleep(forTimeInterval: reading / 2)
            }
            build.send(SIGKILL)
            build.wait()
            let now = fileTree(site.output)
            #expect(now == old || now == new, "killed \(delay.map { "\($0) s after taking the folder" } ?? "while reading"): site/ is neither the old nor the new site")
            outcomes.append(now == old ? "old" : now == new ? "new" : "broken")
            #expect(try unexpectedLeftovers(beside: site.output).isEmpty)
        }
        let last = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(fileTree(site.output) == new, "after kills at \(outcomes)")
        print("killed builds left site/ as: \(outcomes) (reading \(reading) s, writing \(writing) s)")
        #expect(folderList(site.output) == folderList(fresh))
    }
}
