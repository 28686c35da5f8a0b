import NhipCauCore

/// The boundaries of an area's sub-areas, read from `content/maps/<area-id>.geojson`: a GeoJSON
/// FeatureCollection whose features are Polygons or MultiPolygons, each with `properties.id`
/// naming an area. Plan and area pages colour these by share of target (a choropleth).
public struct AreaMap: Sendable, Hashable {
    /// The file name without `.geojson`: the area whose sub-areas the map shows.
    public let id: String
    /// Path relative to `content/`, e.g. `maps/ninh-thuan.geojson`.
    public let sourceFile: String
    /// `properties.name` of the collection or the file's `name` member, e.g. "sơ đồ minh họa".
    public let note: String?
    public let features: [MapFeature]

    public init(id: String, sourceFile: String, note: String?, features: [MapFeature]) {
        self.id = id
        self.sourceFile = sourceFile
        self.note = note
        self.features = features
    }

    public var areaIds: Set<String> { Set(features.map(\.areaId)) }

    public func feature(_ areaId: String) -> MapFeature? { features.first { $0.areaId == areaId } }
}

/// One area's shape: polygons, each an outer ring then its holes, in longitude/latitude.
public struct MapFeature: Sendable, Hashable {
    /// Position in the file's `features` list, from 0, for messages.
    public let index: Int
    public let areaId: String
    public let polygons: [[[MapPoint]]]
    public let location: SourceLocation

    public init(index: Int, areaId: String, polygons: [[[MapPoint]]], location: SourceLocation) {
        self.index = index
        self.areaId = areaId
        self.polygons = polygons
        self.location = location
    }
}

public struct MapPoint: Sendable, Hashable {
    public let longitude: Double
    public let latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// Reads a map file; every problem names the file, line, column and the JSON path with the
/// feature's index (`features[2].geometry.coordinates[0]`).
public enum AreaMapLoader {
    /// More points than any province outline needs after simplification; keeps hostile files cheap.
    static let maximumPoints = 200_000

    public static func load(id: String, file: String, data: [UInt8]) -> (map: AreaMap?, diagnostics: [Diagnostic]) {
        let root: JSONNode
        switch JSONNode.parse(data) {
        case .success(let node):
            root = node
        case .failure(let error):
            let location = SourceLocation(file: file, line: error.line, column: error.column)
            return (nil, [Diagnostic(.error, location, LocalizedText("load.fileNotValidJson", ["errorMessage": .message(error.message)]))])
        }
        var reader = MapReader(file: file)
        if !VietnameseText.isValidSlug(id) {
            reader.diagnostics.append(.error(SourceLocation(file: file), "map.fileNameNotAreaId", ["id": "\(id)"]))
        }
        let features = reader.collection(root)
        let note = root["name"].flatMap(MapReader.string) ?? root["properties"]?["name"].flatMap(MapReader.string)
        let hasErrors = reader.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : AreaMap(id: id, sourceFile: file, note: note, features: features), reader.diagnostics)
    }
}

private struct MapReader {
    let file: String
    var diagnostics: [Diagnostic] = []
    var pointCount = 0

    init(file: String) { self.file = file }

    static func string(_ node: JSONNode) -> String? {
        guard case .string(let text) = node.value else { return nil }
        let trimmed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return trimmed.isEmpty ? nil : trimmed
    }

