/// schema.org structured data as JSON-LD, written for a `<script type="application/ld+json">`
/// element: keys in the order given (byte-for-byte builds), `<` written `\u003c` so no text can
/// close the element.
enum JSONLD {
    indirect enum Value {
        case text(String)
        case number(Int)
        case object([(String, Value)])
        case list([Value])
    }

    static func script(_ value: Value) -> String {
        var out = "<script type=\"application/ld+json\">"
        write(value, to: &out)
        out += "</script>"
        return out
    }

    /// `@context` first, then the type, then the properties that have a value.
    static func thing(_ type: String, _ properties: [(String, Value?)]) -> Value {
        .object([("@context", .text("https://schema.org")), ("@type", .text(type))] + properties.compactMap { key, value in value.map { (key, $0) } })
    }

    static func write(_ value: Value, to out: inout String) {
        switch value {
        case .text(let text): writeString(text, to: &out)
        case .number(let number): out += String(number)
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, (key, item)) in pairs.enumerated() {
                if index > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                write(item, to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ text: String, to out: inout String) {
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
