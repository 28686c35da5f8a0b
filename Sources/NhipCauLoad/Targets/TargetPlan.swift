import NhipCauCore

/// A placement plan read from `content/targets/<id>.json`: how many workers an issuer plans to
/// send abroad in a period, split by area, and the placements reported so far.
public struct TargetPlan: Sendable, Hashable {
    /// The file name without `.json`, a slug.
    public let id: String
    /// Path relative to `content/`, e.g. `targets/ninh-thuan-2021.json`.
    public let sourceFile: String
    public let title: String
    public let issuer: String
    public let document: String?
    /// A remark shown under the plan's title, e.g. how a target was read from the source document.
    public let note: String?
    /// `"sample": true`: the progress figures are made up for illustration, and every chart,
    /// table and headline of the plan says so.
    public let isSample: Bool
    public let period: PlanPeriod
    /// What the plan counts, at least one; the first is the headline. A file without
    /// `indicators` holds one (see `PlanIndicator`), so every existing plan reads as before.
    public let indicators: [PlanIndicator]
    /// Plans with the same series id continue one another (e.g. one plan a year).
    public let series: String?
    /// The series page's heading, when this plan gives one (`seriesTitle`).
    public let seriesTitle: String?
    /// When areas report; nil when the plan does not say.
    public let schedule: ReportSchedule?
    /// Dated remarks drawn on the timeline, in date order.
    public let notes: [PlanNote]
    /// The id of the plan file's first indicator; in a plan `narrowed(to:)` a later indicator,
    /// it tells that indicator from the headline.
    public let primaryIndicatorId: String

    public init(id: String, sourceFile: String, title: String, issuer: String, document: String?, unit: String,
                period: PlanPeriod, target: PlanTarget, groups: [PlanGroup], areas: [PlanArea], progress: [ProgressEntry],
                note: String? = nil, isSample: Bool = false) {
        self.init(id: id, sourceFile: sourceFile, title: title, issuer: issuer, document: document, period: period,
                  indicators: [PlanIndicator(unit: unit, target: target, groups: groups, areas: areas, progress: progress)],
                  note: note, isSample: isSample)
    }

    /// - Precondition: `indicators` is not empty (the loader reports a plan without any).
    public init(id: String, sourceFile: String, title: String, issuer: String, document: String?, period: PlanPeriod,
                indicators: [PlanIndicator], series: String? = nil, seriesTitle: String? = nil, schedule: ReportSchedule? = nil, notes: [PlanNote] = [],
                note: String? = nil, isSample: Bool = false, primaryIndicatorId: String? = nil) {
        self.id = id
        self.note = note
        self.isSample = isSample
        self.sourceFile = sourceFile
        self.title = title
        self.issuer = issuer
        self.document = document
        self.period = period
        self.indicators = indicators
        self.series = series
        self.seriesTitle = seriesTitle
        self.schedule = schedule
        self.notes = notes
        self.primaryIndicatorId = primaryIndicatorId ?? indicators.first?.id ?? PlanIndicator.implicitID
    }

    /// The first indicator, which the plan list, home page and search speak of.
    public var headline: PlanIndicator { indicators[0] }
    /// The headline indicator's fields, as a single-indicator plan had them.
    public var unit: String { headline.unit }
    public var target: PlanTarget { headline.target }
    public var groups: [PlanGroup] { headline.groups }
    public var areas: [PlanArea] { headline.areas }
    /// Entries reported for the headline indicator as a whole (used when it has no areas).
    public var progress: [ProgressEntry] { headline.progress }

    public func indicator(id: String) -> PlanIndicator? { indicators.first { $0.id == id } }

    /// The plan narrowed to one indicator: the same plan with that indicator alone, so that the
    /// figures and charts made for a single-indicator plan serve every indicator.
    /// `title` replaces the plan's title in what is drawn from it (charts name their subject by it).
    public func narrowed(to indicator: PlanIndicator, title: String? = nil) -> TargetPlan {
        TargetPlan(id: id, sourceFile: sourceFile, title: title ?? self.title, issuer: issuer, document: document, period: period,
                   indicators: [indicator], series: series, seriesTitle: seriesTitle, schedule: schedule, notes: notes, note: note, isSample: isSample,
                   primaryIndicatorId: primaryIndicatorId)
    }

    /// Every area of the plan at any depth, parents before their sub-areas, in file order.
    public var allAreas: [PlanArea] {
        areas.flatMap { [$0] + $0.allSubAreas }
    }

    /// The area with this id at any depth.
    public func area(id: String) -> PlanArea? {
        allAreas.first { $0.id == id }
    }

    public func group(id: String) -> PlanGroup? {
        groups.first { $0.id == id }
    }
}

