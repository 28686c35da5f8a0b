import Foundation
@testable import NhipCauCore
import NhipCauWrite
import Testing

/// The one folding the index and the search script share (the script's side is checked in
/// `BrowserSearchTests` on these same cases).
enum FoldingCases {
    /// text → what `VietnameseText.fold` must give.
    static let folded: [(String, String)] = [
        ("Nhật Bản", "nhat ban"),
        ("Đà Nẵng", "da nang"),
        ("ĐÀ NẴNG", "da nang"),
        ("Hòa Bình", "hoa binh"),
        ("Hoà Bình", "hoa binh"),
        ("đường", "duong"),
        ("dương", "duong"),
        ("Vay vốn Ngân hàng", "vay von ngan hang"),
        ("Nghe\u{0302}\u{0323} An", "nghe an"),            // decomposed, marks out of canonical order
        ("thuỷ sản", "thuy san"),
        ("61/2015/NĐ-CP", "61/2015/nd-cp"),
    ]

    /// Pairs that must give the same tone-canonical form (old and new tone placement, NFC and NFD).
    static let sameForm: [(String, String)] = [
        ("hoà", "hòa"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("Nhật Bản", "Nha\u{0323}\u{0302}t Ba\u{0309}n"),
    ]

    /// Pairs that fold alike but must keep apart when the user typed diacritics.
    static let differentForm: [(String, String)] = [
        ("đường", "dương"),
        ("bản", "bán"),
        ("hoà", "hoa"),
    ]

    /// Every text above, for sending to the browser.
    static var allTexts: [String] {
        folded.map(\.0) + sameForm.flatMap { [$0.0, $0.1] } + differentForm.flatMap { [$0.0, $0.1] }
    }
}

@Suite struct FoldingTests {
    @Test(arguments: FoldingCases.folded.map { [$0.0, $0.1] })
    func foldRemovesEveryMarkAndLowerCases(_ pair: [String]) {
        #expect(VietnameseText.fold(pair[0]) == pair[1])
    }

    /// `fold` takes Latin letters from a table and decomposes only other text: both ways must agree,
    /// on every scalar the table covers and on text mixing them with marks in any order.
    @Test func foldingByTableGivesWhatDecomposingGives() {
        let covered = (0x20...0x24F).compactMap(Unicode.Scalar.init) + (0x1E00...0x1EFF).compactMap(Unicode.Scalar.init)
        for scalar in covered {
            let text = String(Character(scalar))
            #expect(VietnameseText.foldByTable(text) == VietnameseText.foldByDecomposition(text), "U+\(String(scalar.value, radix: 16))")
        }
        let marks = (0x300...0x323).compactMap(Unicode.Scalar.init)
        for (index, scalar) in covered.enumerated() {
            let mark = marks[index % marks.count], other = marks[(index * 7 + 3) % marks.count]
            let next = covered[(index * 31 + 17) % covered.count]
            for sequence in [[scalar, mark], [mark, scalar, other, mark], [scalar, other, next, mark, mark]] {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: sequence)
                let string = String(text)
                #expect(VietnameseText.foldByTable(string) == VietnameseText.foldByDecomposition(string),
                        "\(sequence.map { String($0.value, radix: 16) })")
            }
        }
        for text in FoldingCases.allTexts + ["Nhật Bản – Hàn Quốc", "日本", "İstanbul"] {
            #expect(VietnameseText.fold(text) == VietnameseText.foldByDecomposition(text), "\(text)")
        }
    }

    @Test func oldAndNewTonePlacementGiveOneForm() {
        for (first, second) in FoldingCases.sameForm {
            #expect(VietnameseText.toneCanonical(first) == VietnameseText.toneCanonical(second), "\(first) / \(second)")
        }
    }

    @Test func formsThatOnlyFoldAlikeStayApart() {
        for (first, second) in FoldingCases.differentForm {
            #expect(VietnameseText.fold(first) == VietnameseText.fold(second))
            #expect(VietnameseText.toneCanonical(first) != VietnameseText.toneCanonical(second), "\(first) / \(second)")
        }
    }

    @Test func theToneGoesToTheEndOfEachWordAndTheResultIsComposed() {
        #expect(VietnameseText.toneCanonical("Hòa Bình") == "hoa\u{0300} binh\u{0300}".precomposedStringWithCanonicalMapping)
        #expect(VietnameseText.toneCanonical("đường").unicodeScalars.map(\.value)
                == "đương\u{0300}".precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
    }

    @Test func queryWordsAreRunsOfLettersMarksAndDigits() {
        #expect(SearchWords.terms("61/2015/NĐ-CP").map(\.key) == ["61", "2015", "nd", "cp"])
        #expect(SearchWords.terms("  nhật—bản, «vay» vốn!").map(\.key) == ["nhat", "ban", "vay", "von"])
        #expect(SearchWords.terms("Nhật nhat NHẬT").map(\.key) == ["nhat"], "each key once, the first spelling kept")
        #expect(SearchWords.terms("Nhật nhat").first?.form == VietnameseText.toneCanonical("nhật"))
        #expect(SearchWords.terms("a b c d e f g h i j").count == 8)
        #expect(SearchWords.terms("… — !").isEmpty)
    }

    @Test func pageWordsKeepTheirBestField() {
        var words = PageWords()
        words.add("Nhật Bản và Đà Nẵng, 61/2015/NĐ-CP", as: .text)
        words.add("Nhật", as: .title)
        words.add("“Nhật Bản”", as: .summary)
        let found = Dictionary(uniqueKeysWithValues: words.all)
        #expect(found == ["Nhật": 3, "Bản": 2, "và": 1, "Đà": 1, "Nẵng": 1, "61": 1, "2015": 1, "NĐ": 1, "CP": 1])
    }

    @Test func pageWordsAreTheScalarRunsOfEveryScriptAndSurviveManyWords() {
        var words = PageWords()
        let text = (0..<2000).map { "từ\($0)" }.joined(separator: " — ") + " 東京 Ελλάδα Nghe\u{0302}\u{0323} 😀x"
        words.add(text, as: .text)
        let found = words.all.map(\.0)
        #expect(found.count == 2000 + 4)
        #expect(Set(found) == Set((0..<2000).map { "từ\($0)" } + ["東京", "Ελλάδα", "Nghe\u{0302}\u{0323}", "x"]))
        #expect(found.allSatisfy { word in word.unicodeScalars.allSatisfy(SearchWords.isWordScalar) })
    }
}
