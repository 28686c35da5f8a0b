import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The over-time chart's drawing: axes, pace line (and band for a range), the running total as
/// steps, the build-date marker and a legend.
struct TimelineDrawing {
    static let plotLeft = 44.0, plotRight = 348.0, plotTop = 26.0, plotBottom = 190.0

    let figures: ProgressFigures
    let words: ChartWording
    let hatchId: String

    private var legend: [LegendItem] {
        var items = [LegendItem(mark: .achievedLine, label: words.say("Đã đưa đi (cộng dồn)", "Sent (running total)"))]
        if figures.target != nil {
            items.append(LegendItem(mark: .paceLine, label: words.say("Tiến độ theo chỉ tiêu", "Pace to target")))
        }
        if figures.target?.isRange ?? false {
            items.append(LegendItem(mark: .targetBand, label: words.say("Khoảng chỉ tiêu", "Target range")))
        }
        if showsToday {
            items.append(LegendItem(mark: .today, label: words.say("Hôm nay", "Today")))
        }
        return items
    }

    var height: Double { Self.plotBottom + 30 + Double(LegendItem.lineCount(legend)) * 18 }

    private var showsToday: Bool { figures.period.contains(figures.today) }

    /// A round top for the vertical scale, a little above the target and the achieved total:
    /// 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.
    private var scaleMax: Int {
        let highest = max(1, figures.achieved, figures.target?.max ?? 0)
        let raw = highest + (highest + 19) / 20 // 5% headroom
        var magnitude = 1
        while magnitude <= raw / 100 { magnitude *= 10 }
        for step in [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80] where step * magnitude >= raw {
            return step * magnitude
        }
        return 100 * magnitude
    }

    private func x(_ date: SimpleDate) -> Double {
        let span = Double(max(1, figures.period.end.dayNumber - figures.period.start.dayNumber))
        let offset = Double(date.dayNumber - figures.period.start.dayNumber)
        let clamped = min(max(offset / span, 0), 1)
        return Self.plotLeft + clamped * (Self.plotRight - Self.plotLeft)
    }

    private func y(_ value: Int) -> Double {
        Self.plotBottom - Double(value) / Double(scaleMax) * (Self.plotBottom - Self.plotTop)
    }

    func render() -> String {
        var parts = axes()
        if let target = figures.target { parts += pace(target) }
        parts.append(steps())
        if showsToday { parts.append(todayMarker()) }
        parts.append(LegendItem.row(legend, top: Self.plotBottom + 30, hatchId: hatchId))
        return parts.joined(separator: "\n")
    }

    private func axes() -> [String] {
        let top = scaleMax
        let ticks = top % 2 == 0 ? [0, top / 2, top] : [0, top]
        var parts = ticks.map { tick in
            let position = Markup.number(y(tick))
            return Markup.element("line", [("x1", Markup.number(Self.plotLeft)), ("y1", position), ("x2", Markup.number(Self.plotRight)),
                                           ("y2", position), ("class", tick == 0 ? "chart-axis" : "chart-grid")])
                + Markup.text("text", [("x", Markup.number(Self.plotLeft - 4)), ("y", Markup.number(y(tick) + 4)), ("font-size", "12"),
                                       ("text-anchor", "end"), ("class", "chart-tick")], words.numbers.integer(tick))
        }
        let labelY = Markup.number(Self.plotBottom + 16)
        parts.append(Markup.text("text", [("x", Markup.number(Self.plotLeft)), ("y", labelY), ("font-size", "12"), ("class", "chart-tick")],
                                 figures.period.start.dayMonthYear))
        parts.append(Markup.text("text", [("x", Markup.number(Self.plotRight)), ("y", labelY), ("font-size", "12"), ("text-anchor", "end"),
                                          ("class", "chart-tick")], figures.period.end.dayMonthYear))
        return parts
    }

    private func pace(_ target: PlanTarget) -> [String] {
        let startX = Markup.number(x(figures.period.start)), endX = Markup.number(x(figures.period.end))
        let zeroY = Markup.number(y(0))
        var parts: [String] = []
        if target.isRange {
            let points = "\(startX),\(zeroY) \(endX),\(Markup.number(y(target.min))) \(endX),\(Markup.number(y(target.max)))"
            parts.append(Markup.element("polygon", [("points", points), ("fill", "url(#\(hatchId))"), ("class", "chart-target-band")]))
        }
        parts.append(Markup.element("line", [("x1", startX), ("y1", zeroY), ("x2", endX), ("y2", Markup.number(y(target.max))),
                                             ("stroke-dasharray", "6 4"), ("class", "chart-pace")]))
        parts.append(Markup.text("text", [("x", endX), ("y", Markup.number(y(target.max) - 4)), ("font-size", "12"), ("text-anchor", "end"),
                                          ("class", "chart-label")], words.say("Chỉ tiêu \(words.target(target))", "Target \(words.target(target))")))
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
        var parts = [Markup.element("path", [("d", path), ("class", "chart-achieved-line")])]
        if let last = figures.timeline.last {
            parts.append(Markup.element("circle", [("cx", Markup.number(x(last.date))), ("cy", Markup.number(y(last.total))), ("r", "3.5"),
                                                   ("class", "chart-achieved-dot")]))
        }
        return parts.joined()
    }

    private func todayMarker() -> String {
        let position = x(figures.today)
        let anchor = position > (Self.plotLeft + Self.plotRight) / 2 ? "end" : "start"
        let labelX = anchor == "end" ? position - 3 : position + 3
        let label = words.say("Hôm nay \(figures.today.dayMonthYear)", "Today \(figures.today.dayMonthYear)")
        return Markup.element("line", [("x1", Markup.number(position)), ("y1", Markup.number(Self.plotTop - 6)),
                                       ("x2", Markup.number(position)), ("y2", Markup.number(Self.plotBottom)),
                                       ("stroke-dasharray", "2 3"), ("class", "chart-today")])
            + Markup.text("text", [("x", Markup.number(labelX)), ("y", Markup.number(Self.plotTop - 10)), ("font-size", "12"),
                                   ("text-anchor", anchor), ("class", "chart-label")], label)
    }
}
