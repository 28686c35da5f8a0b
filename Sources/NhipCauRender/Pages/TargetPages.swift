import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Pages of the target data: all plans, one plan with all its charts, one area across plans.
/// Every figure counts only reports dated on or before the build date (see `ProgressFigures`);
/// the downloads hold the plan file's data in full, and the plan page says so.
extension SiteRenderer {
    private var words: ChartWording { ChartWording(wording: formats.wording) }

    private func sampleNote(_ plan: TargetPlan) -> String? { plan.isSample ? words.sampleNote : nil }

    /// A table of several plans says it once, above, when all of them are sample data, and
    /// row by row when only some are.
    private func tableNotes(_ plans: [TargetPlan]) -> (table: String?, row: (TargetPlan) -> String?) {
        let samples = plans.filter(\.isSample).count
        if samples > 0 && samples == plans.count { return (words.sampleNote, { _ in nil }) }
        return (nil, sampleNote)
    }

    func renderPlanList() -> RenderedPage {
        let route = Routes.plans
        let notes = tableNotes(site.plans)
        let rows = site.plans.compactMap { plan -> PlanRowView? in
            guard let figures = site.planFigures[plan.id]?.plan else { return nil }
            return PlanRowView(title: plan.title, href: href(Routes.plan(plan.id), from: route), issuer: plan.issuer,
                               sampleNote: notes.row(plan),
                               period: periodText(plan.period), target: targetText(plan.target, unit: nil),
                               achieved: formats.numbers.integer(figures.achieved), percent: percentText(figures) ?? "—",
                               status: strings.text(figures.status.wordingKey), statusKey: figures.status.rawValue)
        }
        var view = PlanListView(t: strings, asOf: words.say("page.figuresAsOf", ["date": formats.date(site.today)]),
                                sampleNote: notes.table, rows: rows)
        view.dataHref = href(Routes.dataPackage, from: route)
        return page(PageFrame(route: route, title: strings.plans), .planList, view: view)
    }

    func renderPlan(_ plan: TargetPlan) -> RenderedPage {
        let route = Routes.plan(plan.id)
        guard let figures = site.planFigures[plan.id] else { return renderNotFound() }
        let charts = [
            chartRenderer.timeline(plan: plan, figures: figures, idPrefix: "tl"),
            chartRenderer.areas(plan: plan, figures: figures, idPrefix: "ar"),
            site.map(for: plan).flatMap { chartRenderer.map($0, plan: plan, figures: figures, idPrefix: "bd") },
            chartRenderer.markets(plan: plan, figures: figures, marketNames: marketNames, idPrefix: "mk"),
            chartRenderer.groups(plan: plan, figures: figures, idPrefix: "gr"),
        ].compactMap { $0 }
        var view = PlanView(
            t: strings, title: plan.title, issuer: plan.issuer, document: plan.document, note: plan.note,
            sampleNote: sampleNote(plan), unit: plan.unit,
            facts: facts(figures.plan, target: plan.target, unit: plan.unit), charts: charts,
            areas: .nonEmpty(plan.allAreas.map { LinkView(label: $0.name, href: href(Routes.area($0.id), from: route)) }),
            downloads: [DownloadView(label: "CSV (Excel)", href: href(Routes.planCSV(plan.id), from: route)),
                        DownloadView(label: "JSON", href: href(Routes.planJSON(plan.id), from: route))],
            downloadNote: downloadNote(figures.plan))
        addIndicatorBlocks(to: &view, plan: plan, figures: figures, route: route)
        var frame = PageFrame(route: route, title: plan.title, description: headlineSentence(plan, figures.plan))
        frame.breadcrumbs = [(strings.plans, Routes.plans)]
        return page(frame, .plan, view: view,
                    search: SearchFields(title: plan.title,
                                           summary: headlineSentence(plan, figures.plan),
                                           context: [plan.issuer] + plan.allAreas.map(\.name), text: plan.document ?? ""))
    }

