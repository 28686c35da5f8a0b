import NhipCauCore

/// ```` ```table ```` blocks: rows pasted from a spreadsheet (tab-separated) or written with commas
/// become an accessible HTML table whose first row is the header. Plain CommonMark has no tables.
enum TableBlock {
    static func html(_ content: String, location: SourceLocation) -> Result<String, Diagnostic> {
        // Blank lines are skipped, but each row keeps its own line in the file for errors.
        let numbered = content.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (offset: $0.offset, text: String($0.element)) }
            .filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        let lines = numbered.map(\.text)
        guard let first = lines.first else {
            return .failure(.error(location,
                vi: "Khối bảng trống. Dán các dòng từ bảng tính (cột cách nhau bằng phím Tab), dòng đầu là tiêu đề cột.",
                en: "The table block is empty. Paste rows from a spreadsheet (columns separated by Tab), the first row being the headers."))
        }
        let separator: Character = first.contains("\t") ? "\t" : ","
        let rows = lines.map { split($0, by: separator) }
        let width = rows[0].count
        if let bad = rows.firstIndex(where: { $0.count != width }) {
            var place = location
            place.line = (location.line ?? 1) + numbered[bad].offset
            return .failure(.error(place,
                vi: "Dòng này có \(rows[bad].count) cột, dòng tiêu đề có \(width). Mỗi dòng của bảng phải có cùng số cột.",
                en: "This row has \(rows[bad].count) columns, the header row has \(width). Every row must have the same number of columns."))
        }
        var html = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(escape(rows[0].joined(separator: ", ")))\"><table class=\"data-table\">\n<thead><tr>"
        html += rows[0].map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst() {
            html += "<tr>" + row.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(escape(cell))</th>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return .success(html + "</tbody>\n</table></div>\n")
    }

    /// Splits a row; with commas, a cell in double quotes may hold commas (`"1,5 triệu"`).
    static func split(_ line: String, by separator: Character) -> [String] {
        guard separator == "," else {
            return line.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var cells: [String] = []
        var cell = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == separator && !quoted {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        return cells
    }
}

/// Escapes text for HTML element content and attributes.
func escape(_ text: String) -> String { htmlEscaped(text) }
