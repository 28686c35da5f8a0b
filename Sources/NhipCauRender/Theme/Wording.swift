import NhipCauCore
import NhipCauTemplates

/// Every word the site itself writes, in the site's language: the theme's labels (`{{t.menu}}` in
/// templates, `strings.menu` in code), the sentences charts and plan pages build (`chart.…`,
/// `page.…`, with `{name}` placeholders), and how numbers, money and dates are written (`format.…`).
///
/// The words come from the theme's `i18n/<language>.yml`: the default theme ships `vi.yml` and
/// `en.yml` (under `Embedded/theme/i18n/`); a site may override any key in
/// `content/theme/i18n/<language>.yml`, or add a language with a whole file of its own.
@dynamicMemberLookup
public struct Wording: Sendable {
    public let language: Language
    public let words: [String: String]
    public let numbers: NumberFormat
    /// `{{t.name}}` for templates, made once: every page shows `t`.
    public let templateValue: TemplateValue

    /// The language whose file holds every key, with the placeholders each may use.
    public static let reference = Language.vi
    /// Where the default theme's files are, under `Embedded/`: `theme/i18n/vi.yml`.
    public static func shippedPath(_ language: Language) -> String { "theme/i18n/\(language.rawValue).yml" }

    public init(language: Language, words: [String: String]) {
        self.language = language
        self.words = words
        numbers = NumberFormat(
            groupSeparator: words["format.groupSeparator"] ?? ",", decimalSeparator: words["format.decimalSeparator"] ?? ".",
            money: words["format.money"] ?? "{amount}")
        templateValue = .object(TemplateObject(
            [("language", .string(language.rawValue))] + words.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }

    /// The words of a language the default theme ships, nil for another.
    public static func shipped(_ language: Language) -> Wording? {
        shippedWords[language].map { Wording(language: language, words: $0) }
    }

    /// The languages the default theme has words for.
    public static var shippedLanguages: [Language] { shippedWords.keys.sorted { $0.rawValue > $1.rawValue } }

    private static let shippedWords: [Language: [String: String]] = {
        var found: [Language: [String: String]] = [:]
        for (path, bytes) in EmbeddedFiles.files {
            guard path.hasPrefix("theme/i18n/"), path.hasSuffix(".yml"),
                  let language = Language(rawValue: String(path.dropFirst("theme/i18n/".count).dropLast(".yml".count))),
                  let catalog = try? MessageCatalog.parse(String(decoding: bytes, as: UTF8.self)) else { continue }
            found[language] = catalog.texts
        }
        return found
    }()

    /// `strings.menu`: the word, or its key when the file lacks it (a test checks none is missing).
    public subscript(dynamicMember key: String) -> String { words[key] ?? key }

    /// The word `key` (a section's label in the registry, `stories`).
    public func word(_ key: String) -> String { words[key] ?? key }

    /// The sentence `key` with its `{name}` placeholders filled.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        Placeholders.fill(words[key] ?? key) { arguments[$0] }
    }

    /// The placeholders `format.date` may use.
    public static let dateParts: Set<String> = ["dd", "mm", "d", "m", "yyyy", "month"]

    /// A day as the language writes it: `format.date` with `{dd}`, `{mm}` (two digits), `{d}`, `{m}`,
    /// `{yyyy}` and `{month}` (the name in `format.month{m}`): `30/06/2021`, `30 June 2021`.
    public func date(_ day: SimpleDate) -> String {
        let pattern = words["format.date"] ?? "{yyyy}-{mm}-{dd}"
        return Placeholders.fill(pattern) { part in
            switch part {
            case "dd": day.day < 10 ? "0\(day.day)" : "\(day.day)"
            case "mm": day.month < 10 ? "0\(day.month)" : "\(day.month)"
            case "d": "\(day.day)"
            case "m": "\(day.month)"
            case "yyyy": String(repeating: "0", count: max(0, 4 - "\(day.year)".count)) + "\(day.year)"
            case "month": words["format.month\(day.month)"] ?? "\(day.month)"
            default: nil
            }
        }
    }
}

extension Wording: TemplateValueConvertible, Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(words.merging(["language": language.rawValue]) { word, _ in word })
    }
}
