import NhipCauCore

/// One thing a plan counts against a target, e.g. workers sent abroad, or people counselled.
/// A plan file written in the original form (top-level `unit`, `target`, `areas`, `progress`)
/// holds exactly one indicator, with the id `PlanIndicator.implicitID` and no name.
public struct PlanIndicator: Sendable, Hashable {
    /// The id of the one indicator of a plan written without `indicators`.
    public static let implicitID = "chi-tieu"

    /// A slug, unique within the plan; `indicators[n].id` in the file.
    public let id: String
    /// Nil for the implicit indicator of a single-indicator plan (pages use the plan's title).
    public let name: String?
    /// What is counted, e.g. "lao động".
    public let unit: String
    public let target: PlanTarget
    public let groups: [PlanGroup]
    public let areas: [PlanArea]
    /// Entries reported for the indicator as a whole (used when it has no areas).
    public let progress: [ProgressEntry]
    /// "Về số liệu": where the figures come from and who answers for them.
    public let about: IndicatorAbout?

    public init(id: String = PlanIndicator.implicitID, name: String? = nil, unit: String, target: PlanTarget,
                groups: [PlanGroup] = [], areas: [PlanArea] = [], progress: [ProgressEntry] = [], about: IndicatorAbout? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.target = target
        self.groups = groups
        self.areas = areas
        self.progress = progress
        self.about = about
    }

    /// Every area at any depth, parents before their sub-areas, in file order.
    public var allAreas: [PlanArea] { areas.flatMap { [$0] + $0.allSubAreas } }

    /// Every entry of the indicator: its own and all its areas'.
    public var allProgress: [ProgressEntry] { progress + areas.flatMap(\.allProgress) }
}

/// Indicator metadata, after Open SDG's metadata tab. Every field is optional text, except
/// `updated`, a date.
public struct IndicatorAbout: Sendable, Hashable {
    /// The document the target and the figures come from.
    public let source: String?
    /// How a unit is counted (who counts, when a worker counts as placed).
    public let method: String?
    /// How often figures are reported, in words ("hằng quý").
    public let frequency: String?
    /// The office that answers for the figures.
    public let responsible: String?
    /// How to reach it (telephone, e-mail).
    public let contact: String?
    /// When the figures were last revised.
    public let updated: SimpleDate?

    public init(source: String? = nil, method: String? = nil, frequency: String? = nil, responsible: String? = nil,
                contact: String? = nil, updated: SimpleDate? = nil) {
        self.source = source
        self.method = method
        self.frequency = frequency
        self.responsible = responsible
        self.contact = contact
        self.updated = updated
    }
}

/// When areas report: `{"every": "quarter", "day": 25}` is the 25th of each quarter's last
/// month. A day past a month's end means its last day (31 → 30 June).
public struct ReportSchedule: Sendable, Hashable {
    public enum Every: String, Sendable, Hashable, CaseIterable {
        case month, quarter, year
        /// Months between two reports.
        var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .year: 12
            }
        }
    }

    public let every: Every
    /// 1...31.
    public let day: Int

    public init(every: Every, day: Int) {
        self.every = every
        self.day = day
    }

    /// Every due date inside the period, in order: day `day` of each month that closes a
    /// reporting period (March, June, September, December for quarters; December for years).
    public func dueDates(in period: PlanPeriod) -> [SimpleDate] {
        var dates: [SimpleDate] = []
        var year = period.start.year
        var month = period.start.month
        while (year, month) <= (period.end.year, period.end.month) {
            if month % every.months == 0 {
                let last = SimpleDate.daysIn(month: month, year: year)
                if let date = SimpleDate(year: year, month: month, day: min(day, last)), period.contains(date) {
                    dates.append(date)
                }
            }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return dates
    }
}

/// A dated remark on a plan's timeline, e.g. a pause in departures.
public struct PlanNote: Sendable, Hashable {
    public let date: SimpleDate
    public let text: String

    public init(date: SimpleDate, text: String) {
        self.date = date
        self.text = text
    }
}
