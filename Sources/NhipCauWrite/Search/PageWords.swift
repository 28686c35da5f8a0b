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
    private var words = ByteWordSet(capacity: 256)
    private var fields: [UInt8] = []
    /// `first << 32 | second` (word numbers) → best field the two were seen side by side in.
    private var pairFields: [UInt64: UInt8] = [:]
    /// The number of the title's first word, -1 before a title is added.
    public private(set) var firstTitleWord: Int32 = -1

    public init() {}

    public var count: Int { words.count }

    /// Each word as written, with its field's raw value.
    public var all: [(String, UInt8)] {
        (0..<words.count).map { (String(decoding: words.bytes[words.start(of: $0)..<words.ends[$0]], as: UTF8.self), fields[$0]) }
    }

    /// Each word's UTF-8 bytes followed by its field's raw value (`SearchIndex.Page.packedWords`).
    public var packed: [UInt8] {
        var packed: [UInt8] = []
        packed.reserveCapacity(words.bytes.count + words.count)
        for word in 0..<words.count {
            packed.append(contentsOf: words.bytes[words.start(of: word)..<words.ends[word]])
            packed.append(fields[word])
        }
        return packed
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

    /// The word's number, a new one for a word not seen before.
    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, _ field: SearchWords.Field) -> Int {
        let (number, isNew) = words.insert(word)
        if isNew {
            fields.append(field.rawValue)
        } else {
            fields[number] = max(fields[number], field.rawValue)
        }
        return number
    }
}
