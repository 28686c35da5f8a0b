import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NhipCauCore
import NhipCauLoad
import NhipCauSite
@testable import NhipCauRender

/// `maps/<area-id>.geojson`: the loader's checks (each names the feature's index), and the
/// choropleth drawn from it: classes, patterns, labels, description, table, size.
@Suite("Area maps")
struct AreaMapTests {
    private static let goldenFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden/targets")

    /// Huyện A (west) and Huyện B (east) of TargetFixtures' sample plan, as two squares.
    static let twoAreas = """
    {"type": "FeatureCollection", "name": "Sơ đồ minh họa",
     "features": [
      {"type": "Feature", "properties": {"id": "huyen-a"},
       "geometry": {"type": "Polygon", "coordinates": [[[108.0, 11.0], [108.5, 11.0], [108.5, 11.5], [108.0, 11.5], [108.0, 11.0]]]}},
      {"type": "Feature", "properties": {"id": "huyen-b"},
       "geometry": {"type": "MultiPolygon", "coordinates": [[[[108.5, 11.0], [109.0, 11.0], [109.0, 11.5], [108.5, 11.5], [108.5, 11.0]]]]}}
     ]}
    """

    private func load(_ text: String, id: String = "tinh-mau") -> (map: AreaMap?, diagnostics: [Diagnostic]) {
        AreaMapLoader.load(id: id, file: "maps/\(id).geojson", data: Array(text.utf8))
    }

    private func messages(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { $0.formatted(in: .en) } }

    @Test func aFeatureCollectionOfPolygonsLoads() throws {
        let (map, diagnostics) = load(Self.twoAreas)
        #expect(diagnostics.isEmpty, "\(messages(diagnostics))")
        let loaded = try #require(map)
        #expect(loaded.features.map(\.areaId) == ["huyen-a", "huyen-b"])
        #expect(loaded.note == "Sơ đồ minh họa")
        #expect(loaded.features[1].polygons.count == 1)
    }

    @Test func eachProblemNamesTheFeatureIndexAndPath() {
        let text = """
        {"type": "FeatureCollection", "features": [
         {"type": "Feature", "properties": {"name": "không có mã"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
         {"type": "Feature", "properties": {"id": "b"}, "geometry": {"type": "Point", "coordinates": [0, 0]}},
         {"type": "Feature", "properties": {"id": "c"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1]]]}},
         {"type": "Feature", "properties": {"id": "d"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],["x",1],[0,0]]]}}
        ]}
        """
        let (map, diagnostics) = load(text)
        #expect(map == nil)
        let shown = messages(diagnostics)
        #expect(shown.count == 4, "\(shown)")
        #expect(shown[0].contains("features[0].properties.id: Feature 0 (counting from 0) has no `properties.id`"), "\(shown)")
        #expect(shown[1].contains("features[1].geometry.type: Feature 1 (counting from 0) has a `Point` geometry"), "\(shown)")
        #expect(shown[2].contains("features[2].geometry.coordinates[0]: Feature 2 (counting from 0): a ring has 3 points"), "\(shown)")
        #expect(shown[3].contains("features[3].geometry.coordinates[0][2]: Feature 3"), "\(shown)")
        #expect(shown[0].hasPrefix("maps/tinh-mau.geojson:2:"), "\(shown)")
    }

