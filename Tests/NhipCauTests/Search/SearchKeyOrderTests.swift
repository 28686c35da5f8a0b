@testable import NhipCauWrite
import Testing

/// The index's keys are sorted as the search script compares strings (UTF-16 code units), and the
/// comparison is made on UTF-8 bytes: it must agree with UTF-16 on every pair.
struct SearchKeyOrderTests {
    static func byUTF16(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
    }

    /// Where code point order and UTF-16 order part: a code point above U+FFFF (a surrogate pair in
    /// UTF-16, below U+E000) against one from U+E000 to U+FFFF.
    @Test(arguments: [
        ("a\u{1F600}", "a\u{FF21}"), ("\u{E000}", "\u{10000}"), ("\u{FFFD}x", "\u{1F4A9}"),
        ("nhat", "nhat ban"), ("nhat ban", "nhat"), ("", "a"), ("a", ""), ("same", "same"),
        ("điều dưỡng", "dieu duong"), ("ăn", "ân"), ("\u{7F}", "\u{80}"), ("\u{FFFF}", "\u{10FFFF}"),
    ])
    func pairsWhereTheOrdersCouldPart(pair: (String, String)) {
        #expect(SearchIndex.utf16Order(pair.0, pair.1) == Self.byUTF16(pair.0, pair.1))
        #expect(SearchIndex.utf16Order(pair.1, pair.0) == Self.byUTF16(pair.1, pair.0))
    }

    @Test func manyPairsDrawnFromEveryRange() {
        // Letters from each UTF-8 length and both sides of U+E000, so that pairs share prefixes and part anywhere.
        let alphabet: [Unicode.Scalar] = ["a", "b", "z", "0", " ", "\u{7F}", "\u{E0}", "\u{1EA1}", "\u{111}", "\u{800}",
                                          "\u{D7FF}", "\u{E000}", "\u{FB01}", "\u{FFFD}", "\u{10000}", "\u{1F600}", "\u{10FFFF}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func word() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<next(5) { scalars.append(alphabet[next(alphabet.count)]) }
            return String(scalars)
        }
        var disagreements: [(String, String)] = []
        for _ in 0..<20_000 {
            let (lhs, rhs) = (word(), word())
            if SearchIndex.utf16Order(lhs, rhs) != Self.byUTF16(lhs, rhs) { disagreements.append((lhs, rhs)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { "\($0.0.unicodeScalars.map(\.value)) vs \($0.1.unicodeScalars.map(\.value))" })")
    }
}