    mutating func collection(_ root: JSONNode) -> [MapFeature] {
        guard root["type"].flatMap(Self.string) == "FeatureCollection", case .array(let elements)? = root["features"]?.value else {
            report(.error, root, "", "map.notFeatureCollection")
            return []
        }
        var features: [MapFeature] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            guard let feature = feature(element, index: index) else { continue }
            if let first = firstIndex[feature.areaId] {
                report(.error, element, "features[\(index)].properties.id", "map.featureIdTwice",
                       ["id": "\(feature.areaId)", "first": "\(first)"])
                continue
            }
            firstIndex[feature.areaId] = index
            features.append(feature)
        }
        if features.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
            report(.error, root, "features", "map.noFeatures")
        }
        return features
    }

    private mutating func feature(_ node: JSONNode, index: Int) -> MapFeature? {
        let path = "features[\(index)]"
        guard let idNode = node["properties"]?["id"], let id = Self.string(idNode) else {
            report(.error, node["properties"] ?? node, path + ".properties.id", "map.featureWithoutId", ["index": "\(index)"])
            return nil
        }
        guard VietnameseText.isValidSlug(id) else {
            report(.error, idNode, path + ".properties.id", "load.idNotValidUse", ["value": "\(id)", "slug": "\(VietnameseText.slug(id))"])
            return nil
        }
        guard let geometry = node["geometry"], let type = geometry["type"].flatMap(Self.string) else {
            report(.error, node, path + ".geometry", "map.geometryNotPolygon", ["index": "\(index)", "type": "—"])
            return nil
        }
        let coordinatesPath = path + ".geometry.coordinates"
        guard let coordinates = geometry["coordinates"] else {
            report(.error, geometry, coordinatesPath, "map.ringNotValid", ["index": "\(index)"])
            return nil
        }
        let polygons: [[[MapPoint]]]?
        switch type {
        case "Polygon":
            polygons = polygon(coordinates, path: coordinatesPath, index: index).map { [$0] }
        case "MultiPolygon":
            polygons = list(coordinates, path: coordinatesPath, index: index)?.enumerated().map { part, element in
                polygon(element, path: "\(coordinatesPath)[\(part)]", index: index)
            }.reduce([[[MapPoint]]]?.some([])) { all, one in
                guard let all, let one else { return nil }
                return all + [one]
            } ?? nil
        default:
            report(.error, geometry, path + ".geometry.type", "map.geometryNotPolygon", ["index": "\(index)", "type": "\(type)"])
            return nil
        }
        guard let polygons else { return nil }
        return MapFeature(index: index, areaId: id, polygons: polygons,
                          location: SourceLocation(file: file, line: node.line, column: node.column, jsonPath: path))
    }

    private mutating func list(_ node: JSONNode, path: String, index: Int) -> [JSONNode]? {
        guard case .array(let elements) = node.value, !elements.isEmpty else {
            report(.error, node, path, "map.ringNotValid", ["index": "\(index)"])
            return nil
        }
        return elements
    }

    private mutating func polygon(_ node: JSONNode, path: String, index: Int) -> [[MapPoint]]? {
        guard let rings = list(node, path: path, index: index) else { return nil }
        var result: [[MapPoint]] = []
        for (number, ringNode) in rings.enumerated() {
            let ringPath = "\(path)[\(number)]"
            guard let ring = ring(ringNode, path: ringPath, index: index) else { return nil }
            if let crossing = MapGeometry.selfIntersection(ring) {
                report(.warning, ringNode, ringPath, "map.ringCrossesItself",
                       ["index": "\(index)", "segment": "\(crossing.0)", "segment2": "\(crossing.1)"])
            }
            result.append(ring)
        }
        return result
    }

    /// At least four positions, the last equal to the first, each `[longitude, latitude]` in range.
    private mutating func ring(_ node: JSONNode, path: String, index: Int) -> [MapPoint]? {
        guard let positions = list(node, path: path, index: index) else { return nil }
        var points: [MapPoint] = []
        for (number, position) in positions.enumerated() {
            guard case .array(let pair) = position.value, pair.count >= 2,
                  let longitude = Self.number(pair[0]), let latitude = Self.number(pair[1]),
                  (-180...180).contains(longitude), (-90...90).contains(latitude) else {
                report(.error, position, "\(path)[\(number)]", "map.positionNotValid", ["index": "\(index)"])
                return nil
            }
            points.append(MapPoint(longitude: longitude, latitude: latitude))
        }
        pointCount += points.count
        guard pointCount <= AreaMapLoader.maximumPoints else {
            report(.error, node, path, "map.tooManyPoints", ["maximum": "\(AreaMapLoader.maximumPoints)"])
            return nil
        }
        guard points.count >= 4, points.first == points.last else {
            report(.error, node, path, "map.ringNotClosed", ["index": "\(index)", "count": "\(points.count)"])
            return nil
        }
        return points
    }

    private static func number(_ node: JSONNode) -> Double? {
        switch node.value {
        case .integer(let whole): Double(whole)
        case .number(let value) where value.isFinite: value
        default: nil
        }
    }

    private mutating func report(_ severity: Severity, _ node: JSONNode, _ path: String, _ key: String,
                                 _ arguments: [String: MessageArgument] = [:]) {
        let location = SourceLocation(file: file, line: node.line, column: node.column, jsonPath: path.isEmpty ? nil : path)
        diagnostics.append(Diagnostic(severity, location, LocalizedText(key, arguments)))
    }
}

/// Plane geometry on rings of points, shared by the loader's checks and the map drawing.
public enum MapGeometry {
    /// The first pair of non-adjacent edges of a closed ring that cross or touch, as edge indexes
    /// from 0; nil for a simple ring. Quadratic, which is fine for the few hundred points of a
    /// district outline (and capped by `AreaMapLoader.maximumPoints` overall).
    public static func selfIntersection(_ ring: [MapPoint]) -> (Int, Int)? {
        let edges = ring.count - 1
        guard edges >= 3, edges <= 5_000 else { return nil }
        for first in 0..<edges {
            let a = ring[first], b = ring[first + 1]
            for second in stride(from: first + 2, to: edges, by: 1) where !(first == 0 && second == edges - 1) {
                if segmentsCross(a, b, ring[second], ring[second + 1]) { return (first, second) }
            }
        }
        return nil
    }

    static func segmentsCross(_ p1: MapPoint, _ p2: MapPoint, _ q1: MapPoint, _ q2: MapPoint) -> Bool {
        let d1 = orientation(q1, q2, p1), d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1), d4 = orientation(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) { return true }
        return (d1 == 0 && onSegment(q1, q2, p1)) || (d2 == 0 && onSegment(q1, q2, p2))
            || (d3 == 0 && onSegment(p1, p2, q1)) || (d4 == 0 && onSegment(p1, p2, q2))
    }

    private static func orientation(_ a: MapPoint, _ b: MapPoint, _ c: MapPoint) -> Double {
        (b.longitude - a.longitude) * (c.latitude - a.latitude) - (b.latitude - a.latitude) * (c.longitude - a.longitude)
    }

    private static func onSegment(_ a: MapPoint, _ b: MapPoint, _ p: MapPoint) -> Bool {
        min(a.longitude, b.longitude) <= p.longitude && p.longitude <= max(a.longitude, b.longitude)
            && min(a.latitude, b.latitude) <= p.latitude && p.latitude <= max(a.latitude, b.latitude)
    }
}
