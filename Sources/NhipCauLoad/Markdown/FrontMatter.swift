import NhipCauCore
import Yams

/// Typed reads of a YAML mapping, each failed read turned into a diagnostic at the key's line.
/// Officers' typos in keys (`dat:` for `date:`) become warnings naming the key they probably meant.
struct FrontMatter {
    let file: String
    private let lineOffset: Int
    private var entries: [String: (key: YAMLNode, value: YAMLNode)] = [:]
    private(set) var order: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var start: (line: Int, column: Int)?

    /// Parses `yaml`, whose first line is line `firstLine` of `file`; `closingLine` is the line
    /// of the `---` after it, when there is one.
    static func parse(_ yaml: String, file: String, firstLine: Int, closingLine: Int? = nil) -> Result<FrontMatter, Diagnostic> {
        parseNode(yaml, file: file, firstLine: firstLine, closingLine: closingLine).flatMap { reading($0, file: file, firstLine: firstLine) }
    }

    /// The YAML tree of front matter, nil when it is empty; `reading` then reads its keys. Apart so
    /// that the tree can be kept in the front matter cache.
    static func parseNode(_ yaml: String, file: String, firstLine: Int, closingLine: Int? = nil) -> Result<YAMLNode?, Diagnostic> {
        if let alias = YAMLAliasScan.first(in: yaml) {
            return .failure(aliasDiagnostic(alias, file: file, lineOffset: firstLine - 1))
        }
        do {
            // The encoding given, not Yams' default, which reads the environment on every call
            // (a third of the time front matter took).
            return .success(try Yams.compose(yaml: yaml, keyResolver, Constructor.default, .utf8).map(YAMLNode.init))
        } catch {
            return .failure(yamlDiagnostic(error, file: file, lineOffset: firstLine - 1, closingLine: closingLine))
        }
    }

    /// The keys of front matter parsed by `parseNode` (or kept from an earlier parse).
    static func reading(_ root: YAMLNode?, file: String, firstLine: Int) -> Result<FrontMatter, Diagnostic> {
        var frontMatter = FrontMatter(file: file, lineOffset: firstLine - 1)
        switch root?.value {
        case nil:
            return .success(frontMatter)
        case .mapping(let pairs):
            frontMatter.add(pairs)
            return .success(frontMatter)
        default:
            return .failure(.error(SourceLocation(file: file, line: firstLine, column: 1), "load.frontMatterKeyValue"))
        }
    }

    /// A whole YAML file whose top is not a mapping (`areas.yml` is a list), or nil when it is empty;
    /// its mappings are then read with `of(_:file:)`.
    static func parseDocument(_ yaml: String, file: String) -> Result<YAMLNode?, Diagnostic> {
        if let alias = YAMLAliasScan.first(in: yaml) {
            return .failure(aliasDiagnostic(alias, file: file, lineOffset: 0))
        }
        do {
            return .success(try Yams.compose(yaml: yaml, keyResolver, Constructor.default, .utf8).map(YAMLNode.init))
        } catch {
            return .failure(yamlDiagnostic(error, file: file, lineOffset: 0, closingLine: nil))
        }
    }

    /// One mapping of a file read with `parseDocument`.
    static func of(_ mapping: [YAMLPair], file: String) -> FrontMatter {
        var fields = FrontMatter(file: file, lineOffset: 0)
        fields.add(mapping)
        return fields
    }

    /// No rules: every scalar resolves to `str` without a regular expression. Nothing here reads a
    /// resolved tag (`YAMLNode` keeps the text and whether it was plain); Yams resolves each key's tag
    /// only to find duplicate keys, which took half of the YAML parse with the default rules. Keys are
    /// read by their text (`entries`), so with no rules a key written plain and quoted (`true:`,
    /// `"true":`) is one duplicate key, not two keys of which the second silently replaced the first.
    static let keyResolver = Resolver.basic

    /// True when the key is there with a value, whatever its type.
    func has(_ key: String) -> Bool { value(key) != nil }

