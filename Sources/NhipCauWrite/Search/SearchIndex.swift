import NhipCauCore
import NhipCauSite

/// Write stage: the site search index under `tim-kiem/chi-muc/`, read by `assets/search.js`.
///
/// Files (all JSON, byte-identical across builds of the same content):
/// - `manifest.json`: `{"v": version, "n": documents, "c": documents per chunk, "k": kind labels,
///   "t": the first key of each term shard}`. The only file every search needs.
/// - `t/<i>.json`: shard `i`, `{"key": ["form", postings, …], …}` for a run of keys in sorted
///   (UTF-16) order, about `shardBytes` each, so a query fetches only the shards of its words.
///   A form equal to its key is written `""`. Postings: see `PostingList`.
/// - `d/<i>.json`: documents `i × c …`, each `[address from the site root, title, kind, snippet]`,
///   so showing ten results fetches at most ten small chunks.
///
/// Document numbers follow `SearchDocument.Kind` (markets first, stories last), then page order:
/// the script breaks ties by number.
public enum SearchIndex {
    /// What one page gives the index. Made on the render workers, so the serial part only merges.
    public struct Page: Sendable {
        let kind: SearchDocument.Kind
        let kindLabel: String
        /// The page's address from the site root; one page per address.
        public let address: String
        let title: String
        let snippet: String
        /// Each distinct word as written, with its best `SearchWords.Field`.
        let words: [(String, UInt8)]
    }

    /// A shard is closed once it holds this many bytes (one very common word may exceed it alone).
    static let shardBytes = 8 * 1024
    static let chunkSize = 8
    static let snippetLength = 140

    public static func page(_ document: SearchDocument, offline: Bool) -> Page {
        var words = PageWords()
        words.add(document.text, as: .text)
        words.add(document.summary, as: .summary)
        for context in document.context { words.add(context, as: .summary) }
        words.add(document.title, as: .title)
        let route = document.route
        let address = offline && route.isDirectory ? route.outputFile : Route.percentEncode(route.path)
        return Page(kind: document.kind, kindLabel: document.kindLabel, address: address, title: document.title,
                    snippet: snippet(document.summary.isBlank ? document.text : document.summary),
                    words: words.all)
    }

    /// Every file of the index: path from the site root → bytes.
    public static func files(_ pages: [Page]) -> [(path: String, bytes: [UInt8])] {
        let ordered = pages.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
        let vocabulary = Vocabulary(ordered)
        let shards = termShards(vocabulary)
        let chunks = stride(from: 0, to: ordered.count, by: chunkSize).map { start in
            documentChunk(ordered[start..<min(start + chunkSize, ordered.count)])
        }
        var hash = FNV1a()
        for file in shards.map(\.bytes) + chunks { hash.add(file) }
        let folder = Routes.searchIndex.path
        var files = [(folder + "manifest.json", manifest(version: hash.hex, documents: ordered, firstKeys: shards.map(\.firstKey)))]
        files += shards.enumerated().map { (folder + "t/\($0.offset).json", $0.element.bytes) }
        files += chunks.enumerated().map { (folder + "d/\($0.offset).json", $0.element) }
        return files
    }

    /// Every distinct form of every word, with the documents it is on.
    struct Vocabulary {
        var forms: [String] = []
        var keys: [String] = []
        /// Per form: `doc << 2 | field`, sorted by document.
        var postings: [[UInt32]] = []

        init(_ pages: [Page]) {
            var formOfWord: [String: Int32] = [:]
            var formNumbers: [String: Int32] = [:]
            for (doc, page) in pages.enumerated() {
                for (word, field) in page.words {
                    let form: Int32
                    if let known = formOfWord[word] {
                        form = known
                    } else {
                        form = add(word, &formNumbers)
                        formOfWord[word] = form
                    }
                    guard form >= 0 else { continue }
                    let posting = UInt32(doc) << 2 | UInt32(field)
                    let number = Int(form)
                    // Two spellings of one form on a page ("Hòa", "hoà") make one posting with the better field.
                    if let last = postings[number].last, last >> 2 == UInt32(doc) {
                        if posting > last { postings[number][postings[number].count - 1] = posting }
                    } else {
                        postings[number].append(posting)
                    }
                }
            }
        }

