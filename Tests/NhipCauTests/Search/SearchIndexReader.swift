import Foundation
import Testing

/// Reads a built search index (`tim-kiem/chi-muc/`) the way `assets/search.js` does, so the
/// writer is checked on its own; `BrowserSearchTests` checks the script on the same files.
struct SearchIndexReader {
    struct Document: Equatable {
        let address: String
        let title: String
        let kind: Int
        let snippet: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let folder: URL
    let version: String
    let count: Int
    let chunkSize: Int
    let kindLabels: [String]
    /// Where each shard starts (`t`): a start of its first key that sorts after the previous shard's last key.
    let firstKeys: [String]
    /// `b`, `s`, `m`: what one search may fetch besides the manifest, the largest shard, the largest chunk.
    let budget: Int
    let largestShard: Int
    let largestChunk: Int
    /// What must live as long as the reader (the temporary site it reads).
    var owner: AnyObject?

    init(site: URL) throws {
        folder = site.appendingPathComponent("tim-kiem/chi-muc")
        guard let manifest = try Self.json(folder.appendingPathComponent("manifest.json")) as? [String: Any],
              let version = manifest["v"] as? String, let count = manifest["n"] as? Int, let chunkSize = manifest["c"] as? Int,
              let kindLabels = manifest["k"] as? [String], let firstKeys = manifest["t"] as? [String],
              let budget = manifest["b"] as? Int, let largestShard = manifest["s"] as? Int, let largestChunk = manifest["m"] as? Int else {
            throw Failure(description: "manifest.json lacks v, n, c, b, s, m, k or t")
        }
        (self.version, self.count, self.chunkSize, self.kindLabels, self.firstKeys) = (version, count, chunkSize, kindLabels, firstKeys)
        (self.budget, self.largestShard, self.largestChunk) = (budget, largestShard, largestChunk)
    }

    /// Index files as `SearchIndex.files` makes them, written into a temporary folder for reading.
    init(files: [(path: String, bytes: [UInt8])]) throws {
        let folder = try TemporaryFolder("index")
        for file in files {
            let url = folder.url.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        try self.init(site: folder.url)
        owner = folder
    }

    /// The sizes the script counts on: every shard within `s` (and the writer's limit), every chunk
    /// within `m`, and room in `b` for a shard per word of the longest query beside a page of results.
    func expectShardsWithinLimits(sourceLocation: SourceLocation = #_sourceLocation) throws {
        for number in firstKeys.indices {
            let size = try Data(contentsOf: folder.appendingPathComponent("t/\(number).json")).count
            #expect(size <= largestShard && size <= 4096, "t/\(number).json: \(size) bytes", sourceLocation: sourceLocation)
        }
        for number in 0..<(count + chunkSize - 1) / chunkSize {
            let size = try Data(contentsOf: folder.appendingPathComponent("d/\(number).json")).count
            #expect(size <= largestChunk, "d/\(number).json: \(size) bytes", sourceLocation: sourceLocation)
        }
        #expect((budget - 10 * largestChunk) / largestShard >= 8, "room for 8 words", sourceLocation: sourceLocation)
    }

    static func json(_ url: URL) throws -> Any {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Failure(description: "missing \(url.path)") }
        return try JSONSerialization.jsonObject(with: data)
    }

    static func utf16Less(_ lhs: String, _ rhs: String) -> Bool { lhs.utf16.lexicographicallyPrecedes(rhs.utf16) }

    /// The shard that holds `key`, if any shard does: the last one whose start is not after it.
    func shardNumber(for key: String) -> Int {
        firstKeys.lastIndex { !Self.utf16Less(key, $0) } ?? 0
    }

    /// key → [form or "", postings, form or "", postings, …]
    func shard(_ number: Int) throws -> [String: [String]] {
        guard let shard = try Self.json(folder.appendingPathComponent("t/\(number).json")) as? [String: [String]] else {
            throw Failure(description: "t/\(number).json is not an object of string arrays")
        }
        return shard
    }

    /// form → documents with their field (1 text, 2 summary, 3 title) for one key: a folded word,
    /// `word ` (titles beginning with it) or `word next` (neighbours). Forms `*` (every form together)
    /// and `~` (a word on nearly every page: only its titles and summaries) are kept as they are.
    func postings(of key: String) throws -> [String: [Posting]] {
        guard let entry = try shard(shardNumber(for: key))[key] else { return [:] }
        var forms: [String: [Posting]] = [:]
        for index in stride(from: 0, to: entry.count, by: 2) {
            forms[entry[index].isEmpty ? key : entry[index]] = try Self.decode(entry[index + 1])
        }
        return forms
    }

    /// Documents that hold `key` in any form, with their best field.
    func documents(with key: String) throws -> [Int: Int] {
        var found: [Int: Int] = [:]
        for posting in try postings(of: key).values.flatMap({ $0 }) { found[posting.doc] = max(found[posting.doc] ?? 0, posting.field) }
        return found
    }

    func document(_ number: Int) throws -> Document {
        guard let chunk = try Self.json(folder.appendingPathComponent("d/\(number / chunkSize).json")) as? [[Any]],
              number % chunkSize < chunk.count else { throw Failure(description: "no document \(number)") }
        let record = chunk[number % chunkSize]
        guard record.count == 4, let address = record[0] as? String, let title = record[1] as? String,
              let kind = record[2] as? Int, let snippet = record[3] as? String else {
            throw Failure(description: "document \(number) is not [address, title, kind, snippet]")
        }
        return Document(address: address, title: title, kind: kind, snippet: snippet)
    }

    func allDocuments() throws -> [Document] { try (0..<count).map(document) }

    struct Posting: Equatable {
        let doc: Int
        let field: Int
    }

    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// The two encodings described in `PostingList`.
    static func decode(_ list: String) throws -> [Posting] {
        let values = try list.map { character -> Int in
            if character == "*" { return -1 }
            guard let value = digits.firstIndex(of: character) else { throw Failure(description: "bad digit \(character) in \(list)") }
            return value
        }
        var at = 0
        func number() throws -> Int {
            var value = 0, scale = 1
            while true {
                guard at < values.count else { throw Failure(description: "varint runs off the end of \(list)") }
                let digit = values[at]
                at += 1
                value += (digit & 31) * scale
                scale *= 32
                if digit & 32 == 0 { return value }
            }
        }
        var postings: [Posting] = []
        if values.first == -1 {
            at = 1
            var doc = try number()
            for digit in values[at...] {
                for slot in 0..<3 {
                    let field = digit >> (2 * slot) & 3
                    if field > 0 { postings.append(Posting(doc: doc, field: field)) }
                    doc += 1
                }
            }
        } else {
            var doc = -1
            while at < values.count {
                let value = try number()
                doc += value / 3 + 1
                postings.append(Posting(doc: doc, field: value % 3 + 1))
            }
        }
        return postings
    }
}
