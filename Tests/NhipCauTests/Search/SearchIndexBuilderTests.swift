import Foundation
import NhipCauBuild
import NhipCauCore
import NhipCauSite
@testable import NhipCauWrite
import Testing

/// The index made a page at a time, pages coming in any order (as the render workers finish them).
@Suite struct SearchIndexBuilderTests {
    @Test func postingsReadBackInTheOrderAddedFromInterleavedWorkers() {
        // Two workers on two runs of positions, interleaved; then a third run, and far jumps back.
        var expected: [UInt32] = []
        var stream = PostingStream()
        var generator = SystemRandomNumberGenerator()
        var positions: [UInt32] = []
        for step in 0..<500 { positions += [UInt32(step * 3), UInt32(40_000 + step * 2)] }
        positions += [9_000, 7, 1 << 29, 3]
        for position in positions {
            let field = UInt8.random(in: 1...3, using: &generator)
            stream.append(position, field: field)
            expected.append(position << 2 | UInt32(field))
        }
        var read: [UInt32] = []
        stream.forEach { read.append($0) }
        #expect(read == expected)
    }

    @Test func interleavedWorkersCostAByteAPostingAndReadBackByDocument() {
        var stream = PostingStream()
        for step in 0..<10_000 {
            stream.append(UInt32(step), field: 1)
            stream.append(UInt32(50_000 + step), field: 3)
        }
        #expect(stream.bytes.count <= 20_010, "\(stream.bytes.count) bytes")
        let documents = stream.documents((0..<60_000).map { UInt32(59_999 - $0) })
        #expect(documents.count == 20_000 && documents == documents.sorted(), "renumbered and sorted by document")
        #expect(documents.first == 3, "position 59,999 is document 0, in a title")
    }

    @Test func pagesAddedInAnyOrderMakeTheSameFilesAsInPageOrder() {
        let pages = Self.mixedPages()
        let inOrder = SearchIndex.files(pages)
        var builder = SearchIndex.Builder(positions: pages.count)
        var generator = SystemRandomNumberGenerator()
        for position in pages.indices.shuffled(using: &generator) { builder.add(pages[position], at: position) }
        var shuffled: [(path: String, bytes: [UInt8])] = []
        builder.write(batchesOf: 3) { shuffled += $0 }
        #expect(Dictionary(uniqueKeysWithValues: shuffled.map { ($0.path, $0.bytes) })
                == Dictionary(uniqueKeysWithValues: inOrder.map { ($0.path, $0.bytes) }))
        #expect(shuffled.last?.path.hasSuffix("manifest.json") == true, "the manifest last, once every file it counts is made")
    }

    @Test func aFullBuildWritesTheIndexAnIncrementalBuildWrites() throws {
        let site = try TestSite(SearchIndexTests.places)
        #expect(site.build().succeeded)
        let kept = fileTree(site.output.appendingPathComponent("tim-kiem"))
        var options = BuildOptions(content: site.content, output: site.root.appendingPathComponent("full"), today: testDate)
        options.incremental = false
        #expect((try? SiteBuild.run(options).get()) != nil)
        let full = fileTree(options.output.appendingPathComponent("tim-kiem"))
        #expect(!full.isEmpty && full == kept)
    }

    /// Markets, stories and policies out of kind order, with forms that fold together and pairs.
    static func mixedPages() -> [SearchIndex.Page] {
        let kinds: [SearchDocument.Kind] = [.story, .market, .story, .policy, .notice, .market, .story]
        return (0..<70).map { number in
            let kind = kinds[number % kinds.count]
            // Words, keys and pairs first met in the second half too: `files` takes each half's words
            // on a core of its own and joins the two.
            let late: [(String, UInt8)] = number >= 40 ? [("Sau\(number % 4)", 3), ("sâu", 1)] : []
            let words: [(String, UInt8)] = [("Hòa", 3), ("hoà", 1), ("Bình", 3), ("người", number % 5 == 0 ? 2 : 1),
                                            ("từ\(number % 9)", 1), ("đường", 2)] + late
            return SearchIndex.Page(kind: kind, kindLabel: "\(kind)", address: "trang/\(number)/", title: "Hòa Bình \(number)",
                                    snippet: "Đoạn \(number)", words: words,
                                    pairs: [(0, 2, 3), (1, 2, 1), (2, 3, 2), (4, 5, 1)] + (late.isEmpty ? [] : [(6, 7, 2), (5, 6, 1)]),
                                    firstTitleWord: late.isEmpty ? 0 : 6)
        }
    }
}
