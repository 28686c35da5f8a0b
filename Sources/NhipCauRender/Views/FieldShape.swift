/// The fields each template receives, read off the view models' types (they are `Decodable` for
/// this alone): a `Decoder` that hands every field a placeholder and notes its name, whether it
/// may be missing, and its own fields. `docs/content.md` lists them (`DefaultThemeTests`
/// checks it), and a build warns about a tag in an officer's template that names none of them.

/// What a template can read under a name.
indirect enum FieldShape: Equatable, Sendable {
    case text, number, flag
    /// `t`: the theme's words, read as `{{t.name}}`.
    case words
    case list(FieldShape)
    case object([Field])
}

struct Field: Equatable, Sendable {
    let name: String
    let shape: FieldShape
    /// nil in some pages: read inside `{{#.name}}…{{/.name}}`.
    let optional: Bool
}

extension FieldShape {
    /// The shape of a view model type.
    static func of<T: Decodable>(_ type: T.Type) -> FieldShape {
        (try? ShapeRecorder.record(type).shape) ?? .object([])
    }

    var fields: [Field] {
        if case .object(let fields) = self { return fields }
        return []
    }
}

private struct NotRecordable: Error {}

private final class ShapeRecorder: Decoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var shape: FieldShape = .object([])
    var fields: [Field] = []
    /// Keys the decoder asked `decodeNil` about: the optional ones.
    var optionalKeys: Set<String> = []

    static func record<T: Decodable>(_ type: T.Type) throws -> (value: T, shape: FieldShape) {
        if let words = Wording.shipped(Wording.reference) as? T { return (words, .words) }
        if let value = try? ShapeRecorder().leaf(type) { return (value, leafShape(type)) }
        let recorder = ShapeRecorder()
        let value = try T(from: recorder)
        return (value, recorder.fields.isEmpty ? recorder.shape : .object(recorder.fields))
    }

    func leaf<T>(_ type: T.Type) throws -> T {
        let placeholders: [Any] = ["", false, 0, 0.0, Float(0), Int8(0), Int16(0), Int32(0), Int64(0), UInt(0), UInt8(0), UInt16(0), UInt32(0), UInt64(0)]
        for placeholder in placeholders { if let value = placeholder as? T { return value } }
        throw NotRecordable()
    }

    static func leafShape<T>(_ type: T.Type) -> FieldShape {
        if type == String.self { return .text }
        if type == Bool.self { return .flag }
        return .number
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedRecorder<Key>(recorder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedRecorder(recorder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleRecorder(recorder: self) }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: ShapeRecorder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        recorder.optionalKeys.insert(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decode(key, as: type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        recorder.optionalKeys.insert(key.stringValue)
        return try decode(key, as: type)
    }

    private func decode<T: Decodable>(_ key: Key, as type: T.Type) throws -> T {
        let (value, shape) = try ShapeRecorder.record(type)
        recorder.fields.append(Field(name: key.stringValue, shape: shape, optional: recorder.optionalKeys.contains(key.stringValue)))
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(key, as: type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(key, as: type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(key, as: type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(key, as: type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(key, as: type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(key, as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(key, as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(key, as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(key, as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(key, as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(key, as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(key, as: type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(key, as: type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(key, as: type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw NotRecordable()
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw NotRecordable() }
    func superDecoder() throws -> any Decoder { throw NotRecordable() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw NotRecordable() }
}

/// One element, so that a list's element type is recorded once.
private struct UnkeyedRecorder: UnkeyedDecodingContainer {
    let recorder: ShapeRecorder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex > 0 }
    var currentIndex = 0

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try element(type) }

    private mutating func element<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, shape) = try ShapeRecorder.record(type)
        recorder.shape = .list(shape)
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try element(type) }
    mutating func decode(_ type: String.Type) throws -> String { try element(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try element(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try element(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try element(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try element(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try element(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try element(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try element(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try element(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try element(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try element(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try element(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try element(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw NotRecordable()
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw NotRecordable() }
    mutating func superDecoder() throws -> any Decoder { throw NotRecordable() }
}

private struct SingleRecorder: SingleValueDecodingContainer {
    let recorder: ShapeRecorder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try ShapeRecorder.record(type).value }
    func decode(_ type: Bool.Type) throws -> Bool { try recorder.leaf(type) }
    func decode(_ type: String.Type) throws -> String { try recorder.leaf(type) }
    func decode(_ type: Double.Type) throws -> Double { try recorder.leaf(type) }
    func decode(_ type: Float.Type) throws -> Float { try recorder.leaf(type) }
    func decode(_ type: Int.Type) throws -> Int { try recorder.leaf(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try recorder.leaf(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try recorder.leaf(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try recorder.leaf(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try recorder.leaf(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try recorder.leaf(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try recorder.leaf(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try recorder.leaf(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try recorder.leaf(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try recorder.leaf(type) }
}

extension Wording: Decodable {
    /// Never called: `FieldShape` hands the words over whole rather than decoding them; the
    /// conformance lets the view models that carry them be `Decodable`.
    public init(from decoder: any Decoder) throws { throw NotRecordable() }
}
