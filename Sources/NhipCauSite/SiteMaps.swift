import NhipCauCore
import NhipCauLoad

extension SiteAssembler {
    /// A feature whose id is no area of any plan is drawn as "no data" on every page: most likely a
    /// typo, so it is named with its index. A map that fits no plan and no area is never drawn.
    static func checkMaps(_ maps: [AreaMap], areaIDs: KnownAreas, plans: [TargetPlan]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for map in maps.sorted(by: { $0.sourceFile < $1.sourceFile }) {
            for feature in map.features where !areaIDs.contains(feature.areaId) {
                let known = areaIDs.ids.sorted().prefix(12).joined(separator: ", ")
                problems.append(.warning(feature.location.with(jsonPath: "features[\(feature.index)].properties.id"),
                                         "map.featureIdNotArea", ["index": "\(feature.index)", "id": "\(feature.areaId)", "known": "\(known)"]))
            }
            if !areaIDs.contains(map.id) && !plans.contains(where: { Site.map(map, fits: $0) }) {
                problems.append(.warning(SourceLocation(file: map.sourceFile), "map.fitsNoPlanOrArea", ["id": "\(map.id)"]))
            }
        }
        return problems
    }
}

extension SourceLocation {
    func with(jsonPath: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, jsonPath: jsonPath)
    }
}

extension Site {
    /// A map fits a plan when each of the plan's top-level areas is one of its features: the map
    /// is of the whole area the plan covers (`maps/ninh-thuan.geojson` for the province's plan).
    public static func map(_ map: AreaMap, fits plan: TargetPlan) -> Bool {
        !plan.areas.isEmpty && plan.areas.allSatisfy { map.feature($0.id) != nil }
    }

    /// The map drawn on a plan's page: the first by area id that fits it.
    public func map(for plan: TargetPlan) -> AreaMap? {
        maps.keys.sorted().lazy.compactMap { maps[$0] }.first { Site.map($0, fits: plan) }
    }

    /// The map of an area's sub-areas, drawn on its page for each plan that splits the area.
    public func map(ofArea id: String) -> AreaMap? { maps[id] }
}
