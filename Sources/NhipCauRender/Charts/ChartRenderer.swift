import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Draws target and progress charts as accessible inline SVG, each followed by the same numbers
/// as a table. Output is deterministic and well-formed XML; every text from content is escaped.
///
/// Each chart takes an `idPrefix` (letters, digits, `-`, `_`), used for the figure's id and the
/// ids inside it, so that several charts can sit on one page. A chart returns nil when there is
/// nothing to draw (an unknown area, no sub-areas, no groups, no market split). A chart of a plan
/// marked `"sample": true` says under its caption that the figures are sample data.
public struct ChartRenderer: Sendable {
    public let wording: Wording

    public init(wording: Wording) {
        self.wording = wording
    }

    var words: ChartWording { ChartWording(wording: wording) }

    func frame(_ kind: String, _ idPrefix: String, title: String, description: String, sample: Bool,
                       freshness: String? = nil) -> ChartFrame {
        ChartFrame(kind: kind, idPrefix: idPrefix, title: title, description: description, height: 0, wording: wording,
                   note: sample ? words.sampleNote : nil, freshness: freshness)
    }

    /// "Số liệu đến 25/12/2021; kỳ báo cáo tiếp theo 25/03/2022" under a chart of a plan that
    /// declares its schedule (nil otherwise, so charts of other plans stay as they were). For an
    /// area, the date of its own latest report.
    func freshness(_ plan: TargetPlan, _ figures: PlanFigures, area: String? = nil) -> String? {
        guard plan.schedule != nil else { return nil }
        let status = ReportingStatus(plan: plan, today: figures.plan.today)
        let latest = area == nil ? status.asOf : figures.areas[area ?? ""]?.timeline.last?.date
        guard let latest else { return words.say("page.noFiguresYet") }
        guard let next = status.nextDue else { return words.say("chart.freshness", ["date": latest.dayMonthYear]) }
        return words.say("chart.freshnessNext", ["date": latest.dayMonthYear, "next": next.dayMonthYear])
    }

    // MARK: Areas

    /// A bar per area of the plan (or per sub-area of `parentArea`): achieved against a target
    /// marker, with the status after the name and the figures beside the bar.
    public func areas(plan: TargetPlan, figures: PlanFigures, parentArea: String? = nil, idPrefix: String) -> String? {
        let children: [PlanArea]
        let parentName: String
        if let parentArea {
            guard let parent = plan.area(id: parentArea) else { return nil }
            (children, parentName) = (parent.areas, parent.name)
        } else {
            (children, parentName) = (plan.areas, plan.title)
        }
        let items = children.compactMap { area in figures.areas[area.id] }
        guard !items.isEmpty else { return nil }
        let chart = frame("areas", idPrefix, title: words.say("chart.progressArea", ["parentName": "\(parentName)"]),
                          description: areasDescription(items, parentName: parentArea == nil ? nil : parentName, planTitle: plan.title),
                          sample: plan.isSample, freshness: freshness(plan, figures, area: parentArea))
        let layout = BarLayout(rows: items.map(progressRow), hatchId: chart.hatchId, legend: targetLegend(items.map(\.target)))
        return chart.with(height: layout.height).render(drawing: layout.drawing(), table: progressTable(items, firstHeader: words.say("area")))
    }

    private func areasDescription(_ items: [ProgressFigures], parentName: String?, planTitle: String) -> String {
        let parts = items.map { item in
            let figures = words.achievedOfTarget(item.achieved, item.target)
            guard item.percentOfMin != nil else { return "\(item.name) \(figures) (\(words.status(item.status).lowercased()))" }
            return "\(item.name) \(figures) (\(words.numbers.percent(item.percentOfMin ?? 0)), \(words.status(item.status).lowercased()))"
        }
        let count = words.numbers.integer(items.count)
        let lead = parentName.map { words.say("chart.areas", ["count": "\(count)", "value": "\($0)"]) }
            ?? words.say("chart.areasPlan", ["count": "\(count)", "planTitle": "\(planTitle)"])
        return lead + parts.joined(separator: "; ") + "."
    }

    private func progressRow(_ item: ProgressFigures) -> BarRow {
        BarRow(label: "\(item.name) · \(words.status(item.status))", value: item.achieved, target: item.target,
               besideText: figuresText(item.achieved, item.target, percent: item.percentOfMin))
    }

    /// `11/25 · 44%`, or just `11` without a target.
    func figuresText(_ achieved: Int, _ target: PlanTarget?, percent: Double?) -> String {
        let figures = words.achievedOfTarget(achieved, target)
        guard let percent else { return figures }
        return "\(figures) · \(words.numbers.percent(percent))"
    }

