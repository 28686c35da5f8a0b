import NhipCauCore
import NhipCauLoad
import NhipCauSite

extension ChartRenderer {
    /// One indicator across the plans of a series, oldest first: a bar per plan for its result on
    /// the build date against its target (a hatched band for a range), and in the description and
    /// the table the change on the plan before and whether a growth target was met.
    /// Nil when no plan of the series has the indicator.
    public func series(_ series: PlanSeries, indicatorId: String, name: String, today: SimpleDate, idPrefix: String) -> String? {
        let items = series.plans.compactMap { plan -> SeriesItem? in
            guard let indicator = plan.indicator(id: indicatorId) else { return nil }
            let narrowed = plan.narrowed(to: indicator)
            return SeriesItem(plan: narrowed, label: Self.periodLabel(plan.period),
                              figures: ProgressFigures(plan: narrowed, today: today))
        }
        guard let last = items.last else { return nil }
        let changes = items.indices.map { index in index == 0 ? nil : change(items[index - 1].figures.achieved, items[index].figures.achieved) }
        let parts = items.indices.map { index -> String in
            let item = items[index]
            var text = "\(item.label) \(words.achievedOfTarget(item.figures.achieved, item.figures.target))"
            let percent = item.figures.percentOfMin.map { words.numbers.percent($0) + ", " } ?? ""
            text += " (\(percent)\(words.status(item.figures.status).lowercased()))"
            if let change = changes[index] { text += ", " + words.say("chart.seriesChange", ["change": change]) }
            if let growth = growthCell(item.figures), item.figures.target?.growth != nil { text += ", " + growth.lowercased() }
            return text
        }
        let description = words.say("chart.seriesLead", ["name": name, "count": words.numbers.integer(items.count)])
            + parts.joined(separator: "; ") + "."
        let chart = frame("series", idPrefix, title: words.say("chart.seriesTitle", ["name": name]), description: description,
                          sample: items.contains { $0.plan.isSample }, freshness: seriesFreshness(last, today: today))
        let rows = items.map { item in
            BarRow(label: "\(item.label) · \(words.status(item.figures.status))", value: item.figures.achieved, target: item.figures.target,
                   besideText: figuresText(item.figures.achieved, item.figures.target, percent: item.figures.percentOfMin))
        }
        let layout = BarLayout(rows: rows, hatchId: chart.hatchId, legend: targetLegend(items.map(\.figures.target)))
        let table = DataTable(
            headers: [words.say("chart.seriesPeriod"), words.say("target"), words.say("chart.achieved"), words.say("chart.percent"),
                      words.say("chart.seriesChangeHeader"), words.say("chart.seriesGrowthHeader"), words.say("status")],
            rows: items.indices.map { index in
                let figures = items[index].figures
                return [items[index].label, targetCell(figures.target), words.numbers.integer(figures.achieved),
                        words.percent(ofMin: figures.percentOfMin, ofMax: figures.percentOfMax), changes[index] ?? "—",
                        growthCell(figures) ?? "—", words.status(figures.status)]
            },
            numericColumns: [1, 2, 3, 4])
        return chart.with(height: layout.height).render(drawing: layout.drawing(), table: table)
    }

    private struct SeriesItem {
        let plan: TargetPlan
        let label: String
        let figures: ProgressFigures
    }

    /// "2018" for a calendar year, otherwise "01/07/2018 – 30/06/2019".
    static func periodLabel(_ period: PlanPeriod) -> String {
        if period.start.year == period.end.year, period.start.month == 1, period.start.day == 1, period.end.month == 12, period.end.day == 31 {
            return String(period.start.year)
        }
        return period.start.dayMonthYear + " – " + period.end.dayMonthYear
    }

    /// "+80 (+15,1%)", "−20 (−5%)"; without a percentage when the plan before had none.
    private func change(_ before: Int, _ after: Int) -> String {
        let difference = after - before
        let sign = difference < 0 ? "−" : "+"
        let amount = sign + words.numbers.integer(abs(difference))
        guard before > 0 else { return amount }
        return "\(amount) (\(sign)\(words.numbers.percent(Double(abs(difference)) / Double(before))))"
    }

    /// For a target written as growth: whether the result reached it.
    private func growthCell(_ figures: ProgressFigures) -> String? {
        guard let target = figures.target, target.growth != nil, figures.entryCount > 0 else { return nil }
        return figures.achieved >= target.min ? words.say("chart.growthMet") : words.say("chart.growthNotMet")
    }

    private func seriesFreshness(_ item: SeriesItem, today: SimpleDate) -> String? {
        freshness(item.plan, PlanFigures(plan: item.plan, today: today))
    }
}
