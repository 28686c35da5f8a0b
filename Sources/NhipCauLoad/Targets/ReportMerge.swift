import NhipCauCore

/// Adds the rows of a plan's spreadsheet reports (`targets/<plan-id>/<date>.csv`) to its areas'
/// progress, after checking them against the plan as the plan file's own entries are checked.
enum ReportMerge {
    /// - Parameter unusablePlanIds: plans whose file failed to load: their reports are not judged.
    static func apply(_ tables: [ReportTable], to plans: [TargetPlan], knownMarkets: Set<String>,
                      unusablePlanIds: Set<String>) -> (plans: [TargetPlan], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let byPlan = Dictionary(grouping: tables, by: \.planId)
        for (planId, planTables) in byPlan.sorted(by: { $0.key < $1.key })
        where !unusablePlanIds.contains(planId) && !plans.contains(where: { $0.id == planId }) {
            for table in planTables {
                diagnostics.append(.error(SourceLocation(file: table.file), "report.noPlanForFolder", ["plan": "\(planId)"]))
            }
        }
        let merged = plans.map { plan -> TargetPlan in
            guard let planTables = byPlan[plan.id] else { return plan }
            var added: [String: [String: [ProgressEntry]]] = [:]
            for table in planTables.sorted(by: { $0.date < $1.date }) {
                let (entries, problems) = check(table, plan: plan, knownMarkets: knownMarkets)
                diagnostics += problems
                for (indicatorId, areaId, entry) in entries { added[indicatorId, default: [:]][areaId, default: []].append(entry) }
            }
            return added.isEmpty ? plan : plan.adding(added)
        }
        return (merged, diagnostics)
    }

    private static func check(_ table: ReportTable, plan: TargetPlan, knownMarkets: Set<String>) -> ([(String, String, ProgressEntry)], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let file = table.file
        if !plan.period.contains(table.date) {
            problems.append(.error(SourceLocation(file: file), "report.dateOutsidePlan",
                                   ["date": "\(table.date.iso)", "start": "\(plan.period.start.iso)", "end": "\(plan.period.end.iso)"]))
        }
        let indicatorsUsed = Set(table.rows.compactMap { row in indicator(of: row, in: plan)?.id })
        for indicator in plan.indicators where indicatorsUsed.contains(indicator.id) {
            if let written = jsonEntry(dated: table.date, in: indicator, planId: plan.id) {
                problems.append(.error(SourceLocation(file: file), "report.periodAlsoInPlanFile",
                                       ["date": "\(table.date.iso)", "planFile": "\(plan.sourceFile)", "area": "\(written)"]))
            }
        }
        var entries: [(String, String, ProgressEntry)] = []
        for row in table.rows {
            guard let indicator = indicator(of: row, in: plan) else {
                let known = plan.indicators.map(\.id).joined(separator: ", ")
                let key = row.indicator == nil ? "report.indicatorNeeded" : "report.indicatorNotInPlan"
                problems.append(.error(row.location(file, column: row.indicator == nil ? "area" : "indicator"), key,
                                       ["indicator": "\(row.indicator ?? "")", "plan": "\(plan.id)", "known": "\(known)"]))
                continue
            }
            guard indicator.allAreas.contains(where: { $0.id == row.areaId }) else {
                let known = indicator.allAreas.map(\.id).joined(separator: ", ")
                problems.append(.error(row.location(file, column: "area"), "report.areaNotInPlan",
                                       ["area": "\(row.areaId)", "plan": "\(plan.id)", "known": "\(known)"]))
                continue
            }
            let rowProblems = checkSplits(row, file: file, groups: indicator.groups, knownMarkets: knownMarkets)
            problems += rowProblems
            if rowProblems.isEmpty { entries.append((indicator.id, row.areaId, row.entry)) }
        }
        return (problems.isEmpty ? entries : [], problems)
    }

    /// The row's indicator: the one its `indicator` cell names, or the plan's only one.
    private static func indicator(of row: ReportRow, in plan: TargetPlan) -> PlanIndicator? {
        guard let id = row.indicator else { return plan.indicators.count == 1 ? plan.indicators.first : nil }
        return plan.indicator(id: id)
    }

    private static func checkSplits(_ row: ReportRow, file: String, groups: [PlanGroup], knownMarkets: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for market in row.entry.markets where !knownMarkets.contains(market.slug) {
            let known = knownMarkets.sorted().prefix(12).joined(separator: ", ")
            problems.append(.error(row.location(file, column: "market:" + market.slug), "load.marketNoMarketPage",
                                   ["splitKey": "\(market.slug)", "known": "\(known)"]))
        }
        let marketTotal = row.entry.markets.reduce(0) { $0 + $1.count }
        if marketTotal > row.entry.count {
            problems.append(.error(row.location(file, column: "count"), "load.marketSplitAddsUp",
                                   ["total": "\(marketTotal)", "count": "\(row.entry.count)"]))
        }
        for group in row.entry.groups {
            if !groups.contains(where: { $0.id == group.id }) {
                let known = groups.map(\.id).joined(separator: ", ")
                problems.append(.error(row.location(file, column: "group:" + group.id), "load.groupNotInPlan",
                                       ["group": "\(group.id)", "known": known.isEmpty ? "" : " (\(known))"]))
            } else if group.count > row.entry.count {
                problems.append(.error(row.location(file, column: "group:" + group.id), "load.groupMoreEntryS",
                                       ["splitKey": "\(group.id)", "splitCount": "\(group.count)", "count": "\(row.entry.count)"]))
            }
        }
        return problems
    }

    /// The first area (or the plan) whose entries in the plan file carry this date, for this indicator.
    private static func jsonEntry(dated date: SimpleDate, in indicator: PlanIndicator, planId: String) -> String? {
        if indicator.progress.contains(where: { $0.date == date }) { return planId }
        return indicator.allAreas.first { area in area.progress.contains { $0.date == date } }?.id
    }
}

extension TargetPlan {
    /// The same plan with more entries for some areas of some indicators (indicator id → area id →
    /// entries), each area's entries kept in date order.
    func adding(_ entries: [String: [String: [ProgressEntry]]]) -> TargetPlan {
        let indicators = self.indicators.map { indicator -> PlanIndicator in
            guard let added = entries[indicator.id] else { return indicator }
            func rebuilt(_ area: PlanArea) -> PlanArea {
                let progress = added[area.id].map { (area.progress + $0).sorted { $0.date < $1.date } } ?? area.progress
                return PlanArea(id: area.id, name: area.name, target: area.target, areas: area.areas.map(rebuilt),
                                progress: progress, location: area.location)
            }
            return PlanIndicator(id: indicator.id, name: indicator.name, unit: indicator.unit, target: indicator.target,
                                 groups: indicator.groups, areas: indicator.areas.map(rebuilt), progress: indicator.progress,
                                 about: indicator.about)
        }
        return TargetPlan(id: id, sourceFile: sourceFile, title: title, issuer: issuer, document: document, period: period,
                          indicators: indicators, series: series, seriesTitle: seriesTitle, schedule: schedule, notes: notes,
                          note: note, isSample: isSample, primaryIndicatorId: primaryIndicatorId)
    }
}
