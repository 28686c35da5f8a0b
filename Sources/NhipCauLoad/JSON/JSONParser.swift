import NhipCauCore

/// A strict RFC 8259 parser over raw bytes that records where every value starts.
///
/// Written by hand rather than with `JSONSerialization` because officers need line and column
/// for every problem, integers must stay exact, and hostile files must fail cleanly:
/// nesting is limited (recursion never goes deeper than `maximumDepth`), bytes that are not
/// UTF-8 are reported, and nothing here can trap on any input.
public struct JSONParser: Sendable {
    public static let defaultMaximumDepth = 64

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var index = 0
    private var line = 1
    private var column = 1

    public init(bytes: [UInt8], maximumDepth: Int = JSONParser.defaultMaximumDepth) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    public mutating func parseDocument() -> Result<JSONNode, JSONParseError> {
        do {
            skipByteOrderMark()
            skipWhitespace()
            guard index < bytes.count else {
                throw failure("load.fileEmptyWritePlan")
            }
            let node = try parseValue(depth: 0)
            skipWhitespace()
            if index < bytes.count {
                throw failure("load.moreTextAfterJson")
            }
            return .success(node)
        } catch let error as JSONParseError {
            return .failure(error)
        } catch {
            return .failure(JSONParseError(line: line, column: column, message: LocalizedText(verbatim: "\(error)")))
        }
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws -> JSONNode {
        let startLine = line, startColumn = column
        guard let byte = peek() else {
            throw failure("load.fileEndsWhereValue")
        }
        let value: JSONValue
        switch byte {
        case UInt8(ascii: "{"): value = try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): value = try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): value = .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try parseNumber()
        case UInt8(ascii: "t"): try expectWord("true"); value = .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); value = .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); value = .null
        default: throw unexpectedCharacter(expecting: LocalizedText("load.value"))
        }
        return JSONNode(value, line: startLine, column: startColumn)
    }

    private mutating func checkDepth(_ depth: Int) throws {
        guard depth <= maximumDepth else {
            throw failure("load.dataNestedMoreLevels", ["maximumDepth": "\(maximumDepth)"])
        }
    }

    private mutating func parseObject(depth: Int) throws -> JSONValue {
        try checkDepth(depth)
        advanceASCII() // {
        skipWhitespace()
        var members: [JSONMember] = []
        if peek() == UInt8(ascii: "}") { advanceASCII(); return .object(members) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw unexpectedCharacter(expecting: LocalizedText("load.fieldNameDoubleQuotes"))
            }
            let keyLine = line, keyColumn = column
            let key = try parseString()
            skipWhitespace()
            try expect(":", what: LocalizedText("load.colonAfterFieldName"))
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { advanceASCII(); continue }
            try expect("}", what: LocalizedText("load.commaClosing"))
            return .object(members)
        }
    }

    private mutating func parseArray(depth: Int) throws -> JSONValue {
        try checkDepth(depth)
        advanceASCII() // [
        skipWhitespace()
        var elements: [JSONNode] = []
        if peek() == UInt8(ascii: "]") { advanceASCII(); return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { advanceASCII(); continue }
            try expect("]", what: LocalizedText("load.commaClosing2"))
            return .array(elements)
        }
    }

    // MARK: Numbers

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { advanceASCII() }
        if peek() == UInt8(ascii: "0") {
            advanceASCII()
            if let next = peek(), isDigit(next) {
                throw failure("load.numberNotStartWrite")
            }
        } else {
            try digits()
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            advanceASCII()
            try digits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            advanceASCII()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advanceASCII() }
            try digits()
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let exact = Int(text) { return .integer(exact) }
        // Too large for Int, or written with a fraction or exponent.
        guard let number = Double(text), number.isFinite else {
            throw failure("load.numberTooLarge", ["text": "\(text)"])
        }
        return .number(number)
    }

    private mutating func digits() throws {
        guard let first = peek(), isDigit(first) else {
            throw unexpectedCharacter(expecting: LocalizedText("load.digit"))
        }
        while let byte = peek(), isDigit(byte) { advanceASCII() }
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    // MARK: Strings

    private mutating func parseString() throws -> String {
        advanceASCII() // opening quote
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw failure("load.stringNotClosedClosing")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advanceASCII()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0..<0x20:
                throw failure("load.stringContainsControlCharacter")
            case 0..<0x80:
                utf8.append(byte)
                advanceASCII()
            default:
                let scalar = try decodeScalar()
                utf8.append(contentsOf: Array(String(scalar).utf8))
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws {
        advanceASCII() // backslash
        guard let byte = peek() else {
            throw failure("load.fileEndsInsideString")
        }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            utf8.append(replacement)
            advanceASCII()
            return
        }
        guard byte == UInt8(ascii: "u") else {
            throw failure("load.escapeNotValidUse", ["character": "\(Character(Unicode.Scalar(byte)))"])
        }
        advanceASCII()
        let unit = try hexQuad()
        let scalar = try combineSurrogates(first: unit)
        utf8.append(contentsOf: Array(String(scalar).utf8))
    }

    private mutating func combineSurrogates(first unit: UInt32) throws -> Unicode.Scalar {
        let loneSurrogate = failure("load.invalidUEscapeLone")
        switch unit {
        case 0xD800...0xDBFF:
            guard peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") else { throw loneSurrogate }
            advanceASCII(); advanceASCII()
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low),
                  let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else { throw loneSurrogate }
            return scalar
        case 0xDC00...0xDFFF:
            throw loneSurrogate
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw loneSurrogate }
            return scalar
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else {
                throw failure("load.uFollowedExactlyHex")
            }
            value = value * 16 + digit
            advanceASCII()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Decodes one multi-byte UTF-8 sequence at the cursor, rejecting overlong forms,
    /// surrogates and truncated sequences, and moves past it.
    private mutating func decodeScalar() throws -> Unicode.Scalar {
        let invalid = failure("load.fileContainsBytesNot")
        let lead = bytes[index]
        let length: Int, initial: UInt32, minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, initial, minimum) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, initial, minimum) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, initial, minimum) = (4, UInt32(lead & 0x07), 0x10000)
        default: throw invalid
        }
        guard index + length <= bytes.count else { throw invalid }
        var value = initial
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { throw invalid }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, let scalar = Unicode.Scalar(value) else { throw invalid }
        index += length
        if !Self.isCombining(scalar) { column += 1 }
        return scalar
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }

    // MARK: Cursor

    private func peek(offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Moves past one ASCII byte that is not a line break.
    private mutating func advanceASCII() {
        index += 1
        column += 1
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                advanceASCII()
            case UInt8(ascii: "\n"):
                index += 1; line += 1; column = 1
            case UInt8(ascii: "\r"):
                index += 1
                if peek() == UInt8(ascii: "\n") { index += 1 }
                line += 1; column = 1
            default:
                return
            }
        }
    }

    private mutating func expect(_ character: Unicode.Scalar, what: LocalizedText) throws {
        guard peek() == UInt8(character.value) else { throw unexpectedCharacter(expecting: what) }
        advanceASCII()
    }

    private mutating func expectWord(_ word: String) throws {
        for byte in word.utf8 {
            guard peek() == byte else {
                throw unexpectedCharacter(expecting: LocalizedText("load.valueTextDoubleQuotes"))
            }
            advanceASCII()
        }
    }

    private mutating func unexpectedCharacter(expecting: LocalizedText) -> JSONParseError {
        guard let byte = peek() else {
            return failure("load.fileEndsEarlyExpected", ["expecting": .message(expecting)])
        }
        let found: String
        if byte < 0x80 {
            found = byte < 0x20 ? controlCharacterName(byte) : String(Character(Unicode.Scalar(byte)))
        } else {
            let (savedIndex, savedColumn) = (index, column)
            guard let scalar = try? decodeScalar() else {
                return failure("load.fileContainsBytesNot")
            }
            (index, column) = (savedIndex, savedColumn)
            found = String(scalar)
        }
        // Word processors turn " into curly quotes; say so, since the two look alike.
        let curly = ["“", "”", "„", "‘", "’"].contains(found)
        let hint: MessageArgument = curly ? .message(LocalizedText("load.useStraightQuotes")) : ""
        return failure("load.foundWhereExpected", ["found": "\(found)", "expecting": .message(expecting), "hint": hint])
    }

    private func failure(_ key: String, _ arguments: [String: MessageArgument] = [:]) -> JSONParseError {
        JSONParseError(line: line, column: column, message: LocalizedText(key, arguments))
    }
}

/// `U+0009`: control characters are invisible in a message, so they are named by code.
private func controlCharacterName(_ byte: UInt8) -> String {
    let hex = String(byte, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
}
