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
            let message = LocalizedText(vi: "Tệp không phải JSON hợp lệ: \(error.message.vi)",
                                        en: "The file is not valid JSON: \(error.message.en)")
            return (nil, [Diagnostic(.error, location, message)])
        }
        var decoder = TargetPlanDecoder(file: file, knownMarkets: knownMarkets)
        if !VietnameseText.isValidSlug(id) {
            decoder.diagnostics.append(.error(SourceLocation(file: file),
                vi: "Tên tệp “\(id)” không dùng được làm mã kế hoạch. Hãy đặt tên tệp chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ ninh-thuan-2021.json.",
                en: "The file name “\(id)” cannot be a plan id. Use only lowercase letters without accents, digits and hyphens, e.g. ninh-thuan-2021.json."))
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
            for area in plan.allAreas {
                guard let first = firstArea[area.id] else {
                    firstArea[area.id] = (area, plan.sourceFile)
                    continue
                }
                if normalizedName(first.area.name) != normalizedName(area.name) {
                    diagnostics.append(.error(area.location,
                        vi: "Địa bàn “\(area.id)” tên là “\(area.name)” ở đây nhưng là “\(first.area.name)” trong \(first.area.location). Một mã địa bàn phải có cùng một tên trong mọi kế hoạch: hãy sửa tên cho khớp, hoặc dùng mã khác nếu đây là địa bàn khác.",
                        en: "Area “\(area.id)” is named “\(area.name)” here but “\(first.area.name)” in \(first.area.location). One area id must have one name in every plan: make the names match, or use another id if this is a different area."))
                }
            }
        }
        diagnostics += crossCheckGroups(plans)
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
                    diagnostics.append(.warning(SourceLocation(file: plan.sourceFile, jsonPath: "groups"),
                        vi: "Nhóm “\(group.id)” tên là “\(group.name)” ở đây nhưng là “\(first.name)” trong \(first.planFile). Nên dùng cùng một tên cho cùng một mã nhóm.",
                        en: "Group “\(group.id)” is named “\(group.name)” here but “\(first.name)” in \(first.planFile). Use one name for one group id."))
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
