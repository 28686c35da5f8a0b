/// Compiled templates by name; any of them can include another as a partial (`{{>name}}`).
public struct TemplateLibrary: Sendable {
    private let templates: [String: Template]

    /// Partials included deeper than this are left out: only a loop of partials gets there.
    static let maxPartialDepth = 64

    public init(_ templates: [String: Template]) {
        self.templates = templates
    }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Partials that some template includes and the library does not have, as (template, partial).
    public var missingPartials: [(template: String, partial: String)] {
        templates.sorted { $0.key < $1.key }.flatMap { name, template in
            template.partialNames.filter { templates[$0] == nil }.map { (name, $0) }
        }
    }

    /// A chain of partials that includes itself (`a → b → a`), if there is one.
    public var partialLoop: [String]? {
        var finished: Set<String> = []
        func visit(_ name: String, path: [String]) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            guard !finished.contains(name), let template = templates[name] else { return nil }
            for partial in Set(template.partialNames).sorted() {
                if let loop = visit(partial, path: path + [name]) { return loop }
            }
            finished.insert(name)
            return nil
        }
        for name in templates.keys.sorted() {
            if let loop = visit(name, path: []) { return loop }
        }
        return nil
    }

    /// The template's output for `value`, or nil when there is no template of that name.
    public func render(_ value: TemplateValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: self)
        renderer.output.reserveCapacity(4096)
        renderer.render(template.nodes, stack: [value])
        return String(decoding: renderer.output, as: UTF8.self)
    }

    fileprivate func template(named name: String) -> Template? { templates[name] }
}

private struct Renderer {
    let library: TemplateLibrary
    var output: [UInt8] = []
    var partialDepth = 0

    mutating func render(_ nodes: [TemplateNode], stack: [TemplateValue]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                if let value = lookUp(name, in: stack) { write(value, escaped: escaped) }
            case .section(let name, let body, let inverted):
                renderSection(lookUp(name, in: stack), body: body, inverted: inverted, stack: stack)
            case .partial(let name, let indentation):
                renderPartial(name, indentation: indentation, stack: stack)
            }
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, body: [TemplateNode], inverted: Bool, stack: [TemplateValue]) {
        let falsy = value?.isFalsy ?? true
        if inverted {
            if falsy { render(body, stack: stack) }
            return
        }
        guard !falsy, let value else { return }
        switch value {
        case .list(let items):
            var inner = stack
            for item in items {
                inner.append(item)
                render(body, stack: inner)
                inner.removeLast()
            }
        case .bool:
            render(body, stack: stack)
        default:
            render(body, stack: stack + [value])
        }
    }

    private mutating func renderPartial(_ name: String, indentation: [UInt8], stack: [TemplateValue]) {
        guard partialDepth < TemplateLibrary.maxPartialDepth, let template = library.template(named: name) else { return }
        partialDepth += 1
        defer { partialDepth -= 1 }
        guard !indentation.isEmpty else {
            render(template.nodes, stack: stack)
            return
        }
        let start = output.count
        render(template.nodes, stack: stack)
        indentLines(from: start, with: indentation)
    }

    /// Puts `indentation` before every line written since `start` (a standalone partial's indentation).
    private mutating func indentLines(from start: Int, with indentation: [UInt8]) {
        let written = output[start...]
        var indented: [UInt8] = []
        indented.reserveCapacity(written.count + indentation.count * 8)
        var atLineStart = true
        for byte in written {
            if atLineStart { indented.append(contentsOf: indentation) }
            indented.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        output.replaceSubrange(start..., with: indented)
    }

    private func lookUp(_ name: VariableName, in stack: [TemplateValue]) -> TemplateValue? {
        guard let top = stack.last else { return nil }
        guard let first = name.parts.first else { return top }
        var found: TemplateValue?
        if name.anchored {
            found = field(first, of: top)
        } else {
            for value in stack.reversed() {
                if let child = field(first, of: value) {
                    found = child
                    break
                }
            }
        }
        for part in name.parts.dropFirst() {
            guard let current = found else { return nil }
            found = field(part, of: current)
        }
        return found
    }

    private func field(_ key: String, of value: TemplateValue) -> TemplateValue? {
        if case .object(let object) = value { return object[key] }
        return nil
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            if escaped { TemplateEscaping.appendHTMLEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): output.append(contentsOf: String(describing: number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object, .null: break
        }
    }
}

/// HTML escaping for `{{value}}`: `& < > " '`, safe in element content and in quoted attributes.
public enum TemplateEscaping {
    public static func appendHTMLEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    public static func htmlEscaped(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        appendHTMLEscaped(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
