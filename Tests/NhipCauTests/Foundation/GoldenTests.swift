import Foundation
import Testing

/// The story page of the `basic` fixture, compared byte for byte with `Golden/story.html`.
/// After an intended change to the theme, regenerate with `NHIPCAU_UPDATE_GOLDEN=1 swift test --skip-build --filter Golden`
/// and review the diff.
@Suite struct GoldenTests {
    @Test func storyPageMatchesTheGoldenFile() throws {
        let site = try TestSite(fixture: "basic")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/vuon-nho/index.html"))
        let golden = TestPaths.golden.appendingPathComponent("story.html")

        if ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_GOLDEN"] == "1" {
            try Data(page.utf8).write(to: golden)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: golden.path),
                                    "no golden file; run with NHIPCAU_UPDATE_GOLDEN=1 to create \(golden.path)")
        let actual = Data(page.utf8)
        if actual != expected {
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = page.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
            Issue.record("""
                cau-chuyen/vuon-nho/index.html differs from Golden/story.html at line \(first + 1):
                expected: \(first < expectedLines.count ? expectedLines[first] : "(end)")
                actual:   \(first < actualLines.count ? actualLines[first] : "(end)")
                Regenerate with NHIPCAU_UPDATE_GOLDEN=1 if the change is intended.
                """)
        }
    }
}
