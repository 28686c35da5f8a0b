import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Open data downloads of each plan: `/chi-tieu/<id>.csv` (opens in Excel, Vietnamese intact)
/// and `/chi-tieu/<id>.json` (the officer's file as written).
///
/// The CSV is one table, one kind of row after another, told apart by the first column:
/// - `plan`: the whole plan; `area`: every area at any depth, parents first; `group`: every
///   group. These give the target, and `achieved` and `status` as of `date`, the build date,
///   counting only reports dated on or before it (as the pages do), with achieved split into
///   one column per market (`market:<slug>`, then `market_not_given`) and per group (`group:<id>`).
/// - `report`: every progress entry of the file, whatever its date (the data as published),
///   with `count` and the same split columns.
/// Cells are empty where a column does not apply; numbers are plain digits.
public enum PlanData {
    static let fixedColumns = ["row", "plan", "id", "name", "parent_id", "target_min", "target_max", "date", "count", "achieved", "status"]

    /// Starts with a byte-order mark so that spreadsheet programs read it as UTF-8; lines end in CRLF.
    /// - Parameter words: the site's wording (`progress.onTrack` → the status as the pages write it).
    public static func csv(_ plan: TargetPlan, in site: Site, words: [String: String]) -> String {
        csv(plan, figures: site.planFigures[plan.id] ?? PlanFigures(plan: plan, today: site.today), words: words)
    }

    static func csv(_ plan: TargetPlan, figures: PlanFigures, words: [String: String]) -> String {
        let table = Table(plan: plan, figures: figures, words: words)
        return "\u{FEFF}" + table.rows().map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list, with the
    /// full-width forms a Vietnamese or Japanese input method can type).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// The one place a CSV cell is escaped: RFC 4180 quoting, and a cell that starts with a formula
    /// character, also after spaces or line breaks (which spreadsheets may trim), gets a leading `'`
    /// so it is shown as text, never run.
    static func csvCell(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\n" }), formulaStarts.contains(first) {
            text = "'" + text
        }
        // Scalars, not characters: `\r\n` is one Character, equal to neither `\r` nor `\n`.
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private struct Table {
        let plan: TargetPlan
        let figures: PlanFigures
        let words: [String: String]
        /// Every area with its parent's id, depth first in file order.
        let areas: [(area: PlanArea, parentID: String)]
        /// Plan-level entries first, then each area's in file order, with where they were written.
        let allEntries: [(area: PlanArea?, parentID: String, entry: ProgressEntry)]
        /// Market slugs in the order they first appear in the file.
        let markets: [String]

        // Worked out once: each row needs the market columns, and a plan can hold thousands of reports.
        func label(_ status: ProgressStatus) -> String { words[status.wordingKey] ?? status.rawValue }

        init(plan: TargetPlan, figures: PlanFigures, words: [String: String]) {
            self.plan = plan
            self.figures = figures
            self.words = words
            areas = Self.areasWithParents(plan.areas, parentID: "")
            let entries = plan.progress.map { (area: PlanArea?.none, parentID: "", entry: $0) }
                + areas.flatMap { area, parentID in area.progress.map { (area: PlanArea?.some(area), parentID: parentID, entry: $0) } }
            allEntries = entries
            var seen: Set<String> = []
            var markets: [String] = []
            for entry in entries {
                for market in entry.entry.markets where seen.insert(market.slug).inserted { markets.append(market.slug) }
            }
            self.markets = markets
        }

        var header: [String] {
            fixedColumns + markets.map { "market:\($0)" } + ["market_not_given"] + plan.groups.map { "group:\($0.id)" }
        }

        func rows() -> [[String]] {
            var rows = [header]
            rows.append(summary("plan", id: "", name: plan.title, parentID: "", target: plan.target, figures: figures.plan))
            for (area, parentID) in areas {
                guard let areaFigures = figures.areas[area.id] else { continue }
                rows.append(summary("area", id: area.id, name: area.name, parentID: parentID, target: area.target, figures: areaFigures))
            }
            for group in figures.groups {
                rows.append(start("group", id: group.group.id, name: group.group.name, parentID: "", target: group.group.target)
                            + [figures.plan.today.iso, "", String(group.achieved), label(group.status)]
                            + Array(repeating: "", count: markets.count + 1 + plan.groups.count))
            }
            for (area, parentID, entry) in allEntries {
                rows.append(start("report", id: area?.id ?? "", name: area?.name ?? plan.title, parentID: parentID, target: nil)
                            + [entry.date.iso, String(entry.count), "", ""]
                            + split(markets: entry.markets, groups: entry.groups, total: entry.count))
            }
            return rows
        }

        private func start(_ kind: String, id: String, name: String, parentID: String, target: PlanTarget?) -> [String] {
            [kind, plan.id, id, name, parentID, target.map { String($0.min) } ?? "", target.map { String($0.max) } ?? ""]
        }

        private func summary(_ kind: String, id: String, name: String, parentID: String, target: PlanTarget?, figures: ProgressFigures) -> [String] {
            start(kind, id: id, name: name, parentID: parentID, target: target)
                + [figures.today.iso, "", String(figures.achieved), label(figures.status)]
                + split(markets: figures.byMarket, groups: figures.byGroup, total: figures.achieved)
        }

        private func split(markets split: [MarketCount], groups: [GroupCount], total: Int) -> [String] {
            let byMarket = Dictionary(split.map { ($0.slug, $0.count) }, uniquingKeysWith: +)
            let byGroup = Dictionary(groups.map { ($0.id, $0.count) }, uniquingKeysWith: +)
            let assigned = split.reduce(0) { $0 + $1.count }
            return markets.map { String(byMarket[$0] ?? 0) } + [String(max(0, total - assigned))]
                + plan.groups.map { String(byGroup[$0.id] ?? 0) }
        }

        private static func areasWithParents(_ areas: [PlanArea], parentID: String) -> [(area: PlanArea, parentID: String)] {
            areas.flatMap { area in [(area: area, parentID: parentID)] + areasWithParents(area.areas, parentID: area.id) }
        }
    }
}
