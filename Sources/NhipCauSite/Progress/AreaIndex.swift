import NhipCauLoad

/// Every area the site knows, so that an area page can list its targets across plans: the units of
/// `areas.yml` when the site has one (then the only ids references may use), else every area named
/// in any plan.
public struct AreaIndex: Sendable, Hashable {
    /// Sorted by id.
    public let records: [AreaRecord]
    /// `areas.yml`, when the site has one.
    public let tree: AreaTree?
    private let positions: [String: Int]

    public init(plans: [TargetPlan], tree: AreaTree? = nil) {
        var records: [String: AreaRecord] = [:]
        for plan in plans.sorted(by: { $0.id < $1.id }) {
            Self.collect(plan.areas, planId: plan.id, ancestors: [], into: &records)
        }
        if let tree {
            records = Self.treeRecords(tree, appearances: records.mapValues(\.appearances))
        }
        self.records = records.values.sorted { $0.id < $1.id }
        self.tree = tree
        self.positions = Dictionary(self.records.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> AreaRecord? {
        positions[id].map { records[$0] }
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

    /// One record per unit of the tree, named as the tree names it; plans' areas outside the tree
    /// are left out (the assembler reports them).
    private static func treeRecords(_ tree: AreaTree, appearances: [String: [AreaAppearance]]) -> [String: AreaRecord] {
        var records: [String: AreaRecord] = [:]
        func add(_ units: [TreeArea], parent: TreeArea?) {
            for unit in units where records[unit.id] == nil {
                var record = AreaRecord(id: unit.id, name: unit.name, appearances: appearances[unit.id] ?? [])
                record.unit = unit
                record.parentId = parent?.id
                records[unit.id] = record
                add(unit.areas, parent: unit)
            }
        }
        add(tree.areas, parent: nil)
        return records
    }

    // MARK: The tree's mergers

    /// True for a unit that no longer exists: merged into another, or inside one that was.
    public func isFormer(_ id: String) -> Bool {
        formerAncestor(of: id) != nil
    }

    /// The unit itself, or its nearest parent, that has `merged_into`.
    public func formerAncestor(of id: String) -> AreaRecord? {
        var current = self[id]
        while let record = current {
            if record.unit?.mergedInto != nil { return record }
            current = record.parentId.flatMap { self[$0] }
        }
        return nil
    }

    /// The units written with `merged_into: id`, in tree order.
    public func mergedInto(_ id: String) -> [AreaRecord] {
        (tree?.allAreas ?? []).filter { $0.mergedInto?.value == id }.compactMap { self[$0.id] }
    }

    /// Parents first, outermost first.
    public func ancestors(of id: String) -> [AreaRecord] {
        var chain: [AreaRecord] = []
        var current = self[id]?.parentId.flatMap { self[$0] }
        while let record = current, !chain.contains(where: { $0.id == record.id }) {
            chain.insert(record, at: 0)
            current = record.parentId.flatMap { self[$0] }
        }
        return chain
    }
}

/// One area and the plans it appears in.
public struct AreaRecord: Sendable, Hashable {
    public let id: String
    /// The tree's name; without a tree the name from the first plan (by id) that names it
    /// (`TargetPlanLoader.crossCheck` makes sure all agree).
    public let name: String
    /// In plan id order, then file order.
    public let appearances: [AreaAppearance]
    /// The unit in `areas.yml`, when the site has one.
    public var unit: TreeArea?
    /// The id of the unit it sits in, in the tree.
    public var parentId: String?

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

/// The area ids references may use, and where they come from, for the message about one that is not there.
public struct KnownAreas: Sendable {
    public let ids: Set<String>
    /// True when the ids are `areas.yml`'s, not the plans'.
    public let fromTree: Bool

    public init(_ index: AreaIndex) {
        ids = Set(index.records.map(\.id))
        fromTree = index.tree != nil
    }

    public func contains(_ id: String) -> Bool { ids.contains(id) }
}
