/// Small helpers to write SVG and HTML as strings that are always well-formed XML.
enum Markup {
    /// Escapes text for element content and for attribute values alike. Over bytes, not
    /// characters: a `<` followed by a combining mark is one character but must still be escaped.
    static func escape(_ text: String) -> String {
        htmlEscaped(text)
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
        var markup = "<"
        markup.reserveCapacity(name.utf8.count * 2 + (content?.utf8.count ?? 0) + attributes.count * 16 + 5)
        markup += name
        for (attribute, value) in attributes {
            markup += " "
            markup += attribute
            markup += "=\""
            markup += escape(value)
            markup += "\""
        }
        guard let content else { return markup + "/>" }
        markup += ">"
        markup += content
        markup += "</"
        markup += name
        markup += ">"
        return markup
    }

    /// An element whose content is plain text, escaped here.
    static func text(_ name: String, _ attributes: [(String, String)] = [], _ text: String) -> String {
        element(name, attributes, escape(text))
    }
}
