import NhipCauCore
import NhipCauLoad

/// How fresh a plan's figures are on the build date, and which areas have not sent the report
/// that fell due last (Open SDG's reporting status, per area).
///
/// Areas report for every indicator together, so an area's last report is its latest entry in
/// any indicator. A report counts for a due date when it is dated after the due date before it
/// (or in the period, for the first): a report dated 20/03 meets the due date 25/03.
public struct ReportingStatus: Sendable, Hashable {
    /// The latest entry on or before the build date, in any indicator or area ("Số liệu đến").
    public let asOf: SimpleDate?
    /// The last due date on or before the build date; nil without a schedule or before the first.
    public let latestDue: SimpleDate?
    /// The first due date after the build date; nil without a schedule or after the last.
    public let nextDue: SimpleDate?
    /// One row per leaf area (areas without sub-areas) in file order, or a single row for the
    /// plan itself (`areaId` nil) when it has no areas.
    public let rows: [AreaReporting]

    public init(plan: TargetPlan, today: SimpleDate) {
        let counted = plan.indicators.flatMap(\.allProgress).filter { $0.date <= today }
        asOf = counted.map(\.date).max()
        let dueDates = plan.schedule?.dueDates(in: plan.period) ?? []
        let latestIndex = dueDates.lastIndex { $0 <= today }
        latestDue = latestIndex.map { dueDates[$0] }
        nextDue = dueDates.first { $0 > today }
        // Reports after this day meet the latest due date.
        let windowStart: SimpleDate? = latestIndex.map { index in
            index > 0 ? dueDates[index - 1] : Self.dayBefore(plan.period.start)
        }
        rows = Self.leaves(of: plan).map { leaf in
            let last = leaf.entries.filter { $0.date <= today }.map(\.date).max()
            let isOverdue = windowStart.map { start in last.map { $0 <= start } ?? true } ?? false
            return AreaReporting(areaId: leaf.id, name: leaf.name, lastReport: last, isOverdue: isOverdue)
        }
    }

    /// Rows whose report for the latest due date has not come.
    public var overdue: [AreaReporting] { rows.filter(\.isOverdue) }

    /// Leaf areas of every indicator, merged by id in order of first appearance; or the plan.
    private static func leaves(of plan: TargetPlan) -> [(id: String?, name: String, entries: [ProgressEntry])] {
        var order: [String] = []
        var names: [String: String] = [:]
        var entries: [String: [ProgressEntry]] = [:]
        for indicator in plan.indicators {
            for area in indicator.allAreas where area.areas.isEmpty {
                if names[area.id] == nil { order.append(area.id); names[area.id] = area.name }
                entries[area.id, default: []] += area.progress
            }
        }
        guard !order.isEmpty else {
            return [(nil, plan.title, plan.indicators.flatMap(\.allProgress))]
        }
        return order.map { ($0, names[$0] ?? $0, entries[$0] ?? []) }
    }

    private static func dayBefore(_ date: SimpleDate) -> SimpleDate {
        if date.day > 1 { return SimpleDate(year: date.year, month: date.month, day: date.day - 1) ?? date }
        if date.month > 1 {
            return SimpleDate(year: date.year, month: date.month - 1, day: SimpleDate.daysIn(month: date.month - 1, year: date.year)) ?? date
        }
        return SimpleDate(year: date.year - 1, month: 12, day: 31) ?? date
    }
}

/// One area's (or a plan's) last report and whether it missed the latest due date.
public struct AreaReporting: Sendable, Hashable {
    /// Nil for a plan without areas, which reports as a whole.
    public let areaId: String?
    public let name: String
    public let lastReport: SimpleDate?
    public let isOverdue: Bool

    public init(areaId: String?, name: String, lastReport: SimpleDate?, isOverdue: Bool) {
        self.areaId = areaId
        self.name = name
        self.lastReport = lastReport
        self.isOverdue = isOverdue
    }
}
