/// Escapes text for XML element content and attributes.
func xmlEscape(_ text: String) -> String {
    // Most text (addresses, titles) has nothing to escape or drop: `&<>"'`, control characters, and
    // U+FFFE/U+FFFF (whose UTF-8 starts 0xEF) are what the loop below looks for.
    let special: (UInt8) -> Bool = { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }
    if !text.utf8.contains(where: special) { return text }
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&apos;"
        // Control characters are not allowed in XML 1.0 at all.
        case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
