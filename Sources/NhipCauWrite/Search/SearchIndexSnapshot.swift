import NhipCauCore
import NhipCauSite

extension SearchIndex {
    /// The index of one build before it is written, as the build cache keeps it: the next build
    /// carries over the words and documents of the pages it keeps (`Builder.init(carrying:)`) and
    /// adds only those it renders again, instead of taking every page's words apart once more.
    ///
    /// The files written from a carried index are those a build from nothing writes: vocabulary
    /// numbers never reach the files (keys, forms and postings are written in sorted order), and a
    /// list every page of which is gone is left out (`termShards`).
    public struct Snapshot: Sendable {
        /// Its lists are only read (`Vocabulary.carry`), never appended to: a decoded list does not know its lanes.
        let vocabulary: Vocabulary
        let documents: DocumentList
        /// Per position: the page's file in the site.
        public let paths: [String]
        /// The term shards the build wrote from this index, in order (`ShardReuse`); empty when not known.
        private(set) var shards: [ShardRecord] = []

        init(vocabulary: Vocabulary, documents: DocumentList, paths: [String]) {
            self.vocabulary = vocabulary
            self.documents = documents
            self.paths = paths
        }

        /// The snapshot with the term shards written from it (`Builder.shardsWritten`).
        public func with(shards: [ShardRecord]) -> Snapshot {
            var snapshot = self
            snapshot.shards = shards
            return snapshot
        }

        /// Writes the snapshot into `writer`, calling `spill` after each piece so that it can hand
        /// over what is written; false when `spill` did.
        public func encode(into writer: inout CacheBytesWriter, spill: (inout CacheBytesWriter) -> Bool) -> Bool {
            writer.integer(UInt32(paths.count))
            for position in paths.indices {
                writer.text(paths[position])
                if let document = documents.document(at: position) {
                    writer.integer(UInt8(document.kind))
                    writer.text(document.label)
                    writer.byteArray(Array(document.entry))
                } else {
                    writer.integer(UInt8.max)
                }
                guard spill(&writer) else { return false }
            }
            writer.integer(UInt32(vocabulary.keys.count))
            for key in vocabulary.keys { writer.text(key) }
            // Forms no page has any more are left out; their keys stay, with no form, and are not written.
            let forms = vocabulary.forms.indices.filter { !vocabulary.postings[$0].isEmpty }
            writer.integer(UInt32(forms.count))
            for form in forms {
                writer.text(vocabulary.forms[form])
                writer.integer(vocabulary.keyOfForm[form])
                writer.byteArray(vocabulary.postings[form].bytes)
                guard spill(&writer) else { return false }
            }
            writer.integer(UInt32(vocabulary.titleStarts.count))
            for (key, starts) in vocabulary.titleStarts {
                writer.integer(key)
                writer.integers(starts)
            }
            writer.integer(UInt32(vocabulary.pairs.values.count(where: { !$0.isEmpty })))
            for (pair, postings) in vocabulary.pairs where !postings.isEmpty {
                writer.integer(pair)
                writer.byteArray(postings.bytes)
                guard spill(&writer) else { return false }
            }
            writer.integer(UInt32(shards.count))
            for shard in shards {
                writer.text(shard.firstKey)
                writer.text(shard.lastKey)
                writer.integer(shard.fingerprint)
                writer.integer(UInt32(shard.byteCount))
            }
            return true
        }

        /// Nil unless every number in it points where it should: a page position, a key, a kind.
        public static func decode(from reader: inout CacheBytesReader) -> Snapshot? {
            guard let positions = reader.count() else { return nil }
            var paths: [String] = []
            paths.reserveCapacity(positions)
            var documents = DocumentList(positions: positions)
            for position in 0..<positions {
                guard let path = reader.text(), let kind = reader.integer(UInt8.self) else { return nil }
                paths.append(path)
                guard kind != UInt8.max else { continue }
                guard SearchDocument.Kind(rawValue: Int(kind)) != nil, let label = reader.text(),
                      let entry = reader.byteArray() else { return nil }
                documents.add(DocumentList.Document(entry: entry[...], kind: Int(kind), label: label), at: position)
            }
            guard let keyCount = reader.count() else { return nil }
            var keys: [String] = []
            keys.reserveCapacity(keyCount)
            for _ in 0..<keyCount {
                guard let key = reader.text() else { return nil }
                keys.append(key)
            }
            guard let formCount = reader.count() else { return nil }
            var forms: [String] = [], keyOfForm: [Int32] = [], postings: [PostingStream] = []
            forms.reserveCapacity(formCount)
            keyOfForm.reserveCapacity(formCount)
            postings.reserveCapacity(formCount)
            for _ in 0..<formCount {
                guard let form = reader.text(), let key = reader.integer(Int32.self), keys.indices.contains(Int(key)),
                      let bytes = reader.byteArray(), let list = PostingStream(bytes: bytes, positions: positions) else { return nil }
                forms.append(form)
                keyOfForm.append(key)
                postings.append(list)
            }
            guard let startCount = reader.count() else { return nil }
            var titleStarts: [Int32: [UInt32]] = [:]
            for _ in 0..<startCount {
                guard let key = reader.integer(Int32.self), keys.indices.contains(Int(key)), let starts: [UInt32] = reader.integers(),
                      starts.allSatisfy({ Int($0 >> 2) < positions }) else { return nil }
                titleStarts[key] = starts
            }
            guard let pairCount = reader.count() else { return nil }
            var pairs: [UInt64: PostingStream] = [:]
            pairs.reserveCapacity(pairCount)
            for _ in 0..<pairCount {
                guard let pair = reader.integer(UInt64.self), keys.indices.contains(Int(pair >> 32)),
                      keys.indices.contains(Int(pair & 0xFFFF_FFFF)),
                      let bytes = reader.byteArray(), let list = PostingStream(bytes: bytes, positions: positions) else { return nil }
                pairs[pair] = list
            }
            guard let shardCount = reader.count() else { return nil }
            var shards: [ShardRecord] = []
            shards.reserveCapacity(shardCount)
            for _ in 0..<shardCount {
                guard let firstKey = reader.text(), let lastKey = reader.text(), let fingerprint = reader.integer(UInt64.self),
                      let byteCount = reader.integer(UInt32.self) else { return nil }
                shards.append(ShardRecord(firstKey: firstKey, lastKey: lastKey, fingerprint: fingerprint, byteCount: Int(byteCount)))
            }
            let vocabulary = Vocabulary(forms: forms, keyOfForm: keyOfForm, keys: keys, postings: postings,
                                        titleStarts: titleStarts, pairs: pairs)
            return Snapshot(vocabulary: vocabulary, documents: documents, paths: paths).with(shards: shards)
        }
    }
}

private extension CacheBytesReader {
    /// A count of things still to read, each taking a byte at least.
    mutating func count() -> Int? {
        guard let count = integer(UInt32.self).map(Int.init), count <= remaining else { return nil }
        return count
    }
}