    /// What the downloads hold, and how it differs from the page when the file already has
    /// reports dated after the build date.
    private func downloadNote(_ figures: ProgressFigures) -> String {
        let whole = words.say("page.downloadsHoldDataPublished")
        guard figures.laterEntryCount > 0 else { return whole }
        let count = formats.numbers.integer(figures.laterEntryCount)
        let day = formats.date(figures.today)
        return whole + " " + words.say("page.reportsDatedAfterUpdate", ["count": "\(count)", "day": "\(day)"])
    }

    func renderArea(_ record: AreaRecord) -> RenderedPage {
        let route = Routes.area(record.id)
        let sections = record.appearances.compactMap { appearance -> AreaPlanView? in
            guard let plan = site.plan(id: appearance.planId), let area = plan.area(id: record.id),
                  let figures = site.planFigures[plan.id], let areaFigures = figures.areas[record.id] else { return nil }
            let prefix = "a-\(plan.id)"
            let charts = [
                chartRenderer.timeline(plan: plan, figures: figures, area: record.id, idPrefix: prefix + "-tl"),
                area.areas.isEmpty ? nil : chartRenderer.areas(plan: plan, figures: figures, parentArea: record.id, idPrefix: prefix + "-ar"),
                area.areas.isEmpty ? nil : site.map(ofArea: record.id).flatMap {
                    chartRenderer.map($0, plan: plan, figures: figures, parentArea: record.id, idPrefix: prefix + "-bd")
                },
                chartRenderer.markets(plan: plan, figures: figures, area: record.id, marketNames: marketNames, idPrefix: prefix + "-mk"),
            ].compactMap { $0 }
            return AreaPlanView(planTitle: plan.title, planHref: href(Routes.plan(plan.id), from: route), sampleNote: sampleNote(plan),
                                facts: facts(areaFigures, target: area.target, unit: plan.unit), charts: charts,
                                freshness: freshnessView(plan, today: figures.plan.today, area: record.id, from: route))
        }
        var view = withTree(AreaView(t: strings, name: record.name, plans: sections,
                                     notices: noticeList(site.noticesByArea[record.id] ?? [], from: route),
                                     events: eventList((site.eventsByArea[record.id] ?? []).filter { $0.status(on: site.today) != .past }, from: route),
                                     stories: storyList(site.storiesByArea[record.id] ?? [], from: route)), record, from: route)
        view.jobs = jobsBlock(site.jobs.openByArea[record.id] ?? [], from: route)
        view.warnings = warningList(site.warningsByArea[record.id] ?? [], from: route)
        var frame = PageFrame(route: route, title: record.name)
        frame.breadcrumbs = record.unit == nil ? [(strings.plans, Routes.plans)]
            : [(strings.areas, Routes.areas)] + site.areas.ancestors(of: record.id).map { ($0.name, Routes.area($0.id)) }
        // The search result line: the area's figures in each plan it is in.
        let summary = record.appearances.compactMap { appearance -> String? in
            guard let plan = site.plan(id: appearance.planId), let area = plan.area(id: record.id),
                  let areaFigures = site.planFigures[plan.id]?.areas[record.id] else { return nil }
            return progressSentence(plan, areaFigures, target: area.target)
        }.joined(separator: " ")
        return page(frame, .area, view: view,
                    search: SearchFields(title: record.name,
                                           summary: summary, context: sections.map(\.planTitle), text: ""))
    }

    /// The home page's progress block: the current plan in one sentence and one chart.
    func headline() -> HeadlineView? {
        guard let plan = site.currentPlan, let figures = site.planFigures[plan.id] else { return nil }
        let chart = chartRenderer.areas(plan: plan, figures: figures, idPrefix: "home")
            ?? chartRenderer.timeline(plan: plan, figures: figures, idPrefix: "home")
        // A drawn chart says under its caption that the figures are sample data: said once, not twice in a row.
        return HeadlineView(sentence: headlineSentence(plan, figures.plan), sampleNote: chart == nil ? sampleNote(plan) : nil, chart: chart,
                            href: href(Routes.plan(plan.id), from: .home), linkLabel: strings.seePlan)
    }

