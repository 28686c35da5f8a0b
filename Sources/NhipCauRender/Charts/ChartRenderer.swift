import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Draws target and progress charts as accessible inline SVG, each followed by the same numbers
/// as a table. Output is deterministic and well-formed XML; every text from content is escaped.
///
/// Each chart takes an `idPrefix` (letters, digits, `-`, `_`), used for the figure's id and the
/// ids inside it, so that several charts can sit on one page. A chart returns nil when there is
/// nothing to draw (an unknown area, no sub-areas, no groups, no market split).
public struct ChartRenderer: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    private var words: ChartWording { ChartWording(language: language) }

    // MARK: Areas

    /// A bar per area of the plan (or per sub-area of `parentArea`): achieved against a target
    /// marker, with the percent and status beside it.
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
        let frame = ChartFrame(kind: "areas", idPrefix: idPrefix,
                               title: words.say("Tiến độ theo địa bàn – \(parentName)", "Progress by area – \(parentName)"),
                               description: areasDescription(items, parentName: parentArea == nil ? nil : parentName, planTitle: plan.title),
                               height: 0, language: language)
        let layout = BarLayout(rows: items.map(progressRow), hatchId: frame.hatchId, legend: targetLegend(items.map(\.target)))
        return frame.with(height: layout.height).render(drawing: layout.drawing(), table: progressTable(items, firstHeader: words.say("Địa bàn", "Area")))
    }

    private func areasDescription(_ items: [ProgressFigures], parentName: String?, planTitle: String) -> String {
        let parts = items.map { item in
            let figures = words.achievedOfTarget(item.achieved, item.target)
            guard item.percentOfMin != nil else { return "\(item.name) \(figures) (\(words.status(item.status).lowercased()))" }
            return "\(item.name) \(figures) (\(words.numbers.percent(item.percentOfMin ?? 0)), \(words.status(item.status).lowercased()))"
        }
        let count = words.numbers.integer(items.count)
        let lead = parentName.map { words.say("\(count) địa bàn thuộc \($0): ", "\(count) areas of \($0): ") }
            ?? words.say("\(count) địa bàn của kế hoạch “\(planTitle)”: ", "\(count) areas in the plan “\(planTitle)”: ")
        return lead
            + parts.joined(separator: "; ") + "."
    }

    private func progressRow(_ item: ProgressFigures) -> BarRow {
        BarRow(label: "\(item.name) — \(words.achievedOfTarget(item.achieved, item.target))",
               value: item.achieved, target: item.target,
               besideText: besideText(percent: item.percentOfMin, status: item.status))
    }

    private func besideText(percent: Double?, status: ProgressStatus) -> String {
        guard let percent else { return words.status(status) }
        return "\(words.numbers.percent(percent)) · \(words.status(status))"
    }

    private func targetLegend(_ targets: [PlanTarget?]) -> [LegendItem] {
        var legend = [LegendItem(mark: .bar, label: words.say("Kết quả", "Achieved"))]
        if targets.contains(where: { $0 != nil && !($0?.isRange ?? false) }) {
            legend.append(LegendItem(mark: .targetLine, label: words.say("Chỉ tiêu", "Target")))
        }
        if targets.contains(where: { $0?.isRange ?? false }) {
            legend.append(LegendItem(mark: .targetBand, label: words.say("Khoảng chỉ tiêu", "Target range")))
        }
        return legend
    }

    private func progressTable(_ items: [ProgressFigures], firstHeader: String) -> DataTable {
        DataTable(
            headers: [firstHeader, words.say("Chỉ tiêu", "Target"), words.say("Kết quả", "Achieved"),
                      words.say("Tỷ lệ", "Percent"), words.say("Tình trạng", "Status")],
            rows: items.map { item in
                [item.name, targetCell(item.target), words.numbers.integer(item.achieved),
                 words.percent(ofMin: item.percentOfMin, ofMax: item.percentOfMax), words.status(item.status)]
            },
            numericColumns: [1, 2, 3])
    }

    private func targetCell(_ target: PlanTarget?) -> String {
        guard let note = words.growthNote(target) else { return words.target(target) }
        return "\(words.target(target)) (\(note))"
    }

    // MARK: Groups

    /// Each group's achieved against its target, over the whole plan.
    public func groups(plan: TargetPlan, figures: PlanFigures, idPrefix: String) -> String? {
        guard !figures.groups.isEmpty else { return nil }
        let items = figures.groups
        let description = items.map { item in
            "\(item.group.name): \(words.achievedOfTarget(item.achieved, item.group.target)) (\(besideText(percent: item.percentOfMin, status: item.status).lowercased()))"
        }.joined(separator: "; ") + "."
        let frame = ChartFrame(kind: "groups", idPrefix: idPrefix,
                               title: words.say("Theo nhóm lao động – \(plan.title)", "By group of workers – \(plan.title)"),
                               description: description, height: 0, language: language)
        let rows = items.map { item in
            BarRow(label: "\(item.group.name) — \(words.achievedOfTarget(item.achieved, item.group.target))",
                   value: item.achieved, target: item.group.target,
                   besideText: besideText(percent: item.percentOfMin, status: item.status))
        }
        let layout = BarLayout(rows: rows, hatchId: frame.hatchId, legend: targetLegend(items.map(\.group.target)))
        let table = DataTable(
            headers: [words.say("Nhóm", "Group"), words.say("Chỉ tiêu", "Target"), words.say("Kết quả", "Achieved"),
                      words.say("Tỷ lệ", "Percent"), words.say("Tình trạng", "Status")],
            rows: items.map { item in
                [item.group.name, targetCell(item.group.target), words.numbers.integer(item.achieved),
                 words.percent(ofMin: item.percentOfMin, ofMax: item.percentOfMax), words.status(item.status)]
            },
            numericColumns: [1, 2, 3])
        return frame.with(height: layout.height).render(drawing: layout.drawing(), table: table)
    }

    // MARK: Markets

    /// Achieved split by destination market, largest first (then by name); placements reported
    /// without a market come last as their own bar. `marketNames` maps slugs to display names;
    /// a slug without a name is shown as itself.
    public func markets(plan: TargetPlan, figures: PlanFigures, area: String? = nil,
                        marketNames: [String: String], idPrefix: String) -> String? {
        guard let subject = subject(plan: plan, figures: figures, area: area), !subject.byMarket.isEmpty else { return nil }
        let named = subject.byMarket.map { (name: marketNames[$0.slug] ?? $0.slug, count: $0.count) }
            .sorted { ($1.count, VietnameseText.fold($0.name), $0.name) < ($0.count, VietnameseText.fold($1.name), $1.name) }
        let total = subject.achieved
        func share(_ count: Int) -> String { total > 0 ? words.numbers.percent(Double(count) / Double(total)) : "—" }
        var rows = named.map { BarRow(label: "\($0.name) — \(words.numbers.integer($0.count))", value: $0.count, target: nil, besideText: share($0.count)) }
        let unassignedName = words.say("Chưa rõ thị trường", "Market not given")
        if subject.unassignedToMarket > 0 {
            rows.append(BarRow(label: "\(unassignedName) — \(words.numbers.integer(subject.unassignedToMarket))",
                               value: subject.unassignedToMarket, target: nil, besideText: share(subject.unassignedToMarket), isOther: true))
        }
        let listed = named.map { words.say("\(words.numbers.integer($0.count)) đi \($0.name)", "\(words.numbers.integer($0.count)) to \($0.name)") }
            + (subject.unassignedToMarket > 0 ? [words.say("\(words.numbers.integer(subject.unassignedToMarket)) chưa rõ thị trường",
                                                             "\(words.numbers.integer(subject.unassignedToMarket)) with no market given")] : [])
        let workers = language == .vi ? plan.unit : "workers"
        let description = words.say("\(subject.name): \(words.numbers.integer(total)) \(workers), trong đó ", "\(subject.name): \(words.numbers.integer(total)) \(workers), of whom ")
            + listed.joined(separator: "; ") + "."
        let frame = ChartFrame(kind: "markets", idPrefix: idPrefix,
                               title: words.say("Theo thị trường – \(subject.name)", "By destination market – \(subject.name)"),
                               description: description, height: 0, language: language)
        let layout = BarLayout(rows: rows, hatchId: frame.hatchId, legend: [])
        var tableRows = named.map { [$0.name, words.numbers.integer($0.count), share($0.count)] }
        if subject.unassignedToMarket > 0 {
            tableRows.append([unassignedName, words.numbers.integer(subject.unassignedToMarket), share(subject.unassignedToMarket)])
        }
        let table = DataTable(headers: [words.say("Thị trường", "Market"), words.say("Số lao động", "Workers"), words.say("Tỷ lệ", "Share")],
                              rows: tableRows, numericColumns: [1, 2])
        return frame.with(height: layout.height).render(drawing: layout.drawing(), table: table)
    }

    // MARK: Timeline

    /// The running total as steps against a dashed pace line from 0 at the period's start to the
    /// target at its end (to the maximum, over a hatched band, for a range), with a marker for
    /// the build date while the period runs.
    public func timeline(plan: TargetPlan, figures: PlanFigures, area: String? = nil, idPrefix: String) -> String? {
        guard let subject = subject(plan: plan, figures: figures, area: area) else { return nil }
        let frame = ChartFrame(kind: "timeline", idPrefix: idPrefix,
                               title: words.say("Tiến độ theo thời gian – \(subject.name)", "Progress over time – \(subject.name)"),
                               description: timelineDescription(subject, unit: plan.unit, planTitle: area == nil ? plan.title : nil), height: 0, language: language)
        let drawing = TimelineDrawing(figures: subject, words: words, hatchId: frame.hatchId)
        let table = DataTable(
            headers: [words.say("Ngày", "Date"), words.say("Số lao động trong kỳ", "Reported for the period"), words.say("Cộng dồn", "Running total")],
            rows: subject.timeline.map { [$0.date.dayMonthYear, words.numbers.integer($0.added), words.numbers.integer($0.total)] },
            numericColumns: [1, 2])
        return frame.with(height: drawing.height).render(drawing: drawing.render(), table: table)
    }

    private func timelineDescription(_ subject: ProgressFigures, unit: String, planTitle: String?) -> String {
        var text = words.sentence(subject, unit: unit, planTitle: planTitle)
        if let last = subject.timeline.last {
            text += words.say(" Số liệu mới nhất ngày \(last.date.dayMonthYear).", " Latest figures dated \(last.date.dayMonthYear).")
        }
        return text
    }

    private func subject(plan: TargetPlan, figures: PlanFigures, area: String?) -> ProgressFigures? {
        guard let area else { return figures.plan }
        return figures.areas[area]
    }
}

extension ChartFrame {
    func with(height: Double) -> ChartFrame {
        ChartFrame(kind: kind, idPrefix: idPrefix, title: title, description: description, height: height, language: language)
    }
}
