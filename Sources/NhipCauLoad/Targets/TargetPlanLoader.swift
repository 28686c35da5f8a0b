#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore

/// Reads `content/targets/<id>.json` into a `TargetPlan`, reporting every problem it finds with
/// the file, line, column and JSON path (`areas[2].progress[1].date`, indexes from 0).
/// Unknown keys are warnings (a likely typo, the build goes on); everything else is an error.
public enum TargetPlanLoader {
    /// - Parameters:
    ///   - id: the plan's id, the file name without `.json`.
    ///   - file: the path relative to `content/`, e.g. `targets/ninh-thuan-2021.json`.
    ///   - knownMarkets: slugs of the markets that have a page; progress may only name these.
    /// - Returns: the plan when there were no errors, and all diagnostics found.
    public static func load(id: String, file: String, data: [UInt8], knownMarkets: Set<String>) -> (plan: TargetPlan?, diagnostics: [Diagnostic]) {
        let root: JSONNode
        switch JSONNode.parse(data) {
        case .success(let node):
            root = node
        case .failure(let error):
            let location = SourceLocation(file: file, line: error.line, column: error.column)
            let message = LocalizedText("load.fileNotValidJson", ["errorMessage": .message(error.message)])
            return (nil, [Diagnostic(.error, location, message)])
        }
        var decoder = TargetPlanDecoder(file: file, knownMarkets: knownMarkets)
        if !VietnameseText.isValidSlug(id) {
            decoder.diagnostics.append(.error(SourceLocation(file: file), "load.fileNameCannotPlan", ["id": "\(id)"]))
        }
        let plan = decoder.plan(root, id: id)
        let hasErrors = decoder.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : plan, decoder.diagnostics)
    }

    /// The same, for file contents read as `Data`.
    public static func load(id: String, file: String, data: Data, knownMarkets: Set<String>) -> (plan: TargetPlan?, diagnostics: [Diagnostic]) {
        load(id: id, file: file, data: [UInt8](data), knownMarkets: knownMarkets)
    }

    /// Checks that need every plan: one area id must carry one name in all plans, and one group
    /// id one name (a warning, since group names may be worded differently on purpose).
    public static func crossCheck(_ plans: [TargetPlan]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstArea: [String: (area: PlanArea, planFile: String)] = [:]
        for plan in plans.sorted(by: { $0.sourceFile < $1.sourceFile }) {
            for area in plan.indicators.flatMap(\.allAreas) {
                guard let first = firstArea[area.id] else {
                    firstArea[area.id] = (area, plan.sourceFile)
                    continue
                }
                if normalizedName(first.area.name) != normalizedName(area.name) {
                    diagnostics.append(.error(area.location, "load.areaNamedButOne", ["areaId": "\(area.id)", "areaName": "\(area.name)", "areaName2": "\(first.area.name)", "location": "\(first.area.location)"]))
                }
            }
        }
        diagnostics += crossCheckGroups(plans)
        diagnostics += crossCheckSeries(plans)
        return diagnostics
    }

    /// Page names under `/chi-tieu/` that are not plans: no plan file or series may take them.
    public static let reservedPlanNames: Set<String> = ["tinh-trang-bao-cao"]

    /// A series page lives beside the plan pages (`/chi-tieu/<series>/`), so a series id may be
    /// neither a plan id nor a reserved name; and the plans of one series may not overlap in time.
    static func crossCheckSeries(_ plans: [TargetPlan]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let planIds = Set(plans.map(\.id))
        let ordered = plans.sorted { $0.sourceFile < $1.sourceFile }
        for plan in ordered where reservedPlanNames.contains(plan.id) {
            diagnostics.append(.error(SourceLocation(file: plan.sourceFile), "load.planNameReserved", ["id": "\(plan.id)"]))
        }
        var reportedSeries: Set<String> = []
        for plan in ordered {
            guard let series = plan.series else { continue }
            let location = SourceLocation(file: plan.sourceFile, jsonPath: "series")
            if (planIds.contains(series) || reservedPlanNames.contains(series)) && !reportedSeries.contains(series) {
                reportedSeries.insert(series)
                diagnostics.append(.error(location, "load.seriesIdTaken", ["series": "\(series)"]))
            }
            let earlier = ordered.prefix { $0.sourceFile != plan.sourceFile }.filter { $0.series == series }
            for other in earlier where other.period.start <= plan.period.end && plan.period.start <= other.period.end {
                diagnostics.append(.error(location, "load.seriesPeriodsOverlap",
                                          ["series": "\(series)", "other": "\(other.sourceFile)",
                                           "start": "\(other.period.start.iso)", "end": "\(other.period.end.iso)"]))
            }
        }
        return diagnostics
    }

    private static func crossCheckGroups(_ plans: [TargetPlan]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstGroup: [String: (name: String, planFile: String)] = [:]
        for plan in plans.sorted(by: { $0.sourceFile < $1.sourceFile }) {
            for group in plan.groups {
                guard let first = firstGroup[group.id] else {
                    firstGroup[group.id] = (group.name, plan.sourceFile)
                    continue
                }
                if normalizedName(first.name) != normalizedName(group.name) {
                    diagnostics.append(.warning(SourceLocation(file: plan.sourceFile, jsonPath: "groups"), "load.groupNamedButUse", ["groupId": "\(group.id)", "groupName": "\(group.name)", "firstName": "\(first.name)", "planFile": "\(first.planFile)"]))
                }
            }
        }
        return diagnostics
    }

    /// Names compare after trimming and collapsing spaces; `String` equality already treats
    /// composed and decomposed Vietnamese letters as equal.
    static func normalizedName(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
