import Foundation
import NhipCauCore
import NhipCauSite

extension SearchIndex {
    /// The index made one page at a time, pages coming in any order, each with its position in the
    /// site's page list: a page's words go into the vocabulary as it comes and need not be kept,
    /// which for a site of 100,000 stories is some 200 MB less at the build's peak.
    public struct Builder {
        private var vocabulary = Vocabulary()
        private var documents: DocumentList
        /// The documents and term shards of the build carried over (`init(carrying:)`).
        private var carriedDocuments: DocumentList?
        private var carriedShards: [ShardRecord] = []
        /// The term shards `write` wrote or kept, for the next build's snapshot (`Snapshot.with(shards:)`).
        public private(set) var shardsWritten: [ShardRecord] = []

        /// `positions`: how many pages the site has; each page added has a position below it.
        public init(positions: Int) {
            documents = DocumentList(positions: positions)
        }

        public mutating func add(_ page: Page, at position: Int) {
            // Each position is added once: the workers render each page once.
            guard documents.add(page, at: position) else { return }
            vocabulary.add(page, position: UInt32(position))
        }

        /// The index as the pages added so far make it, before `write`, for the next build to carry
        /// over (`init(carrying:)`). `paths`: per position, the page's file in the site.
        public func snapshot(paths: [String]) -> Snapshot {
            Snapshot(vocabulary: vocabulary, documents: documents, paths: paths)
        }

        /// The index of a build whose site has `positions` pages, holding the documents and words of
        /// the pages `snapshot` had that `newPosition` gives a place (from its position and path in the
        /// snapshot; nil: the page is gone or will be added again). What `write` then writes is what
        /// adding every page to a new builder writes.
        public init(carrying snapshot: Snapshot, positions: Int, newPosition: (_ old: Int, _ path: String) -> Int?) {
            var map = [Int32](repeating: -1, count: snapshot.documents.positions)
            var documents = DocumentList(positions: positions)
            for (old, path) in snapshot.paths.enumerated() {
                guard let document = snapshot.documents.document(at: old), let new = newPosition(old, path),
                      (0..<positions).contains(new) else { continue }
                map[old] = Int32(new)
                documents.add(document, at: new)
            }
            vocabulary = snapshot.vocabulary
            vocabulary.carry(map)
            self.documents = documents
            carriedDocuments = snapshot.documents
            carriedShards = snapshot.shards
        }

        /// Adds `pages` at positions 0, 1, 2… to a builder with no page yet: their words in two halves at once, a core each, the
        /// second half's vocabulary then appended to the first's (`Vocabulary.append`), which gives
        /// the bytes adding them one by one gives (`serve` makes its index from every page's entry this way).
        mutating func add(_ pages: [Page]) {
            for (position, page) in pages.enumerated() {
                // Each position is added once.
                _ = documents.add(page, at: position)
            }
            let half = pages.count / 2
            let halves = [0..<half, half..<pages.count].parallelMap { range -> Vocabulary in
                var vocabulary = Vocabulary()
                for position in range { vocabulary.add(pages[position], position: UInt32(position)) }
                return vocabulary
            }
            vocabulary = halves[0]
            vocabulary.append(halves[1])
        }

        /// Every file of the index, path from the site root → bytes, handed to `sink` a batch at a
        /// time (the manifest last), so the files need not all be in memory together.
        ///
        /// `keep`, for a builder carried over: whether the file at a path is kept as the published
        /// site has it, when its bytes would have the fingerprint given. A term shard of the carried
        /// build none of whose entries changed is then kept without being made, nor handed to `sink`.
        public mutating func write<Failure: Error>(
            batchesOf batchSize: Int = 512,
            keep: ((_ path: String, _ fingerprint: UInt64) -> Bool)? = nil,
            to sink: ([(path: String, bytes: [UInt8])]) throws(Failure) -> Void
        ) throws(Failure) {
            let order = documents.order()
            vocabulary.renumber(documentOf: documents.documentNumbers(order))
            let folder = Routes.searchIndex.path
            let shardPath = { (number: Int) in folder + "t/\(number).json" }
            // The version: every file's fingerprint in turn, so that a kept shard counts without its bytes.
            var hash = FNV1a()
            var starts: [String] = []
            var largestShard = 0
            var previousLastKey: String?
            var batch: [(path: String, bytes: [UInt8])] = []
            var failure: Failure?
            var records: [ShardRecord] = []
            let reuse = keep.flatMap { keep -> ShardReuse? in
                // Entries hold document numbers: only when every document keeps its number can one stay as it was.
                guard let carriedDocuments, carriedDocuments.numbersDocumentsAs(documents) else { return nil }
                return ShardReuse(previous: carriedShards) { keep(shardPath($0), $1.fingerprint) }
            }
            // Each shard written as it is made: the shards of a large site are tens of megabytes.
            termShards(vocabulary, reusing: reuse) { output in
                let record: ShardRecord
                switch output {
                case .kept(let kept):
                    record = kept
                case .made(let shard):
                    record = ShardRecord(firstKey: shard.firstKey, lastKey: shard.lastKey,
                                         fingerprint: Fingerprint.of(shard.bytes), byteCount: shard.bytes.count)
                    batch.append((shardPath(records.count), shard.bytes))
                }
                hash.add(record.fingerprint)
                starts.append(SearchIndex.separator(firstKey: record.firstKey, afterKey: previousLastKey))
                largestShard = max(largestShard, record.byteCount)
                previousLastKey = record.lastKey
                records.append(record)
                guard batch.count >= batchSize, failure == nil else { return }
                do throws(Failure) { try sink(batch) } catch { failure = error }
                batch = []
            }
            if let failure { throw failure }
            shardsWritten = records
            vocabulary = Vocabulary()
            var largestChunk = 0
            for (number, start) in stride(from: 0, to: order.count, by: chunkSize).enumerated() {
                let chunk = documents.chunk(order[start..<min(start + chunkSize, order.count)])
                hash.add(Fingerprint.of(chunk))
                largestChunk = max(largestChunk, chunk.count)
                batch.append((folder + "d/\(number).json", chunk))
                if batch.count == batchSize {
                    try sink(batch)
                    batch = []
                }
            }
            if !batch.isEmpty { try sink(batch) }
            let limits = Limits(largestShard: largestShard, largestChunk: order.isEmpty ? 2 : largestChunk)
            let labels = documents.kindLabels()
            var manifest = manifest(version: hash.hex, documents: order.count, labels: labels, budget: queryBudget,
                                    limits: limits, starts: starts)
            if manifest.count > manifestAllowance {
                let budget = queryBudget - (manifest.count - manifestAllowance)
                manifest = SearchIndex.manifest(version: hash.hex, documents: order.count, labels: labels, budget: budget,
                                         limits: limits, starts: starts)
            }
            try sink([(folder + "manifest.json", manifest)])
        }
    }

