import NhipCauCore

/// How the index and the search script cut text into words and compare them. The script
/// (`assets/search.js`, functions `terms`, `fold`, `tone`) does exactly the same; keep them in step.
///
/// A word is a run of letters, combining marks and decimal digits, so `61/2015/NĐ-CP` gives
/// `61`, `2015`, `NĐ`, `CP`. A word is found under its **key**, `VietnameseText.fold` (what a phone
/// keyboard without Vietnamese input types), and each key keeps the **forms** it was written in,
/// `VietnameseText.toneCanonical`, so that a query typed with diacritics can rank exact forms first.
public enum SearchWords {
    /// Where on a page a word was found; a higher field ranks higher. Two bits in the index.
    public enum Field: UInt8, Sendable {
        case text = 1, summary = 2, title = 3
    }

    /// Letters (Unicode `Alphabetic`), nonspacing marks and decimal digits; the script's `SPLIT`
    /// is the complement, `/[^\p{Alphabetic}\p{Mn}\p{Nd}]+/u`.
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .decimalNumber
    }

    /// The words of a query as the script takes them: `(key, form)`, at most 8, each key once.
    public static func terms(_ query: String) -> [(key: String, form: String)] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in query.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        var seen: Set<String> = []
        var terms: [(key: String, form: String)] = []
        for word in words {
            let key = VietnameseText.fold(word)
            guard !key.isEmpty, terms.count < 8, seen.insert(key).inserted else { continue }
            terms.append((key, VietnameseText.toneCanonical(word)))
        }
        return terms
    }
}
