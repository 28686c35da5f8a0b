/// Finds the first YAML anchor (`&name`) or alias (`*name`) in front matter, outside quotes,
/// comments and block scalars.
///
/// Front matter never needs them, and they are dangerous: an alias to a list of aliases, used as
/// a mapping key, makes the YAML library hash a tree that doubles with each level ("billion
/// laughs"), which never finishes. So they are refused before the text reaches the library.
/// A `*` or `&` inside a plain value (`summary: Tom & Jerry`, `summary: a *b*`) is text and is
/// left alone; only one where a YAML node starts counts, exactly where YAML itself reads it as
/// an anchor or alias.
struct YAMLAliasScan {
    struct Found: Equatable {
        /// 1-based, within the scanned text.
        let line: Int
        let column: Int
        /// `&name` or `*name`, as written.
        let token: String
    }

    private enum Quote { case none, single, double }

    private var quote = Quote.none
    private var flowDepth = 0
    private var atNodeStart = true
    private var inPlain = false
    /// Column of the node that owns a `|` or `>` block (the key in `- key: |`); lines indented
    /// deeper are its content and are skipped. Erring high only ever scans more lines.
    private var blockScalarParent: Int?
    /// Where the last key or value on the current line started.
    private var lastScalarStart = 0

    static func first(in yaml: String) -> Found? {
        // Most front matter has neither character anywhere; it need not be read line by line.
        guard yaml.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var scan = YAMLAliasScan()
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let found = scan.scanLine(Array(line.unicodeScalars), number: index + 1) { return found }
        }
        return nil
    }

    private mutating func scanLine(_ chars: [Unicode.Scalar], number: Int) -> Found? {
        let indent = chars.prefix { $0 == " " || $0 == "\t" }.count
        if let parent = blockScalarParent {
            if indent == chars.count || indent > parent { return nil }
            blockScalarParent = nil
        }
        var index = 0
        lastScalarStart = indent
        if quote == .none && flowDepth == 0 {
            index = indent
            atNodeStart = true
            inPlain = false
            if chars.first == "%" { return nil } // a directive
            if Self.startsDocumentMarker(chars) { index = 3 }
        }
        while index < chars.count {
            let char = chars[index]
            let next = index + 1 < chars.count ? chars[index + 1] : nil
            if quote != .none {
                index = skipQuoted(chars, at: index)
                continue
            }
            if char == " " || char == "\t" {
                if next == "#" { return nil } // a comment
                index += 1
                continue
            }
            if atNodeStart {
                if (char == "&" || char == "*"), let next, !Self.isSpaceOrFlow(next) {
                    let token = chars[index...].prefix { !Self.isSpaceOrFlow($0) }
                    return Found(line: number, column: index + 1, token: String(String.UnicodeScalarView(token)))
                }
                switch nodeStart(char, next: next, chars: chars, at: index) {
                case .endOfLine: return nil
                case .advance(let count): index += count
                }
            } else {
                afterNode(char, next: next)
                index += 1
            }
        }
        if flowDepth == 0 { inPlain = false }
        return nil
    }

    private enum Step { case advance(Int), endOfLine }

    /// What a character means where a node may start.
    private mutating func nodeStart(_ char: Unicode.Scalar, next: Unicode.Scalar?, chars: [Unicode.Scalar], at index: Int) -> Step {
        let indicatorFollows = next == nil || next == " " || next == "\t"
        switch char {
        case "#":
            return .endOfLine
        case "!": // a tag such as `!!str`: the node still starts after it
            return .advance(chars[index...].prefix { $0 != " " && $0 != "\t" }.count)
        case "\"":
            quote = .double
            atNodeStart = false
            lastScalarStart = index
        case "'":
            quote = .single
            atNodeStart = false
            lastScalarStart = index
        case "[", "{":
            flowDepth += 1
        case "]", "}":
            flowDepth = max(0, flowDepth - 1)
            atNodeStart = false
        case "," where flowDepth > 0:
            break
        case "-" where indicatorFollows, "?" where indicatorFollows:
            break
        case ":" where indicatorFollows || flowDepth > 0:
            break
        case "|" where flowDepth == 0, ">" where flowDepth == 0:
            blockScalarParent = lastScalarStart
            return .endOfLine
        default:
            inPlain = true
            atNodeStart = false
            lastScalarStart = index
        }
        return .advance(1)
    }

    /// What a character means inside a plain value, or after a quoted value or a closed collection.
    private mutating func afterNode(_ char: Unicode.Scalar, next: Unicode.Scalar?) {
        let valueIndicator = next == nil || next == " " || next == "\t"
            || (flowDepth > 0 && (!inPlain || Self.isFlowIndicator(next)))
        if char == ":" && valueIndicator {
            atNodeStart = true
            inPlain = false
        } else if flowDepth > 0 && char == "," {
            atNodeStart = true
            inPlain = false
        } else if flowDepth > 0 && (char == "[" || char == "{") {
            flowDepth += 1
            atNodeStart = true
            inPlain = false
        } else if flowDepth > 0 && (char == "]" || char == "}") {
            flowDepth -= 1
            inPlain = false
        }
    }

    /// Moves through a quoted value (its opening quote already passed), which may span lines;
    /// returns the index after its closing quote, or the line's end.
    private mutating func skipQuoted(_ chars: [Unicode.Scalar], at start: Int) -> Int {
        var index = start
        while index < chars.count {
            let char = chars[index]
            switch (quote, char) {
            case (.double, "\\"):
                index += 2
                continue
            case (.double, "\""):
                quote = .none
                return index + 1
            case (.single, "'"):
                if index + 1 < chars.count, chars[index + 1] == "'" { index += 2; continue }
                quote = .none
                return index + 1
            default:
                index += 1
            }
        }
        return chars.count
    }

    private static func startsDocumentMarker(_ chars: [Unicode.Scalar]) -> Bool {
        chars.count >= 3 && chars[0] == "-" && chars[1] == "-" && chars[2] == "-"
            && (chars.count == 3 || chars[3] == " " || chars[3] == "\t")
    }

    private static func isSpaceOrFlow(_ char: Unicode.Scalar) -> Bool {
        char == " " || char == "\t" || isFlowIndicator(char)
    }

    private static func isFlowIndicator(_ char: Unicode.Scalar?) -> Bool {
        guard let char else { return true }
        return char == "," || char == "[" || char == "]" || char == "{" || char == "}"
    }
}