    /// Workers placed in a market, plan by plan, for the market's page: a chart, then the table.
    func planCounts(for market: Market, from route: Route) -> MarketPlansView? {
        let slug = market.document.slug
        let plans = site.plans.filter { (site.planFigures[$0.id]?.plan.achieved(inMarket: slug) ?? 0) > 0 }
        guard !plans.isEmpty else { return nil }
        let notes = tableNotes(plans)
        let items = plans.map { plan in
            PlanCountView(title: plan.title, href: href(Routes.plan(plan.id), from: route), sampleNote: notes.row(plan),
                          count: formats.numbers.integer(site.planFigures[plan.id]?.plan.achieved(inMarket: slug) ?? 0),
                          period: periodText(plan.period))
        }
        let chart = chartRenderer.marketAcrossPlans(marketSlug: slug, marketName: market.title, plans: site.plans,
                                                    figures: site.planFigures, idPrefix: "theo-ke-hoach-bieu-do")
        return MarketPlansView(chart: chart, sampleNote: notes.table, items: items)
    }

    // MARK: - Wording of figures

    func facts(_ figures: ProgressFigures, target: PlanTarget?, unit: String) -> FigureFactsView {
        FigureFactsView(
            period: periodText(figures.period), target: target.map { targetText($0, unit: unit) } ?? "—",
            achieved: formats.numbers.integer(figures.achieved) + " " + unit, percent: percentText(figures),
            remaining: figures.remaining.map { formats.numbers.integer($0) + " " + unit },
            status: strings.text(figures.status.wordingKey), statusKey: figures.status.rawValue)
    }

    func periodText(_ period: PlanPeriod) -> String {
        formats.date(period.start) + " – " + formats.date(period.end)
    }

    /// `150`, `500–700`, or `44–46 (tăng 10–15% so với 40)`.
    func targetText(_ target: PlanTarget, unit: String?) -> String {
        var text = words.target(target)
        if let unit { text += " " + unit }
        if let growth = words.growthNote(target) { text += " (\(growth))" }
        return text
    }

    /// `30%`; for a range `104,5% mức tối thiểu, 100% mức tối đa`, minimum first, each named.
    func percentText(_ figures: ProgressFigures) -> String? {
        guard figures.percentOfMin != nil else { return nil }
        return words.percent(ofMin: figures.percentOfMin, ofMax: figures.target?.isRange == true ? figures.percentOfMax : nil)
    }

    func headlineSentence(_ plan: TargetPlan, _ figures: ProgressFigures) -> String {
        progressSentence(plan, figures, target: plan.target)
    }

    /// "Plan: placed 1.218 workers, 101,5% of the target 1.200 workers." for a plan or one of its areas, as a
    /// citizen says it; the status follows unless the percentage already says the target is met.
    func progressSentence(_ plan: TargetPlan, _ figures: ProgressFigures, target: PlanTarget?) -> String {
        let achieved = formats.numbers.integer(figures.achieved)
        let status = strings.text(figures.status.wordingKey).lowercased()
        guard let target else {
            return words.say("page.progressNoTarget", ["plan": plan.title, "achieved": achieved, "unit": plan.unit, "status": status])
        }
        var targetWords = words.target(target) + " " + plan.unit
        if let growth = words.growthNote(target) { targetWords += ", " + growth }
        let statusClause = [.met, .targetMet].contains(figures.status) ? "" : ", " + status
        let arguments = ["plan": plan.title, "achieved": achieved, "unit": plan.unit, "target": targetWords, "status": statusClause]
        guard let percent = percentText(figures) else { return words.say("page.progressNoPercent", arguments) }
        // A range has two percentages (of its minimum and of its maximum): said after the target, not before it.
        let withPercent = arguments.merging(["percent": percent]) { $1 }
        guard target.isRange else { return words.say("page.progressAgainstTarget", withPercent) }
        return words.say("page.progressAgainstRange", withPercent)
    }
}
