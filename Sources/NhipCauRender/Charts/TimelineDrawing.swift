import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The over-time chart's drawing: axes, pace line (and band for a range), the running total as
/// steps, the build-date marker and a legend. Every line is drawn over a halo in the background
/// colour, so where lines cross each one still meets only the background.
struct TimelineDrawing {
    static var plotRight: Double { ChartFrame.width - 8 }

    /// Room above the plot for the update marker's label, when the marker is drawn.
    private var plotTop: Double { showsToday ? 40 : 24 }
    private var plotBottom: Double { plotTop + 160 }

    let figures: ProgressFigures
    let words: ChartWording
    let hatchId: String
    /// Dated notes of the plan, drawn as numbered vertical marks.
    var notes: [PlanNote] = []
    // Worked out once: every point of the drawing asks for them.
    private let showsToday: Bool
    private let scaleMax: Int
    /// Left of the plot: room for the widest tick label.
    private let plotLeft: Double
    private let legend: [LegendItem]

    init(figures: ProgressFigures, words: ChartWording, hatchId: String, notes: [PlanNote] = []) {
        self.figures = figures
        self.words = words
        self.hatchId = hatchId
        self.notes = notes
        showsToday = figures.period.contains(figures.today)
        scaleMax = Self.scaleMax(figures)
        let ticks = Self.ticks(scaleMax)
        let widest = ticks.map { ChartText.width(words.numbers.integer($0), size: ChartText.small) }.max() ?? 0
        plotLeft = (widest + 8).rounded(.up)
        var legend = Self.legend(figures, words: words, showsToday: showsToday)
        if !notes.isEmpty { legend.append(LegendItem(mark: .note, label: words.say("chart.notesLegend"))) }
        self.legend = legend
    }

    private static func legend(_ figures: ProgressFigures, words: ChartWording, showsToday: Bool) -> [LegendItem] {
        var items = [LegendItem(mark: .achievedLine, label: words.say("chart.sentRunningTotal"))]
        if let target = figures.target {
            items.append(LegendItem(mark: .paceLine, label: target.isRange
                ? words.say("chart.paceMinimum")
                : words.say("chart.paceTarget")))
        }
        if figures.target?.isRange ?? false {
            items.append(LegendItem(mark: .targetBand, label: words.say("chart.targetRange")))
        }
        if showsToday {
            items.append(LegendItem(mark: .today, label: words.say("chart.dateUpdate")))
        }
        return items
    }

    private var legendTop: Double { plotBottom + 28 }

    var height: Double { legendTop + Double(LegendItem.lineCount(legend)) * LegendItem.lineHeight + 4 }

    /// A round top for the vertical scale, a little above the target and the achieved total:
    /// 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.
    private static func scaleMax(_ figures: ProgressFigures) -> Int {
        let highest = max(1, figures.achieved, figures.target?.max ?? 0)
        let raw = highest + (highest + 19) / 20 // 5% headroom
        var magnitude = 1
        while magnitude <= raw / 100 { magnitude *= 10 }
        for step in [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80] where step * magnitude >= raw {
            return step * magnitude
        }
        return 100 * magnitude
    }

    private static func ticks(_ scaleMax: Int) -> [Int] { scaleMax % 2 == 0 ? [0, scaleMax / 2, scaleMax] : [0, scaleMax] }

    private var ticks: [Int] { Self.ticks(scaleMax) }

    private func x(_ date: SimpleDate) -> Double {
        let span = Double(max(1, figures.period.end.dayNumber - figures.period.start.dayNumber))
        let offset = Double(date.dayNumber - figures.period.start.dayNumber)
        let clamped = min(max(offset / span, 0), 1)
        return plotLeft + clamped * (Self.plotRight - plotLeft)
    }

    private func y(_ value: Int) -> Double {
        plotBottom - Double(value) / Double(scaleMax) * (plotBottom - plotTop)
    }

    func render() -> String {
        var parts = axes()
        if let target = figures.target { parts += pace(target) }
        parts.append(steps())
        if showsToday { parts.append(todayMarker()) }
        parts += noteMarks()
        parts.append(LegendItem.row(legend, top: legendTop, hatchId: hatchId))
        return parts.joined(separator: "\n")
    }

    private func text(_ content: String, x: Double, y: Double, anchor: String? = nil, className: String = "chart-tick") -> String {
        var attributes = [("x", Markup.number(x)), ("y", Markup.number(y)), ("font-size", Markup.number(ChartText.small))]
        if let anchor { attributes.append(("text-anchor", anchor)) }
        return Markup.text("text", attributes + [("class", className)], content)
    }

