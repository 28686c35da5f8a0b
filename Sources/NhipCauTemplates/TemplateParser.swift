/// A compiled Mustache template: the spec's variables, sections, inverted sections, comments,
/// partials and set-delimiter tags, with its standalone-line rules. Lambdas and template
/// inheritance are not supported; their tags are syntax errors that say so.
public struct Template: Sendable {
    /// Rendering recurses once per level; a limit far above any real theme keeps the stack safe.
    public static let maxSectionDepth = 100

    let nodes: [TemplateNode]
    /// Names of the partials this template includes, in the order they appear.
    public let partialNames: [String]

    public init(_ source: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source: Array(source.utf8))
        nodes = try parser.parse()
        partialNames = parser.partialNames
    }

    /// Every variable, section and partial tag of `source`, in order, each with the sections
    /// around it: what a theme check needs to tell which names a template reads.
    public static func tags(in source: String) throws(TemplateSyntaxError) -> [TemplateTag] {
        var parser = TemplateParser(source: Array(source.utf8))
        _ = try parser.parse()
        return parser.tags
    }
}

/// A tag as written, where it is (line and column from 1, columns in characters), and the
/// sections it lies in, outermost first.
public struct TemplateTag: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case variable, section, inverted, partial }
    public let kind: Kind
    /// `a.b.c` → ["a", "b", "c"]; empty for `{{.}}`; the partial's name for a partial.
    public let parts: [String]
    /// `{{.name}}`: looked up in the current value only.
    public let anchored: Bool
    public let line: Int
    public let column: Int
    /// The sections (`.section` or `.inverted` tags) this one lies in, outermost first.
    public let enclosing: [TemplateTag]
}

/// Where and why a template cannot be compiled. Line and column count from 1; the column counts characters.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// `{{#name}}` or `{{^name}}` with no `{{/name}}`.
        case unclosedSection(String)
        /// `{{/name}}` closing a section opened under another name.
        case mismatchedClose(expected: String, found: String)
        /// `{{/name}}` with no section open.
        case unopenedClose(String)
        /// A tag opened and never closed.
        case unclosedTag
        /// `{{=… …=}}` that does not give two delimiters.
        case badDelimiter
        /// A tag with no name, or with spaces inside its name.
        case badName(String)
        /// Sections inside sections deeper than `Template.maxSectionDepth`.
        case nestedTooDeep(String)
        /// A tag this engine does not implement (`{{<`, `{{$`, `{{%`, functions).
        case unsupportedTag(String)
    }

    public let reason: Reason
    public let line: Int
    public let column: Int

    /// The reason in plain words, English.
    public var explanation: String {
        switch reason {
        case .unclosedSection(let name): "the section {{#\(name)}} is never closed with {{/\(name)}}"
        case .mismatchedClose(let expected, let found): "{{/\(found)}} closes a section, but the open one is {{#\(expected)}}"
        case .unopenedClose(let name): "{{/\(name)}} closes a section that was never opened"
        case .unclosedTag: "a tag is opened with {{ and never closed with }}"
        case .badDelimiter: "a {{=… …=}} tag must give two delimiters separated by a space, such as {{=<% %>=}}"
        case .badName(let name): name.isEmpty ? "a tag has no name" : "the tag name \"\(name)\" contains spaces"
        case .unsupportedTag(let tag): "\(tag) is not supported by NhipCau's templates"
        case .nestedTooDeep(let name): "the section {{#\(name)}} lies inside more than \(Template.maxSectionDepth) other sections"
        }
    }
}

struct VariableName: Sendable {
    /// Empty for `{{.}}`, the current value.
    let parts: [String]
    /// `.name`: looked up in the current value only, not in the values around it.
    let anchored: Bool
    let raw: String
}

indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(VariableName, escaped: Bool)
    case section(VariableName, [TemplateNode], inverted: Bool)
    case partial(String, indentation: [UInt8])
}

private struct OpenSection {
    let name: VariableName
    let inverted: Bool
    let offset: Int
    var outerNodes: [TemplateNode]
}