    func targetLegend(_ targets: [PlanTarget?]) -> [LegendItem] {
        var legend = [LegendItem(mark: .bar, label: words.say("chart.achieved"))]
        if targets.contains(where: { $0 != nil && !($0?.isRange ?? false) }) {
            legend.append(LegendItem(mark: .targetLine, label: words.say("target")))
        }
        if targets.contains(where: { $0?.isRange ?? false }) {
            legend.append(LegendItem(mark: .targetBand, label: words.say("chart.targetRangeMinimumMaximum")))
        }
        return legend
    }

    private func progressTable(_ items: [ProgressFigures], firstHeader: String) -> DataTable {
        DataTable(
            headers: [firstHeader, words.say("target"), words.say("chart.achieved"),
                      words.say("chart.percent"), words.say("status")],
            rows: items.map { item in
                [item.name, targetCell(item.target), words.numbers.integer(item.achieved),
                 words.percent(ofMin: item.percentOfMin, ofMax: item.percentOfMax), words.status(item.status)]
            },
            numericColumns: [1, 2, 3])
    }

    func targetCell(_ target: PlanTarget?) -> String {
        guard let note = words.growthNote(target) else { return words.target(target) }
        return "\(words.target(target)) (\(note))"
    }

    // MARK: Groups

    /// Each group's achieved against its target, over the whole plan.
    public func groups(plan: TargetPlan, figures: PlanFigures, idPrefix: String) -> String? {
        guard !figures.groups.isEmpty else { return nil }
        let items = figures.groups
        let description = items.map { item in
            let percent = item.percentOfMin.map { words.numbers.percent($0) + ", " } ?? ""
            return "\(item.group.name): \(words.achievedOfTarget(item.achieved, item.group.target)) (\(percent)\(words.status(item.status).lowercased()))"
        }.joined(separator: "; ") + "."
        let chart = frame("groups", idPrefix, title: words.say("chart.groupWorkers", ["title": "\(plan.title)"]),
                          description: description, sample: plan.isSample, freshness: freshness(plan, figures))
        let rows = items.map { item in
            BarRow(label: "\(item.group.name) · \(words.status(item.status))", value: item.achieved, target: item.group.target,
                   besideText: figuresText(item.achieved, item.group.target, percent: item.percentOfMin))
        }
        let layout = BarLayout(rows: rows, hatchId: chart.hatchId, legend: targetLegend(items.map(\.group.target)))
        let table = DataTable(
            headers: [words.say("chart.group"), words.say("target"), words.say("chart.achieved"),
                      words.say("chart.percent"), words.say("status")],
            rows: items.map { item in
                [item.group.name, targetCell(item.group.target), words.numbers.integer(item.achieved),
                 words.percent(ofMin: item.percentOfMin, ofMax: item.percentOfMax), words.status(item.status)]
            },
            numericColumns: [1, 2, 3])
        return chart.with(height: layout.height).render(drawing: layout.drawing(), table: table)
    }

    // MARK: Markets

    /// Achieved split by destination market, largest first (then by name); placements reported
    /// without a market come last as their own bar. `marketNames` maps slugs to display names;
    /// a slug without a name is shown as itself.
    public func markets(plan: TargetPlan, figures: PlanFigures, area: String? = nil,
                        marketNames: [String: String], idPrefix: String) -> String? {
        guard let subject = subject(plan: plan, figures: figures, area: area) else { return nil }
        let title = words.say("chart.destinationMarket", ["subjectName": "\(subject.name)"])
        if subject.byMarket.isEmpty {
            // Splits reported for a later date than the build date: the chart exists, with nothing in it yet.
            guard reportsMarkets(plan: plan, area: area) else { return nil }
            return noDataYet(frame("markets", idPrefix, title: title, description: "", sample: plan.isSample), subject)
        }
        let named = subject.byMarket.map { market in
            let name = marketNames[market.slug] ?? market.slug
            return (name: name, count: market.count, folded: VietnameseText.fold(name))
        }.sorted { ($1.count, $0.folded, $0.name) < ($0.count, $1.folded, $1.name) }
        let total = subject.achieved
        func share(_ count: Int) -> String { total > 0 ? words.numbers.percent(Double(count) / Double(total)) : "—" }
        func beside(_ count: Int) -> String { "\(words.numbers.integer(count)) · \(share(count))" }
        var rows = named.map { BarRow(label: $0.name, value: $0.count, target: nil, besideText: beside($0.count)) }
        let unassignedName = words.say("chart.marketNotGiven")
        if subject.unassignedToMarket > 0 {
            rows.append(BarRow(label: unassignedName, value: subject.unassignedToMarket, target: nil,
                               besideText: beside(subject.unassignedToMarket), isOther: true))
        }
        let listed = named.map { words.say("chart.text", ["integer": "\(words.numbers.integer($0.count))", "name": "\($0.name)"]) }
            + (subject.unassignedToMarket > 0 ? [words.say("chart.noMarketGiven", ["unassignedToMarket": "\(words.numbers.integer(subject.unassignedToMarket))"])] : [])
        let workers = plan.unit
        let description = words.say("chart.whom", ["subjectName": "\(subject.name)", "total": "\(words.numbers.integer(total))", "workers": "\(workers)"])
            + listed.joined(separator: "; ") + "."
        let chart = frame("markets", idPrefix, title: title, description: description, sample: plan.isSample,
                          freshness: freshness(plan, figures, area: area))
        let layout = BarLayout(rows: rows, hatchId: chart.hatchId, legend: [])
        var tableRows = named.map { [$0.name, words.numbers.integer($0.count), share($0.count)] }
        if subject.unassignedToMarket > 0 {
            tableRows.append([unassignedName, words.numbers.integer(subject.unassignedToMarket), share(subject.unassignedToMarket)])
        }
        let table = DataTable(headers: [words.say("market"), words.say("workers"), words.say("chart.share")],
                              rows: tableRows, numericColumns: [1, 2])
        return chart.with(height: layout.height).render(drawing: layout.drawing(), table: table)
    }

