/// Small helpers to write SVG and HTML as strings that are always well-formed XML.
enum Markup {
    /// Escapes text for element content and for attribute values alike.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A coordinate rounded to one decimal with a "." point, without "-0" or trailing ".0",
    /// so that output is the same on every machine and every run.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// `<name a="1" b="2">content</name>`, or self-closing without content. Attribute values are escaped here.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ content: String? = nil) -> String {
        let attributeText = attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        guard let content else { return "<\(name)\(attributeText)/>" }
        return "<\(name)\(attributeText)>\(content)</\(name)>"
    }

    /// An element whose content is plain text, escaped here.
    static func text(_ name: String, _ attributes: [(String, String)] = [], _ text: String) -> String {
        element(name, attributes, escape(text))
    }
}
