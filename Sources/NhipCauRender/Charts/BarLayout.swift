import NhipCauLoad

/// One horizontal bar: its name (wrapped onto as many lines as it needs) above, the bar with its
/// target marker, and the figures as text beside the bar.
struct BarRow {
    /// The name and, after " · ", the status: "Huyện Ninh Sơn · Chậm tiến độ".
    var label: String
    var value: Int
    var target: PlanTarget?
    /// The figures: "11/25 · 44%".
    var besideText: String
    /// Bars that are not a real category (e.g. "no market given") are drawn in another tone
    /// and named as such in their label.
    var isOther = false
}

/// Lays out horizontal bars in the chart's viewBox. Names sit on their own lines above the bar,
/// wrapped to the drawing's width, so that long Vietnamese names neither squeeze the bars nor
/// run out of the picture. The track leaves room for the longest figures beside it; figures that
/// would not fit even beside the shortest allowed track go on a line under their bar.
///
/// Marks that cross a bar (the target line, a range's edges) are drawn over a halo in the
/// background colour, and bars have an outline in it, so every mark meets only the background.
struct BarLayout {
    static let barHeight = 14.0
    /// How far a target marker reaches above and below its bar.
    static let overhang = 5.0
    static let gap = 8.0
    static let minimumTrack = 150.0

    let rows: [BarRow]
    let hatchId: String
    let legend: [LegendItem]
    /// Wide enough for the widest figures beside it, but never narrower than `minimumTrack`.
    let trackWidth: Double
    /// The largest achieved figure or target end, so every bar and marker fits the track.
    private let scaleMax: Double
    /// Each row's wrapped name and whether its figures fit beside the bar, measured once:
    /// a chart of every area measures hundreds of rows, and each measure walks the text.
    private let placements: [Placement]
    let height: Double

    private struct Placement {
        var nameLines: [String]
        var besideFits: Bool
        var height: Double
    }

    private static var width: Double { ChartFrame.width }

    init(rows: [BarRow], hatchId: String, legend: [LegendItem]) {
        self.rows = rows
        self.hatchId = hatchId
        self.legend = legend
        let besideWidths = rows.map { ChartText.width($0.besideText, size: ChartText.small) }
        let trackWidth = min(Self.width - 40, max(Self.minimumTrack, Self.width - (besideWidths.max() ?? 0) - Self.gap))
        self.trackWidth = trackWidth
        scaleMax = Double(max(1, rows.map { max($0.value, $0.target?.max ?? 0) }.max() ?? 1))
        placements = zip(rows, besideWidths).map { row, besideWidth in
            let lines = ChartText.wrap(row.label, size: ChartText.label, width: Self.width)
            let fits = trackWidth + Self.gap + besideWidth <= Self.width
            let names = Double(lines.count) * ChartText.lineHeight(ChartText.label)
            let below = fits ? 0 : ChartText.lineHeight(ChartText.small)
            return Placement(nameLines: lines, besideFits: fits,
                             height: names + 2 + Self.overhang + Self.barHeight + Self.overhang + below + 10)
        }
        let rowsHeight = placements.reduce(0) { $0 + $1.height }
        let legendHeight = legend.isEmpty ? 0 : Double(LegendItem.lineCount(legend)) * LegendItem.lineHeight + 6
        height = rowsHeight + 4 + legendHeight
    }

    private func x(_ value: Int) -> Double { Double(value) / scaleMax * trackWidth }

    func drawing() -> String {
        var parts: [String] = []
        var top = 4.0
        for (row, placement) in zip(rows, placements) {
            parts.append(drawRow(row, placement, top: top))
            top += placement.height
        }
        if !legend.isEmpty {
            parts.append(LegendItem.row(legend, top: top + 2, hatchId: hatchId))
        }
        return parts.joined(separator: "\n")
    }

    private func drawRow(_ row: BarRow, _ placement: Placement, top: Double) -> String {
        let lineHeight = ChartText.lineHeight(ChartText.label)
        let lines = placement.nameLines
        var parts = lines.enumerated().map { index, line in
            Markup.text("text", [("x", "0"), ("y", Markup.number(top + 13 + Double(index) * lineHeight)),
                                 ("font-size", Markup.number(ChartText.label)), ("class", "chart-label")], line)
        }
        let barTop = top + Double(lines.count) * lineHeight + 2 + Self.overhang
        parts.append(Markup.element("line", [("x1", "0.5"), ("y1", Markup.number(barTop - Self.overhang)), ("x2", "0.5"),
                                             ("y2", Markup.number(barTop + Self.barHeight + Self.overhang)), ("class", "chart-axis")]))
        if let target = row.target, target.isRange { parts.append(rangeBand(target, barTop: barTop)) }
        parts.append(Markup.element("rect", [("x", "0"), ("y", Markup.number(barTop)), ("width", Markup.number(x(row.value))),
                                             ("height", Markup.number(Self.barHeight)), ("class", row.isOther ? "chart-bar-other" : "chart-bar")]))
        if let target = row.target { parts.append(targetEdges(target, barTop: barTop)) }
        let beside = placement.besideFits
        let textX = beside ? trackWidth + Self.gap : 0
        let textY = beside ? barTop + 11 : barTop + Self.barHeight + Self.overhang + 13
        parts.append(Markup.text("text", [("x", Markup.number(textX)), ("y", Markup.number(textY)),
                                          ("font-size", Markup.number(ChartText.small)), ("class", "chart-value")], row.besideText))
        return Markup.element("g", [("class", "chart-row")], parts.joined())
    }

