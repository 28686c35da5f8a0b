import NhipCauCore

/// Display forms of dates, numbers and money in the site's language.
struct Formats: Sendable {
    let language: Language
    let numbers: NumberFormat

    init(language: Language) {
        self.language = language
        numbers = NumberFormat(language: language)
    }

    func date(_ day: SimpleDate) -> String { day.dayMonthYear }

    func moneyRange(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound
            ? numbers.money(range.lowerBound)
            : numbers.integer(range.lowerBound) + " – " + numbers.money(range.upperBound)
    }

    func text(_ localized: LocalizedText) -> String { localized.text(in: language) }
}
