#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore

/// ```` ```table ```` blocks: rows pasted from a spreadsheet (tab-separated), saved as CSV by Excel
/// in Vietnamese (semicolons) or written with commas become an accessible HTML table whose first
/// row is the header. Plain CommonMark has no tables.
enum TableBlock {
    static func html(_ content: String, location: SourceLocation) -> Result<String, Diagnostic> {
        let separator = DelimitedText.separator(forHeaderOf: content)
        let rows: [DelimitedText.Row]
        switch DelimitedText.rows(content, separator: separator) {
        case .success(let parsed): rows = parsed
        case .failure(let unclosed):
            return .failure(.error(at(location, unclosed.line), "render.cellOpenedDoubleQuote"))
        }
        guard let header = rows.first else {
            return .failure(.error(location, "render.tableBlockEmptyPaste"))
        }
        let width = header.cells.count
        if let bad = rows.first(where: { $0.cells.count != width }) {
            return .failure(.error(at(location, bad.line), "render.rowColumnsHeaderRow", ["cellsCount": "\(bad.cells.count)", "width": "\(width)", "separatorName": .message(separatorName(separator))]))
        }
        var html = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(escape(header.cells.joined(separator: ", ")))\"><table class=\"data-table\">\n<thead><tr>"
        html += header.cells.map { "<th scope=\"col\">\(cellHTML($0))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst() {
            html += "<tr>" + row.cells.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(cellHTML(cell))</th>" : "<td>\(cellHTML(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return .success(html + "</tbody>\n</table></div>\n")
    }

    /// A line break inside a quoted cell stays a line break.
    private static func cellHTML(_ cell: String) -> String {
        cell.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    private static func at(_ location: SourceLocation, _ offset: Int) -> SourceLocation {
        var place = location
        place.line = (location.line ?? 1) + offset
        return place
    }

    private static func separatorName(_ separator: Character) -> LocalizedText {
        switch separator {
        case "\t": LocalizedText("render.tab")
        case ";": LocalizedText("render.semicolons")
        default: LocalizedText("render.commas")
        }
    }
}

/// Rows of delimited text as RFC 4180 reads them: a cell in double quotes may hold the separator,
/// line breaks, and quotes written twice (`"Có ""ngoặc"""` → `Có "ngoặc"`). Spaces around a cell are
/// dropped (officers line up columns by hand), inside quotes they are kept; blank lines are skipped.
enum DelimitedText {
    struct Row: Equatable {
        var cells: [String]
        /// Lines after the first line of the text where the row starts (0 for the first).
        var line: Int
    }

    struct Unclosed: Error, Equatable {
        /// Lines after the first line of the text where the quoted cell opens.
        let line: Int
    }

    /// Tab when the header line has one (a copy from a spreadsheet); else `;` when the header has
    /// one and no comma outside quotes (Excel's "Save as CSV" with Vietnamese settings); else `,`.
    static func separator(forHeaderOf text: String) -> Character {
        let header = text.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        if header.contains("\t") { return "\t" }
        var quoted = false
        var semicolon = false
        for character in header {
            switch character {
            case "\"": quoted.toggle()
            case "," where !quoted: return ","
            case ";" where !quoted: semicolon = true
            default: break
            }
        }
        return semicolon ? ";" : ","
    }

    static func rows(_ text: String, separator: Character) -> Result<[Row], Unclosed> {
        var rows: [Row] = []
        var cells: [String] = []
        var cell = ""
        var line = 0, rowLine = 0, quoteLine = 0
        var inQuotes = false
        /// The cell was quoted: what follows its closing quote, up to the separator, is only spacing.
        var wasQuoted = false
        var pendingQuote = false
        var rowHasText = false

        func endCell() {
            cells.append(wasQuoted ? cell : cell.trimmed)
            if wasQuoted || !cell.trimmed.isEmpty { rowHasText = true }
            cell = ""
            wasQuoted = false
        }
        func endRow() {
            endCell()
            if rowHasText || cells.count > 1 { rows.append(Row(cells: cells, line: rowLine)) }
            cells = []
            rowHasText = false
        }

        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            if pendingQuote {
                pendingQuote = false
                if character == "\"" { cell.append("\""); continue }
                inQuotes = false
            }
            if inQuotes {
                if character == "\"" { pendingQuote = true; continue }
                if character == "\n" { line += 1 }
                cell.append(character)
                continue
            }
            switch character {
            case "\"" where !wasQuoted && cell.allSatisfy({ $0 == " " }):
                cell = ""
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case separator:
                endCell()
            case "\n":
                endRow()
                line += 1
                rowLine = line
            default:
                // Text after a closing quote (`"a" b`) is kept, as spreadsheets do, except spacing.
                if !(wasQuoted && character == " ") { cell.append(character) }
            }
        }
        if inQuotes && !pendingQuote { return .failure(Unclosed(line: quoteLine)) }
        endRow()
        return .success(rows)
    }
}

/// Escapes text for HTML element content and attributes.
func escape(_ text: String) -> String { htmlEscaped(text) }
