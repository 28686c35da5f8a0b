import NhipCauSite

/// Bytes for the build cache (`BuildCache`): little-endian integers and length-prefixed UTF-8.
public struct CacheBytesWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func text(_ value: String) {
        integer(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// Forgets what was written (after it was saved), keeping the room.
    public mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// UTF-8 already in bytes, written as `text` writes it.
    mutating func utf8(_ utf8: ArraySlice<UInt8>) {
        integer(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what `CacheBytesWriter` wrote; nil on anything short or out of range (a corrupt cache).
public struct CacheBytesReader {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = min(offset, bytes.count)
    }

    public var isAtEnd: Bool { offset == bytes.count }

    /// Bytes not read yet: a count read from the cache larger than this is corrupt.
    public var remaining: Int { bytes.count - offset }

    public mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        var value = T.zero
        for index in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    public mutating func text() -> String? {
        guard let count = integer(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return String(validating: bytes[offset..<offset + count], as: UTF8.self)
    }
}

extension SearchIndex.Page {
    /// The page's search entry as the build cache keeps it, for pages a later build does not render again.
    public func encode(into writer: inout CacheBytesWriter) {
        writer.integer(UInt8(kind.rawValue))
        writer.text(kindLabel)
        writer.text(address)
        writer.text(title)
        writer.text(snippet)
        let fieldCount = packedWords.count(where: { $0 <= SearchWords.Field.title.rawValue })
        writer.integer(UInt32(fieldCount))
        var wordStart = 0
        for (end, field) in packedWords.enumerated() where field <= SearchWords.Field.title.rawValue {
            writer.utf8(packedWords[wordStart..<end])
            writer.integer(field)
            wordStart = end + 1
        }
        writer.integer(UInt32(packedPairs.count))
        for (first, second, field) in pairs {
            writer.integer(first)
            writer.integer(second)
            writer.integer(field)
        }
        writer.integer(firstTitleWord)
    }

    public static func decode(from reader: inout CacheBytesReader) -> SearchIndex.Page? {
        guard let kindNumber = reader.integer(UInt8.self), let kind = SearchDocument.Kind(rawValue: Int(kindNumber)),
              let kindLabel = reader.text(), let address = reader.text(), let title = reader.text(),
              let snippet = reader.text(), let wordCount = reader.integer(UInt32.self),
              Int(wordCount) <= reader.remaining else { return nil }
        var words: [UInt8] = []
        for _ in 0..<wordCount {
            guard let word = reader.text(), !word.isEmpty, let field = reader.integer(UInt8.self),
                  (SearchWords.Field.text.rawValue...SearchWords.Field.title.rawValue).contains(field),
                  !word.utf8.contains(where: { $0 <= SearchWords.Field.title.rawValue }) else { return nil }
            words.append(contentsOf: word.utf8)
            words.append(field)
        }
        // Grown by appending: copied once more so every kept page holds no spare room.
        words = Array(words[...])
        guard let pairCount = reader.integer(UInt32.self), Int(pairCount) <= reader.remaining else { return nil }
        var pairs: [UInt64] = []
        pairs.reserveCapacity(Int(pairCount))
        for _ in 0..<pairCount {
            guard let first = reader.integer(Int32.self), let second = reader.integer(Int32.self),
                  let field = reader.integer(UInt8.self), first >= 0, second >= 0, first < wordCount, second < wordCount
            else { return nil }
            pairs.append(SearchIndex.Page.pack((first, second, field)))
        }
        guard let firstTitleWord = reader.integer(Int32.self), firstTitleWord < wordCount else { return nil }
        return SearchIndex.Page(kind: kind, kindLabel: kindLabel, address: address, title: title, snippet: snippet,
                                packedWords: words, packedPairs: pairs, firstTitleWord: firstTitleWord)
    }
}
