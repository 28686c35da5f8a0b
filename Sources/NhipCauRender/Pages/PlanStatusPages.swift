import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// What issue 19 adds to the target pages: further indicators and "Về số liệu" on a plan page,
/// how fresh the figures are and who is late, the series pages and the reporting-status page.
/// A plan that uses none of it renders exactly as before.
extension SiteRenderer {
    private var chartWords: ChartWording { ChartWording(wording: formats.wording) }

    /// Fills the plan page's optional blocks from what the plan declares.
    func addIndicatorBlocks(to view: inout PlanView, plan: TargetPlan, figures: PlanFigures, route: Route) {
        if plan.indicators.count > 1 || plan.headline.name != nil {
            view.indicatorName = plan.headline.name
        }
        view.about = aboutView(plan.headline.about, headingId: "ve-so-lieu")
        view.freshness = freshnessView(plan, today: figures.plan.today, area: nil, from: route)
        view.series = plan.series.map { id in
            LinkView(label: seriesTitle(id), href: href(Routes.planSeries(id), from: route))
        }
        let later = plan.indicators.dropFirst().map { indicator -> IndicatorView in
            // Charts name their subject by the plan's title: here, by the indicator's name.
            let narrowed = plan.narrowed(to: indicator, title: indicator.name)
            let narrowedFigures = PlanFigures(plan: narrowed, today: figures.plan.today)
            let prefix = "ct-\(indicator.id)"
            let charts = [
                chartRenderer.timeline(plan: narrowed, figures: narrowedFigures, idPrefix: prefix + "-tl"),
                chartRenderer.areas(plan: narrowed, figures: narrowedFigures, idPrefix: prefix + "-ar"),
                chartRenderer.markets(plan: narrowed, figures: narrowedFigures, marketNames: marketNames, idPrefix: prefix + "-mk"),
                chartRenderer.groups(plan: narrowed, figures: narrowedFigures, idPrefix: prefix + "-gr"),
            ].compactMap { $0 }
            return IndicatorView(id: prefix, name: indicator.name ?? indicator.unit,
                                 facts: facts(narrowedFigures.plan, target: indicator.target, unit: indicator.unit),
                                 charts: charts, about: aboutView(indicator.about, headingId: prefix + "-ve-so-lieu"))
        }
        view.indicators = .nonEmpty(later)
    }

    /// "Về số liệu" as term and description pairs; nil when the indicator says nothing about its data.
    private func aboutView(_ about: IndicatorAbout?, headingId: String) -> AboutDataView? {
        guard let about else { return nil }
        let pairs: [(String, String?)] = [
            (strings.text("aboutSource"), about.source), (strings.text("aboutMethod"), about.method),
            (strings.text("aboutFrequency"), about.frequency), (strings.text("aboutResponsible"), about.responsible),
            (strings.text("aboutContact"), about.contact), (strings.text("aboutUpdated"), about.updated.map { formats.date($0) }),
        ]
        let items = pairs.compactMap { term, value in value.map { TermView(term: term, value: $0) } }
        return items.isEmpty ? nil : AboutDataView(headingId: headingId, items: items)
    }

    /// As-of date, next due date and who missed the last one, for a plan with a schedule; for an
    /// area, its own latest report and whether it is late.
    func freshnessView(_ plan: TargetPlan, today: SimpleDate, area: String?, from route: Route) -> FreshnessView? {
        guard plan.schedule != nil else { return nil }
        let status = ReportingStatus(plan: plan, today: today)
        // For an area: the leaves at or under it, in any indicator.
        let under: Set<String>? = area.map { id in
            Set(plan.indicators.compactMap { indicator in indicator.allAreas.first { $0.id == id } }
                .flatMap { [$0.id] + $0.allSubAreas.map(\.id) })
        }
        let rows = under.map { ids in status.rows.filter { $0.areaId.map(ids.contains) ?? false } } ?? status.rows
        let latest = area == nil ? status.asOf : rows.compactMap(\.lastReport).max()
        let asOf = latest.map { chartWords.say("page.dataAsOf", ["date": formats.date($0)]) } ?? chartWords.say("page.noFiguresYet")
        let nextDue = status.nextDue.map { chartWords.say("page.nextDue", ["date": formats.date($0)]) } ?? chartWords.say("page.noMoreDue")
        let late = rows.filter(\.isOverdue)
        let overdue = status.latestDue.flatMap { due in
            late.isEmpty ? nil : chartWords.say("page.overdueAreas", ["date": formats.date(due), "names": late.map(\.name).joined(separator: ", ")])
        }
        return FreshnessView(asOf: asOf, nextDue: nextDue, overdue: overdue, statusHref: href(Routes.reportingStatus, from: route))
    }

