import NhipCauCore

/// Display forms of dates, numbers and money in the site's language, as its wording file says.
struct Formats: Sendable {
    let wording: Wording
    var language: Language { wording.language }
    var numbers: NumberFormat { wording.numbers }

    init(wording: Wording) {
        self.wording = wording
    }

    /// `30/06/2021` in Vietnamese; `30 June 2021` in English, which no reader takes for 6 March.
    func date(_ day: SimpleDate) -> String { wording.date(day) }

    func moneyRange(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound
            ? numbers.money(range.lowerBound)
            : numbers.integer(range.lowerBound) + " – " + numbers.money(range.upperBound)
    }

    func text(_ localized: LocalizedText) -> String { localized.text(in: language) }
}
