import NhipCauCore
import NhipCauSite

extension SearchIndex.Page {
    /// The page's search entry as the build cache keeps it, for pages a later build does not render again.
    public func encode(into writer: inout CacheBytesWriter) {
        writer.integer(UInt8(kind.rawValue))
        writer.text(kindLabel)
        writer.text(address)
        writer.text(title)
        writer.text(snippet)
        writer.byteArray(packedWords)
        writer.integers(packedPairs)
        writer.integer(firstTitleWord)
    }

    public static func decode(from reader: inout CacheBytesReader) -> SearchIndex.Page? {
        guard let kindNumber = reader.integer(UInt8.self), let kind = SearchDocument.Kind(rawValue: Int(kindNumber)),
              let kindLabel = reader.text(), let address = reader.text(), let title = reader.text(),
              let snippet = reader.text(), let words = reader.byteArray(), let wordCount = wordCount(ofWellFormed: words),
              let pairs: [UInt64] = reader.integers(), let firstTitleWord = reader.integer(Int32.self),
              firstTitleWord >= -1, firstTitleWord < wordCount else { return nil }
        for pair in pairs {
            let first = pair >> 32, second = (pair >> 2) & 0x3FFF_FFFF
            guard first < wordCount, second < wordCount else { return nil }
        }
        return SearchIndex.Page(kind: kind, kindLabel: kindLabel, address: address, title: title, snippet: snippet,
                                packedWords: words, packedPairs: pairs, firstTitleWord: firstTitleWord)
    }

    /// How many words `packedWords` holds when it is shaped as `encode` wrote it: non-empty words, each
    /// ended by its field (1–3); nil otherwise. The UTF-8 of the words is not checked here: the build
    /// cache's checksum vouches for the bytes it wrote from Swift strings.
    static func wordCount(ofWellFormed packedWords: [UInt8]) -> Int? {
        let fields = SearchWords.Field.text.rawValue...SearchWords.Field.title.rawValue
        var count = 0, start = 0
        for (index, byte) in packedWords.enumerated() where byte <= fields.upperBound {
            guard fields.contains(byte), index > start else { return nil }
            count += 1
            start = index + 1
        }
        return start == packedWords.count ? count : nil
    }
}
