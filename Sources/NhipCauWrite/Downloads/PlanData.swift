import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Open data downloads of each plan: `/chi-tieu/<id>.csv` (opens in Excel, Vietnamese intact)
/// and `/chi-tieu/<id>.json` (the officer's file as written).
public enum PlanData {
    public static let csvHeader = ["plan", "area_id", "area_name", "parent_area_id", "target_min", "target_max", "date", "count", "markets", "groups"]

    /// One row per progress entry, plan-level entries first, then areas in file order.
    /// Starts with a byte-order mark so that spreadsheet programs read it as UTF-8.
    public static func csv(_ plan: TargetPlan) -> String {
        var rows = [csvHeader]
        for entry in plan.progress {
            rows.append(row(plan: plan, areaID: "", areaName: "", parentID: "", target: plan.target, entry: entry))
        }
        for (area, parentID) in areasWithParents(plan.areas, parentID: "") {
            for entry in area.progress {
                rows.append(row(plan: plan, areaID: area.id, areaName: area.name, parentID: parentID, target: area.target, entry: entry))
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func areasWithParents(_ areas: [PlanArea], parentID: String) -> [(PlanArea, String)] {
        areas.flatMap { area in [(area, parentID)] + areasWithParents(area.areas, parentID: area.id) }
    }

    private static func row(plan: TargetPlan, areaID: String, areaName: String, parentID: String,
                            target: PlanTarget?, entry: ProgressEntry) -> [String] {
        [plan.id, areaID, areaName, parentID, target.map { String($0.min) } ?? "", target.map { String($0.max) } ?? "",
         entry.date.iso, String(entry.count),
         entry.markets.map { "\($0.slug)=\($0.count)" }.joined(separator: ";"),
         entry.groups.map { "\($0.id)=\($0.count)" }.joined(separator: ";")]
    }

    /// What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list, with the
    /// full-width forms a Vietnamese or Japanese input method can type).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// RFC 4180 quoting; a cell that starts with a formula character, also after spaces or line
    /// breaks (which spreadsheets may trim), gets a leading `'` so it is shown as text, never run.
    static func quoted(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\n" }), formulaStarts.contains(first) {
            text = "'" + text
        }
        // Scalars, not characters: `\r\n` is one Character, equal to neither `\r` nor `\n`.
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
