import Testing
import NhipCauCore
@testable import NhipCauLoad

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) -> Result<JSONNode, JSONParseError> {
        JSONNode.parse(Array(text.utf8))
    }

    private func node(_ text: String) throws -> JSONNode {
        try parse(text).get()
    }

    private func failure(_ bytes: [UInt8]) -> JSONParseError? {
        if case .failure(let error) = JSONNode.parse(bytes) { return error }
        return nil
    }

    @Test func keepsLineAndColumnOfEveryValue() throws {
        let root = try node("{\n  \"a\": [1,\n    true],\n\t\"b\": \"x\"\n}")
        #expect((root.line, root.column) == (1, 1))
        let list = try #require(root["a"])
        #expect((list.line, list.column) == (2, 8))
        guard case .array(let elements) = list.value else { Issue.record("not an array"); return }
        #expect((elements[0].line, elements[0].column) == (2, 9))
        #expect((elements[1].line, elements[1].column) == (3, 5))
        let b = try #require(root["b"])
        #expect((b.line, b.column) == (4, 7))
        guard case .object(let members) = root.value else { Issue.record("not an object"); return }
        #expect((members[1].keyLine, members[1].keyColumn) == (4, 2))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "Sơn" is 3 characters but 4 bytes; the combining acute in "a\u{301}" adds no column.
        let root = try node("[\"Sơn\", \"a\u{301}\", 7]")
        guard case .array(let elements) = root.value else { Issue.record("not an array"); return }
        #expect(elements[1].column == 9)
        #expect(elements[2].column == 14)
    }

    @Test func windowsLineEndsCountAsOneLine() throws {
        let root = try node("{\r\n\"a\": 1\r\n}")
        #expect(root["a"]?.line == 2)
    }

    @Test func integersStayExactAndFractionsAreDoubles() throws {
        #expect(try node("9007199254740993").value == .integer(9_007_199_254_740_993))
        #expect(try node("-0").value == .integer(0))
        #expect(try node("2.5").value == .number(2.5))
        #expect(try node("1e3").value == .number(1000))
        #expect(try node("-1.5E-2").value == .number(-0.015))
        #expect(try node("123456789012345678901234567890").value == .number(123456789012345678901234567890.0))
    }

    @Test(arguments: ["01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity"])
    func rejectsMalformedNumbers(_ text: String) {
        #expect(failure(Array(text.utf8)) != nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let root = try node(#"["a\"b\\c\/d\n\t\b\f\r", "\u00E0\u1EA1", "\uD83D\uDE00"]"#)
        guard case .array(let elements) = root.value else { Issue.record("not an array"); return }
        #expect(elements[0].value == .string("a\"b\\c/d\n\t\u{8}\u{C}\r"))
        #expect(elements[1].value == .string("àạ"))
        #expect(elements[2].value == .string("😀"))
    }

    @Test(arguments: [#""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#, #""\uD83D\u0041""#, #""\u12G4""#, #""\x""#])
    func rejectsBadEscapes(_ text: String) {
        #expect(failure(Array(text.utf8)) != nil)
    }

    @Test func rejectsInvalidUTF8WithPosition() throws {
        let bytes = Array("{\n  \"a\": \"x".utf8) + [0xC3, 0x28] + Array("\"\n}".utf8)
        let error = try #require(failure(bytes))
        #expect((error.line, error.column) == (2, 10))
        #expect(error.message.en.contains("not UTF-8"))
        #expect(failure([0xFF]) != nil)
        #expect(failure(Array("\"".utf8) + [0xE0, 0x80, 0x80] + Array("\"".utf8)) != nil) // overlong
        #expect(failure(Array("\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"".utf8)) != nil) // surrogate
        #expect(failure(Array("\"".utf8) + [0xE1, 0xBA]) != nil) // truncated
    }

    @Test func limitsNestingDepth() throws {
        let allowed = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try node(allowed).line == 1)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(failure(Array(tooDeep.utf8)))
        #expect(error.column == 65)
        #expect(error.message.en.contains("64"))
        // A hostile file: far deeper than any stack would allow if recursion were unbounded.
        #expect(failure(Array(repeating: UInt8(ascii: "["), count: 1_000_000)) != nil)
        #expect(failure(Array(String(repeating: "{\"a\":", count: 100_000).utf8)) != nil)
    }

    @Test func rejectsTrailingGarbageWithPosition() throws {
        let error = try #require(failure(Array("{\"a\": 1}\n  x".utf8)))
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message.vi.contains("thừa"))
    }

    @Test func reportsWhereMalformedJSONBreaks() throws {
        let missingComma = try #require(failure(Array("{\n  \"a\": 1\n  \"b\": 2\n}".utf8)))
        #expect((missingComma.line, missingComma.column) == (3, 3))
        let trailingComma = try #require(failure(Array("[1, 2, ]".utf8)))
        #expect(trailingComma.column == 8)
        let unclosed = try #require(failure(Array("{\"a\": \"b".utf8)))
        #expect(unclosed.message.en.contains("not closed"))
        #expect(failure([]) != nil)
        #expect(failure(Array("   ".utf8)) != nil)
        #expect(failure(Array("\"a\nb\"".utf8)) != nil)
    }

    @Test func curlyQuotesGetAHint() throws {
        let error = try #require(failure(Array("{ “title”: 1 }".utf8)))
        #expect((error.line, error.column) == (1, 3))
        #expect(error.message.en.contains("straight double quotes"))
    }

    @Test func acceptsByteOrderMarkAndLargeInput() throws {
        #expect(try JSONNode.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)).get().value == .object([]))
        let big = "[" + Array(repeating: "12345", count: 200_000).joined(separator: ",") + "]"
        guard case .array(let elements) = try node(big).value else { Issue.record("not an array"); return }
        #expect(elements.count == 200_000)
    }

    @Test func keepsRepeatedKeysInOrder() throws {
        guard case .object(let members) = try node(#"{"a": 1, "a": 2}"#).value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "a"])
    }
}
