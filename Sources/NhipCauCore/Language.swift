/// The language of the site's interface and of the tool's messages.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case vi, en
}

/// A sentence written in every language the tool speaks, picked at the last moment.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }

    public var description: String { vi }
}
