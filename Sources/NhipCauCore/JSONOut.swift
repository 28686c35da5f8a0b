/// A JSON value written with its keys in the order given, so two builds write the same bytes.
/// `<`, `>` and `&` are written as `\u003c`… so the text is also safe inside an HTML `<script>`
/// (JSON-LD) and means the same to any JSON reader.
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

    /// Compact JSON.
    public var text: String {
        var out = ""
        write(to: &out, indent: nil)
        return out
    }

    /// JSON with two-space indents, one key per line, for files people may open.
    public var indentedText: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    /// `indentedText` of `.object(fields + [(key, .array(items))])`, the array's `count` items made
    /// one at a time by `item`: a download of tens of thousands of records never holds them all as values.
    public static func indentedText(_ fields: [(String, JSONOut)], thenArray key: String, of count: Int,
                                    item: (Int) -> JSONOut) -> String {
        var out = "{"
        for (name, value) in fields {
            out += "\n  "
            quote(name, into: &out)
            out += ": "
            value.write(to: &out, indent: "  ")
            out += ","
        }
        out += "\n  "
        quote(key, into: &out)
        out += ": ["
        for index in 0..<count {
            if index > 0 { out += "," }
            out += "\n    "
            item(index).write(to: &out, indent: "    ")
        }
        out += count == 0 ? "]" : "\n  ]"
        return out + "\n}\n"
    }

    private func write(to out: inout String, indent: String?) {
        switch self {
        case .string(let text): Self.quote(text, into: &out)
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            writeList(items.map { (nil, $0) }, open: "[", close: "]", to: &out, indent: indent)
        case .object(let pairs):
            writeList(pairs.map { (Optional($0.0), $0.1) }, open: "{", close: "}", to: &out, indent: indent)
        }
    }

    private func writeList(_ items: [(String?, JSONOut)], open: String, close: String, to out: inout String, indent: String?) {
        out += open
        guard !items.isEmpty else { out += close; return }
        let inner = indent.map { $0 + "  " }
        for (position, (key, value)) in items.enumerated() {
            if position > 0 { out += "," }
            if let inner { out += "\n" + inner }
            if let key {
                Self.quote(key, into: &out)
                out += inner == nil ? ":" : ": "
            }
            value.write(to: &out, indent: inner)
        }
        if let indent { out += "\n" + indent }
        out += close
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
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
