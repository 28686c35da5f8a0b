import NhipCauTemplates
import NhipCauCore
import NhipCauLoad

/// The templates and assets a build renders with: the default theme, with any file of
/// `content/theme/` put in place of the default of the same name. Templates are compiled once.
public struct Theme: Sendable {
    private let library: TemplateLibrary
    /// Output path (`assets/style.css`) → bytes, for every asset the site serves.
    public let assets: [String: [UInt8]]
    /// The fixed ids the templates in use write, by page kind.
    let ids: TemplateIDs

    public static let templateFolder = "templates/"
    public static let templateExtension = ".mustache"
    public static let assetFolder = "assets/"

    /// - Parameter language: the UI strings `{{t.name}}` are written into the templates when they
    ///   are compiled, so pages do not look them up one by one (a tenth of rendering).
    public static func make(overrides: [ThemeOverride], language: Language? = nil) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var sources = DefaultTheme.templates.mapValues { (text: $0, file: "(default theme)") }
        var assets = DefaultTheme.assets
        var diagnostics: [Diagnostic] = []

        for override in overrides {
            if override.name.hasPrefix(templateFolder) && override.name.hasSuffix(templateExtension) {
                let name = String(override.name.dropFirst(templateFolder.count).dropLast(templateExtension.count))
                guard let text = String(validating: override.bytes, as: UTF8.self) else {
                    diagnostics.append(.error(SourceLocation(file: override.file),
                        vi: "Mẫu giao diện không phải UTF-8 hợp lệ. Lưu lại tệp với mã hóa UTF-8.",
                        en: "The template is not valid UTF-8. Save it again with UTF-8 encoding."))
                    continue
                }
                if sources[name] == nil {
                    diagnostics.append(.warning(SourceLocation(file: override.file),
                        vi: "Giao diện mặc định không có mẫu `\(name)`; tệp này chỉ dùng được như một phần nhúng `{{>\(name)}}`. Các mẫu: \(DefaultTheme.templates.keys.sorted().joined(separator: ", ")).",
                        en: "The default theme has no template `\(name)`; this file is usable only as a partial `{{>\(name)}}`. Templates: \(DefaultTheme.templates.keys.sorted().joined(separator: ", "))."))
                }
                sources[name] = (text, override.file)
                diagnostics += unknownFieldWarnings(in: text, template: name, file: override.file)
            } else if override.name.hasPrefix(assetFolder) {
                assets[override.name] = override.bytes
            } else {
                diagnostics.append(.warning(SourceLocation(file: override.file),
                    vi: "Tệp giao diện phải nằm trong theme/templates/ (mẫu .mustache) hoặc theme/assets/ (CSS, ảnh); tệp này bị bỏ qua.",
                    en: "Theme files belong in theme/templates/ (.mustache templates) or theme/assets/ (CSS, images); this file is ignored."))
            }
        }

