import NhipCauCore

/// When an event starts or ends, as the officer wrote it: a day (`2026-12-20`), or a day and a
/// time (`2026-12-20 08:00`), in Vietnam time (UTC+7, no daylight saving).
public struct EventTime: Sendable, Hashable {
    public let day: SimpleDate
    /// Minutes after midnight; nil for a whole day.
    public let minutes: Int?

    public init(day: SimpleDate, minutes: Int? = nil) {
        self.day = day
        self.minutes = minutes
    }

    /// The forms `start` and `end` accept, for messages.
    public static let acceptedForms = "`2026-12-20`, `2026-12-20 08:00`, `20/12/2026`, `20/12/2026 08:00`"

    /// `2026-12-20`, `20/12/2026`, either followed by a time `08:00` or `8h00` (after a space or `T`).
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count), let day = EventTime.day(parts[0]) else { return nil }
        if parts.count == 1 {
            self.init(day: day)
            return
        }
        guard let minutes = EventTime.minutes(parts[1]) else { return nil }
        self.init(day: day, minutes: minutes)
    }

    private static func day(_ text: String) -> SimpleDate? {
        if let iso = SimpleDate(iso: text) { return iso }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return SimpleDate(year: year, month: month, day: day)
    }

    /// `08:00`, `8:00`, `8h00`, `8h`.
    private static func minutes(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let separator: Character = lowered.contains(":") ? ":" : "h"
        let parts = lowered.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2 || (separator == "h" && parts[1].isEmpty),
              (parts[0] + parts[1]).allSatisfy({ $0.isASCII && $0.isNumber }),
              let hour = Int(parts[0]), let minute = parts[1].isEmpty ? 0 : Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// Minutes since 1970-01-01 00:00 Vietnam time; a whole day starts at its midnight, or ends at the next.
    public func instant(asEnd: Bool) -> Int {
        day.dayNumber * 1440 + (minutes ?? (asEnd ? 1440 : 0))
    }

    /// `08:00`, nil for a whole day.
    public var clock: String? {
        minutes.map { "\($0 / 60 < 10 ? "0" : "")\($0 / 60):\($0 % 60 < 10 ? "0" : "")\($0 % 60)" }
    }

    /// ISO 8601 as schema.org reads it: `2026-12-20` or `2026-12-20T08:00:00+07:00`.
    public var iso: String {
        clock.map { "\(day.iso)T\($0):00+07:00" } ?? day.iso
    }
}

/// The kinds of event the plans organise (`kind:`), shown as words from the theme's i18n files.
public enum EventKind: String, Sendable, Hashable, CaseIterable {
    case consultation = "tu-van"
    case jobFair = "giao-dich-viec-lam"
    case selection = "tuyen-chon"
    case training = "dao-tao"
    case other = "khac"

    /// The UI word that names the kind.
    public var wordingKey: String {
        switch self {
        case .consultation: "eventKindConsultation"
        case .jobFair: "eventKindJobFair"
        case .selection: "eventKindSelection"
        case .training: "eventKindTraining"
        case .other: "eventKindOther"
        }
    }
}

/// Where an event stands on the build date. The build date is a day with no hour, so an event that
/// takes place on that day, at whatever time, is ongoing for the whole of it.
public enum EventStatus: String, Sendable, Hashable, CaseIterable {
    case upcoming, ongoing, past

    public var wordingKey: String {
        switch self {
        case .upcoming: "eventUpcoming"
        case .ongoing: "eventOngoing"
        case .past: "eventPast"
        }
    }
}

/// A consultation conference, job-fair session, selection test or class (`events/`).
public struct Event: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let start: EventTime
    public let end: EventTime?
    public let place: String
    public let kind: EventKind?
    public let address: String?
    public let area: Located<String>?
    public let organiser: String?
    /// Slug of the enterprise that recruits at it (the enterprise register).
    public let enterprise: Located<String>?
    public let markets: [Located<String>]
    /// How to sign up.
    public let register: String?
    public let cost: String?
    public let summary: String?
    public let sample: Bool

    /// The last day it takes place.
    public var lastDay: SimpleDate { end?.day ?? start.day }

    public func status(on day: SimpleDate) -> EventStatus {
        if day < start.day { return .upcoming }
        return day > lastDay ? .past : .ongoing
    }
}

extension Event { public func replacingBody(with edit: BodyEdit) -> Event { var copy = self; copy.document = document.replacingBody(with: edit); return copy } }

extension SimpleDate {
    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> SimpleDate {
        // Howard Hinnant's civil_from_days, the inverse of `dayNumber`.
        let z = dayNumber + count + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return SimpleDate(year: year, month: month, day: day) ?? self
    }
}

extension Event {
    /// The order of event lists: earliest start first, then by file name so ties are stable.
    public static func startsBefore(_ lhs: Event, _ rhs: Event) -> Bool {
        (lhs.start.instant(asEnd: false), lhs.document.slug) < (rhs.start.instant(asEnd: false), rhs.document.slug)
    }
}
