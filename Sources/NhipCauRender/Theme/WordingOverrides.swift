import NhipCauCore
import NhipCauLoad

/// The site's words: the default theme's file for its language, with the keys of
/// `content/theme/i18n/<language>.yml` put in their place. A language the default theme does not
/// ship is one whole file of the site's; a key it leaves out keeps the English words.
///
/// Every key and its placeholders are those of the reference file (`vi.yml`): an unknown key is a
/// warning (it would never be shown), a placeholder the key does not have is an error (it would be
/// printed as `{typo}` on every page).
enum WordingOverrides {
    static let folder = "i18n/"

    static func wording(language: Language, overrides: [ThemeOverride],
                        languageAt: SourceLocation) -> (wording: Wording?, diagnostics: [Diagnostic]) {
        guard let reference = Wording.shipped(Wording.reference) else { return (nil, []) }
        var diagnostics: [Diagnostic] = []
        var ownWords: [String: String]?
        for override in overrides where override.name.hasPrefix(folder) {
            guard let file = read(override, reference: reference, diagnostics: &diagnostics) else { continue }
            if override.name == folder + language.rawValue + ".yml" { ownWords = file }
        }
        if let shipped = Wording.shipped(language) {
            return (Wording(language: language, words: shipped.words.merging(ownWords ?? [:]) { _, own in own }), diagnostics)
        }
        guard let ownWords else {
            diagnostics.append(.error(languageAt, "render.noWordingForLanguage", ["language": "\(language.rawValue)"]))
            return (nil, diagnostics)
        }
        let missing = reference.words.keys.filter { ownWords[$0] == nil }.sorted()
        if !missing.isEmpty {
            let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            diagnostics.append(.warning(SourceLocation(file: "theme/" + folder + language.rawValue + ".yml"),
                "render.wordingKeysMissing", ["count": .integer(missing.count), "keys": "\(shown)"]))
        }
        let fallback = Wording.shipped(.en)?.words ?? reference.words
        return (Wording(language: language, words: fallback.merging(ownWords) { _, own in own }), diagnostics)
    }

    /// The words of one file, checked against the reference; nil when the file cannot be read.
    private static func read(_ override: ThemeOverride, reference: Wording, diagnostics: inout [Diagnostic]) -> [String: String]? {
        let code = String(override.name.dropFirst(folder.count))
        guard code.hasSuffix(".yml"), Language(rawValue: String(code.dropLast(".yml".count))) != nil else {
            diagnostics.append(.warning(SourceLocation(file: override.file), "render.wordingFileName"))
            return nil
        }
        guard let text = String(validating: override.bytes, as: UTF8.self) else {
            diagnostics.append(.error(SourceLocation(file: override.file), "render.wordingNotUtf8"))
            return nil
        }
        let file = WordingFile.read(text, file: override.file)
        diagnostics += file.diagnostics
        var words: [String: String] = [:]
        for entry in file.entries {
            guard let original = reference.words[entry.key] else {
                diagnostics.append(.warning(entry.location, "render.wordingUnknownKey", ["key": "\(entry.key)"]))
                continue
            }
            let allowed = entry.key == "format.date" ? Wording.dateParts.sorted() : Placeholders.names(in: original)
            let unknown = Placeholders.names(in: entry.text).filter { !allowed.contains($0) }
            guard unknown.isEmpty else {
                let placeholders = allowed.isEmpty
                    ? LocalizedText("render.wordingTakesNoPlaceholder")
                    : LocalizedText("render.wordingPlaceholdersAre", ["names": "\(allowed.map { "{\($0)}" }.joined(separator: ", "))"])
                diagnostics.append(.error(entry.location, "render.wordingBadPlaceholder",
                                          ["name": "\(unknown[0])", "key": "\(entry.key)", "allowed": .message(placeholders)]))
                continue
            }
            words[entry.key] = entry.text
        }
        return words
    }
}
