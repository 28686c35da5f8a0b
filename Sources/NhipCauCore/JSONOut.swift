/// A JSON value written with its keys in the order given, so two builds write the same bytes.
/// The one JSON writer for everything the site publishes: JSON-LD inside pages (`text`) and the
/// downloads people open (`indentedText`, `rowsText`). The search index writes its own bytes
/// (`JSONText`), for speed.
public indirect enum JSONOut: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONOut])
    case object([(String, JSONOut)])

    public static func == (lhs: JSONOut, rhs: JSONOut) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// An object without the keys whose value is `nil`.
    public static func fields(_ pairs: [(String, JSONOut?)]) -> JSONOut {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Compact JSON, safe inside an HTML `<script>` (JSON-LD): `<`, `>` and `&` are written as
    /// `\u003c`…, which means the same to any JSON reader.
    public var text: String {
        var out = ""
        write(to: &out, indent: nil, forScript: true)
        return out
    }

    /// JSON for a file people may open: two-space indents, one key per line, a list of plain values
    /// on one line (a table's row reads as a row), text as written, and a final newline.
    public var indentedText: String {
        var out = ""
        write(to: &out, indent: "", forScript: false)
        return out + "\n"
    }

    /// `indentedText` of `.object(fields + [(key, .array(items))])`, the array's `count` items made
    /// one at a time by `item`: a download of tens of thousands of records never holds them all as values.
    public static func indentedText(_ fields: [(String, JSONOut)], thenArray key: String, of count: Int,
                                    item: (Int) -> JSONOut) -> String {
        var out = "{"
        for (name, value) in fields {
            out += "\n  "
            quote(name, into: &out, forScript: false)
            out += ": "
            value.write(to: &out, indent: "  ", forScript: false)
            out += ","
        }
        out += "\n  "
        quote(key, into: &out, forScript: false)
        out += ": ["
        for index in 0..<count {
            if index > 0 { out += "," }
            out += "\n    "
            item(index).write(to: &out, indent: "    ", forScript: false)
        }
        out += count == 0 ? "]" : "\n  ]"
        return out + "\n}\n"
    }

    /// A list as a file of records: each item compact on a line of its own, and a final newline.
    public var rowsText: String {
        guard case .array(let rows) = self, !rows.isEmpty else { return indentedText }
        var out = "[\n"
        for (position, row) in rows.enumerated() {
            row.write(to: &out, indent: nil, forScript: false)
            out += position == rows.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    private var isPlainValue: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(to out: inout String, indent: String?, forScript: Bool) {
        switch self {
        case .string(let text): Self.quote(text, into: &out, forScript: forScript)
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items) where indent != nil && items.allSatisfy(\.isPlainValue):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += ", " }
                item.write(to: &out, indent: nil, forScript: forScript)
            }
            out += "]"
        case .array(let items):
            writeList(items.map { (nil, $0) }, open: "[", close: "]", to: &out, indent: indent, forScript: forScript)
        case .object(let pairs):
            writeList(pairs.map { (Optional($0.0), $0.1) }, open: "{", close: "}", to: &out, indent: indent, forScript: forScript)
        }
    }

    private func writeList(_ items: [(String?, JSONOut)], open: String, close: String, to out: inout String,
                           indent: String?, forScript: Bool) {
        out += open
        guard !items.isEmpty else { out += close; return }
        let inner = indent.map { $0 + "  " }
        for (position, (key, value)) in items.enumerated() {
            if position > 0 { out += "," }
            if let inner { out += "\n" + inner }
            if let key {
                Self.quote(key, into: &out, forScript: forScript)
                out += inner == nil ? ":" : ": "
            }
            value.write(to: &out, indent: inner, forScript: forScript)
        }
        if let indent { out += "\n" + indent }
        out += close
    }

    private static func quote(_ text: String, into out: inout String, forScript: Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where forScript: out += "\\u003c"
            case ">" where forScript: out += "\\u003e"
            case "&" where forScript: out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
