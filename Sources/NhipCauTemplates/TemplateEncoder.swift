/// Turns an `Encodable` view model into the `TemplateValue` a template reads. Nil optionals are
/// left out, as synthesised `Encodable` does, so `{{#field}}` skips them.
public enum TemplateEncoder {
    public static func encode(_ value: some Encodable) -> TemplateValue {
        resolved { try $0.store(value) }
    }

    /// Encodes `value` field by field even when it is `TemplateValueConvertible`: the way for a
    /// type to compute (and cache) its own `templateValue` without calling itself.
    public static func encodeFields(of value: some Encodable) -> TemplateValue {
        resolved { try $0.storeFields(of: value) }
    }

    private static func resolved(_ fill: (EncodingNode) throws -> Void) -> TemplateValue {
        let root = EncodingNode()
        do {
            try fill(root)
        } catch {
            return .null // Plain view models do not throw while encoding.
        }
        return root.resolved()
    }
}

/// A value being built: a leaf, named children, or a list of children.
private final class EncodingNode {
    enum Content {
        case leaf(TemplateValue)
        case keyed([(key: String, node: EncodingNode)])
        case unkeyed([EncodingNode])
        case empty
    }

    var content: Content = .empty

    func resolved() -> TemplateValue {
        switch content {
        case .leaf(let value): value
        case .keyed(let children): .object(TemplateObject(children.map { ($0.key, $0.node.resolved()) }))
        case .unkeyed(let items): .list(items.map { $0.resolved() })
        case .empty: .null
        }
    }

    func child(forKey key: String) -> EncodingNode {
        let node = EncodingNode()
        if case .keyed(var children) = content {
            content = .empty // keep the array uniquely referenced while it grows
            children.append((key, node))
            content = .keyed(children)
        } else {
            content = .keyed([(key, node)])
        }
        return node
    }

    func appendChild() -> EncodingNode {
        let node = EncodingNode()
        if case .unkeyed(var items) = content {
            content = .empty
            items.append(node)
            content = .unkeyed(items)
        } else {
            content = .unkeyed([node])
        }
        return node
    }

    func becomeKeyed() {
        if case .keyed = content { return }
        content = .keyed([])
    }

    func becomeUnkeyed() {
        if case .unkeyed = content { return }
        content = .unkeyed([])
    }

    /// Values that know their template form, and the common leaves, skip the `Encoder` machinery.
    func store(_ value: some Encodable) throws {
        switch value {
        case let ready as TemplateValueConvertible: content = .leaf(ready.templateValue)
        case let text as String: content = .leaf(.string(text))
        case let flag as Bool: content = .leaf(.bool(flag))
        case let number as Int: content = .leaf(.int(number))
        case let number as Double: content = .leaf(.double(number))
        default: try storeFields(of: value)
        }
    }

    func storeFields(of value: some Encodable) throws {
        try value.encode(to: NodeEncoder(node: self))
    }
}

private struct NodeEncoder: Encoder {
    let node: EncodingNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeKeyed()
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeUnkeyed()
        return UnkeyedNodeContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node)
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: TemplateValue, _ key: Key) {
        node.child(forKey: key.stringValue).content = .leaf(value)
    }

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(.double(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try node.child(forKey: key.stringValue).store(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(forKey: key.stringValue)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(forKey: key.stringValue)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child(forKey: "super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.child(forKey: key.stringValue)) }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        if case .unkeyed(let items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { node.appendChild().content = .leaf(.null) }
    mutating func encode(_ value: String) throws { node.appendChild().content = .leaf(.string(value)) }
    mutating func encode(_ value: Bool) throws { node.appendChild().content = .leaf(.bool(value)) }
    mutating func encode(_ value: Int) throws { node.appendChild().content = .leaf(.int(value)) }
    mutating func encode(_ value: Double) throws { node.appendChild().content = .leaf(.double(value)) }
    mutating func encode(_ value: some Encodable) throws { try node.appendChild().store(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendChild()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.appendChild()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendChild()) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.content = .leaf(.null) }
    mutating func encode(_ value: String) throws { node.content = .leaf(.string(value)) }
    mutating func encode(_ value: Bool) throws { node.content = .leaf(.bool(value)) }
    mutating func encode(_ value: Int) throws { node.content = .leaf(.int(value)) }
    mutating func encode(_ value: Double) throws { node.content = .leaf(.double(value)) }
    mutating func encode(_ value: some Encodable) throws { try node.store(value) }
}
