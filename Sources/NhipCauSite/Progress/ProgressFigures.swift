import NhipCauCore
import NhipCauLoad

/// The figures a page shows for a plan or one of its areas on the build date.
///
/// Only reports dated on or before the build date (`today`) count: a file may already hold
/// figures for a later quarter, and a page built for an earlier day must not show them. Every
/// figure below is computed from those counted entries alone.
///
/// - `achieved`: the sum of the counted entries; for an area its own entries plus all its
///   sub-areas', for a plan its own entries plus all its areas'.
/// - `laterEntryCount`: entries dated after the build date, left out of every figure.
/// - `percentOfMin` / `percentOfMax`: achieved ÷ target as a ratio (0.72 = 72%); equal for an
///   exact target, nil without a target or with a target of 0.
/// - `remaining`: how many more are needed to reach the target (its minimum), never negative.
/// - `timeline`: the running total after each reported date, all sub-areas merged.
/// - `byMarket` / `byGroup`: the splits summed over all entries.
/// - `status`: see `ProgressStatus.decide`.
public struct ProgressFigures: Sendable, Hashable {
    public let name: String
    public let target: PlanTarget?
    public let period: PlanPeriod
    public let today: SimpleDate
    public let achieved: Int
    /// Entries counted (dated on or before `today`).
    public let entryCount: Int
    /// Entries dated after `today`, not counted.
    public let laterEntryCount: Int
    public let timeline: [TimelinePoint]
    public let byMarket: [MarketCount]
    public let byGroup: [GroupCount]
    public let status: ProgressStatus

    public init(name: String, target: PlanTarget?, period: PlanPeriod, entries allEntries: [ProgressEntry], today: SimpleDate) {
        let entries = allEntries.filter { $0.date <= today }
        self.name = name
        self.target = target
        self.period = period
        self.today = today
        self.laterEntryCount = allEntries.count - entries.count
        self.achieved = entries.reduce(0) { $0 &+ $1.count }
        self.entryCount = entries.count
        self.timeline = TimelinePoint.runningTotals(entries)
        self.byMarket = Self.sum(entries.flatMap(\.markets).map { ($0.slug, $0.count) }).map { MarketCount(slug: $0.key, count: $0.count) }
        self.byGroup = Self.sum(entries.flatMap(\.groups).map { ($0.id, $0.count) }).map { GroupCount(id: $0.key, count: $0.count) }
        self.status = ProgressStatus.decide(achieved: achieved, hasEntries: !entries.isEmpty, target: target, period: period, today: today)
    }

    /// The plan as a whole: its own progress plus every area's.
    public init(plan: TargetPlan, today: SimpleDate) {
        self.init(name: plan.title, target: plan.target, period: plan.period,
                  entries: plan.progress + plan.areas.flatMap(\.allProgress), today: today)
    }

    /// One area of a plan: its own progress plus its sub-areas'.
    public init(area: PlanArea, in plan: TargetPlan, today: SimpleDate) {
        self.init(name: area.name, target: area.target, period: plan.period, entries: area.allProgress, today: today)
    }

    public var percentOfMin: Double? { ratio(to: target?.min) }
    public var percentOfMax: Double? { ratio(to: target?.max) }
    public var remaining: Int? { target.map { Swift.max(0, $0.min - achieved) } }
    /// Placements not assigned to any market in the reports.
    public var unassignedToMarket: Int { Swift.max(0, achieved - byMarket.reduce(0) { $0 + $1.count }) }

    public func achieved(inMarket slug: String) -> Int { byMarket.first { $0.slug == slug }?.count ?? 0 }
    public func achieved(inGroup id: String) -> Int { byGroup.first { $0.id == id }?.count ?? 0 }

    private func ratio(to value: Int?) -> Double? {
        guard let value, value > 0 else { return nil }
        return Double(achieved) / Double(value)
    }

    /// Sums counts by key, keeping the order in which keys first appear.
    private static func sum(_ pairs: [(String, Int)]) -> [(key: String, count: Int)] {
        var order: [String] = []
        var totals: [String: Int] = [:]
        for (key, count) in pairs {
            if totals[key] == nil { order.append(key) }
            totals[key, default: 0] &+= count
        }
        return order.map { ($0, totals[$0] ?? 0) }
    }
}

/// The running total after the placements reported for the period ending on `date`.
public struct TimelinePoint: Sendable, Hashable {
    public let date: SimpleDate
    /// Placements reported for this date (all areas together).
    public let added: Int
    /// All placements up to and including this date.
    public let total: Int

    public init(date: SimpleDate, added: Int, total: Int) {
        self.date = date
        self.added = added
        self.total = total
    }

    /// Entries from several areas merged by date, in date order.
    public static func runningTotals(_ entries: [ProgressEntry]) -> [TimelinePoint] {
        var byDate: [SimpleDate: Int] = [:]
        for entry in entries { byDate[entry.date, default: 0] &+= entry.count }
        var total = 0
        return byDate.keys.sorted().map { date in
            let added = byDate[date] ?? 0
            total &+= added
            return TimelinePoint(date: date, added: added, total: total)
        }
    }
}

/// The figures for a whole plan: the plan, each of its areas (by id, at any depth) and each group.
public struct PlanFigures: Sendable, Hashable {
    public let plan: ProgressFigures
    public let areas: [String: ProgressFigures]
    public let groups: [GroupFigures]

    public init(plan: TargetPlan, today: SimpleDate) {
        self.plan = ProgressFigures(plan: plan, today: today)
        var areas: [String: ProgressFigures] = [:]
        for area in plan.allAreas { areas[area.id] = ProgressFigures(area: area, in: plan, today: today) }
        self.areas = areas
        let planFigures = self.plan
        self.groups = plan.groups.map { group in
            GroupFigures(group: group, achieved: planFigures.achieved(inGroup: group.id),
                         hasEntries: planFigures.entryCount > 0, period: plan.period, today: today)
        }
    }
}

/// One group's placements against its target, over the whole plan.
public struct GroupFigures: Sendable, Hashable {
    public let group: PlanGroup
    public let achieved: Int
    public let status: ProgressStatus

    public init(group: PlanGroup, achieved: Int, hasEntries: Bool, period: PlanPeriod, today: SimpleDate) {
        self.group = group
        self.achieved = achieved
        self.status = ProgressStatus.decide(achieved: achieved, hasEntries: hasEntries, target: group.target, period: period, today: today)
    }

    public var percentOfMin: Double? { group.target.flatMap { $0.min > 0 ? Double(achieved) / Double($0.min) : nil } }
    public var percentOfMax: Double? { group.target.flatMap { $0.max > 0 ? Double(achieved) / Double($0.max) : nil } }
}
