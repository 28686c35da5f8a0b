import NhipCauLoad

/// One horizontal bar: a name line above, the bar with its target marker, and the figures
/// as text beside it.
struct BarRow {
    var label: String
    var value: Int
    var target: PlanTarget?
    var besideText: String
    /// Bars that are not a real category (e.g. "no market given") are drawn in another tone
    /// and named as such in their label.
    var isOther = false
}

/// Lays out horizontal bars for a 360-wide viewBox, readable at 320 px: labels sit on their
/// own line so that long Vietnamese names do not squeeze the bars.
struct BarLayout {
    static let rowHeight = 48.0
    static let barHeight = 14.0
    static let trackWidth = 180.0
    static let besideX = 188.0

    let rows: [BarRow]
    let hatchId: String
    let legend: [LegendItem]

    var height: Double {
        let legendHeight = legend.isEmpty ? 0 : Double(LegendItem.lineCount(legend)) * 18 + 10
        return Double(rows.count) * Self.rowHeight + 4 + legendHeight
    }

    /// The largest achieved figure or target end, so every bar and marker fits the track.
    private var scaleMax: Double {
        Double(max(1, rows.map { max($0.value, $0.target?.max ?? 0) }.max() ?? 1))
    }

    private func x(_ value: Int) -> Double { Double(value) / scaleMax * Self.trackWidth }

    func drawing() -> String {
        var parts = rows.enumerated().map { index, row in drawRow(row, top: Double(index) * Self.rowHeight + 4) }
        let bottom = Double(rows.count) * Self.rowHeight + 4
        if !legend.isEmpty {
            parts.append(LegendItem.row(legend, top: bottom + 6, hatchId: hatchId))
        }
        return parts.joined(separator: "\n")
    }

    private func drawRow(_ row: BarRow, top: Double) -> String {
        let barTop = top + 22
        var parts = [
            Markup.text("text", [("x", "0"), ("y", Markup.number(top + 15)), ("font-size", "15"), ("class", "chart-label")], row.label),
            Markup.element("line", [("x1", "0.5"), ("y1", Markup.number(barTop - 4)), ("x2", "0.5"), ("y2", Markup.number(barTop + Self.barHeight + 4)),
                                    ("class", "chart-axis")]),
            Markup.element("rect", [("x", "0"), ("y", Markup.number(barTop)), ("width", Markup.number(x(row.value))),
                                    ("height", Markup.number(Self.barHeight)), ("class", row.isOther ? "chart-bar-other" : "chart-bar")]),
        ]
        if let target = row.target { parts.append(targetMarker(target, barTop: barTop)) }
        parts.append(Markup.text("text", [("x", Markup.number(Self.besideX)), ("y", Markup.number(barTop + 11.5)),
                                          ("font-size", "13"), ("class", "chart-value")], row.besideText))
        return Markup.element("g", [("class", "chart-row")], parts.joined())
    }

    /// A thick line across the bar for an exact target; a hatched band with edges for a range.
    private func targetMarker(_ target: PlanTarget, barTop: Double) -> String {
        let top = Markup.number(barTop - 4), bottom = Markup.number(barTop + Self.barHeight + 4)
        func edge(_ value: Int) -> String {
            let position = Markup.number(max(1.5, x(value)))
            return Markup.element("line", [("x1", position), ("y1", top), ("x2", position), ("y2", bottom), ("class", "chart-target")])
        }
        guard target.isRange else { return edge(target.min) }
        let band = Markup.element("rect", [
            ("x", Markup.number(x(target.min))), ("y", top),
            ("width", Markup.number(x(target.max) - x(target.min))), ("height", Markup.number(Self.barHeight + 8)),
            ("fill", "url(#\(hatchId))"), ("class", "chart-target-band"),
        ])
        return band + edge(target.min) + edge(target.max)
    }
}

/// A key entry: a sample of a mark and what it means.
struct LegendItem {
    enum Mark { case bar, targetLine, targetBand, achievedLine, paceLine, today }
    var mark: Mark
    var label: String

    /// Items side by side when they fit, wrapping to more lines otherwise.
    static func row(_ items: [LegendItem], top: Double, hatchId: String) -> String {
        var x = 0.0, y = top
        var parts: [String] = []
        for item in items {
            let width = 26 + Double(item.label.count) * 6.8 + 12
            if x > 0 && x + width > ChartFrame.width { x = 0; y += 18 }
            parts.append(item.sample(x: x, y: y, hatchId: hatchId))
            parts.append(Markup.text("text", [("x", Markup.number(x + 24)), ("y", Markup.number(y + 10.5)), ("font-size", "12"),
                                              ("class", "chart-legend")], item.label))
            x += width
        }
        return Markup.element("g", [("class", "chart-legend")], parts.joined())
    }

    /// How many legend lines `row` will use, to size the drawing.
    static func lineCount(_ items: [LegendItem]) -> Int {
        var x = 0.0, lines = items.isEmpty ? 0 : 1
        for item in items {
            let width = 26 + Double(item.label.count) * 6.8 + 12
            if x > 0 && x + width > ChartFrame.width { x = 0; lines += 1 }
            x += width
        }
        return lines
    }

    private func sample(x: Double, y: Double, hatchId: String) -> String {
        let left = Markup.number(x), right = Markup.number(x + 18), middle = Markup.number(y + 6)
        switch mark {
        case .bar:
            return Markup.element("rect", [("x", left), ("y", Markup.number(y + 1)), ("width", "18"), ("height", "10"), ("class", "chart-bar")])
        case .targetLine:
            let center = Markup.number(x + 9)
            return Markup.element("line", [("x1", center), ("y1", Markup.number(y - 1)), ("x2", center), ("y2", Markup.number(y + 13)), ("class", "chart-target")])
        case .targetBand:
            return Markup.element("rect", [("x", left), ("y", Markup.number(y + 1)), ("width", "18"), ("height", "10"),
                                           ("fill", "url(#\(hatchId))"), ("class", "chart-target-band")])
        case .achievedLine:
            return Markup.element("line", [("x1", left), ("y1", middle), ("x2", right), ("y2", middle), ("class", "chart-achieved-line")])
        case .paceLine:
            return Markup.element("line", [("x1", left), ("y1", middle), ("x2", right), ("y2", middle), ("stroke-dasharray", "6 4"), ("class", "chart-pace")])
        case .today:
            let center = Markup.number(x + 9)
            return Markup.element("line", [("x1", center), ("y1", Markup.number(y - 1)), ("x2", center), ("y2", Markup.number(y + 13)),
                                           ("stroke-dasharray", "2 3"), ("class", "chart-today")])
        }
    }
}
