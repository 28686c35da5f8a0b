import NhipCauCore
import NhipCauLoad

/// The rows of the data package's long table (`/du-lieu/chi-tieu.csv`): every figure reported
/// on or before the build date, as the pages count them.
public enum DataRows {
    /// One observation: a count reported for a period, for an area (or the plan as a whole),
    /// either in total or for one market or one group.
    public struct Observation: Sendable, Hashable {
        public let plan: String
        public let indicator: String
        public let area: String?
        public let period: SimpleDate
        public let value: Int
        public let market: String?
        public let group: String?
    }

    public static let columns = ["plan", "indicator", "area", "period", "value", "market", "group"]

    /// Plan by plan (in the site's order), indicator by indicator, the plan's own entries then
    /// each area's in file order, each entry's total first, then its market and group splits.
    public static func observations(_ site: Site) -> [Observation] {
        site.plans.flatMap { plan in
            plan.indicators.flatMap { indicator in
                let own = indicator.progress.map { (area: String?.none, entry: $0) }
                let byArea = indicator.allAreas.flatMap { area in area.progress.map { (area: String?.some(area.id), entry: $0) } }
                return (own + byArea).filter { $0.entry.date <= site.today }.flatMap { area, entry in
                    [Observation(plan: plan.id, indicator: indicator.id, area: area, period: entry.date, value: entry.count, market: nil, group: nil)]
                        + entry.markets.map { Observation(plan: plan.id, indicator: indicator.id, area: area, period: entry.date, value: $0.count, market: $0.slug, group: nil) }
                        + entry.groups.map { Observation(plan: plan.id, indicator: indicator.id, area: area, period: entry.date, value: $0.count, market: nil, group: $0.id) }
                }
            }
        }
    }
}
