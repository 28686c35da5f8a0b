/// The tool's messages in one language: `Embedded/messages/<language>.yml`, built into the executable.
///
/// Core has no YAML library, and these files are ours, not an officer's: they keep to one line per
/// key, `key: "text"`, with YAML's double-quoted escapes (`\"`, `\\`, `\n`, `\t`, `\uXXXX`), blank
/// lines and `#` comments. Every such file is valid YAML (a test reads them with Yams too), so a
/// translator's editor shows them as YAML; Core reads them with the small parser below.
/// `{name}` in a text is filled with the message's argument of that name.
public struct MessageCatalog: Sendable {
    public let texts: [String: String]

    /// The languages the tool's messages are written in.
    public static let languages: [Language] = [.vi, .en]

    public init(texts: [String: String]) {
        self.texts = texts
    }

    // One per language, each read the first time it is asked for: a build speaks one.
    private static let vietnamese = read(.vi)
    private static let english = read(.en)

    private static func read(_ language: Language) -> MessageCatalog {
        (try? parse(EmbeddedFiles.text(path(of: language)) ?? "")) ?? MessageCatalog(texts: [:])
    }

    /// The catalog for `language`, Vietnamese when the tool does not speak it.
    public static func shipped(_ language: Language) -> MessageCatalog {
        switch language {
        case .en: english
        default: vietnamese
        }
    }

    /// `messages/vi.yml`, the file's path under the target's `Embedded/` folder.
    public static func path(of language: Language) -> String { "messages/\(language.rawValue).yml" }

    /// The shipped file's text, for tests that read it with a YAML parser.
    public static func shippedText(_ language: Language) -> String? { EmbeddedFiles.text(path(of: language)) }

    /// The text of `key` with its placeholders filled; the key itself if the catalog lacks it
    /// (a test checks that every key the code uses is in every catalog).
    public func fill(_ key: String, arguments: [String: MessageArgument], in language: Language) -> String {
        guard let template = texts[key] else { return key }
        return Placeholders.fill(template) { name in arguments[name]?.text(in: language) }
    }

    public struct SyntaxError: Error, Equatable {
        public let line: Int
        public let reason: String
    }

    /// Reads `key: "text"` lines. Throws at the first line that is not in that form.
    public static func parse(_ text: String) throws(SyntaxError) -> MessageCatalog {
        var texts: [String: String] = [:]
        // Split on the newline byte: splitting a String by Character walks grapheme clusters, which
        // made reading these files a third of an incremental build of a small site. Only the tool's own
        // files come here (LF line ends; officers' wording files are read by `WordingFile`).
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = separator(in: bytes) else {
                throw SyntaxError(line: index + 1, reason: "expected `key: \"text\"`")
            }
            let key = String(line[..<colon.lowerBound])
            guard let value = unquoted(line[colon.upperBound...]) else {
                throw SyntaxError(line: index + 1, reason: "the text is not one double-quoted string")
            }
            guard texts.updateValue(value, forKey: key) == nil else {
                throw SyntaxError(line: index + 1, reason: "the key `\(key)` is written twice")
            }
        }
        return MessageCatalog(texts: texts)
    }

    /// The first `: "` of a line.
    private static func separator(in line: Substring.UTF8View) -> Range<String.Index>? {
        var start = line.startIndex
        while let colon = line[start...].firstIndex(of: UInt8(ascii: ":")) {
            start = line.index(after: colon)
            guard start < line.endIndex, line[start] == UInt8(ascii: " ") else { continue }
            let quote = line.index(after: start)
            if quote < line.endIndex, line[quote] == UInt8(ascii: "\"") { return colon..<line.index(after: quote) }
        }
        return nil
    }

    /// The text after the opening quote, up to the closing quote that ends the line; nil if malformed.
    private static func unquoted(_ rest: Substring) -> String? {
        // Most texts have no escape: the closing quote is then the first and the last.
        let bytes = rest.utf8
        if !bytes.contains(UInt8(ascii: "\\")), let quote = bytes.firstIndex(of: UInt8(ascii: "\"")) {
            return bytes.index(after: quote) == bytes.endIndex ? String(rest[..<quote]) : nil
        }
        var result = String.UnicodeScalarView()
        var scalars = rest.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\"":
                return scalars.next() == nil ? String(result) : nil
            case "\\":
                switch scalars.next() {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                    guard let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                    result.append(decoded)
                default: return nil
                }
            default:
                result.append(scalar)
            }
        }
        return nil
    }
}

/// `{name}` placeholders, shared by the tool's messages and the site's wording.
public enum Placeholders {
    /// The names of the placeholders in `text`, in order of first use.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        _ = fill(text) { name in
            if !names.contains(name) { names.append(name) }
            return nil
        }
        return names
    }

    /// `text` with each `{name}` (a letter, then letters, digits or `_`) replaced by `value(name)`;
    /// a name `value` gives nil for, and any other brace, is left as written.
    public static func fill(_ text: String, _ value: (String) -> String?) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), isName(rest[afterOpen..<close]),
               let filled = value(String(rest[afterOpen..<close])) {
                result += filled
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
