@testable import NhipCauRender
import NhipCauCore

/// A message said in Vietnamese and in English, for tests that check both.
extension LocalizedText {
    var vi: String { text(in: .vi) }
    var en: String { text(in: .en) }
}

/// The default theme's words and charts in a language it ships, for tests.
extension Wording {
    static func forLanguage(_ language: Language) -> Wording { Wording.shipped(language)! }
}

extension ChartRenderer {
    init(language: Language) { self.init(wording: .forLanguage(language)) }
}
