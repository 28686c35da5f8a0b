import Foundation
import Testing

/// `nhipcau serve` as the officer runs it: the built binary on a free port of 127.0.0.1,
/// talked to over raw HTTP. Every wait is bounded.
@Suite(.serialized) struct ServeTests {
    static let storyPath = "/cau-chuyen/chi-lan/"
    static let story = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\nCâu chuyện đầu tiên.\n"

    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build first: swift build --build-tests")
    }

    private func site() throws -> TestSite {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = Self.story
        return try TestSite(files)
    }

    /// The preview of `site()` running, with an open page listening for reload events.
    private func withPreview(_ test: (TestSite, ServeProcess, HTTPProbe.EventStream) throws -> Void) throws {
        let site = try site()
        let server = try ServeProcess(in: site.root)
        defer { server.stop() }
        let events = try HTTPProbe.EventStream(port: server.port)
        defer { events.close() }
        #expect(events.waitFor("event: hello"), "\(events.received)")
        try test(site, server, events)
    }

    /// `/__nhipcau/errors` after a good build: says so, with no "there are errors" heading above it.
    static func expectNoErrorsPage(port: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = try HTTPProbe.get(port: port, "/__nhipcau/errors")
        #expect(page.status == 200, sourceLocation: sourceLocation)
        #expect(page.body.contains("<h1>Không có lỗi</h1>"), "\(page.body)", sourceLocation: sourceLocation)
        #expect(page.body.contains("<title>Không có lỗi</title>"), sourceLocation: sourceLocation)
        #expect(!page.body.contains("Có lỗi"), "\(page.body)", sourceLocation: sourceLocation)
        #expect(!page.body.contains("<pre>"), sourceLocation: sourceLocation)
    }

    @Test func theErrorsPageOfAGoodBuildSaysThereAreNone() throws {
        let site = try site()
        let server = try ServeProcess(in: site.root)
        defer { server.stop() }
        try Self.expectNoErrorsPage(port: server.port)
    }

    @Test func servesPagesWithTheReloadScriptAndTheRightTypes() throws {
        let site = try site()
        let server = try ServeProcess(in: site.root)
        defer { server.stop() }

        let home = try HTTPProbe.get(port: server.port, "/")
        #expect(home.status == 200)
        #expect(home.header("content-type") == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/__nhipcau/live.js\"></script>\n</body>"))
        let story = try HTTPProbe.get(port: server.port, Self.storyPath)
        #expect(story.status == 200)
        #expect(story.body.contains("Câu chuyện đầu tiên."))

        let folder = try HTTPProbe.get(port: server.port, "/cau-chuyen/chi-lan")
        #expect(folder.status == 301)
        #expect(folder.header("location") == Self.storyPath)
        let missing = try HTTPProbe.get(port: server.port, "/khong-co-trang-nay/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html"), "the site's 404.html")

        let stylesheet = try #require(home.body.firstMatch(of: /href="([^"]+\.css)"/)?.output.1)
        let css = try HTTPProbe.get(port: server.port, "/" + stylesheet.replacingOccurrences(of: "../", with: ""))
        #expect(css.status == 200)
        #expect(css.header("content-type") == "text/css; charset=utf-8")
        let script = try HTTPProbe.get(port: server.port, "/__nhipcau/live.js")
        #expect(script.header("content-type") == "text/javascript; charset=utf-8")
        #expect(script.body.contains("location.reload()"))

        #expect(!site.exists("index.html"), "serve never writes the officer's site/")
        #expect(server.stdout.contains("Xem trước tại http://127.0.0.1:\(server.port)/"), "\(server.stdout)")
    }

    @Test func aSavedStoryIsRebuiltAndOpenPagesAreToldToReload() throws {
        try withPreview { site, server, events in
            let mark = events.end
            try site.write("stories/chi-lan.md", Self.story.replacingOccurrences(of: "Câu chuyện đầu tiên.", with: "Câu chuyện đã sửa lại."))
            #expect(events.waitFor("event: reload", after: mark), "\(events.received)\n\(server.stderr)")
            let story = try HTTPProbe.get(port: server.port, Self.storyPath)
            #expect(story.body.contains("Câu chuyện đã sửa lại."))
            #expect(!story.body.contains("Câu chuyện đầu tiên."))
        }
    }

    @Test func anEditSavedRightAfterStartingIsNotMissed() throws {
        let site = try site()
        let server = try ServeProcess(in: site.root)
        defer { server.stop() }
        try site.write("stories/chi-lan.md", Self.story.replacingOccurrences(of: "Câu chuyện đầu tiên.", with: "Sửa ngay khi vừa mở."))
        let served = ServeProcess.eventually {
            (try? HTTPProbe.get(port: server.port, Self.storyPath))?.body.contains("Sửa ngay khi vừa mở.") == true
        }
        #expect(served, "\(server.stdout)\(server.stderr)")
    }

    @Test func aBrokenFileShowsItsErrorsWhileTheLastGoodSiteIsStillServed() throws {
        try withPreview { site, server, events in
            var mark = events.end
            try site.write("stories/chi-lan.md", "---\ntitle: \"Chị Lan\"\ndate: <b>2021</b>\n---\n\nCâu chuyện hỏng.\n")
            #expect(events.waitFor("event: errors", after: mark), "\(events.received)")
            #expect(events.waitFor("stories/chi-lan.md:3:", after: mark), "\(events.received)")

            let errors = try HTTPProbe.get(port: server.port, "/__nhipcau/errors")
            #expect(errors.body.contains("content/stories/chi-lan.md:3:"), "\(errors.body)")
            #expect(errors.body.contains("&lt;b&gt;2021&lt;/b&gt;"), "escaped: \(errors.body)")
            #expect(!errors.body.contains("<b>2021"))
            #expect(ServeProcess.eventually { server.stderr.contains("content/stories/chi-lan.md:3:") },
                    "the terminal too: \(server.stderr)")

            let story = try HTTPProbe.get(port: server.port, Self.storyPath)
            #expect(story.status == 200)
            #expect(story.body.contains("Câu chuyện đầu tiên."), "the last good build")
            #expect(try HTTPProbe.get(port: server.port, "/").status == 200)

            mark = events.end
            try site.write("stories/chi-lan.md", Self.story)
            #expect(events.waitFor("event: reload", after: mark), "\(events.received)")
            try Self.expectNoErrorsPage(port: server.port)
        }
    }

    @Test func aBodyEditRendersOnlyThatPageAndAFrontMatterEditRebuildsAll() throws {
        try withPreview { site, server, events in
            var mark = events.end
            try site.write("stories/chi-lan.md", Self.story + "\nThêm một đoạn zyxwvu.\n")
            #expect(events.waitFor("event: reload", after: mark), "\(events.received)")
            #expect(try HTTPProbe.get(port: server.port, Self.storyPath).body.contains("Thêm một đoạn zyxwvu."))
            #expect(ServeProcess.eventually { server.stdout.contains("Đã dựng lại 1 trang vừa sửa") }, "\(server.stdout)")
            #expect(ServeProcess.eventually {
                (try? HTTPProbe.get(port: server.port, "/tim-kiem/chi-muc/t/0.json"))?.body.contains("zyxwvu") == true
            }, "the search index follows the new body")

            mark = events.end
            try site.write("stories/chi-lan.md", Self.story.replacingOccurrences(of: "Chị Lan", with: "Chị Lan Anh"))
            #expect(events.waitFor("event: reload", after: mark), "\(events.received)")
            #expect(try HTTPProbe.get(port: server.port, "/cau-chuyen/").body.contains("Chị Lan Anh"), "lists follow front matter")
        }
    }

    /// Saves in quick succession land while the search index of an earlier one is being written;
    /// once they stop, the served index is the one a whole build of the last save gives.
    @Test func rapidSavesSettleOnTheIndexOfTheLastOne() throws {
        try withPreview { site, server, events in
            let mark = events.end
            for number in 1...6 {
                try site.write("stories/chi-lan.md", Self.story + "\nLần lưu thứ \(number), từ qwz\(number)x.\n")
                Thread.sleep(forTimeInterval: 0.02)
            }
            try site.write("stories/chi-lan.md", Self.story + "\nLần lưu cuối, từ qwzcuoix.\n")
            #expect(events.waitFor("event: reload", after: mark), "\(events.received)")
            let fresh = site.root.appendingPathComponent("fresh")
            #expect(site.build(into: fresh).succeeded)
            let index = fileTree(fresh).filter { $0.key.hasPrefix("tim-kiem/chi-muc/") }
            #expect(index.values.contains { String(decoding: $0, as: UTF8.self).contains("qwzcuoix") })
            let settled = ServeProcess.eventually(seconds: 20) {
                index.allSatisfy { path, bytes in
                    (try? HTTPProbe.get(port: server.port, "/" + path))?.body == String(decoding: bytes, as: UTF8.self)
                }
            }
            #expect(settled, "the served index is a whole build's\n\(server.stdout)\(server.stderr)")
        }
    }

    @Test func aPageThatFailedKeepsTheErrorShownUntilItIsFixed() throws {
        try withPreview { site, server, events in
            var mark = events.end
            try site.write("stories/chi-lan.md", Self.story + "\n[Hỏng](../markets/khong-co.md)\n")
            #expect(events.waitFor("event: errors", after: mark), "\(events.received)")
            mark = events.end
            try site.write("pages/gioi-thieu.md", TestSite.minimal["pages/gioi-thieu.md"]! + "\nSửa trang khác.\n")
            #expect(events.waitFor("event: errors", after: mark), "another page's edit does not hide the error: \(events.received)")
            #expect(try HTTPProbe.get(port: server.port, "/__nhipcau/errors").body.contains("content/stories/chi-lan.md:"))

            mark = events.end
            try site.write("stories/chi-lan.md", Self.story)
            #expect(events.waitFor("event: reload", after: mark), "\(events.received)")
            try Self.expectNoErrorsPage(port: server.port)
            #expect(try HTTPProbe.get(port: server.port, "/gioi-thieu/").body.contains("Sửa trang khác."))
        }
    }

    @Test(arguments: [
        "/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "/%2e%2e%2fPackage.swift",
        "/cau-chuyen/../../Package.swift", "/..%5cPackage.swift", "//etc/passwd", "/%2fetc%2fpasswd", "/.nhipcau-site",
        "/../../../../../../etc/passwd",
    ])
    func pathsOutsideTheSiteAreRefused(path: String) throws {
        let site = try site()
        try Data("// swift-tools-version:6.0 SECRET-NEXT-TO-CONTENT".utf8).write(to: site.root.appendingPathComponent("Package.swift"))
        let server = try ServeProcess(in: site.root)
        defer { server.stop() }
        let reply = try HTTPProbe.get(port: server.port, path)
        #expect([400, 403, 404].contains(reply.status), "\(path): \(reply.status)")
        #expect(!reply.body.contains("SECRET-NEXT-TO-CONTENT"))
        #expect(!reply.body.contains("swift-tools-version"))
        #expect(!reply.body.contains("root:x:0:0"))
    }

    @Test func ctrlCStopsCleanlyWithAPageStillListening() throws {
        let site = try site()
        let server = try ServeProcess(in: site.root, arguments: ["--lang", "en"])
        let events = try HTTPProbe.EventStream(port: server.port)
        defer { events.close() }
        #expect(events.waitFor("event: hello"))
        #expect(server.stdout.contains("Preview at http://127.0.0.1:\(server.port)/"), "\(server.stdout)")
        #expect(server.stop(), "still running after SIGINT")
        #expect(server.process.wait() == Spawned.Ending(code: 0, signalled: false))
        #expect(server.stdout.contains("Stopped."), "\(server.stdout)")
    }

    @Test func aPortInUseIsExplainedAndQuietSaysNothingElse() throws {
        let site = try site()
        let first = try ServeProcess(in: site.root)
        defer { first.stop() }
        let second = try Spawned.run(CLI.binary.path, ["serve", "--port", String(first.port), "--quiet", "--date", "2021-06-30"],
                                     in: site.root, seconds: 8)
        #expect(second.status == 1)
        let (stdout, stderr) = (second.stdout, second.stderr)
        #expect(stdout.isEmpty, "\(stdout)")
        #expect(stderr.contains("Cổng \(first.port) đang được một chương trình khác dùng"), "\(stderr)")
    }

    @Test func aSiteThatNeverBuiltShowsTheErrorPage() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-02-30\n---\n\nA.\n"
        let site = try TestSite(files)
        let server = try ServeProcess(in: site.root)
        defer { server.stop() }
        let home = try HTTPProbe.get(port: server.port, "/")
        #expect(home.status == 503)
        #expect(home.body.contains("content/stories/chi-lan.md:3:"), "\(home.body)")
        #expect(home.body.contains("/__nhipcau/live.js"), "so the page reloads once fixed")
    }
}
