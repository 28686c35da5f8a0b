/// Shrinks the default theme's readable stylesheets to what the site ships: comments and the
/// spaces no token needs go, one top-level rule per line. Strings are kept as written; spaces
/// around `+` and `~` go only in selectors (in a value, `calc(a + b)` needs them).
enum StyleMinifier {
    static func minify(_ css: String) -> String {
        var out = ""
        var segment = ""
        var depth = 0
        var scalars = Array(css.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"", "'":
                segment.unicodeScalars.append(scalar)
                while let inside = scalars.popFirst() {
                    segment.unicodeScalars.append(inside)
                    if inside == "\\", let escaped = scalars.popFirst() { segment.unicodeScalars.append(escaped) }
                    else if inside == scalar { break }
                }
            case "/" where scalars.first == "*":
                scalars = scalars.dropFirst()
                while let inside = scalars.popFirst(), !(inside == "*" && scalars.first == "/") {}
                scalars = scalars.dropFirst()
                segment += " "
            case "{":
                out += prelude(segment) + "{"
                segment = ""
                depth += 1
            case ";":
                out += declaration(segment) + ";"
                segment = ""
            case "}":
                out += declaration(segment)
                if out.hasSuffix(";") { out.removeLast() }
                out += depth == 1 ? "}\n" : "}"
                segment = ""
                depth = max(0, depth - 1)
            default:
                segment.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A selector list or an at-rule's condition: `li + li, a > b` → `li+li,a>b`, `(min-width: 40rem)` → `(min-width:40rem)`.
    private static func prelude(_ text: String) -> String {
        squeezed(text, around: text.withoutLeadingSpace.first == "@" ? [",", ":"] : [",", ">", "+", "~"])
    }

    /// `name: value` → `name:value`, with no spaces around commas.
    private static func declaration(_ text: String) -> String {
        squeezed(text, around: [",", ":"])
    }

    /// Runs of white space as one space, none at the ends or beside `characters`; strings untouched.
    /// By scalar, not by `Character`: walking grapheme clusters made minifying a tenth of a small site's build.
    private static func squeezed(_ text: String, around characters: Set<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var quote: Unicode.Scalar?
        var escaped = false
        for scalar in text.unicodeScalars {
            if let open = quote {
                out.append(scalar)
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == open { quote = nil }
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, !characters.contains(scalar), !characters.contains(last) { out.append(" ") }
            pendingSpace = false
            if scalar == "\"" || scalar == "'" { quote = scalar }
            out.append(scalar)
        }
        return String(out)
    }
}

private extension String {
    var withoutLeadingSpace: Substring.UnicodeScalarView { unicodeScalars.drop(while: \.properties.isWhitespace) }
}
