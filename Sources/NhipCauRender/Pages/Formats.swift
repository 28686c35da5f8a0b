import NhipCauCore

/// Display forms of dates, numbers and money in the site's language.
struct Formats: Sendable {
    let language: Language
    let numbers: NumberFormat

    init(language: Language) {
        self.language = language
        numbers = NumberFormat(language: language)
    }

    /// `30/06/2021` in Vietnamese; `30 June 2021` in English, which no reader takes for 6 March.
    func date(_ day: SimpleDate) -> String {
        language == .vi ? day.dayMonthYear : "\(day.day) \(Self.englishMonths[day.month - 1]) \(day.year)"
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    func moneyRange(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound
            ? numbers.money(range.lowerBound)
            : numbers.integer(range.lowerBound) + " – " + numbers.money(range.upperBound)
    }

    func text(_ localized: LocalizedText) -> String { localized.text(in: language) }
}
