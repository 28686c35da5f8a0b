import NhipCauLoad

/// Plans that continue one another (the same `series` id), oldest first; the loader makes sure
/// their periods do not overlap. Published at `/chi-tieu/<id>/`, beside the plans.
public struct PlanSeries: Sendable, Hashable {
    public let id: String
    public let plans: [TargetPlan]

    public init(id: String, plans: [TargetPlan]) {
        self.id = id
        self.plans = plans.sorted { ($0.period.start, $0.id) < ($1.period.start, $1.id) }
    }

    /// Every series named by the plans, by id.
    public static func all(in plans: [TargetPlan]) -> [PlanSeries] {
        let grouped = Dictionary(grouping: plans.filter { $0.series != nil }) { $0.series ?? "" }
        return grouped.keys.sorted().map { PlanSeries(id: $0, plans: grouped[$0] ?? []) }
    }

    /// The ids of the indicators any plan of the series has, in order of first appearance,
    /// the headline first: each gets its own chart on the series page.
    public var indicatorIds: [String] {
        var ids: [String] = []
        for plan in plans { for indicator in plan.indicators where !ids.contains(indicator.id) { ids.append(indicator.id) } }
        return ids
    }
}
