import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Pages of the target data: all plans, one plan with all its charts, one area across plans.
extension SiteRenderer {
    func renderPlanList() -> RenderedPage {
        let route = Routes.plans
        let rows = site.plans.compactMap { plan -> PlanRowView? in
            guard let figures = site.planFigures[plan.id]?.plan else { return nil }
            return PlanRowView(title: plan.title, href: href(Routes.plan(plan.id), from: route), issuer: plan.issuer,
                               period: periodText(plan.period), target: targetText(plan.target, unit: nil),
                               achieved: formats.numbers.integer(figures.achieved), percent: percentText(figures) ?? "—",
                               status: formats.text(figures.status.label), statusKey: figures.status.rawValue)
        }
        return page(PageFrame(route: route, title: strings.plans), template: "plans", view: PlanListView(t: strings, rows: rows))
    }

    func renderPlan(_ plan: TargetPlan) -> RenderedPage {
        let route = Routes.plan(plan.id)
        guard let figures = site.planFigures[plan.id] else { return renderNotFound() }
        let charts = [
            chartRenderer.timeline(plan: plan, figures: figures, idPrefix: "tl"),
            chartRenderer.areas(plan: plan, figures: figures, idPrefix: "ar"),
            chartRenderer.markets(plan: plan, figures: figures, marketNames: marketNames, idPrefix: "mk"),
            chartRenderer.groups(plan: plan, figures: figures, idPrefix: "gr"),
        ].compactMap { $0 }
        let view = PlanView(
            t: strings, title: plan.title, issuer: plan.issuer, document: plan.document, unit: plan.unit,
            facts: facts(figures.plan, target: plan.target, unit: plan.unit), charts: charts,
            areas: .nonEmpty(plan.allAreas.map { LinkView(label: $0.name, href: href(Routes.area($0.id), from: route)) }),
            downloads: [DownloadView(label: "CSV (Excel)", href: href(Routes.planCSV(plan.id), from: route)),
                        DownloadView(label: "JSON", href: href(Routes.planJSON(plan.id), from: route))])
        var frame = PageFrame(route: route, title: plan.title, description: headlineSentence(plan, figures.plan))
        frame.breadcrumbs = [(strings.plans, Routes.plans)]
        return page(frame, template: "plan", view: view,
                    search: SearchDocument(route: route, kind: .plan, kindLabel: strings.plan, title: plan.title,
                                           summary: headlineSentence(plan, figures.plan),
                                           context: [plan.issuer] + plan.allAreas.map(\.name), text: plan.document ?? ""))
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
                chartRenderer.markets(plan: plan, figures: figures, area: record.id, marketNames: marketNames, idPrefix: prefix + "-mk"),
            ].compactMap { $0 }
            return AreaPlanView(planTitle: plan.title, planHref: href(Routes.plan(plan.id), from: route),
                                facts: facts(areaFigures, target: area.target, unit: plan.unit), charts: charts)
        }
        let view = AreaView(t: strings, name: record.name, plans: sections,
                            stories: storyList(site.storiesByArea[record.id] ?? [], from: route))
        var frame = PageFrame(route: route, title: record.name)
        frame.breadcrumbs = [(strings.plans, Routes.plans)]
        // The search result line: the area's figures in each plan it is in.
        let summary = record.appearances.compactMap { appearance -> String? in
            guard let plan = site.plan(id: appearance.planId), let area = plan.area(id: record.id),
                  let areaFigures = site.planFigures[plan.id]?.areas[record.id] else { return nil }
            return progressSentence(plan, areaFigures, target: area.target)
        }.joined(separator: " ")
        return page(frame, template: "area", view: view,
                    search: SearchDocument(route: route, kind: .area, kindLabel: strings.area, title: record.name,
                                           summary: summary, context: sections.map(\.planTitle), text: ""))
    }

    /// The home page's progress block: the current plan in one sentence and one chart.
    func headline() -> HeadlineView? {
        guard let plan = site.currentPlan, let figures = site.planFigures[plan.id] else { return nil }
        let chart = chartRenderer.areas(plan: plan, figures: figures, idPrefix: "home")
            ?? chartRenderer.timeline(plan: plan, figures: figures, idPrefix: "home")
        return HeadlineView(sentence: headlineSentence(plan, figures.plan), chart: chart,
                            href: href(Routes.plan(plan.id), from: .home), linkLabel: strings.seePlan)
    }

    /// Workers placed in a market, plan by plan, for the market's page.
    func planCounts(for market: Market, from route: Route) -> ListView<PlanCountView>? {
        .nonEmpty(site.plans.compactMap { plan in
            guard let count = site.planFigures[plan.id]?.plan.achieved(inMarket: market.document.slug), count > 0 else { return nil }
            return PlanCountView(title: plan.title, href: href(Routes.plan(plan.id), from: route),
                                 count: formats.numbers.integer(count), period: periodText(plan.period))
        })
    }

    // MARK: - Wording of figures

    func facts(_ figures: ProgressFigures, target: PlanTarget?, unit: String) -> FigureFactsView {
        FigureFactsView(
            period: periodText(figures.period), target: target.map { targetText($0, unit: unit) } ?? "—",
            achieved: formats.numbers.integer(figures.achieved) + " " + unit, percent: percentText(figures),
            remaining: figures.remaining.map { formats.numbers.integer($0) + " " + unit },
            status: formats.text(figures.status.label), statusKey: figures.status.rawValue)
    }

    func periodText(_ period: PlanPeriod) -> String {
        formats.date(period.start) + " – " + formats.date(period.end)
    }

    /// `150`, `500–700`, or `44–46 (tăng 10–15% so với 40)`.
    func targetText(_ target: PlanTarget, unit: String?) -> String {
        let numbers = formats.numbers
        var text = target.min == target.max ? numbers.integer(target.min) : numbers.integer(target.min) + "–" + numbers.integer(target.max)
        if let unit { text += " " + unit }
        if let growth = target.growth {
            let rates = numbers.percent(growth.minRate).dropLast() + "–" + numbers.percent(growth.maxRate)
            text += formats.language == .vi
                ? " (tăng \(rates) so với \(numbers.integer(growth.baseline)))"
                : " (\(rates) growth over \(numbers.integer(growth.baseline)))"
        }
        return text
    }

    func percentText(_ figures: ProgressFigures) -> String? {
        guard let low = figures.percentOfMin else { return nil }
        guard let high = figures.percentOfMax, figures.target?.isRange == true else { return formats.numbers.percent(low) }
        return formats.numbers.percent(high) + " – " + formats.numbers.percent(low)
    }

    func headlineSentence(_ plan: TargetPlan, _ figures: ProgressFigures) -> String {
        progressSentence(plan, figures, target: plan.target)
    }

    /// "Plan: achieved against the target (percent), status." for a plan or one of its areas.
    func progressSentence(_ plan: TargetPlan, _ figures: ProgressFigures, target: PlanTarget?) -> String {
        let achieved = formats.numbers.integer(figures.achieved)
        let percent = percentText(figures).map { " (\($0))" } ?? ""
        let status = formats.text(figures.status.label).lowercased()
        guard let target else {
            return formats.language == .vi
                ? "\(plan.title): đã thực hiện \(achieved) \(plan.unit), \(status)."
                : "\(plan.title): \(achieved) \(plan.unit) placed, \(status)."
        }
        let targetWords = targetText(target, unit: plan.unit)
        return formats.language == .vi
            ? "\(plan.title): đã thực hiện \(achieved) trên chỉ tiêu \(targetWords)" + percent + ", \(status)."
            : "\(plan.title): \(achieved) placed against a target of \(targetWords)" + percent + ", \(status.lowercased())."
    }
}
