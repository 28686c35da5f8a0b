import NhipCauCore

/// Shapes of Markdown on which libcmark 0.30.2 (the one Debian 12 ships) takes time growing with
/// the square of their length, so that a large enough file never finishes: links and images opened
/// again and again in one paragraph (`![[]()` repeated), and emphasis marks deep inside nested
/// quotes or lists. cmark 0.30.3 fixed them; until the system library has the fix, such bodies are
/// refused before parsing, naming the line. No real page comes near either limit.
enum MarkdownLimits {
    static let maximumNesting = 50
    static let maximumBracketsPerParagraph = 1_000

    /// - Parameter firstLine: the line of the file where `markdown` starts.
    static func check(_ markdown: String, file: String, firstLine: Int) -> Diagnostic? {
        var markdown = markdown
        return markdown.withUTF8 { check($0, file: file, firstLine: firstLine) }
    }

    // One pass over the bytes, a line at a time, without copying lines: it runs on every body.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int) -> Diagnostic? {
        var inFence = false
        var brackets = 0
        var lineIndex = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            var lineBrackets = 0
            var blank = true
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
                let byte = bytes[end]
                if byte == UInt8(ascii: "[") { lineBrackets += 1 }
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { blank = false }
                end += 1
            }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            defer { lineIndex += 1; start = end + 1 }
            if isFence(line) {
                inFence.toggle()
                brackets = 0
                continue
            }
            if inFence { continue }
            if blank {
                brackets = 0
                continue
            }
            let location = SourceLocation(file: file, line: firstLine + lineIndex, column: 1)
            if nesting(line) > maximumNesting {
                return .error(location, "render.lineNestedMoreLevels", ["maximumNesting": "\(maximumNesting)"])
            }
            brackets += lineBrackets
            if brackets > maximumBracketsPerParagraph {
                return .error(location, "render.paragraphUpLineMore", ["maximumBracketsPerParagraph": .integer(maximumBracketsPerParagraph)])
            }
        }
        return nil
    }

    /// ```` ``` ```` or `~~~` after at most three spaces.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
        guard index <= 3, line.count - index >= 3 else { return false }
        let mark = line[index]
        guard mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") else { return false }
        return line[index + 1] == mark && line[index + 2] == mark
    }

    /// Quote and list markers at the start of the line, plus the indentation before and between
    /// them (two columns for a level; the one space after a marker belongs to it), which is how
    /// deep cmark nests the line.
    static func nesting(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0, markers = 0, columns = 0, columnsBeforeLastMarker = 0
        func spaceFollows(_ position: Int) -> Bool {
            position >= bytes.count || bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") {
                columns += 1
            } else if byte == UInt8(ascii: "\t") {
                columns += 4
            } else if byte == UInt8(ascii: ">")
                        || ((byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*")) && spaceFollows(index + 1)) {
                markers += 1
                columnsBeforeLastMarker = columns
                if spaceFollows(index + 1) { index += 1 }
            } else if let end = orderedListMarkerEnd(bytes, from: index), spaceFollows(end) {
                markers += 1
                columnsBeforeLastMarker = columns
                index = end + 1
                continue
            } else {
                break
            }
            index += 1
        }
        return markers == 0 ? 0 : markers + columnsBeforeLastMarker / 2
    }

    /// The index after `12.` or `3)` starting at `start`, if one is there.
    private static func orderedListMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count, index - start < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > start, index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return nil }
        return index + 1
    }
}