struct TemplateParser {
    let source: [UInt8]
    private(set) var partialNames: [String] = []
    private(set) var tags: [TemplateTag] = []
    /// The section tags open at `position`, outermost first.
    private var openTags: [TemplateTag] = []
    private var placeCounted = (offset: 0, line: 1, column: 1)
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var nodes: [TemplateNode] = []
    private var sections: [OpenSection] = []
    private var position = 0
    private var textStart = 0

    init(source: [UInt8]) {
        self.source = source
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        while let tagStart = find(open, from: position) {
            try parseTag(at: tagStart)
        }
        appendText(upTo: source.count)
        if let unclosed = sections.last {
            throw error(.unclosedSection(unclosed.name.raw), at: unclosed.offset)
        }
        return nodes
    }

    private enum Sigil { case variable, unescaped, section, inverted, close, partial, comment, delimiter }

    private mutating func parseTag(at tagStart: Int) throws(TemplateSyntaxError) {
        var contentStart = tagStart + open.count
        var closing = close
        var sigil = Sigil.variable
        if contentStart < source.count {
            switch source[contentStart] {
            case UInt8(ascii: "{"): sigil = .unescaped; closing = [UInt8(ascii: "}")] + close
            case UInt8(ascii: "&"): sigil = .unescaped
            case UInt8(ascii: "#"): sigil = .section
            case UInt8(ascii: "^"): sigil = .inverted
            case UInt8(ascii: "/"): sigil = .close
            case UInt8(ascii: ">"): sigil = .partial
            case UInt8(ascii: "!"): sigil = .comment
            case UInt8(ascii: "="): sigil = .delimiter; closing = [UInt8(ascii: "=")] + close
            case UInt8(ascii: "<"), UInt8(ascii: "$"):
                throw error(.unsupportedTag("template inheritance ({{<…}} and {{$…}})"), at: tagStart)
            case UInt8(ascii: "%"):
                throw error(.unsupportedTag("a pragma ({{%…}})"), at: tagStart)
            default: break
            }
            if sigil != .variable { contentStart += 1 }
        }
        guard let contentEnd = find(closing, from: contentStart) else { throw error(.unclosedTag, at: tagStart) }
        let tagEnd = contentEnd + closing.count
        let content = trimmed(contentStart..<contentEnd)

        let standalone = sigil != .variable && sigil != .unescaped ? standaloneLine(tagStart: tagStart, tagEnd: tagEnd) : nil
        appendText(upTo: standalone?.lineStart ?? tagStart)
        position = standalone?.nextLineStart ?? tagEnd
        textStart = position

        switch sigil {
        case .comment:
            break
        case .delimiter:
            try setDelimiters(content, at: tagStart)
        case .variable, .unescaped:
            let name = try variableName(content, at: tagStart)
            record(.variable, name.parts, anchored: name.anchored, at: tagStart)
            nodes.append(.variable(name, escaped: sigil == .variable))
        case .section, .inverted:
            let name = try variableName(content, at: tagStart)
            guard sections.count < Template.maxSectionDepth else { throw error(.nestedTooDeep(name.raw), at: tagStart) }
            openTags.append(record(sigil == .section ? .section : .inverted, name.parts, anchored: name.anchored, at: tagStart))
            sections.append(OpenSection(name: name, inverted: sigil == .inverted, offset: tagStart, outerNodes: nodes))
            nodes = []
        case .close:
            let name = text(content)
            guard var section = sections.popLast() else { throw error(.unopenedClose(name), at: tagStart) }
            guard section.name.raw == name else {
                throw error(.mismatchedClose(expected: section.name.raw, found: name), at: tagStart)
            }
            openTags.removeLast()
            let body = nodes
            nodes = []
            // Swapped, not copied: a shared array would be copied by the append, once per sibling section.
            swap(&nodes, &section.outerNodes)
            nodes.append(.section(section.name, body, inverted: section.inverted))
        case .partial:
            let name = text(content)
            guard !name.isEmpty, !name.utf8.contains(where: isWhitespace) else { throw error(.badName(name), at: tagStart) }
            partialNames.append(name)
            record(.partial, [name], anchored: false, at: tagStart)
            let indentation = standalone.map { Array(source[$0.lineStart..<tagStart]) } ?? []
            nodes.append(.partial(name, indentation: indentation))
        }
    }