        var templates: [String: Template] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                let text = language.map { UIStringTags.fill(source.text, with: .forLanguage($0)) } ?? source.text
                templates[name] = try Template(text)
            } catch {
                // The words written in can move columns; the officer's file is what the place must match.
                var error = error
                do { _ = try Template(source.text) } catch let original { error = original }
                diagnostics.append(.error(SourceLocation(file: source.file, line: error.line, column: error.column),
                    vi: "Mẫu giao diện viết sai cú pháp Mustache: \(vietnamese(error.reason)). Sửa tại dòng \(error.line), cột \(error.column).",
                    en: "The template has a Mustache syntax error: \(error.explanation). Fix it at line \(error.line), column \(error.column)."))
            }
        }
        let library = TemplateLibrary(templates)
        for missing in library.missingPartials {
            let file = sources[missing.template]?.file ?? "(default theme)"
            diagnostics.append(.warning(SourceLocation(file: file),
                vi: "Mẫu `\(missing.template)` nhúng `{{>\(missing.partial)}}` nhưng không có mẫu `\(missing.partial)`; phần đó sẽ để trống. Tạo tệp theme/templates/\(missing.partial).mustache hoặc bỏ thẻ này.",
                en: "Template `\(missing.template)` includes `{{>\(missing.partial)}}`, but there is no template `\(missing.partial)`; that part stays empty. Create theme/templates/\(missing.partial).mustache or remove the tag."))
        }
        if let loop = library.partialLoop {
            let file = loop.lazy.compactMap { sources[$0]?.file }.first { $0 != "(default theme)" } ?? "(default theme)"
            let chain = loop.joined(separator: " → ")
            diagnostics.append(.error(SourceLocation(file: file),
                vi: "Các mẫu nhúng lẫn nhau thành vòng lặp không dừng (\(chain)). Bỏ một thẻ {{>…}} trong vòng này.",
                en: "Templates include each other in an endless loop (\(chain)). Remove one {{>…}} tag from the loop."))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        return (Theme(library: library, assets: assets, ids: TemplateIDs(sources: sources.mapValues(\.text))), diagnostics)
    }

    /// A tag naming a field the template's view model does not have renders nothing; say so.
    private static func unknownFieldWarnings(in text: String, template: String, file: String) -> [Diagnostic] {
        guard let entry = TemplateViews.byTemplate[template] else { return [] }
        let fields = entry.shape.fields.map(\.name).filter { $0 != "t" }.joined(separator: ", ")
        return TemplateFieldCheck.unknownFields(in: text, shape: entry.shape, words: wordNames).map { unknown in
            let place = SourceLocation(file: file, line: unknown.line, column: unknown.column)
            if unknown.isWord {
                return .warning(place,
                    vi: "Mẫu `\(template)` đọc `\(unknown.name)` nhưng giao diện không có từ nào tên như vậy; chỗ đó sẽ để trống. Sửa lại tên từ, hoặc viết chữ thẳng vào mẫu.",
                    en: "Template `\(template)` reads `\(unknown.name)`, but the theme has no word of that name; it renders nothing. Correct the word's name, or write the text into the template.")
            }
            return .warning(place,
                vi: "Mẫu `\(template)` đọc `\(unknown.name)` nhưng trang này không có trường đó; chỗ đó sẽ để trống. Các trường của mẫu này: \(fields) (xem docs/content.md).",
                en: "Template `\(template)` reads `\(unknown.name)`, but this page has no such field; it renders nothing. This template's fields: \(fields) (see docs/content.md).")
        }
    }

    /// The names templates may read as `{{t.name}}`.
    static var wordNames: Set<String> {
        guard case .object(let words) = UIStrings.forLanguage(.vi).templateValue else { return [] }
        return Set(words.keys)
    }

    func render(_ view: some Encodable, template: String) -> String {
        library.render(TemplateEncoder.encode(view), template: template) ?? ""
    }
}

/// Writes the theme's own words into a template before it is compiled: `{{t.name}}` becomes the
/// escaped word and `{{{t.name}}}` or `{{&t.name}}` the word as it is. Sections (`{{#t.name}}`)
/// and templates that change delimiters are left to Mustache.
enum UIStringTags {
    static func fill(_ template: String, with strings: UIStrings) -> String {
        guard !template.contains("{{="), case .object(let words) = strings.templateValue else { return template }
        return template.replacing(/\{\{(\{)?\s*(&)?\s*t\.([A-Za-z0-9_]+)\s*(\})?\}\}/) { match in
            let (_, open, ampersand, name, close) = match.output
            guard case .string(let word)? = words[String(name)], (open == nil) == (close == nil),
                  !(open != nil && ampersand != nil) else { return String(match.output.0) }
            return open != nil || ampersand != nil ? word : htmlEscaped(word)
        }
    }
}

/// The syntax error's reason in Vietnamese, for the officer who edited the template.
private func vietnamese(_ reason: TemplateSyntaxError.Reason) -> String {
    switch reason {
    case .unclosedSection(let name): "khối {{#\(name)}} chưa được đóng bằng {{/\(name)}}"
    case .mismatchedClose(let expected, let found): "thẻ {{/\(found)}} đóng khối, nhưng khối đang mở là {{#\(expected)}}"
    case .unopenedClose(let name): "thẻ {{/\(name)}} đóng một khối chưa từng mở"
    case .unclosedTag: "có thẻ mở bằng {{ mà không đóng bằng }}"
    case .badDelimiter: "thẻ {{=… …=}} phải ghi hai dấu phân cách cách nhau một khoảng trắng, ví dụ {{=<% %>=}}"
    case .badName(let name): name.isEmpty ? "có thẻ không ghi tên" : "tên thẻ \"\(name)\" có khoảng trắng"
    case .unsupportedTag(let tag): "NhipCau không hỗ trợ \(tag)"
    case .nestedTooDeep(let name): "khối {{#\(name)}} nằm trong hơn \(Template.maxSectionDepth) khối khác"
    }
}
