import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// `Fixtures/bad/<case>/`: one kind of bad input each. `content/` in the case folder is laid over the
/// minimal good site; `expected.txt` is what `nhipcau build` prints (the site is Vietnamese) and
/// `expected.en.txt` what `nhipcau build --lang en` prints. Inputs that cannot live in git (symbolic
/// links, named pipes, files over the size limit, 100,000 brackets) are made here.
/// After an intended change: `NHIPCAU_UPDATE_GOLDEN=1 swift test --filter BadInputCorpus`, then review.
enum BadCorpus {
    static let folder = TestPaths.fixtures.appendingPathComponent("bad")

    static var caseNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static let tenMegabytes = 10 * 1024 * 1024

    /// Files made at test time, by case name.
    static let generated: [String: @Sendable (TestSite) throws -> Void] = [
        "symlink-outside": { site in
            let outside = site.root.appendingPathComponent("ngoai.md")
            try Data("---\ntitle: \"Ngoài\"\ndate: 2021-01-05\n---\n\nBí mật.\n".utf8).write(to: outside)
            try FileManager.default.createSymbolicLink(at: site.content.appendingPathComponent("stories/ngoai.md"), withDestinationURL: outside)
            let media = site.content.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: media.appendingPathComponent("mat-khau"), withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        },
        // Points at a file that is not there (yet): copied as a link it would show whatever is put there.
        "symlink-dangling": { site in
            let media = site.content.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: media.appendingPathComponent("tai-lieu.txt").path, withDestinationPath: "../../private/key.txt")
        },
        // Followed, it would publish the content folder inside itself, level after level.
        "symlink-folder-loop": { site in
            let media = site.content.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: media.appendingPathComponent("up").path, withDestinationPath: "..")
        },
        // One error for the link, not one per file below /etc.
        "symlink-folder-outside": { site in
            let media = site.content.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: media.appendingPathComponent("he-thong").path, withDestinationPath: "/etc")
        },
        // Opening a named pipe to read waits for a writer forever.
        "named-pipe": { site in
            let media = site.content.appendingPathComponent("media")
            try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
            for path in [media.appendingPathComponent("ong").path, site.content.appendingPathComponent("stories/ong.md").path] {
                guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
        },
        // Pictures made by scripts/photos.py (Fixtures/media/), put where each case's story points.
        "image-decompression-bomb": { site in try site.write("media/ban-do.png", bytes: try MediaFixtures.bytes("bom.png")) },
        "image-truncated-jpeg": { site in try site.write("media/chi-hoa.jpg", bytes: try MediaFixtures.bytes("cat-do.jpg")) },
        "image-damaged-unreferenced": { site in try site.write("media/cu/anh-hong.jpg", bytes: try MediaFixtures.bytes("cat-do.jpg")) },
        "image-not-an-image": { site in try site.write("media/chi-hoa.jpg", bytes: try MediaFixtures.bytes("trang-web.jpg")) },
        "image-wrong-extension": { site in try site.write("media/chi-hoa.jpg", bytes: try MediaFixtures.bytes("la-png.jpg")) },
        "image-too-many-pixels": { site in try site.write("media/vuon-nho.jpg", bytes: try MediaFixtures.bytes("rong.jpg")) },
        // A JPEG may carry anything after its end: a real photo, over the 1 MB the case's site.yml allows.
        "image-file-too-large": { site in
            try site.write("media/chi-hoa.jpg", bytes: try MediaFixtures.bytes("dien-thoai.jpg") + [UInt8](repeating: 0, count: 1024 * 1024))
        },
        "too-large": { site in
            try site.write("stories/lon.md", bytes: story(paddedTo: tenMegabytes + 1))
        },
        "too-large-site-limit": { site in
            try site.write("stories/lon.md", bytes: story(paddedTo: 1024 * 1024 + 1))
        },
        "huge-json": { site in
            let numbers = Array(repeating: "12345678", count: tenMegabytes / 9 + 1).joined(separator: ",")
            try site.write("targets/lon-2021.json", "{ \"title\": \"Lớn\", \"data\": [\(numbers)] }\n")
        },
        "deep-json": { site in
            try site.write("targets/sau-2021.json", "{ \"title\": " + String(repeating: "[", count: 100_000) + "\n")
        },
        "deep-yaml": { site in
            try site.write("stories/sau.md", "---\ntitle: \"Sâu\"\ndate: 2021-01-05\nsummary: " + String(repeating: "[", count: 100_000) + "\n---\n\nA.\n")
        },
    ]

    /// A good story padded with Markdown text to exactly `size` bytes.
    static func story(paddedTo size: Int) -> [UInt8] {
        let head = Array("---\ntitle: \"Lớn\"\ndate: 2021-01-05\n---\n\n".utf8)
        let line = Array("Một dòng chữ rất dài để làm tệp lớn.\n".utf8)
        var bytes = head
        while bytes.count < size { bytes += line }
        return Array(bytes.prefix(size))
    }

    /// Copies the case's `content/` over the site's content folder, byte for byte.
    static func overlay(_ name: String, on site: TestSite) throws {
        let source = folder.appendingPathComponent(name).appendingPathComponent("content")
        for (path, bytes) in fileTree(source) { try site.write(path, bytes: bytes) }
    }

    static func expected(_ name: String, _ file: String) -> [String]? {
        let url = folder.appendingPathComponent(name).appendingPathComponent(file)
        return (try? String(contentsOf: url, encoding: .utf8)).map { $0.split(separator: "\n").map(String.init) }
    }

    static func record(_ lines: [String], _ name: String, _ file: String) throws {
        let url = folder.appendingPathComponent(name).appendingPathComponent(file)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_GOLDEN"] == "1" }
}

