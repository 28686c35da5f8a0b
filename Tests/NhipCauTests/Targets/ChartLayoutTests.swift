import Foundation
import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
@testable import NhipCauRender

/// Geometry and colour of the charts: nothing runs out of the drawing, text stays readable from a
/// 320 px phone to a desktop, and every mark meets 3:1 contrast against what it touches.
@Suite("Chart layout and contrast")
struct ChartLayoutTests {
    /// The sample plan with names long enough to wrap.
    private func longNamedPlan() throws -> TargetPlan {
        let json = TargetFixtures.sampleJSON
            .replacingOccurrences(of: "\"Huyện A\"", with: "\"Thành phố Phan Rang - Tháp Chàm, tỉnh Ninh Thuận (khu vực nội thành)\"")
            .replacingOccurrences(of: "Lao động thuộc diện chính sách", with: "Lao động thuộc diện chính sách được hỗ trợ theo Quyết định số 64/2017/QĐ-UBND")
            .replacingOccurrences(of: #""target": 30"#, with: #""target": { "min": 1250, "max": 1300 }"#)
        return try #require(TargetFixtures.load(json).plan)
    }

    private func charts(_ plan: TargetPlan, on iso: String) throws -> [String] {
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date(iso))
        return MessageCatalog.languages.flatMap { language -> [String?] in
            let renderer = ChartRenderer(language: language)
            return [
                renderer.areas(plan: plan, figures: figures, idPrefix: "a"),
                renderer.areas(plan: plan, figures: figures, parentArea: "huyen-b", idPrefix: "b"),
                renderer.timeline(plan: plan, figures: figures, idPrefix: "t"),
                renderer.timeline(plan: plan, figures: figures, area: "huyen-a", idPrefix: "u"),
                renderer.markets(plan: plan, figures: figures, marketNames: TargetFixtures.marketNames, idPrefix: "m"),
                renderer.groups(plan: plan, figures: figures, idPrefix: "g"),
                renderer.marketAcrossPlans(marketSlug: "nhat-ban", marketName: "Nhật Bản", plans: [plan, plan], figures: [plan.id: figures], idPrefix: "p"),
            ]
        }.compactMap { $0 }
    }

    struct TextItem {
        var x: Double
        var anchor: String
        var size: Double
        var content: String
    }

    /// Every `<text>` of an SVG with its position, anchor and size.
    private func texts(_ svg: String) throws -> [TextItem] {
        let pattern = try NSRegularExpression(pattern: #"<text ([^>]*)>([^<]*)</text>"#)
        let range = NSRange(svg.startIndex..., in: svg)
        return pattern.matches(in: svg, range: range).compactMap { match in
            guard let attributes = Range(match.range(at: 1), in: svg).map({ String(svg[$0]) }),
                  let content = Range(match.range(at: 2), in: svg).map({ String(svg[$0]) }) else { return nil }
            func value(_ name: String) -> String? {
                guard let start = attributes.range(of: " \(name)=\"") ?? (attributes.hasPrefix("\(name)=\"") ? attributes.range(of: "\(name)=\"") : nil),
                      let end = attributes[start.upperBound...].firstIndex(of: "\"") else { return nil }
                return String(attributes[start.upperBound..<end])
            }
            let unescaped = content.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            return TextItem(x: Double(value("x") ?? "") ?? -1, anchor: value("text-anchor") ?? "start",
                            size: Double(value("font-size") ?? "") ?? 0, content: unescaped)
        }
    }

    private func svg(of chart: String) -> String {
        guard let start = chart.range(of: "<svg"), let end = chart.range(of: "</svg>") else { return "" }
        return String(chart[start.lowerBound..<end.upperBound])
    }

    // MARK: Finding 3: labels are wrapped, never cut off

    @Test func noTextRunsOutOfTheDrawing() throws {
        let plan = try longNamedPlan()
        for date in ["2020-12-31", "2021-07-01", "2022-01-01"] {
            for chart in try charts(plan, on: date) {
                let drawing = svg(of: chart)
                #expect(drawing.contains("viewBox=\"0 0 300 "))
                for text in try texts(drawing) {
                    let width = ChartText.width(text.content, size: text.size)
                    switch text.anchor {
                    case "end": #expect(text.x - width >= -0.5, "“\(text.content)” starts left of the drawing")
                    default: #expect(text.x >= 0 && text.x + width <= ChartFrame.width + 0.5, "“\(text.content)” runs past the right edge")
                    }
                }
            }
        }
    }

    @Test func longNamesWrapAndTheFiguresStayWhole() throws {
        let plan = try longNamedPlan()
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let groups = try #require(ChartRenderer(language: .vi).groups(plan: plan, figures: figures, idPrefix: "g"))
        let labels = try texts(svg(of: groups)).filter { $0.size == ChartText.label }.map(\.content)
        #expect(labels.count >= 2, "\(labels)")
        #expect(labels.joined(separator: " ") == "Lao động thuộc diện chính sách được hỗ trợ theo Quyết định số 64/2017/QĐ-UBND · Đã đạt")
        #expect(groups.contains(">2/2–4 · 100%</text>"))
        let areas = try #require(ChartRenderer(language: .vi).areas(plan: plan, figures: figures, idPrefix: "a"))
        #expect(areas.contains(">30/1.250–1.300 · 2,4%</text>"))
    }

    @Test func wrappingBreaksAtSpacesAndSplitsOnlyWordsLongerThanALine() {
        #expect(ChartText.wrap("Huyện Ninh Sơn", size: 14, width: 300) == ["Huyện Ninh Sơn"])
        let lines = ChartText.wrap("Lao động thuộc diện chính sách được hỗ trợ · Đạt", size: 14, width: 200)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { ChartText.width($0, size: 14) <= 200 })
        #expect(lines.joined(separator: " ") == "Lao động thuộc diện chính sách được hỗ trợ · Đạt")
        let word = String(repeating: "ư", count: 60)
        let pieces = ChartText.wrap(word, size: 14, width: 100)
        #expect(pieces.count > 1 && pieces.joined() == word)
        #expect(pieces.allSatisfy { ChartText.width($0, size: 14) <= 100 })
    }

