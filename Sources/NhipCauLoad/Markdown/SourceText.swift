import NhipCauCore

/// A content file's bytes as text: UTF-8 checked, a byte-order mark dropped, CRLF and CR made LF.
enum SourceText {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.contains(0) {
            return .failure(.error(SourceLocation(file: file),
                vi: "Đây là tệp nhị phân, không phải văn bản. Chỉ đặt tệp .md (hoặc .json, .yml) ở thư mục này; ảnh và tài liệu để trong media/.",
                en: "This is a binary file, not text. Only .md (or .json, .yml) files belong here; put images and documents in media/."))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let line = body.split(separator: 0x0A, omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
            return .failure(.error(SourceLocation(file: file, line: line),
                vi: "Tệp không phải UTF-8 hợp lệ. Hãy lưu lại tệp với mã hóa UTF-8.",
                en: "The file is not valid UTF-8. Save it again with UTF-8 encoding."))
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
            let isFence = isFenceLine(bytes[lineStart..<lineEnd])
            let next = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
            if lineNumber == 1 {
                guard isFence else { return .failure(missingOpening(file)) }
                frontMatterStart = next
            } else if isFence, let start = frontMatterStart {
                let frontMatterEnd = start < lineStart ? bytes.index(before: lineStart) : start
                let frontMatter = String(text[start..<frontMatterEnd])
                return .success(SplitDocument(frontMatter: frontMatter, frontMatterLine: 2,
                                              body: String(text[next...]), bodyLine: lineNumber + 1))
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
            lineNumber += 1
        }
        return .failure(frontMatterStart == nil ? missingOpening(file) : missingClosing(file))
    }

    /// `---` with nothing after it but spaces or tabs.
    private static func isFenceLine(_ line: Substring.UTF8View) -> Bool {
        var rest = line
        while let last = rest.last, last == 0x20 || last == 0x09 { rest = rest.dropLast() }
        return rest.elementsEqual("---".utf8)
    }

    private static func missingOpening(_ file: String) -> Diagnostic {
        .error(SourceLocation(file: file, line: 1, column: 1),
            vi: "Tệp phải bắt đầu bằng phần đầu trang: một dòng `---`, các dòng như `title: …`, rồi một dòng `---` nữa.",
            en: "The file must start with front matter: a `---` line, lines such as `title: …`, then another `---` line.")
    }

    private static func missingClosing(_ file: String) -> Diagnostic {
        .error(SourceLocation(file: file, line: 1, column: 1),
            vi: "Phần đầu trang mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại. Thêm một dòng chỉ có `---` sau khóa cuối cùng.",
            en: "The front matter opened with `---` on line 1 is never closed. Add a line holding only `---` after the last key.")
    }
}
