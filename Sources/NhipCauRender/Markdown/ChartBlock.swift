import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// ```` ```chart ```` blocks: an officer puts a progress chart into any page.
///
///     plan: ninh-thuan-2021
///     show: areas        # areas | timeline | markets | groups
///     area: ninh-son     # optional
struct ChartBlock {
    let site: Site
    let charts: ChartRenderer
    let marketNames: [String: String]
    /// Whether `targets/<id>.json` is in the content folder, to tell a misspelt plan from one
    /// whose file was not loaded because of its errors.
    var planFileExists: @Sendable (String) -> Bool = { _ in false }

    enum Show: String, CaseIterable {
        case areas, timeline, markets, groups
    }

    func html(_ content: String, location: SourceLocation) -> Result<String, Diagnostic> {
        var fields: [String: (value: String, line: Int)] = [:]
        for (offset, rawLine) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let here = at(location, offset)
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(.error(here, "render.eachLineChartBlock"))
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard ["plan", "show", "area"].contains(key) else {
                return .failure(.error(here, "render.chartBlockNoKey", ["key": "\(key)"]))
            }
            fields[key] = (line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), offset)
        }
        let plan: TargetPlan, figures: PlanFigures
        switch findPlan(fields["plan"], location: location) {
        case .success(let found): (plan, figures) = found
        case .failure(let problem): return .failure(problem)
        }
        let showText = fields["show"]?.value ?? Show.areas.rawValue
        guard let show = Show(rawValue: showText) else {
            return .failure(.error(at(location, fields["show"]?.line ?? 0), "render.showDoesNotExist", ["showText": "\(showText)"]))
        }
        let area = fields["area"]?.value
        if let area, let line = fields["area"]?.line {
            if plan.area(id: area) == nil {
                let areas = plan.allAreas.map(\.id).joined(separator: ", ")
                return .failure(.error(at(location, line), "render.planHasNoArea", ["plan": "\(plan.id)", "area": "\(area)", "areas": "\(areas)"]))
            }
            if show == .groups {
                return .failure(.error(at(location, line), "render.areaCannotUsedShow", ["area": "\(area)"]))
            }
        }
        let prefix = "md\(location.line ?? 0)"
        let chart: String? = switch show {
        case .areas: charts.areas(plan: plan, figures: figures, parentArea: area, idPrefix: prefix)
        case .timeline: charts.timeline(plan: plan, figures: figures, area: area, idPrefix: prefix)
        case .markets: charts.markets(plan: plan, figures: figures, area: area, marketNames: marketNames, idPrefix: prefix)
        case .groups: charts.groups(plan: plan, figures: figures, idPrefix: prefix)
        }
        guard let chart else {
            return .failure(.error(location, "render.nothingDraw", ["nothingToDraw": .message(nothingToDraw(show))]))
        }
        return .success(chart)
    }

    /// The plan a block names, with a message for each way it can be wrong: no `plan:` line, a
    /// plan file that does not exist, and one that exists but could not be read for its errors.
    private func findPlan(_ field: (value: String, line: Int)?, location: SourceLocation) -> Result<(TargetPlan, PlanFigures), Diagnostic> {
        let ids = site.plans.map(\.id).sorted().joined(separator: ", ")
        let known = ids.isEmpty ? LocalizedText("render.noPlansYet") : LocalizedText(verbatim: ids)
        guard let field, !field.value.isEmpty else {
            return .failure(.error(at(location, field?.line ?? 0), "render.chartBlockNoPlan", ["known": .message(known)]))
        }
        let id = field.value
        if let plan = site.plan(id: id), let figures = site.planFigures[plan.id] { return .success((plan, figures)) }
        if VietnameseText.isValidSlug(id), planFileExists(id) {
            return .failure(.error(at(location, field.line), "render.planErrorsSoChart", ["id": "\(id)"])
                .following("targets/\(id).json"))
        }
        return .failure(.error(at(location, field.line), "render.noPlanNoFile", ["id": "\(id)", "known": .message(known)]))
    }

    private func at(_ location: SourceLocation, _ offset: Int) -> SourceLocation {
        SourceLocation(file: location.file, line: (location.line ?? 1) + offset, column: 1)
    }

    private func nothingToDraw(_ show: Show) -> LocalizedText {
        switch show {
        case .areas: LocalizedText("render.planAreaNoSub")
        case .markets: LocalizedText("render.progressNoSplitMarket")
        case .groups: LocalizedText("render.planNoGroups")
        case .timeline: LocalizedText("render.noData")
        }
    }
}

