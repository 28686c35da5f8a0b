import NhipCauCore
import Yams

/// A YAML value as the loader reads it: Yams' tree reduced to what front matter readers look at
/// (the text of a scalar and whether it was written plain, lists, mappings, where each starts),
/// so that it can be kept in the front matter cache and read back without parsing again.
struct YAMLNode: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        /// `isPlain`: written without quotes or block indicators (`1`, `null`, `true` are then not text).
        case scalar(String, isPlain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    let value: Value
    /// 1-based line and column in the YAML text; 0 when Yams gave no place.
    let line: Int
    let column: Int

    var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// Empty as YAML reads it (`key:`, `key: ~`, `key: null`); quoted text is never empty this way.
    var isNull: Bool {
        guard case .scalar(let text, isPlain: true) = value else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    var location: (line: Int, column: Int)? {
        line > 0 ? (line, column) : nil
    }
}

struct YAMLPair: Sendable, Equatable {
    let key: YAMLNode
    let value: YAMLNode
}

extension YAMLNode {
    init(_ node: Node) {
        let mark = node.mark
        let value: Value
        switch node {
        case .scalar(let scalar):
            value = .scalar(scalar.string, isPlain: scalar.style == .plain)
        case .sequence(let sequence):
            value = .sequence(sequence.map(YAMLNode.init))
        case .mapping(let mapping):
            value = .mapping(mapping.map { YAMLPair(key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .alias:
            // Aliases are refused before parsing (`YAMLAliasScan`), and Yams resolves those it meets.
            value = .scalar("", isPlain: false)
        }
        self.init(value: value, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }
}

// MARK: - Kept in the front matter cache

extension YAMLNode {
    /// Nesting deeper than this in a cache file is taken for corruption (libyaml refuses it sooner).
    static let maximumDepth = 1000

    func encode(into writer: inout CacheBytesWriter) {
        writer.integer(UInt32(truncatingIfNeeded: line))
        writer.integer(UInt32(truncatingIfNeeded: column))
        switch value {
        case .scalar(let text, let isPlain):
            writer.integer(UInt8(isPlain ? 1 : 0))
            writer.text(text)
        case .sequence(let items):
            writer.integer(UInt8(2))
            writer.integer(UInt32(items.count))
            for item in items { item.encode(into: &writer) }
        case .mapping(let pairs):
            writer.integer(UInt8(3))
            writer.integer(UInt32(pairs.count))
            for pair in pairs {
                pair.key.encode(into: &writer)
                pair.value.encode(into: &writer)
            }
        }
    }

    /// nil for anything `encode` could not have written.
    static func decode(from reader: inout CacheBytesReader, depth: Int = 0) -> YAMLNode? {
        guard depth < maximumDepth, let line = reader.integer(UInt32.self), let column = reader.integer(UInt32.self),
              let kind = reader.integer(UInt8.self) else { return nil }
        let value: Value
        switch kind {
        case 0, 1:
            guard let text = reader.text() else { return nil }
            value = .scalar(text, isPlain: kind == 1)
        case 2:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.remaining else { return nil }
            var items: [YAMLNode] = []
            items.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let item = decode(from: &reader, depth: depth + 1) else { return nil }
                items.append(item)
            }
            value = .sequence(items)
        case 3:
            guard let count = reader.integer(UInt32.self), Int(count) <= reader.remaining else { return nil }
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let key = decode(from: &reader, depth: depth + 1),
                      let item = decode(from: &reader, depth: depth + 1) else { return nil }
                pairs.append(YAMLPair(key: key, value: item))
            }
            value = .mapping(pairs)
        default:
            return nil
        }
        return YAMLNode(value: value, line: Int(line), column: Int(column))
    }
}