/// The days a plan covers, both ends included.
public struct PlanPeriod: Sendable, Hashable {
    public let start: SimpleDate
    public let end: SimpleDate

    public init(start: SimpleDate, end: SimpleDate) {
        self.start = start
        self.end = end
    }

    /// Number of days in the period, both ends counted.
    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

    public func contains(_ date: SimpleDate) -> Bool { start <= date && date <= end }
}

/// How many placements a plan, area or group aims for: an exact number or a range. A target
/// written as growth over a baseline is resolved to a range, and remembers its basis so that
/// pages can say "tăng 10–15% so với 40".
public struct PlanTarget: Sendable, Hashable {
    public let min: Int
    public let max: Int
    /// Set when the file wrote the target as growth over a baseline.
    public let growth: GrowthBasis?

    public init(min: Int, max: Int, growth: GrowthBasis? = nil) {
        self.min = min
        self.max = max
        self.growth = growth
    }

    public static func exact(_ value: Int) -> PlanTarget { PlanTarget(min: value, max: value) }

    public static func range(min: Int, max: Int) -> PlanTarget { PlanTarget(min: min, max: max) }

    /// A range of `baseline × (1 + rate)`, each end rounded up.
    public static func growth(minRate: Double, maxRate: Double, baseline: Int) -> PlanTarget {
        let basis = GrowthBasis(minRate: minRate, maxRate: maxRate, baseline: baseline)
        return PlanTarget(min: basis.resolve(minRate), max: basis.resolve(maxRate), growth: basis)
    }

    public var isRange: Bool { min != max }
}

/// "Tăng 10–15% so với 40": growth rates (0.10 = 10%) over a baseline count.
public struct GrowthBasis: Sendable, Hashable {
    public let minRate: Double
    public let maxRate: Double
    public let baseline: Int

    public init(minRate: Double, maxRate: Double, baseline: Int) {
        self.minRate = minRate
        self.maxRate = maxRate
        self.baseline = baseline
    }

    /// `baseline × (1 + rate)` rounded up. The small allowance keeps binary noise from rounding
    /// up an exact result: 40 × 1.10 is 44.000000000000007 in `Double`, and must give 44, not 45.
    func resolve(_ rate: Double) -> Int {
        let exact = Double(baseline) * (1 + rate)
        let rounded = (exact - 1e-9).rounded(.up)
        guard rounded.isFinite, rounded < Double(Int.max / 2), rounded > -Double(Int.max / 2) else { return Int.max / 2 }
        return Int(rounded)
    }
}

/// A group of workers a plan counts separately, e.g. workers under a social policy.
public struct PlanGroup: Sendable, Hashable {
    public let id: String
    public let name: String
    public let target: PlanTarget?

    public init(id: String, name: String, target: PlanTarget?) {
        self.id = id
        self.name = name
        self.target = target
    }
}

/// A district, commune or other area with its own share of a plan.
public struct PlanArea: Sendable, Hashable {
    public let id: String
    public let name: String
    /// Nil when the plan gives this area no target of its own.
    public let target: PlanTarget?
    public let areas: [PlanArea]
    public let progress: [ProgressEntry]
    /// Where the area is written, for messages about it (e.g. cross-plan checks).
    public let location: SourceLocation

    public init(id: String, name: String, target: PlanTarget?, areas: [PlanArea], progress: [ProgressEntry], location: SourceLocation) {
        self.id = id
        self.name = name
        self.target = target
        self.areas = areas
        self.progress = progress
        self.location = location
    }

    /// Sub-areas at any depth, parents first, in file order.
    public var allSubAreas: [PlanArea] {
        areas.flatMap { [$0] + $0.allSubAreas }
    }

    /// This area's own entries and those of all its sub-areas.
    public var allProgress: [ProgressEntry] {
        progress + areas.flatMap(\.allProgress)
    }
}

/// Placements reported for the period ending on `date` (not a running total).
public struct ProgressEntry: Sendable, Hashable {
    public let date: SimpleDate
    public let count: Int
    /// Split of `count` by destination market slug, in file order. May add up to less than `count`.
    public let markets: [MarketCount]
    /// Placements of each group among `count`, in file order. Groups may overlap.
    public let groups: [GroupCount]

    public init(date: SimpleDate, count: Int, markets: [MarketCount] = [], groups: [GroupCount] = []) {
        self.date = date
        self.count = count
        self.markets = markets
        self.groups = groups
    }
}

public struct MarketCount: Sendable, Hashable {
    public let slug: String
    public let count: Int

    public init(slug: String, count: Int) {
        self.slug = slug
        self.count = count
    }
}

public struct GroupCount: Sendable, Hashable {
    public let id: String
    public let count: Int

    public init(id: String, count: Int) {
        self.id = id
        self.count = count
    }
}
