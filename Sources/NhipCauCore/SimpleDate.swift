/// A calendar day with no time and no time zone: what officers write as `2021-03-31`.
public struct SimpleDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Accepts only real days: `2021-02-30` is nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...SimpleDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A day as officers write it: `2021-05-02`, or day first the Vietnamese way, `02/05/2021` or `2/5/2021`.
    public init?(written text: String) {
        guard case .day(let date) = SimpleDate.read(text) else { return nil }
        self = date
    }

    /// How a written day reads: a day, a day meant but written in another form, no such day, or not a day.
    /// Day first is the only reading of `02/05/2021` (2 May), as everywhere in Vietnam.
    public static func read(_ text: String) -> DateReading {
        if let parts = isoParts(text) { return reading(parts, accepted: true) }
        let text = text.trimmed
        if let accepted = numberParts(text, separator: "/", yearFirst: false) ?? numberParts(text, separator: "-", yearFirst: true, exact: true) {
            return reading(accepted, accepted: true)
        }
        guard let loose = looseParts(text) else { return .unreadable }
        return reading(loose, accepted: false)
    }

    private static func reading(_ parts: (year: Int, month: Int, day: Int), accepted: Bool) -> DateReading {
        if let date = SimpleDate(year: parts.year, month: parts.month, day: parts.day) {
            return accepted ? .day(date) : .meant(date)
        }
        if (1...9999).contains(parts.year), (1...12).contains(parts.month), parts.day > daysIn(month: parts.month, year: parts.year) {
            return .noSuchDay(month: parts.month, year: parts.year, days: daysIn(month: parts.month, year: parts.year))
        }
        return .unreadable
    }

    /// `yyyy-mm-dd` with nothing around it, read byte by byte: the form almost every date is written in.
    private static func isoParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> (year: Int, month: Int, day: Int)? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        } ?? nil
    }

    /// `d/m/yyyy` (one or two digits for day and month), or with `exact`, `yyyy-mm-dd`.
    private static func numberParts(_ text: String, separator: Character, yearFirst: Bool, exact: Bool = false) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let (yearText, monthText, dayText) = yearFirst ? (parts[0], parts[1], parts[2]) : (parts[2], parts[1], parts[0])
        guard yearText.count == 4, (exact ? 2...2 : 1...2).contains(monthText.count), (exact ? 2...2 : 1...2).contains(dayText.count),
              let year = Int(yearText), let month = Int(monthText), let day = Int(dayText) else { return nil }
        return (year, month, day)
    }

    /// Three numbers with a four-digit year at one end, split by `/`, `-`, `.` or spaces: `2.5.2021`, `2021/5/2`, `02-05-2021`.
    private static func looseParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(whereSeparator: { "/-. ".contains($0) })
        guard parts.count == 3, parts.allSatisfy({ $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 { return (numbers[0], numbers[1], numbers[2]) }
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 { return (numbers[2], numbers[1], numbers[0]) }
        return nil
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for measuring spans between days.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `31/03/2021`, as Vietnamese readers write dates.
    public var dayMonthYear: String { "\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))" }
    /// Midnight UTC in RFC 3339, for feeds and sitemaps.
    public var rfc3339: String { "\(iso)T00:00:00Z" }
    public var description: String { iso }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = SimpleDate(written: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD or DD/MM/YYYY date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// What a written day turned out to be (`SimpleDate.read`), so a message can say exactly what to write.
public enum DateReading: Sendable, Hashable {
    case day(SimpleDate)
    /// Not a form the tool reads, but one day is clearly meant: `2.5.2021`, `2021/5/2`, `02-05-2021`.
    case meant(SimpleDate)
    /// Written right, but the month has fewer days: `31/02/2026`.
    case noSuchDay(month: Int, year: Int, days: Int)
    case unreadable
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension DateReading {
    /// What to tell the officer about a day that did not read (nil for a good day), the same wherever a date is
    /// read. `quote` writes a value the way the file holds it: `date: 02/05/2021` in front matter,
    /// `"02/05/2021"` in JSON, the bare cell in CSV; the message then shows the exact text to write.
    public func problem(written raw: String, quote: (String) -> String) -> LocalizedText? {
        switch self {
        case .day:
            return nil
        case .meant(let day):
            return LocalizedText("date.meant", ["raw": "\(quote(raw))", "day": .date(day),
                                                "dayMonthYear": "\(quote(day.dayMonthYear))", "iso": "\(quote(day.iso))"])
        case .noSuchDay(let month, let year, let days):
            return LocalizedText("date.noSuchDay", ["raw": "\(quote(raw))", "month": "\(pad(month, 2))/\(pad(year, 4))",
                                                    "days": .integer(days)])
        case .unreadable:
            return LocalizedText("date.unreadable", ["raw": "\(quote(raw))", "dayMonthYear": "\(quote("31/03/2021"))",
                                                     "iso": "\(quote("2021-03-31"))"])
        }
    }
}