    /// A hatched band from a range's minimum to its maximum, drawn behind the bar so that it
    /// shows above, below and beyond it.
    private func rangeBand(_ target: PlanTarget, barTop: Double) -> String {
        Markup.element("rect", [
            ("x", Markup.number(x(target.min))), ("y", Markup.number(barTop - Self.overhang)),
            ("width", Markup.number(max(1, x(target.max) - x(target.min)))), ("height", Markup.number(Self.barHeight + 2 * Self.overhang)),
            ("fill", "url(#\(hatchId))"), ("class", "chart-target-band"),
        ])
    }

    /// A thick line across the bar for an exact target, one at each end for a range, each over
    /// a halo in the background colour.
    private func targetEdges(_ target: PlanTarget, barTop: Double) -> String {
        let top = Markup.number(barTop - Self.overhang), bottom = Markup.number(barTop + Self.barHeight + Self.overhang)
        func edge(_ value: Int) -> String {
            let position = Markup.number(max(1.5, x(value)))
            let line = [("x1", position), ("y1", top), ("x2", position), ("y2", bottom)]
            return Markup.element("line", line + [("stroke-width", "7"), ("class", "chart-halo")])
                + Markup.element("line", line + [("class", "chart-target")])
        }
        return target.isRange ? edge(target.min) + edge(target.max) : edge(target.min)
    }
}

/// A key entry: a sample of a mark and what it means.
struct LegendItem {
    enum Mark { case bar, targetLine, targetBand, achievedLine, paceLine, today, note }
    var mark: Mark
    var label: String

    static let lineHeight = 20.0

    private var width: Double { 24 + ChartText.width(label, size: ChartText.small) + 14 }

    /// Items side by side when they fit, wrapping to more lines otherwise.
    static func row(_ items: [LegendItem], top: Double, hatchId: String) -> String {
        var parts: [String] = []
        for (item, x, y) in positions(items, top: top) {
            parts.append(item.sample(x: x, y: y, hatchId: hatchId))
            parts.append(Markup.text("text", [("x", Markup.number(x + 24)), ("y", Markup.number(y + 11)),
                                              ("font-size", Markup.number(ChartText.small)), ("class", "chart-legend")], item.label))
        }
        return Markup.element("g", [("class", "chart-legend")], parts.joined())
    }

    /// How many legend lines `row` will use, to size the drawing.
    static func lineCount(_ items: [LegendItem]) -> Int {
        guard let last = positions(items, top: 0).last else { return 0 }
        return Int((last.y / lineHeight).rounded()) + 1
    }

    private static func positions(_ items: [LegendItem], top: Double) -> [(item: LegendItem, x: Double, y: Double)] {
        var x = 0.0, y = top
        return items.map { item in
            if x > 0 && x + item.width - 14 > ChartFrame.width { x = 0; y += lineHeight }
            defer { x += item.width }
            return (item, x, y)
        }
    }

    private func sample(x: Double, y: Double, hatchId: String) -> String {
        let left = Markup.number(x), right = Markup.number(x + 18), middle = Markup.number(y + 7)
        let center = Markup.number(x + 9)
        switch mark {
        case .bar:
            return Markup.element("rect", [("x", left), ("y", Markup.number(y + 2)), ("width", "18"), ("height", "10"), ("class", "chart-bar")])
        case .targetLine:
            return Markup.element("line", [("x1", center), ("y1", Markup.number(y)), ("x2", center), ("y2", Markup.number(y + 14)), ("class", "chart-target")])
        case .targetBand:
            return Markup.element("rect", [("x", left), ("y", Markup.number(y + 2)), ("width", "18"), ("height", "10"),
                                           ("fill", "url(#\(hatchId))"), ("class", "chart-target-band")])
        case .achievedLine:
            return Markup.element("line", [("x1", left), ("y1", middle), ("x2", right), ("y2", middle), ("class", "chart-achieved-line")])
        case .paceLine:
            return Markup.element("line", [("x1", left), ("y1", middle), ("x2", right), ("y2", middle), ("stroke-dasharray", "6 4"), ("class", "chart-pace")])
        case .today:
            return Markup.element("line", [("x1", center), ("y1", Markup.number(y)), ("x2", center), ("y2", Markup.number(y + 14)),
                                           ("stroke-dasharray", "2 3"), ("class", "chart-today")])
        case .note:
            return Markup.element("line", [("x1", center), ("y1", Markup.number(y)), ("x2", center), ("y2", Markup.number(y + 14)),
                                           ("stroke-dasharray", "1 3"), ("class", "chart-note")])
        }
    }
}
