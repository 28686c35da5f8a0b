import NhipCauCore
import Testing

/// `String(checkingUTF8:)`, which the caches read every text through, agrees with the standard
/// library's `String(validating:as:)`: the same string for valid bytes, nil for any other.
@Suite struct CacheTextTests {
    private func fast(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { String(checkingUTF8: $0) }
    }

    private func standard(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    @Test(arguments: [
        "", "a", "nhat-ban", "Nhật Bản", "Người lao động đi làm việc ở nước ngoài theo hợp đồng", "😀 + 𝔸", "\u{FFFD}",
    ])
    func validTextComesBackAsWritten(text: String) {
        #expect(fast(Array(text.utf8)) == text)
    }

    @Test(arguments: [
        [0x80], // a continuation byte alone
        [0x61, 0xF0, 0x90, 0x80, 0x62], // a four-byte sequence cut after three: repaired to one U+FFFD of three bytes, the same count
        [0xE0, 0xA0], // cut short at the end
        [0xC0, 0xAF], // an overlong `/`
        [0xED, 0xA0, 0x80], // a surrogate
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
        [0xFF], [0x61, 0xFE, 0x62],
    ] as [[UInt8]])
    func invalidBytesAreRefused(bytes: [UInt8]) {
        #expect(fast(bytes) == nil)
        #expect(standard(bytes) == nil)
    }

    @Test func randomBytesGetTheStandardLibrarysAnswer() {
        // Bytes drawn mostly from lead and continuation bytes, so that most arrays are near-valid UTF-8.
        var generator = SeededBytes(seed: 20_261_207)
        let alphabet: [UInt8] = [0x61, 0x2D, 0x80, 0x90, 0xA0, 0xBF, 0xC3, 0xC0, 0xE1, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<20_000 {
            // Up to 40 bytes: strings of more than 15 bytes are stored apart from small ones.
            let bytes = (0..<generator.next(below: 41)).map { _ in alphabet[generator.next(below: alphabet.count)] }
            let expected = standard(bytes)
            #expect(fast(bytes) == expected, "\(bytes)")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 500, "the draw gives valid arrays too")
    }

    @Test func theCacheReaderRefusesATextThatIsNotUTF8() {
        var writer = CacheBytesWriter()
        writer.text("Hà Tĩnh")
        writer.integer(UInt32(2))
        var bytes = writer.bytes
        bytes += [0xC3, 0x28]
        var reader = CacheBytesReader(bytes)
        #expect(reader.text() == "Hà Tĩnh")
        #expect(reader.text() == nil)
    }
}

/// A small deterministic generator (SplitMix64), so a failure names the same arrays every run.
private struct SeededBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
