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
            var added: [String: [ProgressEntry]] = [:]
            for table in planTables.sorted(by: { $0.date < $1.date }) {
                let (entries, problems) = check(table, plan: plan, knownMarkets: knownMarkets)
                diagnostics += problems
                for (areaId, entry) in entries { added[areaId, default: []].append(entry) }
            }
            return added.isEmpty ? plan : plan.adding(added)
        }
        return (merged, diagnostics)
    }

    private static func check(_ table: ReportTable, plan: TargetPlan, knownMarkets: Set<String>) -> ([(String, ProgressEntry)], [Diagnostic]) {
        var problems: [Diagnostic] = []
        let file = table.file
        if !plan.period.contains(table.date) {
            problems.append(.error(SourceLocation(file: file), "report.dateOutsidePlan",
                                   ["date": "\(table.date.iso)", "start": "\(plan.period.start.iso)", "end": "\(plan.period.end.iso)"]))
        }
        if let written = jsonEntry(dated: table.date, in: plan) {
            problems.append(.error(SourceLocation(file: file), "report.periodAlsoInPlanFile",
                                   ["date": "\(table.date.iso)", "planFile": "\(plan.sourceFile)", "area": "\(written)"]))
        }
        var entries: [(String, ProgressEntry)] = []
        for row in table.rows {
            var rowProblems: [Diagnostic] = []
            guard plan.area(id: row.areaId) != nil else {
                let known = plan.allAreas.map(\.id).joined(separator: ", ")
                problems.append(.error(row.location(file, column: "area"), "report.areaNotInPlan",
                                       ["area": "\(row.areaId)", "plan": "\(plan.id)", "known": "\(known)"]))
                continue
            }
            for market in row.entry.markets where !knownMarkets.contains(market.slug) {
                let known = knownMarkets.sorted().prefix(12).joined(separator: ", ")
                rowProblems.append(.error(row.location(file, column: "market:" + market.slug), "load.marketNoMarketPage",
                                          ["splitKey": "\(market.slug)", "known": "\(known)"]))
            }
            let marketTotal = row.entry.markets.reduce(0) { $0 + $1.count }
            if marketTotal > row.entry.count {
                rowProblems.append(.error(row.location(file, column: "count"), "load.marketSplitAddsUp",
                                          ["total": "\(marketTotal)", "count": "\(row.entry.count)"]))
            }
            for group in row.entry.groups {
                if plan.group(id: group.id) == nil {
                    let known = plan.groups.map(\.id).joined(separator: ", ")
                    rowProblems.append(.error(row.location(file, column: "group:" + group.id), "load.groupNotInPlan",
                                              ["group": "\(group.id)", "known": known.isEmpty ? "" : " (\(known))"]))
                } else if group.count > row.entry.count {
                    rowProblems.append(.error(row.location(file, column: "group:" + group.id), "load.groupMoreEntryS",
                                              ["splitKey": "\(group.id)", "splitCount": "\(group.count)", "count": "\(row.entry.count)"]))
                }
            }
            problems += rowProblems
            if rowProblems.isEmpty { entries.append((row.areaId, row.entry)) }
        }
        return (problems.isEmpty ? entries : [], problems)
    }

    /// The first area (or "plan") whose entries in the plan file carry this date.
    private static func jsonEntry(dated date: SimpleDate, in plan: TargetPlan) -> String? {
        if plan.progress.contains(where: { $0.date == date }) { return plan.id }
        return plan.allAreas.first { area in area.progress.contains { $0.date == date } }?.id
    }
}

extension TargetPlan {
    /// The same plan with more entries for some areas, each area's entries kept in date order.
    func adding(_ entries: [String: [ProgressEntry]]) -> TargetPlan {
        func rebuilt(_ area: PlanArea) -> PlanArea {
            let progress = entries[area.id].map { (area.progress + $0).sorted { $0.date < $1.date } } ?? area.progress
            return PlanArea(id: area.id, name: area.name, target: area.target, areas: area.areas.map(rebuilt),
                            progress: progress, location: area.location)
        }
        return TargetPlan(id: id, sourceFile: sourceFile, title: title, issuer: issuer, document: document, unit: unit,
                          period: period, target: target, groups: groups, areas: areas.map(rebuilt), progress: progress,
                          note: note, isSample: isSample)
    }
}
