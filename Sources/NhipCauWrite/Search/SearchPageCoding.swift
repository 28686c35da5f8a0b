import NhipCauSite

/// Bytes for the build cache (`BuildCache`): little-endian integers and length-prefixed UTF-8.
public struct CacheBytesWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func byteArray(_ values: [UInt8]) {
        integer(UInt32(values.count))
        bytes.append(contentsOf: values)
    }

    public mutating func integers(_ values: [UInt32]) {
        integer(UInt32(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { integer(value) }
        #endif
    }

    public mutating func text(_ value: String) {
        integer(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }
}

/// Reads what `CacheBytesWriter` wrote; nil on anything short or out of range (a corrupt cache).
public struct CacheBytesReader {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { offset == bytes.count }

    /// Bytes not read yet: a count read from the cache larger than this is corrupt.
    public var remaining: Int { bytes.count - offset }

    /// Passes over `count` bytes; false when there are not that many.
    public mutating func skip(_ count: Int) -> Bool {
        guard count <= remaining else { return false }
        offset += count
        return true
    }

    public mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        offset += size
        return value
    }

    public mutating func byteArray() -> [UInt8]? {
        guard let count = integer(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func integers() -> [UInt32]? {
        guard let count = integer(UInt32.self).map(Int.init), count <= remaining / 4 else { return nil }
        let start = offset
        offset += count * 4
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * 4, as: UInt32.self)) }
        }
    }

    public mutating func text() -> String? {
        guard let count = integer(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
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
        writer.byteArray(packed.bytes)
        writer.integers(packed.ends)
        writer.byteArray(packed.fields)
        writer.integer(UInt32(pairs.count))
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
              let snippet = reader.text(), let bytes = reader.byteArray(), let ends = reader.integers(),
              let fields = reader.byteArray() else { return nil }
        let words = PackedWords(bytes: bytes, ends: ends, fields: fields)
        guard words.isWellFormed else { return nil }
        guard let pairCount = reader.integer(UInt32.self), Int(pairCount) <= reader.remaining else { return nil }
        var pairs: [(Int32, Int32, UInt8)] = []
        pairs.reserveCapacity(Int(pairCount))
        for _ in 0..<pairCount {
            guard let first = reader.integer(Int32.self), let second = reader.integer(Int32.self),
                  let field = reader.integer(UInt8.self) else { return nil }
            guard first >= 0, second >= 0, Int(first) < words.count, Int(second) < words.count else { return nil }
            pairs.append((first, second, field))
        }
        guard let firstTitleWord = reader.integer(Int32.self), firstTitleWord >= -1, Int(firstTitleWord) < words.count
        else { return nil }
        return SearchIndex.Page(kind: kind, kindLabel: kindLabel, address: address, title: title, snippet: snippet,
                                packed: words, pairs: pairs, firstTitleWord: firstTitleWord)
    }
}
