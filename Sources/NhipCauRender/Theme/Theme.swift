import NhipCauTemplates
import NhipCauCore
import NhipCauLoad

/// The templates and assets a build renders with: the default theme, with any file of
/// `content/theme/` put in place of the default of the same name. Templates are compiled once.
public struct Theme: Sendable {
    private let library: TemplateLibrary
    /// The site's words: the default theme's for its language, with `theme/i18n/<language>.yml` over them.
    public let wording: Wording
    /// Output path (`assets/style.css`) → bytes, for every asset the site serves.
    public let assets: [String: [UInt8]]
    /// The fixed ids the templates in use write, by page kind.
    let ids: TemplateIDs

    public static let templateFolder = "templates/"
    public static let templateExtension = ".mustache"
    public static let assetFolder = "assets/"

    /// - Parameter language: the site's; its words `{{t.name}}` are written into the templates when
    ///   they are compiled, so pages do not look them up one by one (a tenth of rendering).
    /// - Parameter languageAt: where the language is chosen (site.yml's `language:`), for the error
    ///   when there are no words for it.
    public static func make(overrides: [ThemeOverride], language: Language = .vi,
                            languageAt: SourceLocation = SourceLocation(file: "site.yml")) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var sources = DefaultTheme.templates.mapValues { (text: $0, file: "(default theme)") }
        var assets = DefaultTheme.assets
        let (wording, wordingDiagnostics) = WordingOverrides.wording(language: language, overrides: overrides, languageAt: languageAt)
        var diagnostics = wordingDiagnostics

        for override in overrides {
            if override.name.hasPrefix(templateFolder) && override.name.hasSuffix(templateExtension) {
                let name = String(override.name.dropFirst(templateFolder.count).dropLast(templateExtension.count))
                guard let text = String(validating: override.bytes, as: UTF8.self) else {
                    diagnostics.append(.error(SourceLocation(file: override.file), "render.templateNotValidUtf"))
                    continue
                }
                if sources[name] == nil {
                    diagnostics.append(.warning(SourceLocation(file: override.file), "render.noSuchTemplate",
                                                ["name": "\(name)", "templates": "\(DefaultTheme.templates.keys.sorted().joined(separator: ", "))"]))
                }
                sources[name] = (text, override.file)
                diagnostics += unknownFieldWarnings(in: text, template: name, file: override.file)
            } else if override.name.hasPrefix(assetFolder) {
                assets[override.name] = override.bytes
            } else if override.name.hasPrefix(WordingOverrides.folder) {
                continue
            } else {
                diagnostics.append(.warning(SourceLocation(file: override.file), "render.themeFilesBelongTheme"))
            }
        }

        var templates: [String: Template] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                let text = wording.map { UIStringTags.fill(source.text, with: $0) } ?? source.text
                templates[name] = try Template(text)
            } catch {
                // The words written in can move columns; the officer's file is what the place must match.
                var error = error
                do { _ = try Template(source.text) } catch let original { error = original }
                diagnostics.append(.error(SourceLocation(file: source.file, line: error.line, column: error.column), "render.templateSyntaxError",
                                          ["reason": .message(reasonText(error.reason)), "line": "\(error.line)", "column": "\(error.column)"]))
            }
        }
        let library = TemplateLibrary(templates)
        for missing in library.missingPartials {
            let file = sources[missing.template]?.file ?? "(default theme)"
            diagnostics.append(.warning(SourceLocation(file: file), "render.templateIncludesButNo", ["template": "\(missing.template)", "partial": "\(missing.partial)"]))
        }
        if let loop = library.partialLoop {
            let file = loop.lazy.compactMap { sources[$0]?.file }.first { $0 != "(default theme)" } ?? "(default theme)"
            let chain = loop.joined(separator: " → ")
            diagnostics.append(.error(SourceLocation(file: file), "render.templatesIncludeEachOther", ["chain": "\(chain)"]))
        }
        guard let wording, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (Theme(library: library, wording: wording, assets: assets, ids: TemplateIDs(sources: sources.mapValues(\.text))), diagnostics)
    }

    /// A tag naming a field the template's view model does not have renders nothing; say so.
    private static func unknownFieldWarnings(in text: String, template: String, file: String) -> [Diagnostic] {
        guard let entry = TemplateViews.byTemplate[template] else { return [] }
        let fields = entry.shape.fields.map(\.name).filter { $0 != "t" }.joined(separator: ", ")
        return TemplateFieldCheck.unknownFields(in: text, shape: entry.shape, words: wordNames).map { unknown in
            let place = SourceLocation(file: file, line: unknown.line, column: unknown.column)
            if unknown.isWord {
                return .warning(place, "render.templateReadsButTheme", ["template": "\(template)", "unknownName": "\(unknown.name)"])
            }
            return .warning(place, "render.templateReadsButPage", ["template": "\(template)", "unknownName": "\(unknown.name)", "fields": "\(fields)"])
        }
    }

    /// The names templates may read as `{{t.name}}`.
    static var wordNames: Set<String> {
        Set(Wording.shipped(Wording.reference)?.words.keys.map { $0 } ?? []).union(["language"])
    }

    func render(_ view: some Encodable, template: String) -> String {
        library.render(TemplateEncoder.encode(view), template: template) ?? ""
    }
}

/// Writes the theme's own words into a template before it is compiled: `{{t.name}}` becomes the
/// escaped word and `{{{t.name}}}` or `{{&t.name}}` the word as it is. Sections (`{{#t.name}}`)
/// and templates that change delimiters are left to Mustache.
enum UIStringTags {
    static func fill(_ template: String, with wording: Wording) -> String {
        guard !template.contains("{{=") else { return template }
        let words = wording.words.merging(["language": wording.language.rawValue]) { word, _ in word }
        let bytes = Array(template.utf8)
        var filled: [UInt8] = []
        filled.reserveCapacity(bytes.count)
        var copied = 0
        for tag in TagScanner.wordTags(in: template) {
            guard let word = words[tag.name], tag.open == tag.close, !(tag.open && tag.ampersand) else { continue }
            filled += bytes[copied..<tag.range.lowerBound]
            filled += (tag.open || tag.ampersand ? word : htmlEscaped(word)).utf8
            copied = tag.range.upperBound
        }
        filled += bytes[copied...]
        return String(decoding: filled, as: UTF8.self)
    }
}

/// The syntax error's reason, for the officer who edited the template.
private func reasonText(_ reason: TemplateSyntaxError.Reason) -> LocalizedText {
    switch reason {
    case .unclosedSection(let name): LocalizedText("render.templateUnclosedSection", ["name": "\(name)"])
    case .mismatchedClose(let expected, let found):
        LocalizedText("render.templateMismatchedClose", ["expected": "\(expected)", "found": "\(found)"])
    case .unopenedClose(let name): LocalizedText("render.templateUnopenedClose", ["name": "\(name)"])
    case .unclosedTag: LocalizedText("render.templateUnclosedTag")
    case .badDelimiter: LocalizedText("render.templateBadDelimiter")
    case .badName(let name): name.isEmpty ? LocalizedText("render.templateTagWithoutName") : LocalizedText("render.templateNameWithSpaces", ["name": "\(name)"])
    case .unsupportedTag(let tag): LocalizedText("render.templateUnsupportedTag", ["tag": "\(tag)"])
    case .nestedTooDeep(let name): LocalizedText("render.templateNestedTooDeep", ["name": "\(name)", "depth": "\(Template.maxSectionDepth)"])
    }
}