@Suite struct BadInputCorpusTests {
    @Test func everyGeneratedCaseHasAFolder() {
        #expect(Set(BadCorpus.generated.keys).isSubset(of: Set(BadCorpus.caseNames)))
        #expect(BadCorpus.caseNames.count >= 32)
    }

    @Test(arguments: BadCorpus.caseNames)
    func eachBadInputStopsTheBuildWithItsExpectedMessages(_ name: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "build the tool first: swift build --build-tests")
        let site = try TestSite(TestSite.minimal)
        try #require(site.build().succeeded)
        let before = fileTree(site.output)
        try BadCorpus.overlay(name, on: site)
        try BadCorpus.generated[name]?(site)

        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: site.root)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let printed = run.stderr.split(separator: "\n").map(String.init)
        #expect(printed.last?.hasPrefix("Không xuất bản") == true, "\(run.stderr)")

        let inEnglish = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30", "--lang", "en"], in: site.root)
        #expect(inEnglish.status == 1)
        let english = inEnglish.stderr.split(separator: "\n").map(String.init)
        #expect(english.last?.hasPrefix("Not published") == true, "\(inEnglish.stderr)")

        let outcome = site.build()
        #expect(!outcome.succeeded)
        let fromLibrary = Diagnostics(outcome.diagnostics).sorted.cappedPerFile().map { $0.formatted(in: .en, contentPrefix: "content/") }
        #expect(Array(english.dropLast()) == fromLibrary, "the command prints exactly the build's problems, sorted")
        #expect(fileTree(site.output) == before, "the previous site changed")
        #expect(try unexpectedLeftovers(beside: site.output).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.hasPrefix(".") && !$0.hasPrefix(".site.") && $0 != ".nhipcau-cache" }.isEmpty)

        if BadCorpus.updating {
            try BadCorpus.record(printed, name, "expected.txt")
            try BadCorpus.record(english, name, "expected.en.txt")
        }
        #expect(printed == BadCorpus.expected(name, "expected.txt"), "\(printed.joined(separator: "\n"))")
        #expect(english == BadCorpus.expected(name, "expected.en.txt"), "\(english.joined(separator: "\n"))")
    }
}