    /// A line or path over its halo: the same shape, wider, in the background colour.
    private func haloed(_ name: String, _ attributes: [(String, String)], className: String, haloWidth: Double = 6) -> String {
        Markup.element(name, attributes + [("stroke-width", Markup.number(haloWidth)), ("class", "chart-halo")])
            + Markup.element(name, attributes + [("class", className)])
    }

    private func axes() -> [String] {
        var parts = ticks.map { tick in
            let position = Markup.number(y(tick))
            return Markup.element("line", [("x1", Markup.number(plotLeft)), ("y1", position), ("x2", Markup.number(Self.plotRight)),
                                           ("y2", position), ("class", tick == 0 ? "chart-axis" : "chart-grid")])
                + text(words.numbers.integer(tick), x: plotLeft - 4, y: y(tick) + 4, anchor: "end")
        }
        let labelY = plotBottom + 17
        parts.append(text(figures.period.start.dayMonthYear, x: plotLeft, y: labelY))
        parts.append(text(figures.period.end.dayMonthYear, x: Self.plotRight, y: labelY, anchor: "end"))
        return parts
    }

    /// The dashed line the running total should keep up with; for a range it leads to the
    /// minimum, the figure the status is judged by, and the band above it reaches the maximum.
    private func pace(_ target: PlanTarget) -> [String] {
        let startX = Markup.number(x(figures.period.start)), endX = Markup.number(x(figures.period.end))
        let zeroY = Markup.number(y(0))
        var parts: [String] = []
        if target.isRange {
            let points = "\(startX),\(zeroY) \(endX),\(Markup.number(y(target.min))) \(endX),\(Markup.number(y(target.max)))"
            parts.append(Markup.element("polygon", [("points", points), ("fill", "url(#\(hatchId))"), ("class", "chart-target-band")]))
        }
        parts.append(haloed("line", [("x1", startX), ("y1", zeroY), ("x2", endX), ("y2", Markup.number(y(target.min))),
                                     ("stroke-dasharray", "6 4")], className: "chart-pace"))
        parts.append(text(words.say("chart.target", ["target": "\(words.target(target))"]),
                          x: x(figures.period.end), y: y(target.max) - 6, anchor: "end", className: "chart-label"))
        return parts
    }

    /// The running total held flat until each reported date, then stepping up; carried on to the
    /// build date (or the period's end) so a stalled area shows as a flat line.
    private func steps() -> String {
        guard figures.today >= figures.period.start else { return "" }
        var path = "M\(Markup.number(x(figures.period.start))) \(Markup.number(y(0)))"
        for point in figures.timeline {
            path += " H\(Markup.number(x(point.date))) V\(Markup.number(y(point.total)))"
        }
        let lastDate = figures.timeline.last?.date ?? figures.period.start
        let carryTo = max(lastDate, min(figures.today, figures.period.end))
        path += " H\(Markup.number(x(carryTo)))"
        var parts = [haloed("path", [("d", path)], className: "chart-achieved-line", haloWidth: 6.5)]
        if let last = figures.timeline.last {
            parts.append(Markup.element("circle", [("cx", Markup.number(x(last.date))), ("cy", Markup.number(y(last.total))), ("r", "4"),
                                                   ("class", "chart-achieved-dot")]))
        }
        return parts.joined()
    }

    private func todayMarker() -> String {
        let position = x(figures.today)
        let label = words.say("chart.updated", ["today": "\(figures.today.dayMonthYear)"])
        let labelWidth = ChartText.width(label, size: ChartText.small)
        let anchor = position + 3 + labelWidth > ChartFrame.width ? "end" : "start"
        let labelX = anchor == "end" ? max(position - 3, labelWidth) : position + 3
        return haloed("line", [("x1", Markup.number(position)), ("y1", Markup.number(plotTop - 16)),
                               ("x2", Markup.number(position)), ("y2", Markup.number(plotBottom)),
                               ("stroke-dasharray", "2 3")], className: "chart-today", haloWidth: 5)
            + text(label, x: labelX, y: 14, anchor: anchor, className: "chart-label")
    }

    /// Each note as a dotted line across the plot, numbered at its top as in the data table.
    private func noteMarks() -> [String] {
        notes.enumerated().map { index, note in
            let position = x(note.date)
            return haloed("line", [("x1", Markup.number(position)), ("y1", Markup.number(plotTop - 2)),
                                   ("x2", Markup.number(position)), ("y2", Markup.number(plotBottom)),
                                   ("stroke-dasharray", "1 3")], className: "chart-note", haloWidth: 5)
                + text("\(index + 1)", x: position, y: plotTop - 5, anchor: "middle", className: "chart-label")
        }
    }
}