    /// Whether the file splits any of the plan's (or the area's) reports by market, whatever their dates.
    private func reportsMarkets(plan: TargetPlan, area: String?) -> Bool {
        let entries = area.map { plan.area(id: $0)?.allProgress ?? [] } ?? plan.progress + plan.areas.flatMap(\.allProgress)
        return entries.contains { !$0.markets.isEmpty }
    }

    /// A chart with one line saying nothing has been reported by the build date.
    private func noDataYet(_ chart: ChartFrame, _ subject: ProgressFigures) -> String {
        let text = words.say("chart.noFiguresReported", ["today": "\(subject.today.dayMonthYear)"])
        let lines = ChartText.wrap(text, size: ChartText.label, width: ChartFrame.width)
        let lineHeight = ChartText.lineHeight(ChartText.label)
        let described = ChartFrame(kind: chart.kind, idPrefix: chart.idPrefix, title: chart.title,
                                   description: "\(subject.name): " + text.prefix(1).lowercased() + text.dropFirst(),
                                   height: Double(lines.count) * lineHeight + 12, wording: wording, note: chart.note)
        let drawing = lines.enumerated().map { index, line in
            Markup.text("text", [("x", "0"), ("y", Markup.number(20 + Double(index) * lineHeight)),
                                 ("font-size", Markup.number(ChartText.label)), ("class", "chart-label")], line)
        }.joined(separator: "\n")
        return described.render(drawing: drawing, table: nil)
    }

    /// One market across plans, for the market's page: a bar per plan with the workers sent to
    /// this market under it. The page follows the chart with its own table of the same numbers,
    /// so the chart carries none. Plans that sent nobody there are left out; nil when none did.
    public func marketAcrossPlans(marketSlug: String, marketName: String, plans: [TargetPlan], figures: [String: PlanFigures],
                                  idPrefix: String) -> String? {
        let items = plans.compactMap { plan -> (plan: TargetPlan, count: Int)? in
            guard let count = figures[plan.id]?.plan.achieved(inMarket: marketSlug), count > 0 else { return nil }
            return (plan, count)
        }
        guard !items.isEmpty else { return nil }
        let workers = items.first?.plan.unit ?? "lao động"
        let listed = items.map { "\($0.plan.title): \(words.numbers.integer($0.count))" }.joined(separator: "; ")
        let description = words.say("chart.workersToMarketByPlanListed", ["workers": workers, "market": marketName, "listed": listed])
        let samples = items.filter(\.plan.isSample)
        var chart = frame("market-plans", idPrefix, title: words.say("chart.workersToMarketByPlan", ["workers": workers, "market": marketName]),
                          description: description, sample: !samples.isEmpty)
        if !samples.isEmpty, samples.count < items.count {
            chart.note = words.sampleNote + ": " + samples.map(\.plan.title).joined(separator: "; ")
        }
        let rows = items.map { BarRow(label: $0.plan.title, value: $0.count, target: nil, besideText: words.numbers.integer($0.count)) }
        let layout = BarLayout(rows: rows, hatchId: chart.hatchId, legend: [])
        return chart.with(height: layout.height).render(drawing: layout.drawing(), table: nil)
    }

    // MARK: Timeline

