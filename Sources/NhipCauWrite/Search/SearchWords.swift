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
        for scalar in joiningPhoneNumbers(query).unicodeScalars {
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

    /// A Vietnamese phone number typed in any grouping (`0912 345 678`, `0912.345.678`,
    /// `+84 912 345 678`) made one word, its national digits, as pages index it (`PhoneNumber.digits`
    /// in a page's context). A run of digits with ` .-()+` between them that is no phone number
    /// (`2021 2022`) stays as typed. The script's `phones` does the same.
    public static func joiningPhoneNumbers(_ query: String) -> String {
        let scalars = Array(query.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard isDigit(scalar) || scalar == "(" || scalar == "+" else {
                out.append(scalar)
                index += 1
                continue
            }
            var end = index
            var lastDigit = -1
            while end < scalars.count, isDigit(scalars[end]) || phoneSeparators.contains(scalars[end]) {
                if isDigit(scalars[end]) { lastDigit = end }
                end += 1
            }
            guard lastDigit >= index else {
                out.append(scalar)
                index += 1
                continue
            }
            let run = String(String.UnicodeScalarView(scalars[index...lastDigit]))
            out.append(contentsOf: (PhoneNumber(run)?.digits ?? run).unicodeScalars)
            index = lastDigit + 1
        }
        return String(out)
    }

    private static let phoneSeparators: Set<Unicode.Scalar> = [" ", ".", "-", "(", ")", "+", "\u{00A0}"]

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
