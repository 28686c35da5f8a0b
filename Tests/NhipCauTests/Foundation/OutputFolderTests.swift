import Foundation
import Testing
import NhipCauBuild
import NhipCauCore
import NhipCauWrite

/// The published site changes only when a build succeeds, and the tool deletes only what it made.
@Suite struct OutputFolderTests {
    func stagingLeftovers(_ site: TestSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("nhipcau-new") || $0.contains("nhipcau-old") }
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
