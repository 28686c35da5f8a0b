import NhipCauCore

/// A JSON value together with where it starts in the file, so that every problem the loaders
/// find can point an officer at a line and a column.
public struct JSONNode: Sendable, Hashable {
    public let value: JSONValue
    /// 1-based line of the value's first character.
    public let line: Int
    /// 1-based column of the value's first character, counted in characters (a combining
    /// mark does not start a new column).
    public let column: Int

    public init(_ value: JSONValue, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// Parses a whole document; see `JSONParser`.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = JSONParser.defaultMaximumDepth) -> Result<JSONNode, JSONParseError> {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        return parser.parseDocument()
    }

    /// The member called `key`, if this is an object that has one (the first, if repeated).
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// What a JSON value holds. Whole numbers written without a fraction or exponent are kept
/// exactly as `Int`; every other number is a `Double`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONNode])
    /// Members in file order; repeated keys are kept so that loaders can report them.
    case object([JSONMember])

    /// A short name of the kind, for messages: "chuỗi"/"a string".
    public var kindName: LocalizedText {
        switch self {
        case .null: LocalizedText("load.null")
        case .bool: LocalizedText("load.trueFalse")
        case .integer: LocalizedText("load.wholeNumber")
        case .number: LocalizedText("load.decimalNumber")
        case .string: LocalizedText("load.string")
        case .array: LocalizedText("load.list")
        case .object: LocalizedText("load.object")
        }
    }
}

/// One `"key": value` pair of an object, with where the key is written.
public struct JSONMember: Sendable, Hashable {
    public let key: String
    public let keyLine: Int
    public let keyColumn: Int
    public let value: JSONNode

    public init(key: String, keyLine: Int, keyColumn: Int, value: JSONNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}

/// Why a file is not JSON, and where.
public struct JSONParseError: Error, Sendable, Hashable {
    public let line: Int
    public let column: Int
    public let message: LocalizedText

    public init(line: Int, column: Int, message: LocalizedText) {
        self.line = line
        self.column = column
        self.message = message
    }
}