    func seriesTitle(_ id: String) -> String {
        site.plans.filter { $0.series == id }.sorted { $0.period.start > $1.period.start }.lazy.compactMap(\.seriesTitle).first
            ?? chartWords.say("page.seriesTitle", ["id": id])
    }

    func renderPlanSeries(_ series: PlanSeries) -> RenderedPage {
        let route = Routes.planSeries(series.id)
        let title = seriesTitle(series.id)
        let today = site.planFigures.values.first?.plan.today ?? series.plans.first?.period.start
        let charts = series.indicatorIds.enumerated().compactMap { index, id -> String? in
            guard let today else { return nil }
            let indicator = series.plans.lazy.compactMap { $0.indicator(id: id) }.first
            let name = indicator?.name ?? title
            return chartRenderer.series(series, indicatorId: id, name: name, today: today, idPrefix: "chuoi-\(index + 1)")
        }
        let first = series.plans.first?.period.start, last = series.plans.last?.period.end
        let intro = chartWords.say("page.seriesIntro", [
            "count": formats.numbers.integer(series.plans.count),
            "start": first.map { formats.date($0) } ?? "", "end": last.map { formats.date($0) } ?? ""])
        let view = PlanSeriesView(
            t: strings, title: title, intro: intro,
            sampleNote: series.plans.allSatisfy(\.isSample) ? chartWords.sampleNote : nil,
            plans: series.plans.map { LinkView(label: $0.title, href: href(Routes.plan($0.id), from: route)) },
            charts: charts)
        var frame = PageFrame(route: route, title: title, description: intro)
        frame.breadcrumbs = [(strings.plans, Routes.plans)]
        return page(frame, .planSeries, view: view)
    }

    func renderReportingStatus() -> RenderedPage {
        let route = Routes.reportingStatus
        let today = site.planFigures.values.first?.plan.today
        var overdueCount = 0
        let plans = site.plans.compactMap { plan -> ReportingPlanView? in
            guard let today = site.planFigures[plan.id]?.plan.today ?? today else { return nil }
            let status = ReportingStatus(plan: plan, today: today)
            overdueCount += status.overdue.count
            let rows = status.rows.map { row in
                ReportingRowView(name: row.areaId == nil ? chartWords.say("page.wholePlan") : row.name, href: row.areaId.map { href(Routes.area($0), from: route) },
                                 lastReport: row.lastReport.map { formats.date($0) } ?? chartWords.say("page.noReport"),
                                 status: reportingState(row, status: status, plan: plan), isOverdue: row.isOverdue)
            }
            return ReportingPlanView(
                tableId: "bao-cao-\(plan.id)", title: plan.title, href: href(Routes.plan(plan.id), from: route), sampleNote: plan.isSample ? chartWords.sampleNote : nil,
                schedule: scheduleText(plan.schedule),
                asOf: status.asOf.map { chartWords.say("page.dataAsOf", ["date": formats.date($0)]) } ?? chartWords.say("page.noFiguresYet"),
                nextDue: plan.schedule == nil ? "" : status.nextDue.map { chartWords.say("page.nextDue", ["date": formats.date($0)]) }
                    ?? chartWords.say("page.noMoreDue"),
                rows: rows)
        }
        let intro = chartWords.say("page.reportingIntro", [
            "today": today.map { formats.date($0) } ?? "", "overdue": formats.numbers.integer(overdueCount)])
        let view = ReportingStatusView(t: strings, intro: intro, plans: plans)
        var frame = PageFrame(route: route, title: strings.text("reportingStatus"), description: intro)
        frame.breadcrumbs = [(strings.plans, Routes.plans)]
        return page(frame, .reportingStatus, view: view)
    }

    private func reportingState(_ row: AreaReporting, status: ReportingStatus, plan: TargetPlan) -> String {
        guard plan.schedule != nil else { return chartWords.say("page.reportNoSchedule") }
        guard let due = status.latestDue else { return chartWords.say("page.reportNotDueYet") }
        return row.isOverdue ? chartWords.say("page.reportOverdue", ["date": formats.date(due)])
            : chartWords.say("page.reportOnTime", ["date": formats.date(due)])
    }

    private func scheduleText(_ schedule: ReportSchedule?) -> String {
        guard let schedule else { return chartWords.say("page.noSchedule") }
        let day = ["day": String(schedule.day)]
        return switch schedule.every {
        case .month: chartWords.say("page.scheduleMonth", day)
        case .quarter: chartWords.say("page.scheduleQuarter", day)
        case .year: chartWords.say("page.scheduleYear", day)
        }
    }
}
