import NhipCauCore
import NhipCauSite

/// Write stage: the site search index under `tim-kiem/chi-muc/`, read by `assets/search.js`.
///
/// Files (all JSON, byte-identical across builds of the same content):
/// - `manifest.json`: `{"v": version, "n": documents, "c": documents per chunk, "b": bytes of shards
///   and chunks one search may fetch, "s": the largest shard's bytes, "m": the largest chunk's bytes,
///   "k": kind labels, "t": where each term shard starts}`. The only file every search needs.
/// - `t/<i>.json`: shard `i`, `{"key": [form, postings, …], …}` for a run of keys in sorted (UTF-16)
///   order, at most `shardBytes` each, so a query fetches only the shards of its words. `t[i]` is
///   the shortest start of shard `i`'s first key that sorts after the previous shard's last key.
///   Three kinds of key, each next to its first word in that order:
///   - a folded word (`nhat`): its forms; a form equal to the key is written `""`; postings: see `PostingList`;
///   - a word and a space (`nhat `): the pages whose title begins with that word;
///   - two words (`nhat ban`): the pages where they stand side by side in the title (field 3), the
///     summary, market, area or topics (2), or, on pages other than stories, the text (1).
///   A key is never longer than a shard: a word on too many pages for that keeps one list for all its
///   forms (form `"*"`) and the lists of its rarer forms that still fit; past that, only its pages
///   with the word in a title or summary (form `"~"`: "on nearly every page", so it no longer narrows
///   a search). Pairs and title starts over the limit keep their titles and summaries, or are left out.
/// - `d/<i>.json`: documents `i × c …`, each `[address from the site root, title, kind, snippet]`.
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
        /// Each distinct word as written, its UTF-8 bytes followed by its best `SearchWords.Field`
        /// (1–3, a byte no word holds): a third of the memory of `[(String, UInt8)]`, and every
        /// page's words are held until the index is written (see `words`).
        let packedWords: [UInt8]
        /// Neighbouring words as `first << 32 | second << 2 | field` (see `pairs`).
        let packedPairs: [UInt64]
        /// The title's first word (a number into `words`), or -1.
        let firstTitleWord: Int32

        init(kind: SearchDocument.Kind, kindLabel: String, address: String, title: String, snippet: String,
             words: [(String, UInt8)], pairs: [(Int32, Int32, UInt8)], firstTitleWord: Int32) {
            var packed: [UInt8] = []
            packed.reserveCapacity(words.reduce(0) { $0 + $1.0.utf8.count + 1 })
            for (word, field) in words {
                packed.append(contentsOf: word.utf8)
                packed.append(field)
            }
            self.init(kind: kind, kindLabel: kindLabel, address: address, title: title, snippet: snippet,
                      packedWords: packed, packedPairs: pairs.map(Self.pack), firstTitleWord: firstTitleWord)
        }

        init(kind: SearchDocument.Kind, kindLabel: String, address: String, title: String, snippet: String,
             packedWords: [UInt8], packedPairs: [UInt64], firstTitleWord: Int32) {
            self.kind = kind
            self.kindLabel = kindLabel
            self.address = address
            self.title = title
            self.snippet = snippet
            self.packedWords = packedWords
            self.packedPairs = packedPairs
            self.firstTitleWord = firstTitleWord
        }

        /// Each distinct word as written, with its best `SearchWords.Field`.
        var words: [(String, UInt8)] {
            var words: [(String, UInt8)] = []
            forEachWord { words.append(($0, $1)) }
            return words
        }

        /// Calls `body` with each word, in order, and its field.
        func forEachWord(_ body: (String, UInt8) -> Void) {
            var start = 0
            for (index, byte) in packedWords.enumerated() where byte <= SearchWords.Field.title.rawValue {
                body(String(decoding: packedWords[start..<index], as: UTF8.self), byte)
                start = index + 1
            }
        }

        /// Neighbouring words (numbers into `words`) with the best field they stand together in.
        var pairs: [(Int32, Int32, UInt8)] {
            packedPairs.map { (Int32(truncatingIfNeeded: $0 >> 32), Int32(truncatingIfNeeded: ($0 >> 2) & 0x3FFF_FFFF), UInt8($0 & 3)) }
        }

        static func pack(_ pair: (Int32, Int32, UInt8)) -> UInt64 {
            UInt64(UInt32(pair.0)) << 32 | UInt64(UInt32(pair.1) & 0x3FFF_FFFF) << 2 | UInt64(pair.2 & 3)
        }
    }

    /// No shard file is larger (one key alone included), so a search can count what it fetches.
    static let shardBytes = 4 * 1024
    static let chunkSize = 4
    static let snippetLength = 140
    /// What one search may fetch besides the manifest: term shards and the chunks of the ten results
    /// it shows. A manifest over `manifestAllowance` (a site of some 12,000 pages or more) takes its
    /// excess from this, so that search page + stylesheet + script + 4 KB + 72 KB bounds every first
    /// search: under 100 KB while page, stylesheet and script stay under 24 KB (`SearchBudgetTests`
    /// and the quality gate add them up).
    public static let queryBudget = 72 * 1024
    static let manifestAllowance = 4 * 1024

    public static func page(_ document: SearchDocument, offline: Bool) -> Page {
        var words = PageWords()
        words.add(document.text, as: .text, pairs: document.kind != .story)
        words.add(document.summary, as: .summary, pairs: true)
        for context in document.context { words.add(context, as: .summary, pairs: true) }
        words.add(document.title, as: .title, pairs: true)
        let route = document.route
        let address = offline && route.isDirectory ? route.outputFile : Route.percentEncode(route.path)
        return Page(kind: document.kind, kindLabel: document.kindLabel, address: address, title: document.title,
                    snippet: snippet(document.summary.isBlank ? document.text : document.summary),
                    packedWords: words.packed, packedPairs: words.pairs.map(Page.pack), firstTitleWord: words.firstTitleWord)
    }

    /// Every file of the index: path from the site root → bytes.
    public static func files(_ pages: [Page]) -> [(path: String, bytes: [UInt8])] {
        var builder = Builder(positions: pages.count)
        builder.add(pages)
        var files: [(path: String, bytes: [UInt8])] = []
        builder.write { files += $0 }
        let manifest = files.removeLast()
        return [manifest] + files
    }

    struct Limits {
        let largestShard: Int
        let largestChunk: Int
    }

    /// Every distinct form of every word, with the documents it is on; pairs of neighbouring words
    /// and title starts by folded key.
    struct Vocabulary {
        var forms: [String] = []
        /// Per form: its folded key's number.
        var keyOfForm: [Int32] = []
        var keys: [String] = []
        /// Per form: the pages it is on, with its best field on each.
        var postings: [PostingStream] = []
        /// Per key: the documents whose title begins with it, `doc << 2 | 3` sorted (page positions before `renumber`).
        var titleStarts: [Int32: [UInt32]] = [:]
        /// `first key << 32 | second key` → the pages where they stand side by side, with the best field.
        var pairs: [UInt64: PostingStream] = [:]
        /// Per page position, its document's number (`renumber`).
        private(set) var documentOf: [UInt32] = []
        /// Per key, whether any of its lists (forms, title start, pairs it comes first in) changed
        /// since the vocabulary was carried over (`carry`), besides postings taken out and added back
        /// as they were (`pending`); nil when not carried: every key is new. See `changedKeys`.
        private var touched: [Bool]?
        /// The postings `carry` took out (their pages to be rendered again) that no page has added
        /// back yet, per form, pair and title start: a page whose words did not change puts back
        /// what it took out, and its lists come out as they were.
        private var pendingForms: [Int32: [UInt32]] = [:]
        private var pendingPairs: [UInt64: [UInt32]] = [:]
        private var pendingStarts: [Int32: [UInt32]] = [:]

        // Words by their bytes: most words are on many pages, and hashing a `String` normalises it.
        private var formOfWord = WordTable()
        private var formNumbers: [String: Int32] = [:]
        private var keyNumbers: [String: Int32] = [:]

        init() {}

        /// A vocabulary as `Snapshot` keeps it; the look-up tables are made again from `forms` and `keys`.
        init(forms: [String], keyOfForm: [Int32], keys: [String], postings: [PostingStream],
             titleStarts: [Int32: [UInt32]], pairs: [UInt64: PostingStream]) {
            self.forms = forms
            self.keyOfForm = keyOfForm
            self.keys = keys
            self.postings = postings
            self.titleStarts = titleStarts
            self.pairs = pairs
            formNumbers = Dictionary(forms.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
            keyNumbers = Dictionary(keys.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        }

        /// Keeps only the postings of the positions `newPosition` maps (-1: the page is gone or
        /// rendered again), at their new positions. A list left empty stays, unwritten (`termShards`),
        /// so that no number changes; a title start left empty goes.
        mutating func carry(_ newPosition: [Int32]) {
            var touched = [Bool](repeating: false, count: keys.count)
            let carriedForms = postings.parallelMap { $0.carried(newPosition) }
            postings = carriedForms.map(\.list)
            for (form, carried) in carriedForms.enumerated() {
                if carried.moved { touched[Int(keyOfForm[form])] = true }
                if !carried.removed.isEmpty { pendingForms[Int32(form)] = carried.removed }
            }
            let carriedPairs = Array(pairs.values).parallelMap { $0.carried(newPosition) }
            for (index, carried) in zip(pairs.values.indices, carriedPairs) {
                pairs.values[index] = carried.list
                if carried.moved { touched[Int(pairs.keys[index] >> 32)] = true }
                if !carried.removed.isEmpty { pendingPairs[pairs.keys[index]] = carried.removed }
            }
            for (key, starts) in titleStarts {
                var carried: [UInt32] = [], removed: [UInt32] = []
                for start in starts {
                    let position = newPosition[Int(start >> 2)]
                    if position < 0 {
                        removed.append(start)
                    } else {
                        if position != Int32(start >> 2) { touched[Int(key)] = true }
                        carried.append(UInt32(position) << 2 | start & 3)
                    }
                }
                if !removed.isEmpty { pendingStarts[key] = removed }
                titleStarts[key] = carried.isEmpty ? nil : carried
            }
            self.touched = touched
        }

        /// Per key, whether any of its entries may differ from the carried build's; nil when the
        /// vocabulary was not carried.
        func changedKeys() -> [Bool]? {
            guard var changed = touched else { return nil }
            for form in pendingForms.keys { changed[Int(keyOfForm[Int(form)])] = true }
            for pair in pendingPairs.keys { changed[Int(pair >> 32)] = true }
            for key in pendingStarts.keys { changed[Int(key)] = true }
            return changed
        }

        /// The number of `key`, if the vocabulary has it.
        func keyNumber(_ key: String) -> Int32? {
            keyNumbers[key]
        }

        /// A posting added to a list of `key`: no change when it puts back one `carry` took out.
        private static func settle<List: Hashable>(_ posting: UInt32, in list: List, key: Int32,
                                                   pending: inout [List: [UInt32]], touched: inout [Bool]?) {
            guard touched != nil else { return }
            if let taken = pending[list], let index = taken.firstIndex(of: posting) {
                if taken.count == 1 { pending[list] = nil } else { pending[list]?.remove(at: index) }
            } else {
                touched?[Int(key)] = true
            }
        }


        /// Adds a page's words, pairs and title start, as postings of its `position` until `renumber`.
        mutating func add(_ page: Page, position: UInt32) {
            var formsHere: [Int32] = []
            var formsFound: [UInt64] = []
            var wordStart = 0
            for (end, field) in page.packedWords.enumerated() where field <= SearchWords.Field.title.rawValue {
                let form = page.packedWords.withUnsafeBufferPointer { bytes in
                    let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<end])
                    if let known = formOfWord.value(of: word) { return known }
                    let form = add(String(decoding: word, as: UTF8.self))
                    formOfWord.remember(form)
                    return form
                }
                wordStart = end + 1
                formsHere.append(form)
                if form >= 0 { formsFound.append(Self.packed(UInt64(form), field)) }
            }
            // Two spellings of one form on a page ("Hòa", "hoà") make one posting with the better field.
            for (form, field) in Self.best(formsFound) {
                postings[Int(form)].append(position, field: field)
                Self.settle(position << 2 | UInt32(field), in: Int32(form), key: keyOfForm[Int(form)], pending: &pendingForms, touched: &touched)
            }
            var pairsFound: [UInt64] = []
            for packed in page.packedPairs {
                let first = Int(packed >> 32), second = Int((packed >> 2) & 0x3FFF_FFFF), field = UInt8(packed & 3)
                let firstForm = formsHere[first], secondForm = formsHere[second]
                guard firstForm >= 0, secondForm >= 0 else { continue }
                let pair = UInt64(UInt32(keyOfForm[Int(firstForm)])) << 32 | UInt64(UInt32(keyOfForm[Int(secondForm)]))
                pairsFound.append(Self.packed(pair, field))
            }
            for (pair, field) in Self.best(pairsFound) {
                pairs[pair, default: PostingStream()].append(position, field: field)
                Self.settle(position << 2 | UInt32(field), in: pair, key: Int32(truncatingIfNeeded: pair >> 32),
                            pending: &pendingPairs, touched: &touched)
            }
            if page.firstTitleWord >= 0, case let form = formsHere[Int(page.firstTitleWord)], form >= 0 {
                let key = keyOfForm[Int(form)]
                titleStarts[key, default: []].append(position << 2 | 3)
                Self.settle(position << 2 | 3, in: key, key: key, pending: &pendingStarts, touched: &touched)
            }
        }

        /// Each page position's document number, once every page is added.
        mutating func renumber(documentOf: [UInt32]) {
            self.documentOf = documentOf
            // Values changed in place: `for (key, list) in titleStarts { titleStarts[key] = … }` would copy every list.
            for index in titleStarts.values.indices {
                titleStarts.values[index] = titleStarts.values[index].map { documentOf[Int($0 >> 2)] << 2 | $0 & 3 }.sorted()
            }
        }

        /// The documents of one list (`postings` or `pairs`), `doc << 2 | field` sorted by document.
        func documents(_ list: PostingStream) -> [UInt32] {
            list.documents(documentOf)
        }

        /// A form or pair number with a field in one integer, so that a page's finds sort as plain
        /// numbers (sorting tuples was a sixth of rebuilding the index). Numbers below 2^62: key and
        /// form numbers count the vocabulary, far below 2^30 each.
        private static func packed(_ number: UInt64, _ field: UInt8) -> UInt64 {
            number << 2 | UInt64(field & 3)
        }

        /// Each form or pair once (`packed`), with the best field it was found with.
        private static func best(_ found: [UInt64]) -> [(UInt64, UInt8)] {
            var best: [(UInt64, UInt8)] = []
            best.reserveCapacity(found.count)
            for item in found.sorted() {
                let number = item >> 2, field = UInt8(item & 3)
                if let last = best.last, last.0 == number { best[best.count - 1] = (number, field) } else { best.append((number, field)) }
            }
            return best
        }

        /// Adds the words of `later`, a vocabulary of pages that all come after this one's: the
        /// same forms, keys and postings, numbered alike, as adding those pages here one by one
        /// (forms and keys are numbered by first appearance, and each list takes its positions in order).
        mutating func append(_ later: Vocabulary) {
            // Not for a carried vocabulary: every key counts as changed.
            touched = nil
            (pendingForms, pendingPairs, pendingStarts) = ([:], [:], [:])
            let formMap = later.forms.indices.map { number(ofForm: later.forms[$0], key: later.keys[Int(later.keyOfForm[$0])]) }
            // Every key of `later` came with one of its forms, so each has its number here now.
            let keyMap = later.keys.map { keyNumbers[$0] ?? -1 }
            for (form, list) in later.postings.enumerated() {
                let target = Int(formMap[form])
                list.forEach { postings[target].append($0 >> 2, field: UInt8($0 & 3)) }
            }
            for (pair, list) in later.pairs {
                let mapped = UInt64(UInt32(keyMap[Int(pair >> 32)])) << 32 | UInt64(UInt32(keyMap[Int(pair & 0xFFFF_FFFF)]))
                list.forEach { pairs[mapped, default: PostingStream()].append($0 >> 2, field: UInt8($0 & 3)) }
            }
            for (key, starts) in later.titleStarts {
                titleStarts[keyMap[Int(key)], default: []].append(contentsOf: starts)
            }
        }

        /// The form number of a word not seen before; -1 for a word with no key (marks alone).
        private mutating func add(_ word: String) -> Int32 {
            let key = VietnameseText.fold(word)
            guard !key.isEmpty else { return -1 }
            return number(ofForm: VietnameseText.toneCanonical(word), key: key)
        }

        /// The number of `form` (of folded `key`), numbered now when it is new.
        private mutating func number(ofForm form: String, key: String) -> Int32 {
            if let known = formNumbers[form] { return known }
            let number = Int32(forms.count)
            let keyNumber: Int32
            if let known = keyNumbers[key] {
                keyNumber = known
            } else {
                keyNumber = Int32(keys.count)
                keys.append(key)
                keyNumbers[key] = keyNumber
                touched?.append(true)
            }
            forms.append(form)
            keyOfForm.append(keyNumber)
            postings.append(PostingStream())
            formNumbers[form] = number
            return number
        }
    }

    struct Shard {
        let firstKey: String
        let lastKey: String
        let bytes: [UInt8]
    }

    /// What the build cache keeps of one term shard a build wrote, so that the next build can keep
    /// the file instead of making it again when none of its entries changed (`termShards`).
    public struct ShardRecord: Sendable, Equatable {
        /// The names of its first and last entries (`nhat`, `nhat `, `nhat ban`).
        let firstKey: String
        let lastKey: String
        let fingerprint: UInt64
        let byteCount: Int
    }

    /// A term shard made now, or one of the last build's kept as it was.
    enum ShardOutput {
        case made(Shard)
        case kept(ShardRecord)
    }

    /// The last build's shards, for a vocabulary carried from it whose documents keep their numbers.
    struct ShardReuse {
        let previous: [ShardRecord]
        /// Whether the shard about to be number `index` can be kept as `record` had it: true when
        /// the file is kept (the published site has it at that number with those bytes).
        let keep: (_ index: Int, _ record: ShardRecord) -> Bool
    }

    /// Every entry in UTF-16 order of its key (the order of JavaScript's `<`): each word, then its
    /// title-start key (`word `), then its pairs (`word next`, by the next word's order). A space sorts
    /// before every letter and digit, so `nhat`, `nhat `, `nhat ban`, `nhata` come in that order.
    /// Each shard is handed to `each` as soon as it is full.
    static func termShards(_ vocabulary: Vocabulary, reusing reuse: ShardReuse? = nil, each: (ShardOutput) -> Void) {
        var formsOfKey = [[Int]](repeating: [], count: vocabulary.keys.count)
        for (form, key) in vocabulary.keyOfForm.enumerated() { formsOfKey[Int(key)].append(form) }
        let sortedKeys = vocabulary.keys.indices.sorted { utf16Order(vocabulary.keys[$0], vocabulary.keys[$1]) }
        var rank = [Int](repeating: 0, count: sortedKeys.count)
        for (position, key) in sortedKeys.enumerated() { rank[key] = position }
        var pairsOfKey = [[(second: Int, postings: PostingStream)]](repeating: [], count: vocabulary.keys.count)
        for (pair, postings) in vocabulary.pairs where !postings.isEmpty {
            pairsOfKey[Int(pair >> 32)].append((Int(pair & 0xFFFF_FFFF), postings))
        }
        let entriesOf: @Sendable (Int) -> [(String, [UInt8])] = { [formsOfKey, pairsOfKey, rank] key in
            keyEntries(key, vocabulary: vocabulary, forms: formsOfKey[key], pairs: pairsOfKey[key], rank: rank)
        }
        if let reuse, let touched = vocabulary.changedKeys(), !reuse.previous.isEmpty {
            let reusing = ShardReusing(reuse, sortedKeys: sortedKeys, rank: rank, touched: touched, vocabulary: vocabulary)
            // Keys are made one after another here: with many shards to make, all cores make them faster.
            if reusing.unchangedShare >= 0.75 {
                let keyEntriesOf: @Sendable (Int) -> KeyEntries = { [formsOfKey, pairsOfKey, rank] key in
                    KeyEntries(key, vocabulary: vocabulary, forms: formsOfKey[key], pairs: pairsOfKey[key], rank: rank)
                }
                reusing.pack(keyEntriesOf, made: reusing.changedShardEntries(keyEntriesOf), each: each)
                return
            }
        }
        // Entries are made a run of keys at a time on all cores, and packed into shards in order.
        var packer = ShardPacker()
        for runStart in stride(from: 0, to: sortedKeys.count, by: keysPerRun) {
            let run = Array(sortedKeys[runStart..<min(runStart + keysPerRun, sortedKeys.count)])
            let entries = run.parallelMap(entriesOf)
            for (name, entry) in entries.joined() { packer.add(name, entry) { each(.made($0)) } }
        }
        packer.finished().map { each(.made($0)) }
    }

    /// Packing with the last build's shards at hand. Entries are named and sorted, and packing is
    /// the same from an empty shard onwards whatever came before: so when a shard closes just
    /// before an entry that began one of the last build's shards, and no key from that shard's
    /// first entry to the next shard's first entry changed (`Vocabulary.changedKeys`), that shard comes
    /// out as it was, and is kept without making its entries; packing goes on at the first entry
    /// of the next shard not kept. Only the keys outside such shards have their entries made.
    private struct ShardReusing {
        let reuse: ShardReuse
        let sortedKeys: [Int]
        /// Per last-build shard: the sorted place of its first entry's key; nil when that key is gone.
        let startPlace: [Int?]
        /// Per last-build shard: none of its keys changed.
        let unchanged: [Bool]
        /// First entry → the last-build shard it began, for the unchanged shards.
        let unchangedStart: [String: Int]

        /// The share of the last build's shards that can be kept.
        var unchangedShare: Double {
            Double(unchanged.count(where: { $0 })) / Double(max(1, unchanged.count))
        }

        init(_ reuse: ShardReuse, sortedKeys: [Int], rank: [Int], touched: [Bool], vocabulary: Vocabulary) {
            self.reuse = reuse
            self.sortedKeys = sortedKeys
            // changedBefore[p]: keys changed among sorted places below p.
            var changedBefore = [0]
            changedBefore.reserveCapacity(sortedKeys.count + 1)
            for key in sortedKeys { changedBefore.append(changedBefore[changedBefore.count - 1] + (touched[key] ? 1 : 0)) }
            let startPlace = reuse.previous.map { record in vocabulary.keyNumber(Self.key(of: record.firstKey)).map { rank[Int($0)] } }
            let unchanged = reuse.previous.indices.map { shard -> Bool in
                guard let start = startPlace[shard] else { return false }
                let end = shard + 1 < startPlace.count ? startPlace[shard + 1] : sortedKeys.count - 1
                guard let end, end >= start else { return false }
                return changedBefore[end + 1] == changedBefore[start]
            }
            self.startPlace = startPlace
            self.unchanged = unchanged
            unchangedStart = Dictionary(reuse.previous.indices.filter { unchanged[$0] }.map { (reuse.previous[$0].firstKey, $0) },
                                        uniquingKeysWith: { first, _ in first })
        }

        /// The key an entry belongs to: its name up to the first space.
        static func key(of entry: String) -> String {
            entry.utf8.firstIndex(of: UInt8(ascii: " ")).map { String(entry[..<$0]) } ?? entry
        }

        /// The entries of the last build's shards that changed, made on all cores, by name (nil: left
        /// out). Packing makes the entries it needs one after another; most are these, and a word on
        /// every page is, with its pairs, a second of work at 100,000 stories. Any other entry packing
        /// needs (where shard ends moved) it makes itself.
        func changedShardEntries(_ entriesOf: @Sendable (Int) -> KeyEntries) -> [String: [UInt8]?] {
            let previous = reuse.previous
            let work = previous.indices.compactMap { shard -> (places: ClosedRange<Int>, from: String, before: String?)? in
                guard !unchanged[shard], let start = startPlace[shard] else { return nil }
                let next = (shard + 1..<previous.count).first { startPlace[$0] != nil }
                let end = next.flatMap { startPlace[$0] } ?? sortedKeys.count - 1
                guard end >= start else { return nil }
                return (start...end, previous[shard].firstKey, next.map { previous[$0].firstKey })
            }
            guard !work.isEmpty else { return [:] }
            // Neighbouring shards often hold one common word's pairs, the costly entries: taken in
            // turns (every eighth shard together), not in runs, they share out over the cores.
            let spread = (0..<8).flatMap { stride(from: $0, to: work.count, by: 8) }.map { work[$0] }
            let made = spread.parallelMap { [sortedKeys] item -> [(String, [UInt8]?)] in
                var made: [(String, [UInt8]?)] = []
                for place in item.places {
                    let entries = entriesOf(sortedKeys[place])
                    for (index, name) in entries.names.enumerated()
                    where !utf16Order(name, item.from) && item.before.map({ utf16Order(name, $0) }) ?? true {
                        made.append((name, entries.entry(index)))
                    }
                }
                return made
            }
            return Dictionary(made.joined().map { $0 }, uniquingKeysWith: { first, _ in first })
        }

        func pack(_ entriesOf: (Int) -> KeyEntries, made: [String: [UInt8]?], each: (ShardOutput) -> Void) {
            var packer = ShardPacker()
            var shards = 0
            var place = 0
            // On resuming at a shard that began inside a key, that key's entries before it are skipped.
            var resumeAt: String?
            places: while place < sortedKeys.count {
                var next = place + 1
                let entries = entriesOf(sortedKeys[place])
                for (index, name) in entries.names.enumerated() {
                    if let start = resumeAt {
                        if utf16Order(name, start) { continue }
                        resumeAt = nil
                    }
                    guard let entry = made[name] ?? entries.entry(index) else { continue }
                    if packer.closes(before: entry) {
                        if let shard = packer.close() {
                            each(.made(shard))
                            shards += 1
                        }
                        if let first = unchangedStart[name], reuse.keep(shards, reuse.previous[first]) {
                            var shard = first
                            repeat {
                                each(.kept(reuse.previous[shard]))
                                shards += 1
                                shard += 1
                            } while shard < reuse.previous.count && unchanged[shard] && reuse.keep(shards, reuse.previous[shard])
                            // The last shard unchanged: no key after its first entry changed, and every entry is in it.
                            guard shard < reuse.previous.count, let resume = startPlace[shard] else { break places }
                            next = resume
                            resumeAt = reuse.previous[shard].firstKey
                            break
                        }
                    }
                    packer.add(name, entry) { shard in
                        each(.made(shard))
                        shards += 1
                    }
                }
                place = next
            }
            if let last = packer.close() {
                each(.made(last))
            } else if shards == 0 {
                each(.made(Shard(firstKey: "", lastKey: "", bytes: Array("{}".utf8))))
            }
        }
    }

    /// Keys whose entries are made together: enough for every core, few enough to hold.
    private static let keysPerRun = 4096

    /// One key's entries in shard order: the word, its title start (`word `), its pairs (`word next`).
    private static func keyEntries(_ key: Int, vocabulary: Vocabulary, forms formNumbers: [Int],
                                   pairs: [(second: Int, postings: PostingStream)], rank: [Int]) -> [(String, [UInt8])] {
        let entries = KeyEntries(key, vocabulary: vocabulary, forms: formNumbers, pairs: pairs, rank: rank)
        return entries.names.indices.compactMap { index in entries.entry(index).map { (entries.names[index], $0) } }
    }

    /// One key's entries in shard order, named at once and each made only when asked for: making
    /// them is reading and sorting their lists, and a word on every page has hundreds of pairs.
    struct KeyEntries {
        /// Every entry the key may have; `entry` is nil for one left out.
        let names: [String]
        private let key: Int
        private let vocabulary: Vocabulary
        private let forms: [Int]
        private let pairs: [(second: Int, postings: PostingStream)]

        init(_ key: Int, vocabulary: Vocabulary, forms formNumbers: [Int], pairs: [(second: Int, postings: PostingStream)], rank: [Int]) {
            self.key = key
            self.vocabulary = vocabulary
            // A carried vocabulary's (`Vocabulary.carry`) forms and pairs may have lost every page; a built one's never do.
            forms = formNumbers.filter { !vocabulary.postings[$0].isEmpty }
            self.pairs = forms.isEmpty ? [] : pairs.sorted(by: { rank[$0.second] < rank[$1.second] })
            let word = vocabulary.keys[key]
            guard !forms.isEmpty else {
                names = []
                return
            }
            var names = [word]
            if vocabulary.titleStarts[Int32(key)] != nil { names.append(word + " ") }
            names += self.pairs.map { word + " " + vocabulary.keys[$0.second] }
            self.names = names
        }

        /// The entry named `names[index]`; nil when it is left out (`rankingEntry`).
        func entry(_ index: Int) -> [UInt8]? {
            let word = vocabulary.keys[key]
            if index == 0 {
                let lists = forms.map { (vocabulary.forms[$0], vocabulary.documents(vocabulary.postings[$0])) }
                    .sorted { utf16Order($0.0, $1.0) }
                return wordEntry(word, forms: lists)
            }
            let hasTitleStart = names.count > 1 && names[1].utf8.count == word.utf8.count + 1
            if hasTitleStart && index == 1 {
                return vocabulary.titleStarts[Int32(key)].flatMap { rankingEntry(word + " ", $0) }
            }
            let pair = pairs[index - (hasTitleStart ? 2 : 1)]
            return rankingEntry(names[index], vocabulary.documents(pair.postings))
        }
    }

    /// Entries into shards of at most `shardBytes`, each given back once closed. A shard closes when
    /// the next entry would not fit, or after an anchor entry (one in `anchorOdds` by its name) once
    /// it holds `anchoredShardBytes`: so where shards end depends on the entries near the end, not on
    /// every entry before, and an edit changes the shards around its words only (`ShardReusing`).
    struct ShardPacker {
        private var closed = 0
        private var current: [UInt8] = []
        private var firstKey = ""
        private var lastKey = ""

        /// Whether adding `entry` would close the shard being filled (or there is none yet).
        func closes(before entry: [UInt8]) -> Bool {
            current.isEmpty || current.count + entry.count + 2 > shardBytes
        }

        /// The shard so far, closed; nil when it is empty.
        mutating func close() -> Shard? {
            current.isEmpty ? nil : closeCurrent()
        }

        /// Adds the entry named `key`; `closed` is given each shard that closes.
        mutating func add(_ key: String, _ entry: [UInt8], closed: (Shard) -> Void) {
            if !current.isEmpty && current.count + entry.count + 2 > shardBytes { closed(closeCurrent()) }
            if current.isEmpty {
                firstKey = key
                current = [UInt8(ascii: "{")]
            } else {
                current.append(UInt8(ascii: ","))
            }
            current += entry
            lastKey = key
            if current.count + 1 >= anchoredShardBytes && Self.isAnchor(key) { closed(closeCurrent()) }
        }

        static func isAnchor(_ key: String) -> Bool {
            var hash = FNV1a()
            hash.add(key.utf8)
            return hash.value % anchorOdds == 0
        }

        private mutating func closeCurrent() -> Shard {
            current.append(UInt8(ascii: "}"))
            defer { current = [] }
            closed += 1
            return Shard(firstKey: firstKey, lastKey: lastKey, bytes: current)
        }

        /// The last shard; an empty one when there were no entries at all.
        mutating func finished() -> Shard? {
            if current.isEmpty && closed == 0 { return Shard(firstKey: "", lastKey: "", bytes: Array("{}".utf8)) }
            return current.isEmpty ? nil : closeCurrent()
        }
    }

    /// A shard this full closes after its next anchor entry (`ShardPacker`).
    static let anchoredShardBytes = 3 * 1024
    static let anchorOdds: UInt64 = 4

    /// The most one entry may take: a shard holding it alone is then `shardBytes`.
    static let entryBytes = shardBytes - 2

    /// A word's entry: each form with its list; or, when that is too long, the forms together
    /// (`"*"`) and the rarer forms that still fit; or only the titles and summaries (`"~"`).
    static func wordEntry(_ key: String, forms: [(String, [UInt32])]) -> [UInt8] {
        let lists = forms.map { ($0.0 == key ? "" : $0.0, encoded($0.1)) }
        let full = entry(key, lists)
        if full.count <= entryBytes { return full }
        let merged = mergedPostings(forms.map(\.1))
        var kept = [("*", encoded(merged))]
        if entry(key, kept).count <= entryBytes {
            for form in lists.sorted(by: { $0.1.count < $1.1.count }) where entry(key, kept + [form]).count <= entryBytes {
                kept.append(form)
            }
            return entry(key, kept)
        }
        let titled = entry(key, [("~", encoded(merged.filter { $0 & 3 >= 2 }))])
        return titled.count <= entryBytes ? titled : entry(key, [("~", [])])
    }

    /// A title start or a pair, only for ranking: over the limit, its titles and summaries; then nothing.
    static func rankingEntry(_ key: String, _ postings: [UInt32]) -> [UInt8]? {
        let all = entry(key, [("", encoded(postings))])
        if all.count <= entryBytes { return all }
        let titled = entry(key, [("", encoded(postings.filter { $0 & 3 >= 2 }))])
        return titled.count <= entryBytes ? titled : nil
    }

    /// `"key":["form","postings",…]`
    static func entry(_ key: String, _ lists: [(String, [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONText.append(key, to: &bytes)
        bytes += Array(":[".utf8)
        for (position, (form, postings)) in lists.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.append(form, to: &bytes)
            bytes += Array(",\"".utf8) + postings + [UInt8(ascii: "\"")]
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    static func encoded(_ postings: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        PostingList.encode(postings, into: &bytes)
        return bytes
    }

    /// Several sorted lists as one, each document once with its best field.
    static func mergedPostings(_ lists: [[UInt32]]) -> [UInt32] {
        // `doc << 2 | field` sorts by document, then field: each document's last posting is its best.
        let all = lists.joined().sorted()
        var merged: [UInt32] = []
        merged.reserveCapacity(all.count)
        for posting in all {
            if let last = merged.last, last >> 2 == posting >> 2 {
                merged[merged.count - 1] = posting
            } else {
                merged.append(posting)
            }
        }
        return merged
    }

    /// Where a shard starts, as short as the keys allow: the shortest start of its first key
    /// that sorts after the previous shard's last key ("" for the first shard).
    static func separator(firstKey: String, afterKey previousLastKey: String?) -> String {
        guard let previousLastKey else { return "" }
        var prefix = String.UnicodeScalarView()
        for scalar in firstKey.unicodeScalars {
            prefix.append(scalar)
            if utf16Order(previousLastKey, String(prefix)) { break }
        }
        return String(prefix)
    }

    /// Whether `lhs` comes before `rhs` by UTF-16 code units, as the search script's strings compare.
    /// Compared by UTF-8 bytes, which order as code points do: a string's UTF-16 view is slow to walk,
    /// and the index of a big site sorts some 100,000 keys every build. Code points order as UTF-16
    /// does except where one above U+FFFF (lead byte 0xF0 and up) meets one from U+E000 to U+FFFF
    /// (lead byte 0xEE or 0xEF): those are compared by UTF-16.
    static func utf16Order(_ lhs: String, _ rhs: String) -> Bool {
        var (left, right) = (lhs, rhs)
        let byBytes = left.withUTF8 { a in
            right.withUTF8 { b -> Bool? in
                let common = min(a.count, b.count)
                var index = 0
                while index < common && a[index] == b[index] { index += 1 }
                guard index < common else { return a.count < b.count }
                if a[index] >= 0xEE && b[index] >= 0xEE { return nil }
                return a[index] < b[index]
            }
        }
        return byBytes ?? lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    /// The document's entry in its `d/` chunk: `[address,title,kind,snippet]`.
    static func documentEntry(_ page: Page) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        JSONText.append(page.address, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONText.append(page.title, to: &bytes)
        bytes += Array(",\(page.kind.rawValue),".utf8)
        JSONText.append(page.snippet, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }

    /// `labels`: per kind, the label of its first document.
    static func manifest(version: String, documents: Int, labels: [String], budget: Int, limits: Limits, starts: [String]) -> [UInt8] {
        var labels = labels
        // Kinds no page has, at the end, are left out: the script reads a missing label as none.
        while labels.last == "" { labels.removeLast() }
        var bytes = Array(("{\"v\":\"\(version)\",\"n\":\(documents),\"c\":\(chunkSize),\"b\":\(budget),"
                           + "\"s\":\(limits.largestShard),\"m\":\(limits.largestChunk),\"k\":").utf8)
        JSONText.appendArray(labels, to: &bytes)
        bytes += Array(",\"t\":".utf8)
        JSONText.appendArray(starts, to: &bytes)
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

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds the eight bytes of `number`, least significant first.
    mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            value ^= number >> UInt64(shift) & 0xFF
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Words (UTF-8 bytes) → a number: `SearchIndex.Vocabulary`'s first look-up.
struct WordTable {
    private var words = ByteWordSet(capacity: 1024)
    private var values: [Int32] = []

    /// The number of `word`; nil the first time it is seen, and `remember` must then give it one.
    mutating func value(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let (index, isNew) = words.insert(word)
        return isNew ? nil : values[index]
    }

    /// The number of the word `value(of:)` saw for the first time.
    mutating func remember(_ value: Int32) {
        values.append(value)
    }
}
