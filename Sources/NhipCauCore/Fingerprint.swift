/// FNV-1a, 64 bits: enough to tell an edited input or page from the one the build cache saw.
public struct Fingerprint: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        value = hash
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

    private static func linksToFragment(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0x0A
        for byte in bytes {
            if byte == 0x23, previous != 0x0A, previous != 0x20, previous != 0x23 { return true }
            previous = byte
        }
        return false
    }
}
