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

    @Test func aCarriedIndexKeepsTheShardsNoEditReachedAndWritesWhatABuildFromNothingWrites() {
        var pages = Self.manyWordedPages(count: 400)
        var published = Self.written(Self.fresh(pages))
        var snapshot = Self.fresh(pages).snapshotAndShards
        // Each carried from the build before: new words on a page; a word another page has; a word
        // taken off (its list left empty).
        for (position, words) in [(37, ["mới", "lạ"]), (250, ["khác"]), (100, ["từ5x0"]), (37, ["lạ"])] {
            pages[position] = Self.page(position, extra: words)
            var builder = SearchIndex.Builder(carrying: snapshot, positions: pages.count) { _, path in
                path == Self.path(position) ? nil : Int(path.dropFirst(6).prefix(while: \.isNumber))
            }
            builder.add(pages[position], at: position)
            var kept: [String] = []
            var made: [String: [UInt8]] = [:]
            let next = builder.snapshot(paths: pages.indices.map(Self.path))
            builder.write(keep: { path, fingerprint in
                guard let bytes = published[path], Fingerprint.of(bytes) == fingerprint else { return false }
                kept.append(path)
                return true
            }) { files in for file in files { made[file.path] = file.bytes } }
            let expected = Self.written(Self.fresh(pages))
            #expect(made.merging(kept.map { ($0, published[$0] ?? []) }, uniquingKeysWith: { $1 }) == expected)
            let shards = expected.keys.count(where: { $0.contains("/t/") })
            #expect(shards >= 8 && kept.count * 4 >= shards * 3, "\(kept.count) of \(shards) shards kept; made \(made.keys.filter { $0.contains("/t/") }.sorted())")
            #expect(made.keys.count(where: { $0.contains("/t/") }) + kept.count == shards)
            published = expected
            snapshot = next.with(shards: builder.shardsWritten)
        }
    }

    @Test func aPageLeavingTheIndexRenumbersTheDocumentsAfterItAndNoShardIsKept() {
        var pages: [SearchIndex.Page?] = Self.manyWordedPages(count: 300)
        let published = Self.written(Self.fresh(pages))
        let snapshot = Self.fresh(pages).snapshotAndShards
        // Rendered again with no search entry (a story become a draft): the pages after it keep their
        // places, their documents each take the number before.
        pages[5] = nil
        var builder = SearchIndex.Builder(carrying: snapshot, positions: pages.count) { _, path in
            path == Self.path(5) ? nil : Int(path.dropFirst(6).prefix(while: \.isNumber))
        }
        var offered = 0
        var made: [String: [UInt8]] = [:]
        builder.write(keep: { path, fingerprint in
            offered += 1
            return published[path].map(Fingerprint.of) == fingerprint
        }) { files in for file in files { made[file.path] = file.bytes } }
        #expect(offered == 0, "no shard was even offered")
        #expect(made == Self.written(Self.fresh(pages)))
    }

    @Test func aShardClosedBeforeALongEntryIsMadeAgainWhenThatEntryGoes() throws {
        // Some pages have a long word of their own, among their other words: a shard that fills up closes before one.
        let long = { (number: Int) in number % 7 == 0 ? ["từ\(number)x9" + String(repeating: "a", count: 800)] : [] }
        var pages: [SearchIndex.Page?] = (0..<300).map { Self.page($0, extra: long($0)) }
        let first = Self.fresh(pages)
        let published = Self.written(first)
        let shards = first.snapshotAndShards.shards
        // A shard that is followed by a long word's entry and would have room for a short one.
        let closedByLongWord = try #require(shards.indices.dropLast().first { index in
            shards[index + 1].firstKey.utf8.count > 500
                && shards[index].byteCount + 40 < SearchIndex.shardBytes
        })
        let number = try #require(Int(shards[closedByLongWord + 1].firstKey.dropFirst(2).prefix(while: \.isNumber)))
        // The long word taken off: the next entry, a short one, is the first that may follow the shard.
        pages[number] = Self.page(number)
        var builder = SearchIndex.Builder(carrying: first.snapshotAndShards, positions: pages.count) { _, path in
            path == Self.path(number) ? nil : Int(path.dropFirst(6).prefix(while: \.isNumber))
        }
        builder.add(try #require(pages[number]), at: number)
        var kept: [String] = []
        var made: [String: [UInt8]] = [:]
        builder.write(keep: { path, fingerprint in
            guard let bytes = published[path], Fingerprint.of(bytes) == fingerprint else { return false }
            kept.append(path)
            return true
        }) { files in for file in files { made[file.path] = file.bytes } }
        #expect(!kept.isEmpty)
        #expect(!kept.contains(Routes.searchIndex.path + "t/\(closedByLongWord).json"), "the shard before the entry that shrank")
        #expect(made.merging(kept.map { ($0, published[$0] ?? []) }, uniquingKeysWith: { $1 }) == Self.written(Self.fresh(pages)))
    }

    private static func path(_ position: Int) -> String { "trang/\(position)/index.html" }

    /// A page with words of its own (so that the index has many shards) and words shared by all.
    private static func page(_ number: Int, extra: [String] = []) -> SearchIndex.Page {
        let own = (0..<6).map { ("từ\(number)x\($0)", UInt8(1)) }
        let words = [("Hòa", UInt8(3)), ("Bình", 3)] + own + extra.map { ($0, UInt8(1)) }
        return SearchIndex.Page(kind: number % 3 == 0 ? .market : .story, kindLabel: "k", address: "trang/\(number)/",
                                title: "Hòa Bình \(number)", snippet: "Đoạn \(number)", words: words,
                                pairs: [(0, 1, 3), (2, 3, 1)], firstTitleWord: 0)
    }

    private static func manyWordedPages(count: Int) -> [SearchIndex.Page] {
        (0..<count).map { page($0) }
    }

    /// The index of `pages` made from nothing; a nil page is a position with no search entry.
    private static func fresh(_ pages: [SearchIndex.Page?]) -> (files: [(path: String, bytes: [UInt8])], snapshotAndShards: SearchIndex.Snapshot) {
        var builder = SearchIndex.Builder(positions: pages.count)
        for (position, page) in pages.enumerated() { if let page { builder.add(page, at: position) } }
        let snapshot = builder.snapshot(paths: pages.indices.map(path))
        var files: [(path: String, bytes: [UInt8])] = []
        builder.write { files += $0 }
        return (files, snapshot.with(shards: builder.shardsWritten))
    }

    private static func written(_ build: (files: [(path: String, bytes: [UInt8])], snapshotAndShards: SearchIndex.Snapshot)) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: build.files.map { ($0.path, $0.bytes) })
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
