/// Bytes for the caches kept between builds (the build cache, the front matter cache): little-endian
/// integers and length-prefixed UTF-8.
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

    public mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
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

    /// Forgets what was written (after it was saved), keeping the room.
    public mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
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

    public mutating func integers<T: FixedWidthInteger>(_: T.Type = T.self) -> [T]? {
        let size = MemoryLayout<T>.size
        guard let count = integer(UInt32.self).map(Int.init), count <= remaining / size else { return nil }
        let start = offset
        offset += count * size
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * size, as: T.self)) }
        }
    }

    public mutating func text() -> String? {
        guard let count = integer(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
    }
}
