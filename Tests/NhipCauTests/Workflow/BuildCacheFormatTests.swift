import Foundation
@testable import NhipCauBuild
import NhipCauCore
import NhipCauLoad
@testable import NhipCauWrite
import Testing

/// What the build cache file keeps comes back as it was written, and what a build takes from it
/// without looking at the pages again is taken only when it still holds.
struct BuildCacheFormatTests {
    static let pages = [
        BuildCache.Page(path: "index.html", output: 11, body: 0, reads: 21, hadDiagnostics: false),
        BuildCache.Page(path: "cau-chuyen/a/index.html", output: 12, body: 31, reads: 22, hadDiagnostics: false),
        BuildCache.Page(path: "cau-chuyen/b/index.html", output: 13, body: 32, reads: 23, hadDiagnostics: true),
    ]

    static func roundTrip(_ cache: BuildCache) throws -> BuildCache {
        var bytes: [UInt8] = []
        #expect(cache.encode { bytes += $0; return true })
        return try #require(BuildCache.decode(bytes))
    }

    static func inputs(kinds: [ContentKind: UInt64]) -> InputFingerprint {
        InputFingerprint(structure: 7, bodies: ["stories/a.md": 31, "stories/b.md": 32], frontMatter: [:], kinds: kinds, crossLinking: [])
    }

    @Test func theFrontMatterFingerprintAndTheStagingFolderComeBack() throws {
        let published = [
            BuildCache.Page(path: "index.html", output: 91, body: 0, reads: 1, hadDiagnostics: false),
            BuildCache.Page(path: "chinh-sach/index.html", output: 92, body: 0, reads: 2, hadDiagnostics: false),
        ]
        var cache = BuildCache(structure: 7, pages: Self.pages, staging: published.map { ($0.path, $0.output) }, search: nil)
        cache.allFrontMatter = 0xFEED_F00D
        let read = try Self.roundTrip(cache)
        #expect(read.structure == 7)
        #expect(read.allFrontMatter == 0xFEED_F00D)
        #expect(read.pages.map(\.path) == Self.pages.map(\.path))
        #expect(read.pages.map(\.reads) == [21, 22, 23])
        #expect(read.pages.map(\.hadDiagnostics) == [false, false, true])
        // The staging folder holds what the build before published.
        #expect(read.pageIndex.staging == ["index.html": 91, "chinh-sach/index.html": 92])
        // Written again as read, it reads back the same.
        let again = try Self.roundTrip(read)
        #expect(again.pageIndex.staging == read.pageIndex.staging && again.allFrontMatter == read.allFrontMatter)
    }

    @Test func pagesReadWhatTheyReadThenOnlyWhileNoFrontMatterChanged() throws {
        let kinds: [ContentKind: UInt64] = [.story: 5, .policy: 6]
        let inputs = Self.inputs(kinds: kinds)
        var cache = BuildCache(structure: 7, pages: Self.pages, staging: [], search: SearchIndex.Builder(positions: 0).snapshot(paths: []))
        cache.allFrontMatter = inputs.allFrontMatter
        let same = try #require(PageReuse(inputs: inputs, cache: try Self.roundTrip(cache), publishedSiteExists: true))
        #expect(same.unchangedReads(path: "cau-chuyen/a/index.html") == 22)
        #expect(same.unchangedReads(path: "cau-chuyen/moi/index.html") == nil, "a page the cache does not know")

        // One story's front matter changed: every page's reads are found from the page again.
        let edited = Self.inputs(kinds: [.story: 50, .policy: 6])
        let changed = try #require(PageReuse(inputs: edited, cache: try Self.roundTrip(cache), publishedSiteExists: true))
        #expect(changed.unchangedReads(path: "cau-chuyen/a/index.html") == nil)

        // A cache that does not know the front matter (0) vouches for nothing.
        cache.allFrontMatter = 0
        let unknown = try #require(PageReuse(inputs: inputs, cache: try Self.roundTrip(cache), publishedSiteExists: true))
        #expect(unknown.unchangedReads(path: "cau-chuyen/a/index.html") == nil)

        // Another structure (a page added, site.yml edited…): nothing is kept, whatever the front matter.
        var otherStructure = BuildCache(structure: 8, pages: Self.pages, staging: [], search: cache.search)
        otherStructure.allFrontMatter = inputs.allFrontMatter
        #expect(PageReuse(inputs: inputs, cache: try Self.roundTrip(otherStructure), publishedSiteExists: true) == nil)
    }

    @Test func theFrontMatterFingerprintTellsKindsApart() {
        // The same numbers under other kinds are other content.
        let stories = Self.inputs(kinds: [.story: 5, .policy: 6]).allFrontMatter
        let swapped = Self.inputs(kinds: [.story: 6, .policy: 5]).allFrontMatter
        let fewer = Self.inputs(kinds: [.story: 5]).allFrontMatter
        #expect(Set([stories, swapped, fewer]).count == 3)
        #expect(Self.inputs(kinds: [.policy: 6, .story: 5]).allFrontMatter == stories, "independent of the table's order")
    }
}
