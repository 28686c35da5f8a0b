#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Bytes for the caches kept between builds (the build cache, the front matter cache): little-endian
/// integers and length-prefixed UTF-8.
public struct CacheBytesWriter: Sendable {
    @usableFromInline var storage: [UInt8] = []
    public var bytes: [UInt8] { storage }

    @inlinable public init() {}

    @inlinable public mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { storage.append(contentsOf: $0) }
    }

    @inlinable public mutating func byteArray(_ values: [UInt8]) {
        integer(UInt32(values.count))
        storage.append(contentsOf: values)
    }

    @inlinable public mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
        integer(UInt32(values.count))
        #if _endian(little)
        values.withUnsafeBytes { storage.append(contentsOf: $0) }
        #else
        for value in values { integer(value) }
        #endif
    }

    @inlinable public mutating func text(_ value: String) {
        integer(UInt32(value.utf8.count))
        storage.append(contentsOf: value.utf8)
    }

    /// Writes all of `bytes` to an open file (a cache being saved); false when the system refused.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// Writes a cache file beside `file` (its folder made if need be) through `fill`, given the open
    /// file: the temporary file's path, to be renamed into place; nil, with nothing left, when it could
    /// not be written.
    public static func writeBeside(_ file: URL, _ fill: (Int32) -> Bool) -> String? {
        let folder = file.deletingLastPathComponent().path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let temporary = file.path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        let written = fill(descriptor)
        close(descriptor)
        guard written else {
            unlink(temporary)
            return nil
        }
        return temporary
    }

    /// Writes a cache file beside `file` and renames it there, so a reader sees all of it or none.
    /// A cache that cannot be written costs only time: nothing is said.
    public static func replace(_ file: URL, _ fill: (Int32) -> Bool) {
        guard let temporary = writeBeside(file, fill) else { return }
        if rename(temporary, file.path) != 0 { unlink(temporary) }
    }

    /// Forgets what was written (after it was saved), keeping the room.
    @inlinable public mutating func clear() {
        storage.removeAll(keepingCapacity: true)
    }
}

/// Reads what `CacheBytesWriter` wrote; nil on anything short or out of range (a corrupt cache).
public struct CacheBytesReader {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline var offset = 0

    @inlinable public init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = min(offset, bytes.count)
    }

    /// Whether `bytes` end with the `Fingerprint` of all before them, as both caches are written.
    public static func endsWithChecksum(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8 else { return false }
        let end = bytes.count - 8
        var sum = Fingerprint()
        bytes.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[..<end])) }
        var tail = CacheBytesReader(bytes, from: end)
        return tail.integer(UInt64.self) == sum.value
    }

    @inlinable public var isAtEnd: Bool { offset == bytes.count }

    /// Bytes not read yet: a count read from the cache larger than this is corrupt.
    @inlinable public var remaining: Int { bytes.count - offset }

    /// Passes over `count` bytes; false when there are not that many.
    @inlinable public mutating func skip(_ count: Int) -> Bool {
        guard count <= remaining else { return false }
        offset += count
        return true
    }

    @inlinable public mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) -> T? {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        offset += size
        return value
    }

    @inlinable public mutating func byteArray() -> [UInt8]? {
        guard let count = integer(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    @inlinable public mutating func integers<T: FixedWidthInteger>(_: T.Type = T.self) -> [T]? {
        let size = MemoryLayout<T>.size
        guard let count = integer(UInt32.self).map(Int.init), count <= remaining / size else { return nil }
        let start = offset
        offset += count * size
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * size, as: T.self)) }
        }
    }

    @inlinable public mutating func text() -> String? {
        guard let count = integer(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return bytes.withUnsafeBufferPointer { String(checkingUTF8: UnsafeBufferPointer(rebasing: $0[offset..<offset + count])) }
    }
}

extension String {
    /// `bytes` as a string, nil unless they are valid UTF-8: what `String(validating:as:)` gives, in
    /// about half the instructions. That one validates through a generic function that looks up type
    /// metadata on every call, and an incremental build reads millions of short strings from its caches.
    @inlinable public init?(checkingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            self = ""
            return
        }
        // Invalid bytes come out repaired (U+FFFD), which changes the count or the bytes.
        let text = String(unsafeUninitializedCapacity: bytes.count) { $0.initialize(fromContentsOf: bytes) }
        guard text.utf8.count == bytes.count,
              text.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, base, bytes.count) == 0 })
                ?? text.utf8.elementsEqual(bytes) else { return nil }
        self = text
    }
}
