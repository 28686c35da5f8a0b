import NhipCauCore

/// A content file's bytes as text: UTF-8 checked, a byte-order mark dropped, CRLF and CR made LF.
/// UTF-16 (with its byte-order mark) is named as such, not as a binary file.
enum SourceText {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(SourceLocation(file: file), "load.fileSavedUtfWindows"))
        }
        // On the buffer, not the slice: the generic slice paths are several times slower.
        let (hasZero, decoded) = body.withUnsafeBufferPointer { buffer in
            buffer.contains(0) ? (true, nil) : (false, String(validating: buffer, as: UTF8.self))
        }
        if hasZero {
            return .failure(.error(SourceLocation(file: file), "load.binaryFileNotText"))
        }
        guard let text = decoded else {
            let line = body.split(separator: 0x0A, omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
            return .failure(.error(SourceLocation(file: file, line: line), "load.fileNotValidUtf"))
        }
        return .success(normalizeNewlines(text))
    }

    static func normalizeNewlines(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

/// A Markdown file split into its YAML front matter and its body, remembering where each starts.
struct SplitDocument {
    let frontMatter: String
    /// 1-based line in the file of the front matter's first line.
    let frontMatterLine: Int
    /// 1-based line of the `---` that closes the front matter.
    let closingLine: Int
    let body: String
    /// 1-based line in the file where the body starts.
    let bodyLine: Int

    static func split(_ text: String, file: String) -> Result<SplitDocument, Diagnostic> {
        // Walks the UTF-8 bytes line by line only as far as the closing `---`; the body is one slice.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var frontMatterStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let isFence = isFenceLine(text[lineStart..<lineEnd])
            let next = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
            if lineNumber == 1 {
                guard isFence else { return .failure(missingOpening(file)) }
                frontMatterStart = next
            } else if isFence, let start = frontMatterStart {
                if let second = continuedFrontMatter(text[next...], closingLine: lineNumber) {
                    return .failure(dashesInsideAValue(file, closingLine: lineNumber, secondFence: second))
                }
                let frontMatterEnd = start < lineStart ? bytes.index(before: lineStart) : start
                return .success(SplitDocument(frontMatter: String(text[start..<frontMatterEnd]), frontMatterLine: 2,
                                              closingLine: lineNumber, body: String(text[next...]), bodyLine: lineNumber + 1))
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
            lineNumber += 1
        }
        return .failure(frontMatterStart == nil ? missingOpening(file) : missingClosing(file))
    }

    /// A `---` inside a value closes the front matter early: the lines right after it (with no blank
    /// line between) are indented or `key:` lines, up to another `---`. Returns that `---`'s line.
    /// Officers leave a blank line after the front matter, so Markdown rarely looks like this.
    private static func continuedFrontMatter(_ rest: Substring, closingLine: Int) -> Int? {
        var lineNumber = closingLine + 1
        var lineStart = rest.startIndex
        while lineStart < rest.endIndex {
            let lineEnd = rest.utf8[lineStart...].firstIndex(of: 0x0A) ?? rest.endIndex
            let line = rest[lineStart..<lineEnd]
            if lineNumber == closingLine + 1 {
                guard looksLikeFrontMatter(line) else { return nil }
            } else if isFenceLine(line) {
                return lineNumber
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                return nil
            }
            guard lineEnd < rest.endIndex else { return nil }
            lineStart = rest.utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return nil
    }

    private static func looksLikeFrontMatter(_ line: Substring) -> Bool {
        if let first = line.first, first == " " || first == "\t" {
            return line.contains { $0 != " " && $0 != "\t" }
        }
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon]
        let afterColon = line[line.index(after: colon)...]
        return !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && (afterColon.isEmpty || afterColon.first == " ")
    }

    /// `---` with nothing after it but spaces or tabs.
    private static func isFenceLine(_ line: Substring) -> Bool {
        var rest = line.utf8[...]
        while let last = rest.last, last == 0x20 || last == 0x09 { rest = rest.dropLast() }
        return rest.elementsEqual("---".utf8)
    }

    private static func missingOpening(_ file: String) -> Diagnostic {
        .error(SourceLocation(file: file, line: 1, column: 1), "load.fileStartFrontMatter")
    }

    private static func missingClosing(_ file: String) -> Diagnostic {
        .error(SourceLocation(file: file, line: 1, column: 1), "load.frontMatterOpenedLine")
    }

    private static func dashesInsideAValue(_ file: String, closingLine: Int, secondFence: Int) -> Diagnostic {
        .error(SourceLocation(file: file, line: closingLine, column: 1), "load.lineEndsFrontMatter", ["secondFence": "\(secondFence)"])
    }
}
