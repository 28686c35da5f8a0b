#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauLoad

/// `nhipcau new report <plan-id> --date YYYY-MM-DD`: the spreadsheet an area officer fills in for
/// one reporting period, `content/targets/<plan-id>/<date>.csv`, with one empty row per leaf area
/// of the plan (the areas that report; parents add up their sub-areas) and a column per market
/// the plan has reported and per group. `;`-separated with a byte-order mark and CRLF, as Excel
/// with Vietnamese regional settings opens and saves it.
public enum NewReport {
    public enum Failure: Error, Sendable, Equatable {
        case noPlan(path: String)
        case planHasErrors(path: String)
        case dateOutside(date: String, start: String, end: String)
        case exists(path: String)
        case cannotWrite(path: String, reason: LocalizedText)

        public func message(in language: Language) -> String {
            switch self {
            case .noPlan(let path):
                LocalizedText("build.reportNoPlan", ["path": "\(path)"]).text(in: language)
            case .planHasErrors(let path):
                LocalizedText("build.reportPlanHasErrors", ["path": "\(path)"]).text(in: language)
            case .dateOutside(let date, let start, let end):
                LocalizedText("report.dateOutsidePlan", ["date": "\(date)", "start": "\(start)", "end": "\(end)"]).text(in: language)
            case .exists(let path):
                LocalizedText("build.alreadyExistsNotOverwriting", ["path": "\(path)"]).text(in: language)
            case .cannotWrite(let path, let reason):
                LocalizedText("build.cannotWrite", ["path": "\(path)", "reason": .message(reason)]).text(in: language)
            }
        }
    }

    public static func create(planId: String, site: SiteFolder, date: SimpleDate) -> Result<String, Failure> {
        let planFile = "targets/\(planId).json"
        let shownPlan = site.shownContent + "/" + planFile
        guard VietnameseText.isValidSlug(planId),
              let data = FileManager.default.contents(atPath: site.content.appendingPathComponent(planFile).path) else {
            return .failure(.noPlan(path: shownPlan))
        }
        let markets = Set(((try? FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent("markets").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
        guard let plan = TargetPlanLoader.load(id: planId, file: planFile, data: [UInt8](data), knownMarkets: markets).plan else {
            return .failure(.planHasErrors(path: shownPlan))
        }
        guard plan.period.contains(date) else {
            return .failure(.dateOutside(date: date.iso, start: plan.period.start.iso, end: plan.period.end.iso))
        }
        let folder = site.content.appendingPathComponent("targets").appendingPathComponent(planId)
        let file = folder.appendingPathComponent(date.iso + ".csv")
        let shownPath = site.shownContent + "/targets/\(planId)/\(date.iso).csv"
        if FileManager.default.fileExists(atPath: file.path) { return .failure(.exists(path: shownPath)) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text(plan).utf8).write(to: file, options: .withoutOverwriting)
            return .success(shownPath)
        } catch {
            return .failure(.cannotWrite(path: shownPath, reason: SystemReason.of(error)))
        }
    }

    /// The sheet: header, then one row per leaf area with its id and name and empty figures; with
    /// several indicators, an `indicator` column and the rows of each indicator in turn.
    static func text(_ plan: TargetPlan) -> String {
        var markets: [String] = []
        for indicator in plan.indicators {
            for entry in indicator.allProgress {
                for market in entry.markets where !markets.contains(market.slug) { markets.append(market.slug) }
            }
        }
        var groups: [String] = []
        for group in plan.indicators.flatMap(\.groups) where !groups.contains(group.id) { groups.append(group.id) }
        let several = plan.indicators.count > 1
        let header = (several ? ["indicator"] : []) + ["area", "name", "count"] + markets.map { "market:" + $0 } + groups.map { "group:" + $0 }
        let empty = [String](repeating: "", count: markets.count + groups.count + 1)
        let rows = plan.indicators.flatMap { indicator in
            indicator.allAreas.filter(\.areas.isEmpty).map { area in (several ? [indicator.id] : []) + [area.id, area.name] + empty }
        }
        return "\u{FEFF}" + ([header] + rows).map { $0.map(cell).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
