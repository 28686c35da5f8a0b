/// A 64-bit hash of everything added, in order: enough to tell an edited input or page from the one
/// the build cache saw, and the caches' checksums. Eight bytes per step (the round of xxHash64), not
/// one (FNV-1a, which it replaced: hashing a big site's caches and files byte by byte was a twentieth
/// of an incremental build). The same bytes give the same value however they are split between `add`s.
public struct Fingerprint: Sendable {
    private var state: UInt64 = 0x27D4_EB2F_1656_67C5
    /// Bytes not yet a whole word, the first in the lowest byte.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    public init() {}

    public var value: UInt64 {
        var hash = state ^ length
        if pendingCount > 0 { hash = Self.round(hash, pending ^ UInt64(pendingCount) << 60) }
        // xxHash64's final mix, so that every input bit reaches every output bit.
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= 0x1656_67B1_9E37_79F9
        hash ^= hash >> 32
        return hash
    }

    @inline(__always) private static func round(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = state ^ (word &* prime2)
        return (mixed << 31 | mixed >> 33) &* prime1
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        length &+= UInt64(count)
        while pendingCount > 0 && index < count {
            take(bytes[index])
            index += 1
        }
        var hash = state
        while index + 8 <= count {
            hash = Self.round(hash, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        state = hash
        while index < count {
            take(bytes[index])
            index += 1
        }
    }

    @inline(__always) private mutating func take(_ byte: UInt8) {
        pending |= UInt64(byte) << (8 * UInt64(pendingCount))
        pendingCount += 1
        if pendingCount == 8 {
            state = Self.round(state, pending)
            pending = 0
            pendingCount = 0
        }
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    /// The text and its length, so that two fields never run together.
    public mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(text.utf8.count))
    }

    public mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }

    public static func of(_ text: String) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(text)
        return fingerprint.value
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes)
        return fingerprint.value
    }
}

/// What the build cache needs of a Markdown file's bytes, taken when the loader reads them, so
/// that the cache does not read every file a second time.
public struct SourceStamp: Sendable, Hashable {
    /// The whole file's `Fingerprint`.
    public let fingerprint: UInt64
    /// The text may link to a heading of another page (`#` after a character other than a space,
    /// a line start or `#`): whether that heading exists is read from the other page's body.
    public let linksToFragment: Bool

    public init(_ bytes: [UInt8]) {
        fingerprint = Fingerprint.of(bytes)
        linksToFragment = Self.linksToFragment(bytes)
    }

    /// A stamp taken earlier, as a cache kept it.
    public init(fingerprint: UInt64, linksToFragment: Bool) {
        self.fingerprint = fingerprint
        self.linksToFragment = linksToFragment
    }

    private static func linksToFragment(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0x0A
        for byte in bytes {
            if byte == 0x23, previous != 0x0A, previous != 0x20, previous != 0x23 { return true }
            previous = byte
        }
        return false
    }
}
