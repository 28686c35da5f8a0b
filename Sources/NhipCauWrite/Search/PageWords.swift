/// The distinct words of one page, each with the best `SearchWords.Field` it was seen in.
///
/// Found on the UTF-8 bytes with a small open-addressing table: a page has a few thousand words
/// but only a few hundred distinct ones, and hashing a Swift `String` (which normalises
/// non-ASCII text first) for every word cost more than the whole rest of the index.
/// Canonically equivalent spellings (NFC and NFD) stay apart here and meet in `SearchIndex.Vocabulary`.
///
/// It also keeps, for ranking, which words stand next to each other (`pairs`, in the texts added
/// with `pairs: true`) and the first word of the title (`firstTitleWord`).
public struct PageWords {
    private var bytes: [UInt8] = []
    /// Word `i` is `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    private var fields: [UInt8] = []
    /// Open addressing: a word's number, or -1; a power of two, never more than half full.
    private var slots = [Int](repeating: -1, count: 256)
    /// `first << 32 | second` (word numbers) → best field the two were seen side by side in.
    private var pairFields: [UInt64: UInt8] = [:]
    /// The number of the title's first word, -1 before a title is added.
    public private(set) var firstTitleWord: Int32 = -1

    public init() {}

    public var count: Int { ends.count }

    /// Each word as written, with its field's raw value.
    public var all: [(String, UInt8)] {
        (0..<ends.count).map { (String(decoding: bytes[start(of: $0)..<ends[$0]], as: UTF8.self), fields[$0]) }
    }

    /// Each word as written, with its field's raw value, without making a `String` of each.
    public var packed: PackedWords {
        PackedWords(bytes: bytes, ends: ends.map { UInt32(truncatingIfNeeded: $0) }, fields: fields)
    }

    /// Neighbouring words as `(first, second, field)`, word numbers into `all`, in no set order.
    public var pairs: [(Int32, Int32, UInt8)] {
        pairFields.map { (Int32(truncatingIfNeeded: $0.key >> 32), Int32(truncatingIfNeeded: $0.key & 0xFFFF_FFFF), $0.value) }
    }

    /// Adds the words of `text`: runs of scalars for which `SearchWords.isWordScalar` holds; with
    /// `pairs`, also which words follow which (punctuation between them does not part them).
    public mutating func add(_ text: String, as field: SearchWords.Field, pairs: Bool = false) {
        var text = text
        var previous = -1
        text.withUTF8 { utf8 in
            var index = 0
            var wordStart = -1
            func take(_ word: UnsafeBufferPointer<UInt8>) {
                let number = insert(word, field)
                if field == .title && firstTitleWord < 0 { firstTitleWord = Int32(number) }
                if pairs && previous >= 0 {
                    let pair = UInt64(previous) << 32 | UInt64(number)
                    pairFields[pair] = max(pairFields[pair] ?? 0, field.rawValue)
                }
                previous = number
            }
            while index < utf8.count {
                let (isWord, length) = Self.classify(utf8, at: index)
                if isWord {
                    if wordStart < 0 { wordStart = index }
                } else if wordStart >= 0 {
                    take(UnsafeBufferPointer(rebasing: utf8[wordStart..<index]))
                    wordStart = -1
                }
                index += length
            }
            if wordStart >= 0 { take(UnsafeBufferPointer(rebasing: utf8[wordStart...])) }
        }
    }

    /// Whether the scalar starting at `index` belongs to a word, and how many bytes it takes.
    private static func classify(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Bool, Int) {
        let lead = utf8[index]
        if lead < 0x80 {
            return (lead >= 0x61 && lead <= 0x7A || lead >= 0x41 && lead <= 0x5A || lead >= 0x30 && lead <= 0x39, 1)
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < utf8.count {
            value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        if value < UInt32(commonWordScalars.count) { return (commonWordScalars[Int(value)], length) }
        guard let scalar = Unicode.Scalar(value) else { return (false, length) }
        return (SearchWords.isWordScalar(scalar), length)
    }

    /// `isWordScalar` for U+0000…U+2FFF (Latin with Vietnamese, combining marks, Greek, Cyrillic,
    /// general punctuation), looked up once: Unicode property lookups dominated the scan.
    private static let commonWordScalars: [Bool] = (0..<0x3000).map { value in
        Unicode.Scalar(UInt32(value)).map(SearchWords.isWordScalar) ?? false
    }

    private func start(of word: Int) -> Int { word == 0 ? 0 : ends[word - 1] }

    /// The word's number, a new one for a word not seen before.
    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, _ field: SearchWords.Field) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let known = slots[slot]
            if hashes[known] == hash && bytes[start(of: known)..<ends[known]].elementsEqual(word) {
                fields[known] = max(fields[known], field.rawValue)
                return known
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = ends.count
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
        hashes.append(hash)
        fields.append(field.rawValue)
        if ends.count * 2 > slots.count { grow() }
        return ends.count - 1
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for word in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[word]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = word
        }
    }
}

/// A page's distinct words as their UTF-8 bytes one after another: the build cache reads and
/// writes them in one piece, and the index merges them by their bytes, with no `String` per word.
public struct PackedWords: Sendable, Equatable {
    public let bytes: [UInt8]
    /// Word `i` is `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first).
    public let ends: [UInt32]
    /// Each word's best `SearchWords.Field` (raw value).
    public let fields: [UInt8]

    public init(bytes: [UInt8], ends: [UInt32], fields: [UInt8]) {
        self.bytes = bytes
        self.ends = ends
        self.fields = fields
    }

    public init(_ words: [(String, UInt8)]) {
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        for (word, _) in words {
            bytes += word.utf8
            ends.append(UInt32(bytes.count))
        }
        self.init(bytes: bytes, ends: ends, fields: words.map(\.1))
    }

    public var count: Int { ends.count }

    public func start(of word: Int) -> Int { word == 0 ? 0 : Int(ends[word - 1]) }

    /// Each word as written, with its field.
    public var all: [(String, UInt8)] {
        (0..<count).map { (String(decoding: bytes[start(of: $0)..<Int(ends[$0])], as: UTF8.self), fields[$0]) }
    }

    /// Whether the words are what `CacheBytesReader` may hand out: ends in order, within the bytes and
    /// on character boundaries, valid UTF-8, one field per word.
    public var isWellFormed: Bool {
        guard fields.count == ends.count, ends.last.map({ Int($0) == bytes.count }) ?? bytes.isEmpty else { return false }
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous, Int(end) <= bytes.count else { return false }
            if Int(end) < bytes.count, bytes[Int(end)] & 0xC0 == 0x80 { return false }
            previous = end
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