    @Test func aSelfIntersectingRingIsAWarningWithItsEdges() throws {
        // A bow tie: edge 0 (0,0)→(1,1) crosses edge 2 (1,0)→(0,1).
        let text = """
        {"type": "FeatureCollection", "features": [
         {"type": "Feature", "properties": {"id": "no"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}
        ]}
        """
        let (map, diagnostics) = load(text)
        #expect(map != nil)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(messages(diagnostics).first?.contains("features[0].geometry.coordinates[0]: Feature 0 (counting from 0): the outline crosses itself (edge 0 crosses edge 2)") == true,
                "\(messages(diagnostics))")
        #expect(MapGeometry.selfIntersection([MapPoint(longitude: 0, latitude: 0), MapPoint(longitude: 1, latitude: 0),
                                              MapPoint(longitude: 1, latitude: 1), MapPoint(longitude: 0, latitude: 1),
                                              MapPoint(longitude: 0, latitude: 0)]) == nil)
    }

    @Test func notGeoJSONAndDuplicateIdsAreErrors() {
        #expect(messages(load("{\"type\": \"Feature\"}").diagnostics).first?.contains("must be a GeoJSON FeatureCollection") == true)
        #expect(messages(load("{\"type\": \"FeatureCollection\", \"features\": []}").diagnostics).first?.contains("has no areas") == true)
        let twice = Self.twoAreas.replacingOccurrences(of: "\"huyen-b\"", with: "\"huyen-a\"")
        #expect(messages(load(twice).diagnostics).first?.contains("features[1].properties.id: The area id `huyen-a` is already used by feature 0") == true)
        #expect(messages(load("{\"type\": ").diagnostics).first?.contains("not valid JSON") == true)
    }

    private func chart(_ language: Language = .vi, on iso: String = "2021-07-01") throws -> String {
        let plan = try TargetFixtures.samplePlan()
        let figures = PlanFigures(plan: plan, today: try TargetFixtures.date(iso))
        let map = try #require(load(Self.twoAreas).map)
        return try #require(ChartRenderer(language: language).map(map, plan: plan, figures: figures, idPrefix: "ban-do"))
    }

    private func compareWithGolden(_ output: String, name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: url)
        }
        let golden = try Data(contentsOf: url)
        #expect(golden == Data(output.utf8), "\(name) differs from the golden file; run with NHIPCAU_UPDATE_GOLDEN=1 if the change is intended")
    }

    @Test func theMapMatchesGolden() throws {
        try compareWithGolden(try chart(.vi), name: "map-vi.html")
        try compareWithGolden(try chart(.en), name: "map-en.html")
    }

    /// On 1/7/2021 huyện A has 30 of 30 (met); huyện B 20 of 70, 28.6%, behind (half the year gone).
    @Test func classesPatternsAndTheDescriptionSayTheSameAsTheTable() throws {
        let markup = try chart()
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: markup, options: []) }
        #expect(markup.contains("role=\"img\""))
        #expect(markup.contains("class=\"chart-map-area chart-map-full\""))
        #expect(markup.contains("class=\"chart-map-area chart-map-low\""))
        // "Behind" is dots over the fill, not a colour of its own.
        #expect(markup.components(separatedBy: "fill=\"url(#ban-do-hatch-behind)\" class=\"chart-map-behind\"").count - 1 == 2, "one area and the legend")
        #expect(markup.contains("<desc id=\"ban-do-desc\">Bản đồ 2 địa bàn của Đưa người lao động đi làm việc ở nước ngoài năm 2021. Đạt từ 100% chỉ tiêu: Huyện A; Dưới 50%: Huyện B; chậm tiến độ hoặc không đạt: Huyện B.</desc>"),
                "\(markup)")
        #expect(markup.contains("<td class=\"chart-number\">28,6%</td>"))
        #expect(markup.contains("Sơ đồ minh họa"))
        // Labels: the name without its kind, and the percent.
        #expect(markup.contains(">A</tspan>") && markup.contains(">100%</tspan>"))
    }

    @Test func anAreaWithoutReportsIsHatchedAsNoData() throws {
        let markup = try chart(on: "2021-02-01")
        #expect(markup.contains("fill=\"url(#ban-do-hatch-nodata)\""))
        #expect(markup.contains("Chưa có số liệu hoặc chỉ tiêu: Huyện A, Huyện B"))
    }

    /// 20,000 points on a circle: simplified until the chart is under 30 KB, still a closed shape.
    @Test func aDetailedOutlineIsSimplifiedUnderThirtyKilobytes() throws {
        let points = (0...20_000).map { index -> String in
            let angle = Double(index % 20_000) / 20_000 * 2 * Double.pi
            let wobble = index % 2 == 0 ? 0.0005 : -0.0005
            return "[\(108.5 + (0.3 + wobble) * cos(angle)), \(11.5 + (0.3 + wobble) * sin(angle))]"
        }
        let text = """
        {"type": "FeatureCollection", "features": [
         {"type": "Feature", "properties": {"id": "huyen-a"}, "geometry": {"type": "Polygon", "coordinates": [[\(points.joined(separator: ","))]]}},
         {"type": "Feature", "properties": {"id": "huyen-b"}, "geometry": {"type": "Polygon", "coordinates": [[[109,11],[109.5,11],[109.5,11.5],[109,11]]]}}
        ]}
        """
        let map = try #require(load(text).map)
        let plan = try TargetFixtures.samplePlan()
        let markup = try #require(ChartRenderer(language: .vi).map(map, plan: plan, figures: PlanFigures(plan: plan, today: try TargetFixtures.date("2021-07-01")), idPrefix: "lon"))
        #expect(markup.utf8.count <= 30_000, "\(markup.utf8.count) bytes")
        #expect(markup.utf8.count > 3_000)
        #expect(throws: Never.self) { _ = try XMLDocument(xmlString: markup, options: []) }
    }

    @Test func simplificationKeepsCornersAndDropsPointsOnAStraightEdge() {
        let square = [(0.0, 0.0), (5.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 5.0), (0.0, 0.0)]
        let simplified = Simplify.ring(square, tolerance: 0.5)
        #expect(simplified.map { "\($0.0),\($0.1)" } == ["0.0,0.0", "10.0,0.0", "10.0,10.0", "0.0,10.0", "0.0,0.0"])
    }

    @Test func aMapFitsAPlanWhoseTopLevelAreasItHolds() throws {
        let plan = try TargetFixtures.samplePlan()
        let map = try #require(load(Self.twoAreas).map)
        #expect(Site.map(map, fits: plan))
        let oneArea = try #require(load(Self.twoAreas.replacingOccurrences(of: "\"huyen-b\"", with: "\"huyen-z\"")).map)
        #expect(!Site.map(oneArea, fits: plan))
    }
}
