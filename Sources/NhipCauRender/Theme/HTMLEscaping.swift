import NhipCauTemplates

/// Escapes `& < > " '` for element content and double- or single-quoted attributes: the same
/// escaping templates give `{{value}}`.
func htmlEscaped(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
    return TemplateEscaping.htmlEscaped(text)
}
