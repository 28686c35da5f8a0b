/// A small, careful JavaScript minifier for the default theme's script (`assets/search.js`): it
/// removes comments and every space no token needs, keeps a line break wherever one might end a
/// statement (so automatic semicolon insertion reads the script as before), and gives the names
/// the script declares (`const`, `let`, `var`, `function`, parameters, `catch`) names of one or
/// two letters that the script does not use. It never reorders anything. Strings, regular
/// expression literals and comments are read as such; it gives up (nil) on what it does not
/// follow: a template literal with `${`, an unclosed string, comment or literal, a `class`, or a
/// declared name written as a shorthand property or method (`{name}`, `{name() {}}`). Object keys
/// (`{name: …}`) and properties (`a.name`) keep their names. A declared name is renamed wherever
/// it appears, so the script must not declare a name of a global it also uses (`event`, `name`).
enum ScriptMinifier {
    private enum Token: Equatable {
        case word, string, regex, punctuation
    }

    private struct Piece {
        let token: Token
        var text: [Unicode.Scalar]
        /// What separated it from the piece before.
        let gap: Gap
    }

    /// Keywords after which a `/` starts a regular expression rather than a division.
    private static let beforeExpression: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await",
    ]
    /// Never given as a short name.
    private static let reserved: Set<String> = ["do", "if", "in", "of", "as", "is"]
    /// A line break after one of these can never end a statement: it goes.
    private static let continuing = Set("{([,;:=*%&|^!~?<>/".unicodeScalars)
    /// Nor before one of these.
    private static let continued = Set("})],.;:?=&|*%<>^".unicodeScalars)

    /// `source` minified, the names it declares shortened (one-letter names stay as they are).
    static func minify(_ source: String) -> String? {
        guard var pieces = tokens(source), let names = declaredNames(pieces) else { return nil }
        guard rename(&pieces, names.filter { $0.unicodeScalars.count > 1 }.sorted()) else { return nil }
        var out = String.UnicodeScalarView()
        var previous: Piece?
        for piece in pieces {
            if let previous, piece.gap != .none, let first = piece.text.first {
                if piece.gap == .lineBreak && lineBreakMatters(previous.token, out, before: first) {
                    out.append("\n")
                } else if needsSpace(previous, first) {
                    out.append(" ")
                }
            }
            // One scalar at a time: `append(contentsOf:)` of an array is an unspecialized generic call.
            for scalar in piece.text { out.append(scalar) }
            previous = piece
        }
        return String(out) + "\n"
    }

    private static func tokens(_ source: String) -> [Piece]? {
        var scanner = Scanner(Array(source.unicodeScalars))
        var pieces: [Piece] = []
        while true {
            guard let gap = scanner.skipSpaceAndComments() else { return nil }
            guard let first = scanner.peek else { return pieces }
            if first == "\"" || first == "'" || first == "`" {
                guard let string = scanner.string() else { return nil }
                pieces.append(Piece(token: .string, text: string, gap: gap))
            } else if first == "/" && regexMayFollow(pieces.last) {
                guard let regex = scanner.regex() else { return nil }
                pieces.append(Piece(token: .regex, text: regex, gap: gap))
            } else if isWordScalar(first) {
                pieces.append(Piece(token: .word, text: scanner.word(), gap: gap))
            } else {
                pieces.append(Piece(token: .punctuation, text: [scanner.next()], gap: gap))
            }
        }
    }

    /// The names the script declares: after `const`, `let`, `var` (each of a list, in `[…]` and
    /// `{…}` patterns too) and `function`, and the parameters of functions, arrows and `catch`.
    /// nil for a `class`, whose members this does not tell apart from names.
    static func declaredNames(_ source: String) -> Set<String>? {
        tokens(source).flatMap(declaredNames)
    }

    private static func declaredNames(_ pieces: [Piece]) -> Set<String>? {
        var names: Set<String> = []
        /// Bracket depths at which a `const`/`let`/`var` list is open: a `,` there starts the next name.
        var openLists: [Int] = []
        var depth = 0
        var position = 0
        func isPunctuation(_ at: Int, _ scalar: Unicode.Scalar) -> Bool {
            at >= 0 && at < pieces.count && pieces[at].token == .punctuation && pieces[at].text == [scalar]
        }
        while position < pieces.count {
            let piece = pieces[position]
            if piece.gap == .lineBreak, openLists.last == depth, position > 0,
               statementMayEnd(after: pieces[position - 1], before: piece) {
                openLists.removeLast()
            }
            if piece.token == .punctuation, let scalar = piece.text.first {
                switch scalar {
                case "(", "[", "{": depth += 1
                case ")", "]", "}":
                    depth -= 1
                    while let open = openLists.last, open > depth { openLists.removeLast() }
                case ";":
                    if openLists.last == depth { openLists.removeLast() }
                case ",":
                    if openLists.last == depth { names.formUnion(bindings(in: pieces, from: position + 1)) }
                case "=" where isPunctuation(position + 1, ">") && pieces[position + 1].gap == .none:
                    if position > 0, pieces[position - 1].token == .word {
                        names.insert(string(pieces[position - 1].text))
                    } else if isPunctuation(position - 1, ")"), let open = matchingOpen(pieces, close: position - 1) {
                        names.formUnion(bindings(in: pieces, from: open))
                    }
                default: break
                }
            } else if piece.token == .word, !isPunctuation(position - 1, ".") {
                switch string(piece.text) {
                case "class": return nil
                case "const", "let", "var":
                    names.formUnion(bindings(in: pieces, from: position + 1))
                    openLists.append(depth)
                case "function":
                    var next = position + 1
                    if next < pieces.count, pieces[next].token == .word {
                        names.insert(string(pieces[next].text))
                        next += 1
                    }
                    if isPunctuation(next, "(") { names.formUnion(bindings(in: pieces, from: next)) }
                case "catch":
                    if isPunctuation(position + 1, "(") { names.formUnion(bindings(in: pieces, from: position + 1)) }
                default: break
                }
            }
            position += 1
        }
        return names
    }

    /// The names bound by the pattern or parameter list that starts at `start`: a name, or every
    /// name inside `(…)`, `[…]`, `{…}` but keys (`key:`), properties (`.name`) and default values (`= …`).
    private static func bindings(in pieces: [Piece], from start: Int) -> [String] {
        guard start < pieces.count else { return [] }
        if pieces[start].token == .word { return [string(pieces[start].text)] }
        guard pieces[start].token == .punctuation, let open = pieces[start].text.first, "([{".unicodeScalars.contains(open) else { return [] }
        var found: [String] = []
        var depth = 0
        /// Depth of a default value being skipped, until the `,` or bracket that ends it.
        var skippingAt: Int?
        for position in start..<pieces.count {
            let piece = pieces[position]
            if piece.token == .punctuation, let scalar = piece.text.first {
                if "([{".unicodeScalars.contains(scalar) { depth += 1 }
                if ")]}".unicodeScalars.contains(scalar) {
                    depth -= 1
                    if let skipping = skippingAt, depth < skipping { skippingAt = nil }
                    if depth == 0 { break }
                }
                if scalar == ",", skippingAt == depth { skippingAt = nil }
                if scalar == "=", skippingAt == nil, !(position + 1 < pieces.count && pieces[position + 1].text == [">"]) {
                    skippingAt = depth
                }
                continue
            }
            guard piece.token == .word, skippingAt == nil else { continue }
            let isProperty = position > start && pieces[position - 1].text == ["."]
            let isKey = position + 1 < pieces.count && pieces[position + 1].text == [":"]
            if !isProperty && !isKey { found.append(string(piece.text)) }
        }
        return found
    }

    private static func matchingOpen(_ pieces: [Piece], close: Int) -> Int? {
        var depth = 0
        for position in stride(from: close, through: 0, by: -1) where pieces[position].token == .punctuation {
            if pieces[position].text == [")"] { depth += 1 }
            if pieces[position].text == ["("] {
                depth -= 1
                if depth == 0 { return position }
            }
        }
        return nil
    }

    /// Whether a line break between these two pieces may end a statement (as in `lineBreakMatters`).
    private static func statementMayEnd(after previous: Piece, before next: Piece) -> Bool {
        guard let first = next.text.first, let last = previous.text.last else { return true }
        if next.token == .punctuation && continued.contains(first) { return false }
        return !(previous.token == .punctuation && continuing.contains(last))
    }

    /// Renames every use of `names` except as a property (`a.name`); false when one is an object key.
    private static func rename(_ pieces: inout [Piece], _ names: [String]) -> Bool {
        guard !names.isEmpty else { return true }
        // Names in use as variables or globals; a property (`a.n`) may share a short name.
        var uses: [String: Int] = [:]
        for (position, piece) in pieces.enumerated() where piece.token == .word {
            let isProperty = position > 0 && pieces[position - 1].text == ["."] && !(position > 1 && pieces[position - 2].text == ["."])
            if !isProperty { uses[string(piece.text), default: 0] += 1 }
        }
        let toShorten = Set(names)
        var fresh = freshNames(avoiding: Set(uses.keys).subtracting(toShorten)).makeIterator()
        var short: [String: [Unicode.Scalar]] = [:]
        // The most used names get the shortest.
        let byUse = Array(toShorten).sorted { (uses[$0] ?? 0, $1) > (uses[$1] ?? 0, $0) }
        for name in byUse {
            guard let next = fresh.next() else { return false }
            short[name] = Array(next.unicodeScalars)
        }
        var brackets: [Unicode.Scalar] = []
        for position in pieces.indices {
            let piece = pieces[position]
            if piece.token == .punctuation, let scalar = piece.text.first {
                if "{([".unicodeScalars.contains(scalar) { brackets.append(scalar) }
                if "})]".unicodeScalars.contains(scalar) { _ = brackets.popLast() }
                continue
            }
            guard piece.token == .word, let renamed = short[string(piece.text)] else { continue }
            let before = position > 0 ? pieces[position - 1] : nil
            let spread = position > 1 && pieces[position - 2].text == ["."]
            if before?.token == .punctuation && before?.text == ["."] && !spread { continue }
            let after = position + 1 < pieces.count ? pieces[position + 1].text.first : nil
            if brackets.last == "{", let before, before.text == ["{"] || before.text == [","], let after {
                if after == ":" { continue }
                if ",}(".unicodeScalars.contains(after) { return false }
            }
            pieces[position].text = renamed
        }
        return true
    }

    /// a…z, A…Z, then two letters, skipping names the script uses and reserved words.
    private static func freshNames(avoiding used: Set<String>) -> [String] {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
            + (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { String(UnicodeScalar($0)) }
        let all = letters + letters.flatMap { first in letters.map { first + $0 } }
        return all.filter { !used.contains($0) && !reserved.contains($0) }
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        for scalar in scalars { view.append(scalar) }
        return String(view)
    }

    /// A line break may end a statement unless what comes before or after it always continues one
    /// (`++` and `--` excepted: a break before or after them matters).
    private static func lineBreakMatters(_ previous: Token, _ out: String.UnicodeScalarView, before next: Unicode.Scalar) -> Bool {
        if continued.contains(next) { return false }
        guard previous == .punctuation, let last = out.last, continuing.contains(last) else { return true }
        let tail = Array(out.suffix(2))
        return tail == ["+", "+"] || tail == ["-", "-"]
    }

    /// Two tokens that would run into one without a space: words, `a / /re/`, `+ +`, `- -`, a regex and its would-be flags.
    private static func needsSpace(_ previous: Piece, _ next: Unicode.Scalar) -> Bool {
        guard let last = previous.text.last else { return false }
        if isWordScalar(next) && (previous.token == .word || previous.token == .regex) { return true }
        return previous.token == .punctuation && (last == next && (last == "+" || last == "-") || last == "/" && (next == "/" || next == "*"))
    }

    private static func regexMayFollow(_ previous: Piece?) -> Bool {
        guard let previous else { return true }
        switch previous.token {
        case .string, .regex: return false
        case .word: return beforeExpression.contains(string(previous.text))
        case .punctuation: return previous.text != [")"] && previous.text != ["]"]
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && !scalar.properties.isWhitespace || scalar == "_" || scalar == "$" || scalar == "\\"
            || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private enum Gap {
        case none, space, lineBreak
    }

    private struct Scanner {
        let text: [Unicode.Scalar]
        var at = 0

        init(_ text: [Unicode.Scalar]) { self.text = text }

        var peek: Unicode.Scalar? { at < text.count ? text[at] : nil }

        mutating func next() -> Unicode.Scalar {
            at += 1
            return text[at - 1]
        }

        static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
        }

        /// White space and comments up to the next token, and whether a line break was among them; nil for an unclosed comment.
        mutating func skipSpaceAndComments() -> Gap? {
            var gap = Gap.none
            while let scalar = peek {
                if Self.isLineBreak(scalar) {
                    gap = .lineBreak
                    at += 1
                } else if scalar.properties.isWhitespace {
                    if gap == .none { gap = .space }
                    at += 1
                } else if scalar == "/" && at + 1 < text.count && text[at + 1] == "/" {
                    while let inside = peek, !Self.isLineBreak(inside) { at += 1 }
                } else if scalar == "/" && at + 1 < text.count && text[at + 1] == "*" {
                    at += 2
                    var closed = false
                    while at < text.count {
                        if text[at] == "*" && at + 1 < text.count && text[at + 1] == "/" {
                            at += 2
                            closed = true
                            break
                        }
                        if Self.isLineBreak(text[at]) { gap = .lineBreak } else if gap == .none { gap = .space }
                        at += 1
                    }
                    guard closed else { return nil }
                    if gap == .none { gap = .space }
                } else {
                    break
                }
            }
            return gap
        }

        /// A quoted string or a template literal without `${`, quotes included; nil when unclosed.
        mutating func string() -> [Unicode.Scalar]? {
            let start = at
            let quote = next()
            while let scalar = peek {
                at += 1
                if scalar == "\\" {
                    at += 1
                } else if scalar == quote {
                    return Array(text[start..<at])
                } else if quote == "`" ? scalar == "$" && peek == "{" : Self.isLineBreak(scalar) {
                    return nil
                }
            }
            return nil
        }

        /// `/…/flags`, with escapes and `[…]` classes (where `/` does not end the literal).
        mutating func regex() -> [Unicode.Scalar]? {
            let start = at
            at += 1
            var inClass = false
            while let scalar = peek {
                at += 1
                if Self.isLineBreak(scalar) { return nil }
                if scalar == "\\" {
                    at += 1
                } else if scalar == "[" {
                    inClass = true
                } else if scalar == "]" {
                    inClass = false
                } else if scalar == "/" && !inClass {
                    while let flag = peek, ScriptMinifier.isWordScalar(flag) { at += 1 }
                    return Array(text[start..<at])
                }
            }
            return nil
        }

        mutating func word() -> [Unicode.Scalar] {
            let start = at
            while let scalar = peek, ScriptMinifier.isWordScalar(scalar) { at += 1 }
            return Array(text[start..<at])
        }
    }
}
