/// A language, by its code (`vi`, `en`, `fr`…): of the site's interface, and of the tool's messages.
/// The tool's messages are written in the languages of `MessageCatalog.languages`; a site's interface
/// may be in any language its theme has a wording file for (`theme/i18n/<code>.yml`).
public struct Language: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `rawValue` looks like a language code: 2–3 lowercase letters, optionally `-` and a region (`pt-br`).
    public init?(rawValue: String) {
        guard let code = rawValue.wholeMatch(of: /[a-z]{2,3}(-[a-z0-9]{2,8})?/) else { return nil }
        self.rawValue = String(code.output.0)
    }

    private init(known code: String) {
        rawValue = code
    }

    public static let vi = Language(known: "vi")
    public static let en = Language(known: "en")

    public var description: String { rawValue }

    /// The language of the tool's messages for a site in this one: itself when the tool speaks it, else Vietnamese.
    public var forMessages: Language {
        MessageCatalog.languages.contains(self) ? self : .vi
    }
}

/// A sentence the tool says, by its key in the message catalogs, with the values it names:
/// said in a language only when it is shown (`text(in:)`).
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    /// `load.fileTooLarge`, a key of `Messages/<language>.yml`; empty for `verbatim` text.
    public let key: String
    public let arguments: [String: MessageArgument]
    /// Words said the same in every language (a library's own message).
    private let verbatim: String?

    public init(_ key: String, _ arguments: [String: MessageArgument] = [:]) {
        self.key = key
        self.arguments = arguments
        verbatim = nil
    }

    public init(verbatim text: String) {
        key = ""
        arguments = [:]
        verbatim = text
    }

    public func text(in language: Language) -> String {
        if let verbatim { return verbatim }
        return MessageCatalog.shipped(language.forMessages).fill(key, arguments: arguments, in: language.forMessages)
    }

    public var description: String { text(in: .vi) }
}

/// A value named in a message: text as it is, another message (said in the same language), or a
/// whole number written the way the language writes numbers (`1.200`, `1,200`), or a day
/// (`31/03/2021` in Vietnamese, `2021-03-31` in the other languages).
public indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    case text(String)
    case message(LocalizedText)
    case integer(Int)
    case decimal(Double, fractionDigits: Int)
    case date(SimpleDate)

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    func text(in language: Language) -> String {
        switch self {
        case .text(let text): text
        case .message(let message): message.text(in: language)
        case .integer(let number): NumberFormat(language: language).integer(number)
        case .decimal(let number, let digits): NumberFormat(language: language).decimal(number, fractionDigits: digits)
        case .date(let day): language == .vi ? day.dayMonthYear : day.iso
        }
    }
}
