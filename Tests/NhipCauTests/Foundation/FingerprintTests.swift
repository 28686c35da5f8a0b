import NhipCauCore
import Testing

/// The build cache trusts a fingerprint to tell an edited file from the one it saw, and its checksum
/// is taken over the pieces as they are written but checked over the whole file at once.
@Suite struct FingerprintTests {
    static let text = Array("---\ntitle: \"Ba năm ở nhà máy điện tử Đài Loan\"\n---\nChị T.T.B. vay vốn đi Đài Loan.\n".utf8)

    @Test(arguments: [[1], [7, 8, 9], [8, 8], [3, 1, 13], [64]])
    func theSameBytesInAnyPiecesGiveTheSameValue(pieces: [Int]) {
        var whole = Fingerprint()
        whole.add(Self.text)
        var pieced = Fingerprint()
        var start = 0
        var next = 0
        while start < Self.text.count {
            let end = min(Self.text.count, start + pieces[next % pieces.count])
            pieced.add(Array(Self.text[start..<end]))
            start = end
            next += 1
        }
        #expect(pieced.value == whole.value)
    }

    @Test func anyOneByteChangedChangesTheValue() {
        let original = Fingerprint.of(Self.text)
        var values: Set<UInt64> = [original]
        for index in Self.text.indices {
            for flip: UInt8 in [1, 0x80] {
                var changed = Self.text
                changed[index] ^= flip
                values.insert(Fingerprint.of(changed))
            }
        }
        #expect(values.count == 1 + Self.text.count * 2, "every one-bit change gives a value of its own")
    }

    @Test func lengthCounts() {
        #expect(Fingerprint.of([UInt8]()) != Fingerprint.of([0]))
        #expect(Fingerprint.of([0]) != Fingerprint.of([0, 0]))
        #expect(Fingerprint.of([UInt8](repeating: 0, count: 8)) != Fingerprint.of([UInt8](repeating: 0, count: 9)))
    }
}
