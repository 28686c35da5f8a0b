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
    /// 1-based line of the `---` that closes the front matter.
    let closingLine: Int
    let body: String
    /// 1-based line in the file where the body starts.
    let bodyLine: Int

    static func split(_ text: String, file: String) -> Result<SplitDocument, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true else {
            return .failure(.error(SourceLocation(file: file, line: 1, column: 1),
                vi: "Tệp phải bắt đầu bằng phần đầu trang: một dòng `---`, các dòng như `title: …`, rồi một dòng `---` nữa.",
                en: "The file must start with front matter: a `---` line, lines such as `title: …`, then another `---` line."))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" }) else {
            return .failure(.error(SourceLocation(file: file, line: 1, column: 1),
                vi: "Phần đầu trang mở bằng `---` ở dòng 1 nhưng không có dòng `---` đóng lại. Thêm một dòng chỉ có `---` sau khóa cuối cùng.",
                en: "The front matter opened with `---` on line 1 is never closed. Add a line holding only `---` after the last key."))
        }
        if let second = continuedFrontMatter(lines, closedAt: close) {
            return .failure(.error(SourceLocation(file: file, line: close + 1, column: 1),
                vi: "Dòng `---` này kết thúc phần đầu trang, nhưng các dòng sau nó (tới dòng `---` số \(second + 1)) vẫn giống phần đầu trang. Một dòng chỉ có `---` không thể nằm trong một giá trị: viết giá trị trên một dòng trong ngoặc kép, hoặc xóa dòng `---` thừa.",
                en: "This `---` line ends the front matter, but the lines after it (up to the `---` on line \(second + 1)) still look like front matter. A line holding only `---` cannot be part of a value: write the value on one line in quotes, or remove the extra `---` line."))
        }
        let frontMatter = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(SplitDocument(frontMatter: frontMatter, frontMatterLine: 2, closingLine: close + 1,
                                      body: body, bodyLine: close + 2))
    }

    /// A `---` inside a value closes the front matter early: the lines right after it (with no blank
    /// line between) are indented or `key:` lines, up to another `---`. Returns that `---`'s index.
    /// Officers leave a blank line after the front matter, so Markdown rarely looks like this.
    private static func continuedFrontMatter(_ lines: [Substring], closedAt close: Int) -> Int? {
        var index = close + 1
        guard index < lines.count, looksLikeFrontMatter(lines[index]) else { return nil }
        while index < lines.count {
            let line = lines[index]
            if line.trimmingTrailingSpaces == "---" { return index }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
            index += 1
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
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
