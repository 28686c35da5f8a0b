public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// Where in the content a problem is: a path relative to the content folder,
/// and a line and column (1-based) or a JSON path where they are known.
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

    /// `stories/a.md:3:7`, the form editors and CI link to.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
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

    public init(_ severity: Severity, _ location: SourceLocation, _ message: LocalizedText) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ location: SourceLocation, vi: String, en: String) -> Diagnostic {
        Diagnostic(.error, location, LocalizedText(vi: vi, en: en))
    }

    public static func warning(_ location: SourceLocation, vi: String, en: String) -> Diagnostic {
        Diagnostic(.warning, location, LocalizedText(vi: vi, en: en))
    }

    /// `stories/a.md:3:7: error: areas[2].date: …` — gcc's form, which editors and CI parse.
    public func formatted(in language: Language, contentPrefix: String = "") -> String {
        var text = "\(contentPrefix)\(location): \(severity.rawValue): "
        if let path = location.jsonPath { text += "\(path): " }
        return text + message.text(in: language)
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
        let vi = NumberFormat(language: .vi).integer(count), en = NumberFormat(language: .en).integer(count)
        return Diagnostic(hasError ? .error : .warning, SourceLocation(file: file),
            LocalizedText(vi: "… và \(vi) \(hasError ? "lỗi" : "cảnh báo") khác trong tệp này",
                          en: "… and \(en) more in this file"))
    }
}