    /// A `Builder` that render workers add to at the same time.
    public final class SharedBuilder: @unchecked Sendable {
        private let lock = NSLock()
        private var builder: Builder?

        public init(positions: Int) {
            builder = Builder(positions: positions)
        }

        public func add(_ page: Page, at position: Int) {
            lock.withLock { builder?.add(page, at: position) }
        }

        /// The builder with every page added so far; later pages are not added.
        public func finished() -> Builder {
            // Taken, not copied: a copy would share the tables, and `write` changing them would copy them all.
            lock.withLock { builder.take() ?? Builder(positions: 0) }
        }
    }

    /// What the `d/` chunks and the manifest need of each document, by page position: its kind, and
    /// its entry `[address,title,kind,snippet]` in blocks of about a megabyte (not an array per page).
    struct DocumentList {
        private static let absent = UInt8.max
        private static let blockSize = 1 << 20
        private var kinds: [UInt8]
        private var places: [Place]
        private var blocks: [[UInt8]] = []
        /// Per position: its page's kind label (`kindLabels`).
        private var labels: [String]

        private struct Place {
            var block: UInt32 = 0
            var start: UInt32 = 0
            var end: UInt32 = 0
        }

        init(positions: Int) {
            kinds = [UInt8](repeating: Self.absent, count: positions)
            places = [Place](repeating: Place(), count: positions)
            labels = [String](repeating: "", count: positions)
        }

        /// Records the page; false when its position is not in the list.
        mutating func add(_ page: Page, at position: Int) -> Bool {
            add(SearchIndex.documentEntry(page), kind: page.kind.rawValue, label: page.kindLabel, at: position)
        }

        /// A document's entry (`documentEntry`), kind and kind label.
        struct Document {
            let entry: ArraySlice<UInt8>
            let kind: Int
            let label: String
        }

        /// The document at `position`, if there is one.
        func document(at position: Int) -> Document? {
            guard kinds[position] != Self.absent else { return nil }
            let place = places[position]
            return Document(entry: blocks[Int(place.block)][Int(place.start)..<Int(place.end)], kind: Int(kinds[position]),
                            label: labels[position])
        }

        var positions: Int { kinds.count }

        mutating func add(_ document: Document, at position: Int) {
            _ = add(document.entry, kind: document.kind, label: document.label, at: position)
        }

        private mutating func add<Entry: Collection<UInt8>>(_ entry: Entry, kind: Int, label: String, at position: Int) -> Bool {
            guard kinds.indices.contains(position) else { return false }
            kinds[position] = UInt8(kind)
            if blocks.isEmpty || blocks[blocks.count - 1].count + entry.count > blocks[blocks.count - 1].capacity {
                var block: [UInt8] = []
                block.reserveCapacity(max(Self.blockSize, entry.count))
                blocks.append(block)
            }
            let start = blocks[blocks.count - 1].count
            blocks[blocks.count - 1].append(contentsOf: entry)
            places[position] = Place(block: UInt32(blocks.count - 1), start: UInt32(start), end: UInt32(start + entry.count))
            labels[position] = label
            return true
        }

        /// Whether each document here has the number it has in `other` (`order`): the same kinds at the same positions.
        func numbersDocumentsAs(_ other: DocumentList) -> Bool {
            kinds == other.kinds
        }

        /// The positions of the documents in index order: by kind, then by position.
        func order() -> [Int] {
            kinds.indices.filter { kinds[$0] != Self.absent }.sorted { (kinds[$0], $0) < (kinds[$1], $1) }
        }

        /// Per position, its document's number (for positions with no document, 0).
        func documentNumbers(_ order: [Int]) -> [UInt32] {
            var numbers = [UInt32](repeating: 0, count: kinds.count)
            for (number, position) in order.enumerated() { numbers[position] = UInt32(number) }
            return numbers
        }

        func kindLabels() -> [String] {
            // Per kind, the label of its first page that has one.
            var labels = Array(repeating: "", count: SearchDocument.Kind.allCases.count)
            for (position, kind) in kinds.enumerated() where kind != Self.absent && labels[Int(kind)].isEmpty {
                labels[Int(kind)] = self.labels[position]
            }
            return labels
        }

        func chunk(_ positions: ArraySlice<Int>) -> [UInt8] {
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            for (index, position) in positions.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                let place = places[position]
                bytes += blocks[Int(place.block)][Int(place.start)..<Int(place.end)]
            }
            bytes.append(UInt8(ascii: "]"))
            return bytes
        }
    }
}