    @discardableResult
    private mutating func record(_ kind: TemplateTag.Kind, _ parts: [String], anchored: Bool, at offset: Int) -> TemplateTag {
        // Tags come in order, so the line count goes on from the last one: linear in the template.
        for byte in source[placeCounted.offset..<min(offset, source.count)] {
            if byte == UInt8(ascii: "\n") {
                placeCounted.line += 1
                placeCounted.column = 1
            } else if byte & 0xC0 != 0x80 {
                placeCounted.column += 1
            }
        }
        placeCounted.offset = max(placeCounted.offset, min(offset, source.count))
        let tag = TemplateTag(kind: kind, parts: parts, anchored: anchored, line: placeCounted.line, column: placeCounted.column,
                              enclosing: openTags)
        tags.append(tag)
        return tag
    }

    /// A line holding only this tag and spaces: the line, with its line break, is left out of the output.
    private func standaloneLine(tagStart: Int, tagEnd: Int) -> (lineStart: Int, nextLineStart: Int)? {
        // Scan back no further than the text since the last tag, so long one-line templates stay linear.
        var lineStart = tagStart
        while lineStart > textStart, source[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        // Another tag earlier on the same line means the line is not standalone.
        let startsALine = lineStart == 0 || source[lineStart - 1] == UInt8(ascii: "\n")
        guard startsALine, source[lineStart..<tagStart].allSatisfy(isBlank) else { return nil }
        var end = tagEnd
        while end < source.count, isBlank(source[end]) { end += 1 }
        if end == source.count { return (lineStart, end) }
        if source[end] == UInt8(ascii: "\n") { return (lineStart, end + 1) }
        if source[end] == UInt8(ascii: "\r"), end + 1 < source.count, source[end + 1] == UInt8(ascii: "\n") {
            return (lineStart, end + 2)
        }
        return nil
    }

    private mutating func setDelimiters(_ content: Range<Int>, at offset: Int) throws(TemplateSyntaxError) {
        let parts = source[content].split(whereSeparator: isWhitespace)
        guard parts.count == 2, parts.allSatisfy({ !$0.contains(UInt8(ascii: "=")) }) else {
            throw error(.badDelimiter, at: offset)
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    private func variableName(_ content: Range<Int>, at offset: Int) throws(TemplateSyntaxError) -> VariableName {
        let raw = text(content)
        guard !raw.isEmpty, !raw.utf8.contains(where: isWhitespace) else { throw error(.badName(raw), at: offset) }
        if raw.contains("(") { throw error(.unsupportedTag("a function call such as \(raw)"), at: offset) }
        if raw == "." { return VariableName(parts: [], anchored: true, raw: raw) }
        let anchored = raw.hasPrefix(".")
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false).dropFirst(anchored ? 1 : 0).map(String.init)
        guard !parts.contains(where: \.isEmpty) else { throw error(.badName(raw), at: offset) }
        return VariableName(parts: parts, anchored: anchored, raw: raw)
    }

    private mutating func appendText(upTo end: Int) {
        guard end > textStart else { return }
        nodes.append(.text(Array(source[textStart..<end])))
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= source.count else { return nil }
        var index = start
        let last = source.count - needle.count
        while index <= last {
            if source[index] == first, source[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isWhitespace(source[lower]) { lower += 1 }
        while upper > lower, isWhitespace(source[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }

    private func error(_ reason: TemplateSyntaxError.Reason, at offset: Int) -> TemplateSyntaxError {
        var line = 1, column = 1
        for byte in source[..<min(offset, source.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TemplateSyntaxError(reason: reason, line: line, column: column)
    }
}

private func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
private func isWhitespace(_ byte: UInt8) -> Bool { isBlank(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }
