#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// A choropleth of a plan's areas (or an area's sub-areas) drawn from `maps/<area-id>.geojson`:
/// each area filled by its share of target in four classes, "no data" as a hatching and
/// "behind" as dots over the fill (so neither is told by colour alone), a label with the name and
/// percent, and the same numbers as a table.
extension ChartRenderer {
    /// Nil when no feature of the map is an area of the plan at this level.
    public func map(_ map: AreaMap, plan: TargetPlan, figures: PlanFigures, parentArea: String? = nil, idPrefix: String) -> String? {
        let children: [PlanArea]
        let parentName: String
        if let parentArea {
            guard let parent = plan.area(id: parentArea) else { return nil }
            (children, parentName) = (parent.areas, parent.name)
        } else {
            (children, parentName) = (plan.areas, plan.title)
        }
        let childIds = Set(children.map(\.id))
        let regions = map.features.map { feature in
            MapRegion(feature: feature, figures: childIds.contains(feature.areaId) ? figures.areas[feature.areaId] : nil,
                      name: children.first { $0.id == feature.areaId }?.name ?? feature.areaId)
        }
        guard regions.contains(where: { $0.figures != nil }) else { return nil }
        let words = ChartWording(wording: wording)
        let notes = [plan.isSample ? words.sampleNote : nil, map.note].compactMap { $0 }
        var chart = ChartFrame(kind: "map", idPrefix: idPrefix, title: words.say("chart.mapTitle", ["parentName": parentName]),
                               description: mapDescription(regions, parentName: parentName, words: words), height: 0,
                               wording: wording, note: notes.isEmpty ? nil : notes.joined(separator: ". "))
        let drawing = MapDrawing(regions: regions, idPrefix: chart.hatchId, words: words)
        chart = chart.with(height: drawing.height)
        return chart.render(drawing: drawing.markup, table: mapTable(regions, words: words))
    }

    private func mapDescription(_ regions: [MapRegion], parentName: String, words: ChartWording) -> String {
        let count = words.numbers.integer(regions.count)
        var parts: [String] = []
        for shareClass in MapClass.allCases {
            let names = regions.filter { $0.shareClass == shareClass }.map(\.name)
            guard !names.isEmpty else { continue }
            parts.append(words.say("chart.mapClassAreas", ["class": shareClass.label(words), "names": names.joined(separator: ", ")]))
        }
        let behind = regions.filter(\.isBehind).map(\.name)
        if !behind.isEmpty { parts.append(words.say("chart.mapBehindAreas", ["names": behind.joined(separator: ", ")])) }
        return words.say("chart.mapLead", ["count": count, "parentName": parentName]) + parts.joined(separator: "; ") + "."
    }

    private func mapTable(_ regions: [MapRegion], words: ChartWording) -> DataTable {
        DataTable(
            headers: [words.say("area"), words.say("target"), words.say("chart.achieved"), words.say("chart.percent"),
                      words.say("chart.mapClass"), words.say("status")],
            rows: regions.map { region in
                guard let item = region.figures else {
                    return [region.name, "—", "—", "—", MapClass.noData.label(words), MapClass.noData.label(words)]
                }
                return [region.name, words.target(item.target), words.numbers.integer(item.achieved),
                        words.percent(ofMin: item.percentOfMin, ofMax: item.percentOfMax),
                        region.shareClass.label(words), words.status(item.status)]
            },
            numericColumns: [1, 2, 3])
    }
}

/// Share of the (minimum) target reached, in four classes; areas without a target or without
/// reports are "no data".
enum MapClass: String, CaseIterable {
    case full, high, middle, low, noData

    init(share: Double?) {
        guard let share else { self = .noData; return }
        switch share {
        case 1...: self = .full
        case 0.75..<1: self = .high
        case 0.5..<0.75: self = .middle
        default: self = .low
        }
    }

    func label(_ words: ChartWording) -> String {
        switch self {
        case .full: words.say("chart.mapClassFull")
        case .high: words.say("chart.mapClassHigh")
        case .middle: words.say("chart.mapClassMiddle")
        case .low: words.say("chart.mapClassLow")
        case .noData: words.say("chart.mapClassNoData")
        }
    }
    var cssClass: String { "chart-map-\(rawValue)" }
}

struct MapRegion {
    let feature: MapFeature
    let figures: ProgressFigures?
    let name: String

    var shareClass: MapClass {
        guard let figures, figures.status != .noData, figures.status != .notStarted else { return .noData }
        return MapClass(share: figures.percentOfMin)
    }

    var isBehind: Bool { figures?.status == .behind || figures?.status == .notMet }

    /// "Ninh Sơn" for "Huyện Ninh Sơn": maps name places without their kind, and the table keeps the full name.
    var shortName: String {
        for prefix in ["Thành phố ", "Thị xã ", "Thị trấn ", "Huyện ", "Quận ", "Phường ", "Xã ", "Tỉnh "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}

/// The projected, simplified shapes, labels and legend, sized to the chart width.
struct MapDrawing {
    /// The drawing's budget: with the figure, table and labels a map stays under 30 KB.
    static let maximumPathBytes = 22_000
    static let mapHeight = 300.0
    static let margin = 4.0

    let markup: String
    let height: Double

    init(regions: [MapRegion], idPrefix: String, words: ChartWording) {
        let projection = Projection(regions.flatMap { $0.feature.polygons.flatMap { $0.flatMap { $0 } } },
                                    width: ChartFrame.width - 2 * Self.margin, height: Self.mapHeight, margin: Self.margin)
        let noDataId = idPrefix + "-nodata", behindId = idPrefix + "-behind"
        var tolerance = 0.25
        var shapes = Self.shapes(regions, projection: projection, tolerance: tolerance, noDataId: noDataId, behindId: behindId)
        while shapes.utf8.count > Self.maximumPathBytes && tolerance < 64 {
            tolerance *= 2
            shapes = Self.shapes(regions, projection: projection, tolerance: tolerance, noDataId: noDataId, behindId: behindId)
        }
        let labels = regions.map { Self.label($0, projection: projection, words: words) }.joined()
        let legendItems = Self.legend(regions, words: words)
        let legendTop = projection.usedHeight + 2 * Self.margin + 6
        let lineHeight = ChartText.lineHeight(ChartText.small) + 4
        let legend = legendItems.enumerated().map { index, item in
            Self.legendRow(item, top: legendTop + Double(index) * lineHeight, noDataId: noDataId, behindId: behindId)
        }.joined()
        markup = Self.patterns(noDataId: noDataId, behindId: behindId) + "\n" + shapes + "\n"
            + Markup.element("g", [("class", "chart-map-labels")], labels) + "\n"
            + Markup.element("g", [("class", "chart-legend")], legend)
        height = (legendTop + Double(legendItems.count) * lineHeight + 2).rounded(.up)
    }

    private static func patterns(noDataId: String, behindId: String) -> String {
        let hatch = Markup.element("pattern", [("id", noDataId), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"),
                                               ("patternTransform", "rotate(45)")],
                                   Markup.element("rect", [("width", "6"), ("height", "6"), ("class", "chart-map-nodata-ground")])
                                   + Markup.element("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("class", "chart-map-nodata-line")]))
        let dots = Markup.element("pattern", [("id", behindId), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse")],
                                  Markup.element("circle", [("cx", "3"), ("cy", "3"), ("r", "1.4"), ("class", "chart-map-dot")]))
        return Markup.element("defs", [], hatch + dots)
    }

    private static func shapes(_ regions: [MapRegion], projection: Projection, tolerance: Double, noDataId: String, behindId: String) -> String {
        regions.map { region in
            let path = region.feature.polygons.map { polygon in
                polygon.map { ring in ringPath(Simplify.ring(ring.map(projection.point), tolerance: tolerance)) }.joined()
            }.joined()
            let shareClass = region.shareClass
            var attributes = [("d", path), ("class", "chart-map-area " + shareClass.cssClass), ("fill-rule", "evenodd")]
            if shareClass == .noData { attributes.insert(("fill", "url(#\(noDataId))"), at: 1) }
            var markup = Markup.element("path", attributes)
            if region.isBehind {
                markup += Markup.element("path", [("d", path), ("fill", "url(#\(behindId))"), ("class", "chart-map-behind"), ("fill-rule", "evenodd")])
            }
            return markup
        }.joined(separator: "\n")
    }

    private static func ringPath(_ points: [(Double, Double)]) -> String {
        guard let first = points.first else { return "" }
        var path = "M" + Markup.number(first.0) + " " + Markup.number(first.1)
        for point in points.dropFirst().dropLast() {
            path += "L" + Markup.number(point.0) + " " + Markup.number(point.1)
        }
        return path + "Z"
    }

    /// The short name and the percent (or "—") at the centre of the largest outer ring.
    private static func label(_ region: MapRegion, projection: Projection, words: ChartWording) -> String {
        let rings = region.feature.polygons.compactMap(\.first).map { $0.map(projection.point) }
        guard let largest = rings.max(by: { abs(Simplify.area($0)) < abs(Simplify.area($1)) }) else { return "" }
        let centre = Simplify.centroid(largest)
        let figure = region.figures?.percentOfMin.map { words.numbers.percent($0) } ?? "—"
        let size = ChartText.small
        let lines = ChartText.wrap(region.shortName, size: size, width: 84)
        let lineHeight = ChartText.lineHeight(size)
        let top = centre.1 - Double(lines.count) * lineHeight / 2 + size * 0.35
        let names = lines.enumerated().map { index, line in
            Markup.text("tspan", [("x", Markup.number(centre.0)), ("dy", index == 0 ? "0" : Markup.number(lineHeight))], line)
        }.joined()
        let value = Markup.text("tspan", [("x", Markup.number(centre.0)), ("dy", Markup.number(lineHeight)), ("class", "chart-value")], figure)
        return Markup.element("text", [("x", Markup.number(centre.0)), ("y", Markup.number(top)), ("text-anchor", "middle"),
                                       ("font-size", Markup.number(size))], names + value)
    }

    private static func legend(_ regions: [MapRegion], words: ChartWording) -> [(mark: String, label: String)] {
        var items = MapClass.allCases.filter { shareClass in regions.contains { $0.shareClass == shareClass } }
            .map { (mark: $0.rawValue, label: $0.label(words)) }
        if regions.contains(where: \.isBehind) { items.append((mark: "behind", label: words.say("chart.mapBehind"))) }
        return items
    }

    private static func legendRow(_ item: (mark: String, label: String), top: Double, noDataId: String, behindId: String) -> String {
        let box: [(String, String)] = [("x", Markup.number(margin)), ("y", Markup.number(top)), ("width", "14"), ("height", "14")]
        var swatch: String
        switch item.mark {
        case "behind":
            swatch = Markup.element("rect", box + [("class", "chart-map-area chart-map-low")])
                + Markup.element("rect", box + [("fill", "url(#\(behindId))"), ("class", "chart-map-behind")])
        case MapClass.noData.rawValue:
            swatch = Markup.element("rect", box + [("fill", "url(#\(noDataId))"), ("class", "chart-map-area chart-map-nodata")])
        default:
            swatch = Markup.element("rect", box + [("class", "chart-map-area chart-map-\(item.mark)")])
        }
        swatch += Markup.text("text", [("x", Markup.number(margin + 20)), ("y", Markup.number(top + 11.5)),
                                       ("font-size", Markup.number(ChartText.small))], item.label)
        return swatch
    }
}

/// Equirectangular with longitude scaled by the cosine of the middle latitude: true shapes at a
/// province's size, and the same numbers on every machine.
struct Projection {
    let minLongitude: Double, maxLatitude: Double, xScale: Double, scale: Double, margin: Double, offsetX: Double
    let usedHeight: Double

    init(_ points: [MapPoint], width: Double, height: Double, margin: Double) {
        let longitudes = points.map(\.longitude), latitudes = points.map(\.latitude)
        let minLon = longitudes.min() ?? 0, maxLon = longitudes.max() ?? 1
        let minLat = latitudes.min() ?? 0, maxLat = latitudes.max() ?? 1
        let cosine = Swift.max(0.01, cos((minLat + maxLat) / 2 * .pi / 180))
        let spanX = Swift.max((maxLon - minLon) * cosine, 1e-9), spanY = Swift.max(maxLat - minLat, 1e-9)
        scale = Swift.min(width / spanX, height / spanY)
        minLongitude = minLon
        maxLatitude = maxLat
        xScale = cosine
        self.margin = margin
        offsetX = (width - spanX * scale) / 2
        usedHeight = spanY * scale
    }

    func point(_ point: MapPoint) -> (Double, Double) {
        (margin + offsetX + (point.longitude - minLongitude) * xScale * scale, margin + (maxLatitude - point.latitude) * scale)
    }
}

/// Douglas–Peucker on a closed ring in drawing units, and the plane formulas labels need.
enum Simplify {
    static func ring(_ points: [(Double, Double)], tolerance: Double) -> [(Double, Double)] {
        guard points.count > 4 else { return points }
        // Split the closed ring at its first point and the point farthest from it, then simplify both halves.
        let start = points[0]
        let far = (1..<(points.count - 1)).max { distanceSquared(points[$0], start) < distanceSquared(points[$1], start) } ?? 1
        let first = line(Array(points[0...far]), tolerance: tolerance)
        let second = line(Array(points[far...]), tolerance: tolerance)
        let simplified = first + second.dropFirst()
        return simplified.count >= 4 ? simplified : points
    }

    static func line(_ points: [(Double, Double)], tolerance: Double) -> [(Double, Double)] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (from, to) = stack.popLast() {
            guard to - from > 1 else { continue }
            var farthest = from, distance = -1.0
            for index in (from + 1)..<to {
                let d = segmentDistance(points[index], points[from], points[to])
                if d > distance { (farthest, distance) = (index, d) }
            }
            if distance > tolerance {
                keep[farthest] = true
                stack.append((from, farthest))
                stack.append((farthest, to))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    private static func distanceSquared(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        (a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)
    }

    private static func segmentDistance(_ p: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let lengthSquared = distanceSquared(a, b)
        guard lengthSquared > 0 else { return distanceSquared(p, a).squareRoot() }
        let t = Swift.max(0, Swift.min(1, ((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / lengthSquared))
        return distanceSquared(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).squareRoot()
    }

    /// Signed area (shoelace).
    static func area(_ ring: [(Double, Double)]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in 0..<(ring.count - 1) {
            sum += ring[index].0 * ring[index + 1].1 - ring[index + 1].0 * ring[index].1
        }
        return sum / 2
    }

    static func centroid(_ ring: [(Double, Double)]) -> (Double, Double) {
        let signedArea = area(ring)
        guard abs(signedArea) > 1e-9 else {
            let count = Double(Swift.max(ring.count, 1))
            return (ring.reduce(0) { $0 + $1.0 } / count, ring.reduce(0) { $0 + $1.1 } / count)
        }
        var x = 0.0, y = 0.0
        for index in 0..<(ring.count - 1) {
            let cross = ring[index].0 * ring[index + 1].1 - ring[index + 1].0 * ring[index].1
            x += (ring[index].0 + ring[index + 1].0) * cross
            y += (ring[index].1 + ring[index + 1].1) * cross
        }
        return (x / (6 * signedArea), y / (6 * signedArea))
    }
}
