public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// Where in the content a problem is: a path relative to the content folder,
/// and a line and column (1-based) or a JSON path where they are known.
///
/// Columns count Unicode scalars (what VS Code, libyaml and most editors call characters in
/// composed text), not UTF-8 bytes: in `Ảnh hỏng ![`, `!` is column 10. A problem with the file as
/// a whole is shown at 1:1, so every line has the `file:line:column:` form editors link to.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var jsonPath: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, jsonPath: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
    }

    /// The line shown to the officer: 1 when the problem is the whole file.
    public var shownLine: Int { line ?? 1 }
    /// The column shown to the officer: 1 when only the line (or nothing) is known.
    public var shownColumn: Int { column ?? 1 }

    /// `stories/a.md:3:7`, the form editors and CI link to.
    public var description: String {
        "\(OneLine.escaped(file)):\(shownLine):\(shownColumn)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.jsonPath ?? "")
            < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.jsonPath ?? "")
    }
}

/// One problem found in the content, said in plain words with what to do about it.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    public var location: SourceLocation
    public var message: LocalizedText
    /// The content file whose absence the problem is about (`markets/han-quoc.md` for
    /// `market: han-quoc`), when there is one; `anyPlanFile` when it is some plan's area. When that
    /// file is there but failed to load, its own errors say what to fix and this is not repeated.
    public var followsFrom: String?

    /// For a reference to an area: the area would be in one of the plans.
    public static let anyPlanFile = "targets/"

    public init(_ severity: Severity, _ location: SourceLocation, _ message: LocalizedText, followsFrom: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.followsFrom = followsFrom
    }

    /// The same problem, said to follow from `file` being absent.
    public func following(_ file: String) -> Diagnostic {
        var copy = self
        copy.followsFrom = file
        return copy
    }

    /// True when the file this problem is about is there but failed to load: its own errors are reported instead.
    public func followsFromUnusable(_ unusableFiles: Set<String>) -> Bool {
        guard let file = followsFrom else { return false }
        if file == Self.anyPlanFile { return unusableFiles.contains { $0.hasPrefix(Self.anyPlanFile) } }
        return unusableFiles.contains(file)
    }

    /// An error said by the message `key` of the catalogs, with its named values.
    public static func error(_ location: SourceLocation, _ key: String, _ arguments: [String: MessageArgument] = [:]) -> Diagnostic {
        Diagnostic(.error, location, LocalizedText(key, arguments))
    }

    public static func warning(_ location: SourceLocation, _ key: String, _ arguments: [String: MessageArgument] = [:]) -> Diagnostic {
        Diagnostic(.warning, location, LocalizedText(key, arguments))
    }

    /// `stories/a.md:3:7: error: areas[2].date: …` — gcc's form, which editors and CI parse.
    /// Always one line: control characters in the file name or message (a decoded `%0a` in a
    /// link) are written as escapes such as `\n`.
    public func formatted(in language: Language, contentPrefix: String = "") -> String {
        var text = "\(OneLine.escaped(contentPrefix))\(location): \(severity.rawValue): "
        if let path = location.jsonPath { text += "\(OneLine.escaped(path)): " }
        return text + shownMessage(in: language)
    }

    /// The message as printed: in `language`, on one line.
    public func shownMessage(in language: Language) -> String {
        OneLine.escaped(message.text(in: language))
    }
}

/// The problems a stage found. Errors stop the build; warnings are reported and the build goes on.
public struct Diagnostics: Error, Sendable, Hashable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { items += other.items }
    public mutating func append(contentsOf other: [Diagnostic]) { items += other }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var isEmpty: Bool { items.isEmpty }

    /// Stable order: by file, then position, errors before warnings at one place.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.severity) < ($1.location, $1.severity) }
    }
}

/// Keeps officers' text on one line of output: one problem, one line.
public enum OneLine {
    /// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators become
    /// visible escapes: `\n`, `\r`, `\t`, otherwise `\u{85}`. Everything else is left as it is.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { result.append(scalar); continue }
            let escape: String = switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            result.append(contentsOf: escape.unicodeScalars)
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

/// Turns positions counted in UTF-8 bytes (as cmark reports them) into the character columns
/// `SourceLocation` holds.
public enum SourceColumn {
    /// The 1-based column, in Unicode scalars, of the byte at 1-based `byteColumn` of `line`.
    public static func fromByteColumn(_ byteColumn: Int, in line: Substring) -> Int {
        guard byteColumn > 1 else { return max(byteColumn, 1) }
        let bytes = line.utf8
        let end = bytes.index(bytes.startIndex, offsetBy: byteColumn - 1, limitedBy: bytes.endIndex) ?? bytes.endIndex
        // Count scalars that start before `end`: every byte that is not a UTF-8 continuation byte.
        return bytes[bytes.startIndex..<end].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
    }

    /// The same for line `lineNumber` (1-based) of `text`; `byteColumn` unchanged when the line is not there.
    public static func fromByteColumn(_ byteColumn: Int, line lineNumber: Int, of text: String) -> Int {
        var remaining = lineNumber - 1
        var start = text.startIndex
        while remaining > 0 {
            guard let newline = text.utf8[start...].firstIndex(of: 0x0A) else { return byteColumn }
            start = text.utf8.index(after: newline)
            remaining -= 1
        }
        let end = text.utf8[start...].firstIndex(of: 0x0A) ?? text.endIndex
        return fromByteColumn(byteColumn, in: text[start..<end])
    }
}

extension Diagnostics {
    /// How many problems of one file are printed; a mistake repeated all through a large file
    /// would otherwise bury everything else (one file gave 120,000 lines).
    public static let shownPerFile = 20
}

extension Sequence where Element == Diagnostic {
    /// The diagnostics in their order, at most `limit` per file; after a file's last shown one,
    /// a line says how many more it has (an error if any of those is an error).
    public func cappedPerFile(_ limit: Int = Diagnostics.shownPerFile) -> [Diagnostic] {
        var shown: [Diagnostic] = []
        var lastShown: [String: (index: Int, count: Int)] = [:]
        var hidden: [String: (count: Int, hasError: Bool)] = [:]
        for diagnostic in self {
            let file = diagnostic.location.file
            let last = lastShown[file]
            if (last?.count ?? 0) < limit {
                shown.append(diagnostic)
                lastShown[file] = (shown.count - 1, (last?.count ?? 0) + 1)
            } else {
                let before = hidden[file] ?? (0, false)
                hidden[file] = (before.count + 1, before.hasError || diagnostic.severity == .error)
            }
        }
        guard !hidden.isEmpty else { return shown }
        var moreAfter: [Int: Diagnostic] = [:]
        for (file, more) in hidden {
            moreAfter[lastShown[file]?.index ?? 0] = Self.moreLine(file: file, count: more.count, hasError: more.hasError)
        }
        var result: [Diagnostic] = []
        result.reserveCapacity(shown.count + moreAfter.count)
        for (index, diagnostic) in shown.enumerated() {
            result.append(diagnostic)
            if let more = moreAfter[index] { result.append(more) }
        }
        return result
    }

    private static func moreLine(file: String, count: Int, hasError: Bool) -> Diagnostic {
        Diagnostic(hasError ? .error : .warning, SourceLocation(file: file),
                   LocalizedText(hasError ? "core.moreErrorsInFile" : "core.moreWarningsInFile", ["count": .integer(count)]))
    }
}