    /// A list (`areas:` with `- …` items below it), or nil with an error when it is something else.
    mutating func sequence(_ key: String, example: String) -> [YAMLNode]? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node.value else {
            wrongType(key, expected: LocalizedText("tree.listOfItems"), example: example)
            return nil
        }
        return sequence
    }

    private init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    private mutating func add(_ mapping: [YAMLPair]) {
        for pair in mapping {
            guard let name = pair.key.scalarText else { continue }
            entries[name] = (pair.key, pair.value)
            order.append(name)
        }
    }

    /// A nested mapping (`contact:` with indented keys below it), read with the same file and lines.
    mutating func mapping(_ key: String) -> FrontMatter? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let mapping) = node.value else {
            wrongType(key, expected: LocalizedText("load.indentedKeyValueLines"), example: "\n  hotline: 1900 1234")
            return nil
        }
        var nested = FrontMatter(file: file, lineOffset: lineOffset)
        nested.add(mapping)
        return nested
    }

    /// A list of nested mappings (`tasks:` with `- label: …` items), each read with the same file and lines.
    mutating func mappingList(_ key: String, example: String) -> [FrontMatter] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence) = node.value else {
            wrongType(key, expected: LocalizedText("load.listOfMappings"), example: example)
            return []
        }
        var items: [FrontMatter] = []
        for item in sequence {
            guard case .mapping(let mapping) = item.value else {
                wrongType(key, expected: LocalizedText("load.listOfMappings"), example: example)
                return []
            }
            var nested = FrontMatter(file: file, lineOffset: lineOffset)
            nested.add(mapping)
            nested.start = item.location
            items.append(nested)
        }
        return items
    }

    /// Where a list item read by `mappingList` begins, for a problem with the item as a whole.
    var startLocation: SourceLocation {
        SourceLocation(file: file, line: start.map { $0.line + lineOffset }, column: start?.column)
    }

    /// A number that may have decimals (`1.5`); nil, with an error, for anything else.
    mutating func decimal(_ key: String, example: String) -> Double? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let text, isPlain: true) = node.value, let number = Double(text), number.isFinite, number >= 0 else {
            wrongType(key, expected: LocalizedText("load.decimalNumber"), example: example)
            return nil
        }
        return number
    }

    /// The written text of a plain scalar (a number as typed, `25.000.000`), for messages about it.
    func rawScalar(_ key: String) -> String? {
        value(key)?.scalarText
    }

    /// The plain whole numbers of a two-item list, without judging their order.
    func integerPair(_ key: String) -> (Int, Int)? {
        guard case .sequence(let sequence) = value(key)?.value, sequence.count == 2,
              let low = Self.integerValue(sequence[0]), let high = Self.integerValue(sequence[1]) else { return nil }
        return (low, high)
    }

    mutating func appendDiagnostic(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    mutating func appendDiagnostics(_ more: [Diagnostic]) { diagnostics += more }

    func location(of key: String) -> SourceLocation {
        let mark = entries[key]?.value.location ?? entries[key]?.key.location
        return SourceLocation(file: file, line: mark.map { $0.line + lineOffset }, column: mark?.column)
    }

    func keyLocation(_ key: String) -> SourceLocation {
        let mark = entries[key]?.key.location
        return SourceLocation(file: file, line: mark.map { $0.line + lineOffset }, column: mark?.column)
    }

    /// The value, or nil when the key is absent or empty (`summary:` with nothing after it).
    private func value(_ key: String) -> YAMLNode? {
        guard let node = entries[key]?.value, !node.isNull else { return nil }
        return node
    }

    private mutating func missing(_ key: String, example: String) {
        diagnostics.append(.error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "load.requiredKeyMissingAdd", ["key": "\(key)", "example": "\(example)"]))
    }

    private mutating func wrongType(_ key: String, expected: LocalizedText, example: String) {
        diagnostics.append(.error(location(of: key), "load.valueExample", ["key": "\(key)", "expected": .message(expected), "example": "\(example)"]))
    }

    /// A text value as written, spaces kept (a wording's `" (tiến trình {n})"`); nil, with an error, for a list or mapping.
    mutating func untrimmedText(_ key: String) -> String? {
        guard let node = entries[key]?.value else { return nil }
        guard let text = node.scalarText else {
            wrongType(key, expected: LocalizedText("load.text"), example: "\"…\"")
            return nil
        }
        return text
    }

    mutating func text(_ key: String, required: Bool = false, example: String = "…") -> String? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let written = node.scalarText else {
            wrongType(key, expected: LocalizedText("load.text"), example: example)
            return nil
        }
        let text = written.trimmed
        if text.isEmpty, required { missing(key, example: example) }
        return text.isEmpty ? nil : text
    }

    mutating func date(_ key: String, required: Bool = false) -> SimpleDate? {
        guard let raw = text(key, required: required, example: "31/03/2021") else { return nil }
        let reading = SimpleDate.read(raw)
        guard case .day(let date) = reading else {
            if let problem = reading.problem(written: raw, quote: { "`\(key): \($0)`" }) {
                diagnostics.append(Diagnostic(.error, location(of: key), problem))
            }
            return nil
        }
        return date
    }

    mutating func integer(_ key: String, required: Bool = false, example: String = "1") -> Int? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let number = Self.integerValue(node) else {
            wrongType(key, expected: LocalizedText("load.wholeNumberNoSeparators"), example: example)
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool {
        guard let node = value(key) else { return false }
        guard let text = node.scalarText, let flag = Bool(text.lowercased()) else {
            wrongType(key, expected: LocalizedText("load.trueFalse2"), example: "true")
            return false
        }
        return flag
    }

    mutating func textList(_ key: String, example: String) -> [String] {
        guard let node = value(key) else { return [] }
        switch node.value {
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard let text = item.scalarText?.trimmed, !text.isEmpty else {
                    wrongType(key, expected: LocalizedText("load.listText"), example: example)
                    return []
                }
                items.append(text)
            }
            return items
        case .scalar(let text, _):
            return [text.trimmed] // one item written without brackets
        default:
            wrongType(key, expected: LocalizedText("load.listText"), example: example)
            return []
        }
    }

    /// `[min, max]` with min ≤ max.
    mutating func integerRange(_ key: String, example: String) -> ClosedRange<Int>? {
        guard let node = value(key) else { return nil }
        guard case .sequence(let sequence) = node.value, sequence.count == 2,
              let low = Self.integerValue(sequence[0]), let high = Self.integerValue(sequence[1]), low <= high, low >= 0
        else {
            wrongType(key, expected: LocalizedText("load.twoWholeNumbersLowest"), example: example)
            return nil
        }
        return low...high
    }

    func located(_ key: String, _ value: String?) -> Located<String>? {
        value.map { Located($0, at: location(of: key)) }
    }

    /// Warnings for keys this kind of file does not know, with the likely intended key.
    mutating func warnUnknownKeys(allowed: [String]) {
        for key in order where !allowed.contains(key) {
            let hint = allowed.filter { abs($0.count - key.count) <= 2 }
                .min { editDistance($0, key) < editDistance($1, key) }
                .flatMap { editDistance($0, key) <= 2 ? $0 : nil }
let suggestion = hint.map { LocalizedText("load.didYouMean", ["key": "\($0)"]) }
                ?? LocalizedText("load.keysInUse", ["keys": "\(allowed.joined(separator: ", "))"])
            diagnostics.append(.warning(keyLocation(key), "load.keyNotUsed", ["key": "\(key)", "hint": .message(suggestion)]))
        }
    }

    private static func integerValue(_ node: YAMLNode) -> Int? {
        guard case .scalar(let text, isPlain: true) = node.value else { return nil }
        return Int(text.replacingOccurrences(of: "_", with: ""))
    }

    private static func aliasDiagnostic(_ alias: YAMLAliasScan.Found, file: String, lineOffset: Int) -> Diagnostic {
        .error(SourceLocation(file: file, line: alias.line + lineOffset, column: alias.column), "load.valueStartingYamlAnchor", ["token": "\(alias.token)"])
    }

    private static func yamlDiagnostic(_ error: Error, file: String, lineOffset: Int, closingLine: Int?) -> Diagnostic {
        var line: Int?
        var column: Int?
        var problem = String(describing: error)
        switch error as? YamlError {
        case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _), .composer(_, let text, let mark, _):
            line = mark.line + lineOffset
            column = mark.column
            // libyaml names its own setting here; say what it means instead.
            problem = text.hasPrefix("Maximum nesting level") ? "nested too deeply" : text
        case .duplicatedKeysInMapping(let duplicates, let context):
            line = context.mark.line + lineOffset
            column = context.mark.column
            problem = "duplicated keys: " + duplicates.joined(separator: ", ")
        case .reader(let text, let offset, _, let yaml):
            problem = text
            if let offset { // counted in characters by libyaml's reader
                let before = yaml.unicodeScalars.prefix(offset)
                line = before.filter { $0 == "\n" }.count + 1 + lineOffset
                column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
            }
        default:
            break
        }
        // Cut short by a `---` line that was meant to be inside a value: say where the front matter ended.
        let cutShort = closingLine.flatMap { problem.contains("end of stream") ? $0 : nil }
        let plain = YAMLProblem.plain(problem)
let ending: MessageArgument = cutShort.map { .message(LocalizedText("load.frontMatterEndsAtLine", ["line": "\($0)"])) } ?? ""
        return .error(SourceLocation(file: file, line: line, column: column), "load.frontMatterNotValidYaml",
                      ["what": .message(plain.what), "fix": .message(plain.fix), "ending": ending])
    }
}

/// A value with the place it was written, for errors found later (a reference to a missing page).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
}
