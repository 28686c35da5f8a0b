/// Finds the few tag shapes the theme step looks for in templates by walking their bytes: the
/// `Regex` literals that did this were compiled and run on every build, some 40 ms of it.
/// `TagScannerTests` holds each scanner to its regular expression on every shipped template.
enum TagScanner {
    /// `{{…t.name…}}` with the parts `UIStringTags` tells apart: `{{{t.name}}}`, `{{& t.name}}`,
    /// `{{ t.name }}` (what `/\{\{(\{)?\s*(&)?\s*t\.([A-Za-z0-9_]+)\s*(\})?\}\}/` matches).
    struct WordTag {
        let range: Range<Int>
        let open: Bool
        let ampersand: Bool
        let name: String
        let close: Bool
    }

    static func wordTags(in text: String) -> [WordTag] {
        let bytes = Array(text.utf8)
        var tags: [WordTag] = []
        var index = 0
        while let start = find(Array("{{".utf8), in: bytes, from: index) {
            if let tag = wordTag(bytes, at: start) {
                tags.append(tag)
                index = tag.range.upperBound
            } else {
                index = start + 1
            }
        }
        return tags
    }

    private static func wordTag(_ bytes: [UInt8], at start: Int) -> WordTag? {
        var index = start + 2
        let open = byte(bytes, index) == UInt8(ascii: "{")
        if open { index += 1 }
        index = skipSpaces(bytes, from: index)
        let ampersand = byte(bytes, index) == UInt8(ascii: "&")
        if ampersand { index = skipSpaces(bytes, from: index + 1) }
        guard byte(bytes, index) == UInt8(ascii: "t"), byte(bytes, index + 1) == UInt8(ascii: ".") else { return nil }
        let nameStart = index + 2
        index = nameStart
        while let next = byte(bytes, index), isNameByte(next) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        index = skipSpaces(bytes, from: index)
        // `(\})?\}\}`: a third brace is taken when two more follow it.
        let close = byte(bytes, index) == UInt8(ascii: "}") && byte(bytes, index + 1) == UInt8(ascii: "}")
            && byte(bytes, index + 2) == UInt8(ascii: "}")
        if close { index += 1 }
        guard byte(bytes, index) == UInt8(ascii: "}"), byte(bytes, index + 1) == UInt8(ascii: "}") else { return nil }
        return WordTag(range: start..<index + 2, open: open, ampersand: ampersand, name: name, close: close)
    }

    /// The values of `id="…"` attributes written out in full (`/\bid="([^"{}]+)"/`).
    static func literalIDs(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var ids: [String] = []
        var index = 0
        while let start = find(Array("id=\"".utf8), in: bytes, from: index) {
            index = start + 1
            guard start == 0 || !isWordByte(bytes[start - 1]) else { continue }
            var end = start + 4
            while let next = byte(bytes, end), next != UInt8(ascii: "\""), next != UInt8(ascii: "{"), next != UInt8(ascii: "}") { end += 1 }
            guard byte(bytes, end) == UInt8(ascii: "\""), end > start + 4 else { continue }
            ids.append(String(decoding: bytes[start + 4..<end], as: UTF8.self))
            index = end + 1
        }
        return ids
    }

    /// The names of the partials a template includes (`/\{\{>\s*([^\s}]+)\s*\}\}/`).
    static func partialNames(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var names: [String] = []
        var index = 0
        while let start = find(Array("{{>".utf8), in: bytes, from: index) {
            index = start + 1
            let nameStart = skipSpaces(bytes, from: start + 3)
            var nameEnd = nameStart
            while let next = byte(bytes, nameEnd), next != UInt8(ascii: "}"), spaceLength(bytes, at: nameEnd) == 0 { nameEnd += 1 }
            guard nameEnd > nameStart else { continue }
            let end = skipSpaces(bytes, from: nameEnd)
            guard byte(bytes, end) == UInt8(ascii: "}"), byte(bytes, end + 1) == UInt8(ascii: "}") else { continue }
            names.append(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self))
            index = end + 2
        }
        return names
    }

    private static func byte(_ bytes: [UInt8], _ index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// A byte of a word for `\b`: ASCII letters, digits and `_`, and every byte of a non-ASCII scalar
    /// (letters, in templates).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        isNameByte(byte) || byte >= 0x80
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while case let length = spaceLength(bytes, at: index), length > 0 { index += length }
        return index
    }

    /// The bytes of the white space character at `index` (`\s`), 0 when there is none.
    private static func spaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        guard let first = byte(bytes, index) else { return 0 }
        if first < 0x80 {
            // A CR LF pair is one character, as `\s` sees it.
            if first == 0x0D && byte(bytes, index + 1) == 0x0A { return 2 }
            return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : 0
        }
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count,
              let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first else { return 0 }
        return scalar.properties.isWhitespace ? length : 0
    }
}
