import NhipCauLoad

/// Every area named in any plan, so that an area page can list its targets across plans.
public struct AreaIndex: Sendable, Hashable {
    /// Sorted by id.
    public let records: [AreaRecord]

    public init(plans: [TargetPlan]) {
        var records: [String: AreaRecord] = [:]
        for plan in plans.sorted(by: { $0.id < $1.id }) {
            Self.collect(plan.areas, planId: plan.id, ancestors: [], into: &records)
        }
        self.records = records.values.sorted { $0.id < $1.id }
    }

    public subscript(id: String) -> AreaRecord? {
        records.first { $0.id == id }
    }

    private static func collect(_ areas: [PlanArea], planId: String, ancestors: [String], into records: inout [String: AreaRecord]) {
        for area in areas {
            let appearance = AreaAppearance(planId: planId, ancestorIds: ancestors)
            if let existing = records[area.id] {
                records[area.id] = AreaRecord(id: area.id, name: existing.name, appearances: existing.appearances + [appearance])
            } else {
                records[area.id] = AreaRecord(id: area.id, name: area.name, appearances: [appearance])
            }
            collect(area.areas, planId: planId, ancestors: ancestors + [area.id], into: &records)
        }
    }
}

/// One area and the plans it appears in.
public struct AreaRecord: Sendable, Hashable {
    public let id: String
    /// The name from the first plan (by id) that names it; `TargetPlanLoader.crossCheck` makes sure all agree.
    public let name: String
    /// In plan id order, then file order.
    public let appearances: [AreaAppearance]

    public init(id: String, name: String, appearances: [AreaAppearance]) {
        self.id = id
        self.name = name
        self.appearances = appearances
    }
}

/// Where an area sits in one plan: the plan and its ancestors' ids, outermost first.
public struct AreaAppearance: Sendable, Hashable {
    public let planId: String
    public let ancestorIds: [String]

    public init(planId: String, ancestorIds: [String]) {
        self.planId = planId
        self.ancestorIds = ancestorIds
    }
}