    // MARK: Finding 5: text size from a phone to a desktop

    /// At a 320 px phone the chart is 288 px wide (the page has 1rem padding each side); on a
    /// wide screen it stops at its CSS max-width.
    @Test func textIsAtLeastTwelvePixelsOnAPhoneAndModestOnADesktop() throws {
        let maxWidth = try #require(ChartStyles.css.range(of: #"max-width: (\d+(\.\d+)?)rem"#, options: .regularExpression)
            .map { String(ChartStyles.css[$0]).dropFirst("max-width: ".count).dropLast("rem".count) }.flatMap { Double($0) })
        let widest = maxWidth * 16
        var sizes: Set<Double> = []
        for chart in try charts(try longNamedPlan(), on: "2021-07-01") {
            for text in try texts(svg(of: chart)) { sizes.insert(text.size) }
        }
        let smallest = try #require(sizes.min()), largest = try #require(sizes.max())
        #expect(smallest * 288 / ChartFrame.width >= 12, "smallest text \(smallest) units is \(smallest * 288 / ChartFrame.width) px on a phone")
        #expect(largest * widest / ChartFrame.width <= 24, "largest text \(largest) units is \(largest * widest / ChartFrame.width) px on a desktop")
        #expect(widest / 288 < 1.8, "text grows less than 1.8× from a phone to a desktop")
    }

    // MARK: Finding 4: contrast

    /// The colours `--chart-…` of the light block, and of the dark and print blocks laid over it.
    private func palettes() throws -> [String: [String: String]] {
        let css = ChartStyles.css
        func colours(in block: Substring) -> [String: String] {
            var found: [String: String] = [:]
            let pattern = try? NSRegularExpression(pattern: #"--chart-([a-z-]+): (#[0-9a-f]{6});"#)
            let text = String(block)
            for match in pattern?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
                guard let name = Range(match.range(at: 1), in: text), let colour = Range(match.range(at: 2), in: text) else { continue }
                found[String(text[name])] = String(text[colour])
            }
            return found
        }
        let dark = try #require(css.range(of: "@media (prefers-color-scheme: dark)"))
        let print = try #require(css.range(of: "@media print"))
        let light = colours(in: css[..<dark.lowerBound])
        return [
            "light": light,
            "dark": light.merging(colours(in: css[dark.lowerBound..<print.lowerBound])) { $1 },
            "print": light.merging(colours(in: css[print.lowerBound...])) { $1 },
        ]
    }

    private func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    private func contrast(_ a: String, _ b: String) -> Double {
        let (high, low) = (max(luminance(a), luminance(b)), min(luminance(a), luminance(b)))
        return (high + 0.05) / (low + 0.05)
    }

    @Test func contrastRatiosAreKnownGoodValues() {
        #expect(abs(contrast("#ffffff", "#000000") - 21) < 0.01)
        #expect(abs(contrast("#a64200", "#1f5f99") - 1.08) < 0.01, "the pair the review measured")
    }

    /// Marks are kept apart by the background (bars have an outline in it, lines a halo), so each
    /// mark's colour only ever touches `--chart-bg`; text is drawn on it too.
    @Test func everyMarkHasThreeToOneAgainstTheBackgroundInEveryMode() throws {
        for (mode, colours) in try palettes() {
            let background = try #require(colours["bg"], "\(mode)")
            for mark in ["bar", "bar-other", "target", "pace", "today", "grid"] {
                let colour = try #require(colours[mark], "\(mode) \(mark)")
                #expect(contrast(colour, background) >= 3, "\(mode): --chart-\(mark) \(colour) on \(background) is \(contrast(colour, background)):1")
            }
            let text = try #require(colours["fg"])
            #expect(contrast(text, background) >= 4.5, "\(mode): text")
        }
    }

    @Test func theChartBackgroundIsThePageBackground() throws {
        let palettes = try palettes()
        let page = DefaultTheme.text("assets/style.css")
        #expect(page.contains("--bg: #fff;") && palettes["light"]?["bg"] == "#ffffff")
        #expect(page.contains("--bg: #111417;") && palettes["dark"]?["bg"] == "#111417")
        for rule in [".chart-bar { fill: var(--chart-bar); stroke: var(--chart-bg);", ".chart-bar-other { fill: var(--chart-bar-other); stroke: var(--chart-bg);",
                     ".chart-halo { stroke: var(--chart-bg);", ".chart-achieved-dot { fill: var(--chart-bar); stroke: var(--chart-bg);",
                     ".chart-svg text { fill: var(--chart-fg); font-family: inherit; paint-order: stroke; stroke: var(--chart-bg);"] {
            #expect(ChartStyles.css.contains(rule), "\(rule)")
        }
    }

    /// Each target line, range edge, pace line, running total and update marker is drawn right
    /// after a halo of the same shape.
    @Test func linesThatCrossOtherMarksHaveAHalo() throws {
        let json = TargetFixtures.sampleJSON.replacingOccurrences(of: #""target": 70"#, with: #""target": { "min": 58, "max": 62 }"#)
        let plan = try #require(TargetFixtures.load(json).plan)
        let pattern = try NSRegularExpression(pattern: #"<(line|path) ([^>]*?) class="(chart-target|chart-pace|chart-achieved-line|chart-today)"/>"#)
        var checked: Set<String> = []
        for chart in try charts(plan, on: "2021-07-01") {
            let drawing = svg(of: chart)
            for match in pattern.matches(in: drawing, range: NSRange(drawing.startIndex..., in: drawing)) {
                guard let whole = Range(match.range, in: drawing), let name = Range(match.range(at: 1), in: drawing),
                      let geometry = Range(match.range(at: 2), in: drawing), let kind = Range(match.range(at: 3), in: drawing) else { continue }
                if drawing[kind] == "chart-target", drawing[geometry].contains("y1=\"-1\"") || drawing[..<whole.lowerBound].hasSuffix("\"chart-legend\">") { continue }
                let prefix = drawing[..<whole.lowerBound]
                let inLegend = prefix.range(of: "<g class=\"chart-legend\">", options: .backwards).map { legend in
                    prefix[legend.upperBound...].contains("</g>") == false
                } ?? false
                if inLegend { continue }
                let halo = "<\(drawing[name]) \(drawing[geometry]) stroke-width="
                #expect(prefix.range(of: halo, options: .backwards) != nil && prefix.hasSuffix("class=\"chart-halo\"/>"),
                        "\(drawing[whole]) has no halo")
                checked.insert(String(drawing[kind]))
            }
        }
        #expect(checked == ["chart-target", "chart-pace", "chart-achieved-line", "chart-today"])
    }

    @Test func aRangeBandIsDrawnBehindTheBar() throws {
        let json = TargetFixtures.sampleJSON.replacingOccurrences(of: #""target": 70"#, with: #""target": { "min": 58, "max": 62 }"#)
        let plan = try #require(TargetFixtures.load(json).plan)
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let chart = try #require(ChartRenderer(language: .vi).areas(plan: plan, figures: figures, idPrefix: "a"))
        let row = try #require(chart.components(separatedBy: "<g class=\"chart-row\">").dropFirst(2).first)
        let band = try #require(row.range(of: "class=\"chart-target-band\"")?.lowerBound)
        let bar = try #require(row.range(of: "class=\"chart-bar\"")?.lowerBound)
        let edge = try #require(row.range(of: "class=\"chart-target\"")?.lowerBound)
        #expect(band < bar && bar < edge)
    }

    // MARK: Finding 12: the timeline's pace line and build-date marker

    private func attribute(_ name: String, of element: String) -> Double? {
        guard let start = element.range(of: " \(name)=\""), let end = element[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return Double(element[start.upperBound..<end])
    }

    /// For a range the dashed pace line ends at the minimum (the status threshold), where the
    /// hatched band's lower edge ends; the band reaches up to the maximum.
    @Test func theRangePaceLineLeadsToTheMinimum() throws {
        let json = TargetFixtures.sampleJSON.replacingOccurrences(of: #""target": 100"#, with: #""target": { "min": 80, "max": 120 }"#)
        let plan = try #require(TargetFixtures.load(json).plan)
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01"))
        let chart = try #require(ChartRenderer(language: .vi).timeline(plan: plan, figures: figures, idPrefix: "t"))
        let pace = try #require(chart.components(separatedBy: "<line ").first { $0.contains("class=\"chart-pace\"") && !$0.contains("x1=\"0\"") })
        let polygon = try #require(chart.range(of: #"points="[^"]*""#, options: .regularExpression).map { String(chart[$0]) })
        let corners = polygon.dropFirst("points=\"".count).dropLast().split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(corners.count == 3)
        #expect(attribute("y2", of: pace) == corners[1].last, "pace ends at the minimum's height")
        #expect(try #require(attribute("y2", of: pace)) > corners[2][1], "the maximum is higher up")
        #expect(chart.contains(">Tiến độ cần có tới mức tối thiểu</text>"))
        #expect(chart.contains("Đường tiến độ dẫn tới mức tối thiểu 80, mức dùng để đánh giá tình trạng."))
        let exact = try #require(ChartRenderer(language: .en).timeline(plan: try TargetFixtures.samplePlan(), figures: PlanFigures(plan: try TargetFixtures.samplePlan(), today: try TargetFixtures.date("2021-07-01")), idPrefix: "t"))
        #expect(exact.contains(">Pace to target</text>") && !exact.contains("minimum"))
    }

    @Test func theUpdateMarkerShowsOnlyDuringThePeriodAndTheDescriptionSaysWhy() throws {
        let plan = try TargetFixtures.samplePlan()
        func chart(_ iso: String, _ language: Language = .vi) throws -> String {
            try #require(ChartRenderer(language: language).timeline(plan: plan, figures: PlanFigures(plan: plan, today: try TargetFixtures.date(iso)), idPrefix: "t"))
        }
        let during = try chart("2021-07-01")
        #expect(during.contains("class=\"chart-today\"") && during.contains(">Cập nhật 01/07/2021</text>"))
        #expect(!during.contains("Kỳ kế hoạch chưa bắt đầu") && !during.contains("đã kết thúc"))
        let before = try chart("2020-12-31")
        #expect(!before.contains("class=\"chart-today\""))
        #expect(before.contains("Kỳ kế hoạch chưa bắt đầu.</desc>"))
        let after = try chart("2022-01-01", .en)
        #expect(!after.contains("class=\"chart-today\""))
        #expect(after.contains("The plan’s period ended on 31/12/2021.</desc>"))
    }

    @Test func aMarketsChartWithNothingReportedYetSaysSo() throws {
        let plan = try TargetFixtures.samplePlan()
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date("2020-12-31"))
        let chart = try #require(ChartRenderer(language: .vi).markets(plan: plan, figures: figures, marketNames: [:], idPrefix: "m"))
        #expect(chart.contains(">Chưa có số liệu tính đến ngày</text>") && chart.contains(">31/12/2020.</text>"))
        #expect(chart.contains("<desc id=\"m-desc\">Đưa người lao động đi làm việc ở nước ngoài năm 2021: chưa có số liệu tính đến ngày 31/12/2020.</desc>"))
        #expect(ChartRenderer(language: .vi).markets(plan: plan, figures: figures, area: "xa-d", marketNames: [:], idPrefix: "m") == nil,
                "xã D never reports by market")
    }
}
