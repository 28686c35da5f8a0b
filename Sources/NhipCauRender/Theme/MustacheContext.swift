/// Turns an `Encodable` view model into the dictionaries and arrays swift-mustache reads by key.
///
/// swift-mustache reads plain structs through `Mirror`, which dominated build time (about 60% of a
/// 1,000-story build in `perf`): each `{{name}}` lookup reflected every field of the value.
/// Dictionaries answer a lookup directly, and encoding a view model once costs far less than
/// reflecting it on every lookup. Nil optionals are left out, as `Encodable` does.
enum MustacheContext {
    static func make(_ value: some Encodable) -> Any {
        let encoder = TreeEncoder()
        do {
            try value.encode(to: encoder)
        } catch {
            return [String: Any]() // Encoding plain view models cannot fail.
        }
        return encoder.storage.resolved()
    }
}

/// A value being built: a dictionary, an array, or a finished leaf.
private final class Node {
    enum Content {
        case leaf(Any)
        case keyed([String: Node])
        case unkeyed([Node])
        case empty
    }

    var content: Content = .empty

    func resolved() -> Any {
        switch content {
        case .leaf(let value): value
        case .keyed(let children): children.mapValues { $0.resolved() }
        case .unkeyed(let items): items.map { $0.resolved() }
        case .empty: [String: Any]()
        }
    }

    func child(forKey key: String) -> Node {
        let node = Node()
        if case .keyed(var children) = content {
            content = .empty // keep the dictionary uniquely referenced while it grows
            children[key] = node
            content = .keyed(children)
        } else {
            content = .keyed([key: node])
        }
        return node
    }

    func appendChild() -> Node {
        let node = Node()
        if case .unkeyed(var items) = content {
            content = .empty
            items.append(node)
            content = .unkeyed(items)
        } else {
            content = .unkeyed([node])
        }
        return node
    }
}

private struct TreeEncoder: Encoder {
    let storage: Node
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(storage: Node = Node()) {
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = storage.content {} else { storage.content = .keyed([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = storage.content {} else { storage.content = .unkeyed([]) }
        return UnkeyedContainer(node: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(node: storage)
    }
}

/// A value whose Mustache form is computed once and shared by every page that shows it.
protocol MustachePreencoded {
    var mustacheValue: Any { get }
}

/// Leaves are stored as they are; anything else is encoded into a nested node.
private func store(_ value: some Encodable, in node: Node) throws {
    switch value {
    case let ready as MustachePreencoded: node.content = .leaf(ready.mustacheValue)
    case let text as String: node.content = .leaf(text)
    case let flag as Bool: node.content = .leaf(flag)
    case let number as Int: node.content = .leaf(number)
    case let number as Double: node.content = .leaf(number)
    default: try value.encode(to: TreeEncoder(storage: node))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try store(value, in: node.child(forKey: key.stringValue))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(storage: node.child(forKey: key.stringValue)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(storage: node.child(forKey: key.stringValue)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(storage: node) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(storage: node.child(forKey: key.stringValue)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] = []
    var count: Int {
        if case .unkeyed(let items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: some Encodable) throws {
        try store(value, in: node.appendChild())
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(storage: node.appendChild()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(storage: node.appendChild()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(storage: node.appendChild()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws { node.content = .empty }
    mutating func encode(_ value: some Encodable) throws { try store(value, in: node) }
}
