/// The data a template reads: what a view model becomes once it is encoded. Rendering looks names up
/// in these values directly, with no dynamic casts or reflection.
public enum TemplateValue: Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([TemplateValue])
    case object(TemplateObject)
    case null

    /// Sections leave out their block for these; every other value, even `""` and `0`, shows it.
    var isFalsy: Bool {
        switch self {
        case .null, .bool(false): true
        case .list(let items): items.isEmpty
        default: false
        }
    }
}

/// Named fields in the order they were encoded. View models have a handful of fields, where
/// comparing names one by one beats hashing; larger objects are indexed once.
public final class TemplateObject: Sendable {
    public let keys: [String]
    let values: [TemplateValue]
    private let index: [String: Int]?

    private static let linearLookupLimit = 16

    /// When a name is given twice, the last value wins.
    public init(_ fields: [(key: String, value: TemplateValue)]) {
        keys = fields.map(\.key)
        values = fields.map(\.value)
        if keys.count > Self.linearLookupLimit {
            index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { _, later in later })
        } else {
            index = nil
        }
    }

    public subscript(key: String) -> TemplateValue? {
        if let index { return index[key].map { values[$0] } }
        for position in keys.indices.reversed() where keys[position] == key { return values[position] }
        return nil
    }
}

/// A type that gives its template form itself, e.g. one encoded once and shared by every page.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}