    /// The running total as steps against a dashed pace line from 0 at the period's start to the
    /// target at its end (for a range: to the minimum, the mark the status is judged by, over a
    /// hatched band up to the maximum), with a marker for the build date while the period runs.
    public func timeline(plan: TargetPlan, figures: PlanFigures, area: String? = nil, idPrefix: String) -> String? {
        guard let subject = subject(plan: plan, figures: figures, area: area) else { return nil }
        // The plan's dated notes are drawn on its own timeline, not on each area's.
        let notes = area == nil ? plan.notes : []
        var description = timelineDescription(subject, plan: plan, planTitle: area == nil ? plan.title : nil)
        if !notes.isEmpty {
            let listed = notes.enumerated().map { "(\($0.offset + 1)) \($0.element.date.dayMonthYear): \($0.element.text)" }
            description += words.say("chart.notesSaid", ["notes": listed.joined(separator: "; ")])
        }
        let chart = frame("timeline", idPrefix, title: words.say("chart.progressOverTime", ["subjectName": "\(subject.name)"]),
                          description: description, sample: plan.isSample, freshness: freshness(plan, figures, area: area))
        let drawing = TimelineDrawing(figures: subject, words: words, hatchId: chart.hatchId, notes: notes)
        return chart.with(height: drawing.height).render(drawing: drawing.render(), table: timelineTable(subject, notes: notes))
    }

    /// Date, reported, running total; with notes, a fourth column holds each note (numbered as on
    /// the chart) on its own date's row.
    private func timelineTable(_ subject: ProgressFigures, notes: [PlanNote]) -> DataTable {
        let headers = [words.say("chart.date"), words.say("chart.reportedPeriod"), words.say("chart.runningTotal")]
        let rows = subject.timeline.map { [$0.date.dayMonthYear, words.numbers.integer($0.added), words.numbers.integer($0.total)] }
        guard !notes.isEmpty else { return DataTable(headers: headers, rows: rows, numericColumns: [1, 2]) }
        var byDate: [(date: SimpleDate, cells: [String], notes: [String])] = subject.timeline.enumerated().map { ($1.date, rows[$0], []) }
        for (index, note) in notes.enumerated() {
            let label = "(\(index + 1)) \(note.text)"
            if let row = byDate.firstIndex(where: { $0.date == note.date }) {
                byDate[row].notes.append(label)
            } else {
                byDate.append((note.date, [note.date.dayMonthYear, "—", "—"], [label]))
            }
        }
        let ordered = byDate.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        return DataTable(headers: headers + [words.say("chart.noteHeader")],
                         rows: ordered.map { $0.cells + [$0.notes.joined(separator: "; ")] }, numericColumns: [1, 2])
    }

    private func timelineDescription(_ subject: ProgressFigures, plan: TargetPlan, planTitle: String?) -> String {
        var text = indicatorSentence(subject, plan: plan, planTitle: planTitle) ?? words.sentence(subject, unit: plan.unit, planTitle: planTitle)
        if let last = subject.timeline.last {
            text += words.say("chart.latestFiguresDated", ["date": "\(last.date.dayMonthYear)"])
        }
        if let target = subject.target, target.isRange, subject.today >= subject.period.start {
            text += words.say("chart.paceLineLeadsMinimum", ["min": "\(words.numbers.integer(target.min))"])
        }
        if subject.today < subject.period.start {
            text += words.say("chart.planSPeriodNot")
        } else if subject.today > subject.period.end {
            text += words.say("chart.planSPeriodEnded", ["end": "\(subject.period.end.dayMonthYear)"])
        }
        return text
    }

    /// For a plan narrowed to an indicator after the headline (not about workers sent abroad),
    /// a sentence that names the indicator instead of saying "đã đưa … đi làm việc ở nước ngoài".
    private func indicatorSentence(_ subject: ProgressFigures, plan: TargetPlan, planTitle: String?) -> String? {
        guard plan.indicators.count == 1, let name = plan.headline.name, plan.headline.id != plan.primaryIndicatorId,
              subject.target != nil, let percent = subject.percentOfMin else { return nil }
        let heading = planTitle == nil ? "\(subject.name) – \(name)" : name
        return words.say("chart.indicatorSentence", [
            "subject": heading, "achieved": words.numbers.integer(subject.achieved),
            "goal": words.target(subject.target), "unit": plan.unit, "percent": words.numbers.percent(percent),
            "status": words.status(subject.status).lowercased()])
    }

    private func subject(plan: TargetPlan, figures: PlanFigures, area: String?) -> ProgressFigures? {
        guard let area else { return figures.plan }
        return figures.areas[area]
    }
}

extension ChartFrame {
    func with(height: Double) -> ChartFrame {
        ChartFrame(kind: kind, idPrefix: idPrefix, title: title, description: description, height: height, wording: wording, note: note,
                   freshness: freshness)
    }
}
