import NhipCauCore

/// A CSV file as RFC 4180 reads it (the text already decoded: byte-order mark dropped, line ends
/// made LF): cells separated by `,`, a cell in double quotes may hold commas, line breaks and `""`
/// for a quote. Each cell keeps its line and column for messages.
struct CSVTable {
    struct Cell: Sendable {
        let text: String
        let line: Int
        let column: Int
    }

    /// Rows in file order, the header first; blank lines are skipped.
    let rows: [[Cell]]

    static func parse(_ text: String, file: String) -> Result<CSVTable, Diagnostic> {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var cell = ""
        var line = 1, column = 1
        var cellLine = 1, cellColumn = 1
        var inQuotes = false, quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()

        func endCell() {
            row.append(Cell(text: quoted ? cell : cell.trimmed, line: cellLine, column: cellColumn))
            cell = ""
            quoted = false
        }
        func endRow() {
            endCell()
            if !(row.count == 1 && row[0].text.isEmpty && !quoted) { rows.append(row) }
            row = []
        }

        while let scalar = pending {
            pending = scalars.next()
            if row.isEmpty && cell.isEmpty && !quoted && !inQuotes { cellLine = line }
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        cell.unicodeScalars.append("\"")
                        pending = scalars.next()
                        column += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else {
                switch scalar {
                case "\"" where cell.trimmed.isEmpty && !quoted:
                    cell = ""
                    inQuotes = true
                    quoted = true
                case ",":
                    endCell()
                    cellLine = line
                    cellColumn = column + 1
                case "\n":
                    endRow()
                    cellColumn = 1
                default:
                    cell.unicodeScalars.append(scalar)
                }
            }
            if scalar == "\n" {
                line += 1
                column = 1
                if !inQuotes { cellLine = line }
            } else {
                column += 1
            }
        }
        if inQuotes {
            return .failure(.error(SourceLocation(file: file, line: cellLine, column: cellColumn), "load.csvQuoteNotClosed"))
        }
        if !cell.isEmpty || quoted || !row.isEmpty { endRow() }
        return .success(CSVTable(rows: rows))
    }
}