        /// The form number of a word not seen before; -1 for a word with no key (marks alone).
        private mutating func add(_ word: String, _ formNumbers: inout [String: Int32]) -> Int32 {
            let key = VietnameseText.fold(word)
            guard !key.isEmpty else { return -1 }
            let form = VietnameseText.toneCanonical(word)
            if let known = formNumbers[form] { return known }
            let number = Int32(forms.count)
            forms.append(form)
            keys.append(key)
            postings.append([])
            formNumbers[form] = number
            return number
        }
    }

    struct Shard {
        let firstKey: String
        let bytes: [UInt8]
    }

    /// Keys in UTF-16 order (the order of JavaScript's `<`), packed into shards of about `shardBytes`.
    static func termShards(_ vocabulary: Vocabulary) -> [Shard] {
        var formsOfKey: [String: [Int]] = [:]
        for (number, key) in vocabulary.keys.enumerated() { formsOfKey[key, default: []].append(number) }
        let sortedKeys = formsOfKey.keys.sorted(by: utf16Order)
        var shards: [Shard] = []
        var current: [UInt8] = []
        var firstKey = ""
        for key in sortedKeys {
            var entry: [UInt8] = []
            JSONText.append(key, to: &entry)
            entry.append(contentsOf: Array(":[".utf8))
            let forms = formsOfKey[key, default: []].sorted { utf16Order(vocabulary.forms[$0], vocabulary.forms[$1]) }
            for (position, number) in forms.enumerated() {
                if position > 0 { entry.append(UInt8(ascii: ",")) }
                let form = vocabulary.forms[number]
                JSONText.append(form == key ? "" : form, to: &entry)
                entry.append(contentsOf: Array(",\"".utf8))
                PostingList.encode(vocabulary.postings[number], into: &entry)
                entry.append(UInt8(ascii: "\""))
            }
            entry.append(UInt8(ascii: "]"))
            if !current.isEmpty && current.count + entry.count > shardBytes {
                shards.append(Shard(firstKey: firstKey, bytes: current + [UInt8(ascii: "}")]))
                current = []
            }
            if current.isEmpty {
                firstKey = key
                current = [UInt8(ascii: "{")]
            } else {
                current.append(UInt8(ascii: ","))
            }
            current += entry
        }
        shards.append(Shard(firstKey: firstKey, bytes: current.isEmpty ? Array("{}".utf8) : current + [UInt8(ascii: "}")]))
        return shards
    }

    static func utf16Order(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    static func documentChunk(_ pages: ArraySlice<Page>) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, page) in pages.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            JSONText.append(page.address, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            JSONText.append(page.title, to: &bytes)
            bytes += Array(",\(page.kind.rawValue),".utf8)
            JSONText.append(page.snippet, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    static func manifest(version: String, documents: [Page], firstKeys: [String]) -> [UInt8] {
        var labels = Array(repeating: "", count: SearchDocument.Kind.allCases.count)
        for page in documents where labels[page.kind.rawValue].isEmpty { labels[page.kind.rawValue] = page.kindLabel }
        var bytes = Array("{\"v\":\"\(version)\",\"n\":\(documents.count),\"c\":\(chunkSize),\"k\":".utf8)
        JSONText.appendArray(labels, to: &bytes)
        bytes += Array(",\"t\":".utf8)
        JSONText.appendArray(firstKeys, to: &bytes)
        bytes += Array("}\n".utf8)
        return bytes
    }

    /// The summary (or the start of the text) on one line, cut after a word, at most `snippetLength`
    /// scalars (characters, for Vietnamese in NFC). Scalars, not `Character`s: grapheme breaking was slow.
    static func snippet(_ text: String) -> String {
        var snippet = String.UnicodeScalarView()
        var length = 0
        var lastWordEnd = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars.prefix(snippetLength * 2) {
            if scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                pendingSpace = length > 0
                continue
            }
            if pendingSpace {
                lastWordEnd = length
                snippet.append(" ")
                length += 1
                pendingSpace = false
            }
            snippet.append(scalar)
            length += 1
            if length > snippetLength {
                var cut = String.UnicodeScalarView()
                cut.append(contentsOf: snippet.prefix(lastWordEnd > 0 ? lastWordEnd : snippetLength))
                return String(cut) + "…"
            }
        }
        return String(snippet)
    }
}

/// Strings as JSON, escaping only what JSON requires.
enum JSONText {
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: bytes += Array("\\u00".utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    static func appendArray(_ texts: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (position, text) in texts.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            append(text, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}

/// 64-bit FNV-1a: the index's version, so a browser never mixes files of two builds.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
