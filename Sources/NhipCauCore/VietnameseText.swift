import Foundation

/// Text folding for Vietnamese: URL slugs and diacritic-insensitive search keys.
public enum VietnameseText {
    /// `Nhật Bản` → `nhat-ban`, `Đà Nẵng` → `da-nang`. Composed, decomposed and old-style
    /// tone placement (`hoà`/`hòa`) give one slug, since all marks are removed.
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            if isSlugCharacter(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// Lower case, every combining mark removed, đ → d: what a user types on a keyboard without
    /// Vietnamese input. `Đường` and `dương` both fold to `duong`.
    public static func fold(_ text: String) -> String {
        foldByTable(text) ?? foldByDecomposition(text)
    }

    /// `fold` one scalar at a time, for text of ASCII, Latin letters (Vietnamese's among them) and
    /// combining marks; nil for anything else. The same result as `foldByDecomposition`: a string's
    /// canonical decomposition is its scalars' decompositions put together, only marks (all removed
    /// here) are reordered, and lower-casing Latin letters needs no context. Decomposing through
    /// Foundation was most of the time spent slugging tags and folding search words.
    static func foldByTable(_ text: String) -> String? {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if let latin = LatinFolds.table.fold(value) {
                folded.append(contentsOf: latin.unicodeScalars)
            } else if isCombiningMark(scalar) {
                continue
            } else {
                return nil
            }
        }
        return String(folded)
    }

    /// Each Latin letter's fold, made once by `foldByDecomposition`.
    private struct LatinFolds: Sendable {
        static let table = LatinFolds()
        static let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x1E00...0x1EFF]
        private let folds: [[String]]

        private init() {
            folds = Self.ranges.map { range in
                range.map { value in Unicode.Scalar(value).map { foldByDecomposition(String(Character($0))) } ?? "" }
            }
        }

        func fold(_ value: UInt32) -> String? {
            for (range, folds) in zip(Self.ranges, self.folds) where range.contains(value) {
                return folds[Int(value - range.lowerBound)]
            }
            return nil
        }
    }

    static func foldByDecomposition(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if isCombiningMark(scalar) { continue }
            switch scalar {
            case "đ", "Đ": folded.append("d")
            default: folded.append(scalar)
            }
        }
        return String(folded)
    }

    /// Lower case with vowel marks kept but the tone moved to the end of each word, so that
    /// old and new tone placement meet: `hoà` and `hòa` give the same key, `đường` and `dương` do not.
    public static func toneCanonical(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var word = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        func flush() {
            result.append(contentsOf: word)
            if let tone { result.append(tone) }
            word = String.UnicodeScalarView()
            tone = nil
        }
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if toneMarks.contains(scalar.value) {
                tone = scalar
            } else if scalar.properties.isAlphabetic || isCombiningMark(scalar) {
                word.append(scalar)
            } else {
                flush()
                result.append(scalar)
            }
        }
        flush()
        return String(result).precomposedStringWithCanonicalMapping
    }

    /// File names officers may use as slugs: lowercase a–z, 0–9 and single inner hyphens.
    /// One pass over the bytes: every content file's name is checked, and `String.contains` of a
    /// string goes through Foundation's search (some 6,000 instructions a name).
    public static func isValidSlug(_ text: String) -> Bool {
        let hyphen = UInt8(ascii: "-")
        var previous = hyphen // refuses a leading hyphen, and (at the end) an empty name
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case hyphen where previous != hyphen: break
            default: return false
            }
            previous = byte
        }
        return previous != hyphen
    }

    private static func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
    }

    /// grave, acute, tilde, hook above, dot below.
    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]
}

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, newlines), without
    /// bridging to `NSString`, which `trimmingCharacters(in:)` does on Linux.
    public var trimmed: String {
        // Most values start and end with a visible ASCII character: nothing to trim, no grapheme breaking.
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return whole
        }
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// True when the text holds only white space.
    public var isBlank: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } || allSatisfy(\.isWhitespace)
    }
}
