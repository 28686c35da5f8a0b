import Foundation
import NhipCauCore
import Testing

/// Dates as officers type them: `02/05/2021` is 2 May 2021 (day first is the only reading in Vietnam),
/// `2021-05-02` too; anything else is an error that says exactly what to write.
@Suite struct DateReadingTests {
    static let may2 = SimpleDate(year: 2021, month: 5, day: 2)!

    @Test func dayFirstAndISOFormsReadAsTheSameDay() {
        for written in ["02/05/2021", "2/5/2021", "02/5/2021", "2021-05-02", " 02/05/2021 "] {
            #expect(SimpleDate.read(written) == .day(Self.may2), "\(written)")
            #expect(SimpleDate(written: written) == Self.may2, "\(written)")
        }
        #expect(SimpleDate(written: "29/02/2024") == SimpleDate(year: 2024, month: 2, day: 29))
        #expect(SimpleDate(written: "31/12/2021") == SimpleDate(year: 2021, month: 12, day: 31))
    }

    @Test func anotherSeparatorOrOrderIsReadAsTheDayMeant() {
        for written in ["2.5.2021", "02.05.2021", "2021/5/2", "02-05-2021", "2021-5-2", "2 5 2021"] {
            #expect(SimpleDate.read(written) == .meant(Self.may2), "\(written)")
            #expect(SimpleDate(written: written) == nil, "\(written) is not accepted as it is")
        }
    }

    @Test func aMonthTooShortIsNamedWithItsDays() {
        #expect(SimpleDate.read("31/02/2026") == .noSuchDay(month: 2, year: 2026, days: 28))
        #expect(SimpleDate.read("2021-02-30") == .noSuchDay(month: 2, year: 2021, days: 28))
        #expect(SimpleDate.read("31/04/2021") == .noSuchDay(month: 4, year: 2021, days: 30))
    }

    @Test func whatIsNoDayIsUnreadable() {
        for written in ["05/2021", "13/13/2021", "02/05/21", "hôm qua", "", "2021-05-02-01", "0/5/2021", "02/05/20211"] {
            #expect(SimpleDate.read(written) == .unreadable, "\(written)")
        }
    }

    @Test func theMessageProposesTheExactTextToWrite() throws {
        let quote = { (value: String) in "`date: \(value)`" }
        let meant = try #require(SimpleDate.read("2.5.2021").problem(written: "2.5.2021", quote: quote))
        #expect(meant.text(in: .vi) == "`date: 2.5.2021` chưa viết đúng dạng ngày. Nếu là ngày 02/05/2021, hãy viết `date: 02/05/2021` (ngày/tháng/năm) hoặc `date: 2021-05-02`.")
        #expect(meant.text(in: .en) == "`date: 2.5.2021` is not written as a date. If it is 2021-05-02, write `date: 02/05/2021` (day/month/year) or `date: 2021-05-02`.")
        let noSuchDay = try #require(SimpleDate.read("31/02/2026").problem(written: "31/02/2026", quote: quote))
        #expect(noSuchDay.text(in: .vi) == "`date: 31/02/2026` không phải một ngày có thật: tháng 02/2026 chỉ có 28 ngày.")
        #expect(SimpleDate.read("02/05/2021").problem(written: "02/05/2021", quote: quote) == nil)
    }

    @Test func decodedDatesAcceptBothForms() throws {
        let days = try JSONDecoder().decode([SimpleDate].self, from: Data(#"["02/05/2021", "2021-05-02"]"#.utf8))
        #expect(days == [Self.may2, Self.may2])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([SimpleDate].self, from: Data(#"["31/02/2026"]"#.utf8)) }
    }
}
