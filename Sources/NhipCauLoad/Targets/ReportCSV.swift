import NhipCauCore

/// A quarterly (or any period's) report pasted from a spreadsheet:
/// `content/targets/<plan-id>/<YYYY-MM-DD>.csv`, the date being the report's date (the end of
/// the period it covers, as `progress[].date` in the plan file). One row per area; columns
/// `area` (an area id of the plan), `count`, and optionally `name` (for people, not read),
/// `indicator` (when the plan has several), `market:<slug>` and `group:<id>` columns.
///
/// What Excel writes is accepted: a byte-order mark, `;` (Vietnamese regional settings) or `,`
/// or tab between cells, quoted cells, CRLF, numbers as `1.200` or `1 200`. A row whose `count` is
/// empty is not reported yet and is skipped (so `nhipcau new report` can list every area).
public struct ReportTable: Sendable, Hashable {
    /// Path relative to `content/`.
    public let file: String
    public let planId: String
    public let date: SimpleDate
    public let rows: [ReportRow]
}

public struct ReportRow: Sendable, Hashable {
    /// The row's line in the file, from 1 (the header is line 1).
    public let line: Int
    public let indicator: String?
    public let areaId: String
    public let entry: ProgressEntry
    /// Where each cell is, by column name, for later checks against the plan.
    public let columns: [String: Int]

    public func location(_ file: String, column name: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: columns[name], jsonPath: name)
    }
}

public enum ReportCSV {
    /// The file name pattern: `targets/<plan-id>/<YYYY-MM-DD>.csv`. Nil when the path is not a report's.
    public static func reportPath(_ file: String) -> (planId: String, name: String)? {
        let parts = file.split(separator: "/")
        guard parts.count == 3, parts[0] == "targets", parts[2].hasSuffix(".csv") else { return nil }
        return (String(parts[1]), String(parts[2].dropLast(".csv".count)))
    }

    /// Reads the cells and numbers; checks against the plan (areas, markets, groups, dates) come later.
    public static func read(file: String, bytes: [UInt8]) -> (table: ReportTable?, diagnostics: [Diagnostic]) {
        guard let (planId, name) = reportPath(file) else { return (nil, [.error(SourceLocation(file: file), "report.fileNameNotDate", ["name": "\(file)"])]) }
        guard let date = SimpleDate(iso: name) else {
            return (nil, [.error(SourceLocation(file: file), "report.fileNameNotDate", ["name": "\(name).csv"])])
        }
        let text: String
        switch SourceText.decode(bytes, file: file) {
        case .failure(let problem): return (nil, [problem])
        case .success(let decoded): text = decoded
        }
        var reader = ReportReader(file: file, date: date)
        let rows = reader.rows(CSVText.records(text))
        let hasErrors = reader.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : ReportTable(file: file, planId: planId, date: date, rows: rows), reader.diagnostics)
    }

    /// `1200`, `1.200`, `1 200` (also a no-break space); nil for anything else, e.g. `1,5` or `-3`.
    public static func wholeNumber(_ cell: String) -> Int? {
        let digits = cell.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        guard !digits.isEmpty else { return nil }
        let groups = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            // A dot is a thousands separator only between groups of three: "1.200", not "1.5".
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        guard digits.count <= 12 else { return nil }
        return Int(groups.joined())
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Splits CSV text into records of cells, each with the line it starts on. The separator is
/// worked out from the header line: the most frequent of `;`, `,` and tab outside quotes.
enum CSVText {
    struct Record {
        let line: Int
        let cells: [String]
    }

    static func separator(of header: Substring) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if !quoted, counts[character] != nil { counts[character, default: 0] += 1 }
        }
        let best = [";", ",", "\t"].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? ","
        return (counts[best] ?? 0) == 0 ? "," : best
    }

    static func records(_ text: String) -> [Record] {
        // The header is the first line with text: Excel may leave blank lines above a pasted table.
        let header = text.split(separator: "\n", omittingEmptySubsequences: true).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        let separator = separator(of: header)
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false, wasQuoted = false
        var line = 1, recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endCell() {
            cells.append(wasQuoted ? cell : cell.trimmingSpaces)
            cell = ""
            wasQuoted = false
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character == "\n" { line += 1 }
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"" where cell.trimmingSpaces.isEmpty:
                cell = ""
                quoted = true
                wasQuoted = true
            case separator:
                endCell()
            case "\n":
                endCell()
                records.append(Record(line: recordLine, cells: cells))
                cells = []
                line += 1
                recordLine = line
            default:
                cell.append(character)
            }
        }
        if !cell.isEmpty || !cells.isEmpty {
            endCell()
            records.append(Record(line: recordLine, cells: cells))
        }
        // Lines with no text at all (Excel adds `;;;` rows below a table) say nothing.
        return records.filter { record in record.cells.contains { !$0.isEmpty } }
    }
}

private extension String {
    var trimmingSpaces: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" || first == "\u{00A0}" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\u{00A0}" { slice = slice.dropLast() }
        return String(slice)
    }
}

private struct ReportReader {
    let file: String
    let date: SimpleDate
    var diagnostics: [Diagnostic] = []

    init(file: String, date: SimpleDate) {
        self.file = file
        self.date = date
    }

    static let knownColumns = ["area", "name", "count", "indicator"]

    mutating func rows(_ records: [CSVText.Record]) -> [ReportRow] {
        guard let header = records.first else {
            diagnostics.append(.error(SourceLocation(file: file, line: 1), "report.noHeaderRow"))
            return []
        }
        var columns: [String: Int] = [:]
        for (index, raw) in header.cells.enumerated() {
            let name = raw.lowercased()
            let location = SourceLocation(file: file, line: header.line, column: index + 1)
            guard !name.isEmpty else { continue }
            if columns[name] != nil {
                diagnostics.append(.error(location, "report.columnTwice", ["column": "\(raw)"]))
            } else if Self.knownColumns.contains(name) || name.hasPrefix("market:") || name.hasPrefix("group:") {
                columns[name] = index
            } else {
                diagnostics.append(.warning(location, "report.columnNotUsed", ["column": "\(raw)"]))
            }
        }
        for required in ["area", "count"] where columns[required] == nil {
            diagnostics.append(.error(SourceLocation(file: file, line: header.line), "report.columnMissing", ["column": "\(required)"]))
        }
        guard let areaColumn = columns["area"], let countColumn = columns["count"] else { return [] }
        var seen: [String: Int] = [:]
        return records.dropFirst().compactMap { record in
            row(record, columns: columns, areaColumn: areaColumn, countColumn: countColumn, seen: &seen)
        }
    }

    private mutating func row(_ record: CSVText.Record, columns: [String: Int], areaColumn: Int, countColumn: Int,
                              seen: inout [String: Int]) -> ReportRow? {
        func cell(_ index: Int) -> String { index < record.cells.count ? record.cells[index] : "" }
        let countCell = cell(countColumn)
        guard !countCell.isEmpty else { return nil }
        let areaId = cell(areaColumn)
        guard !areaId.isEmpty else {
            error(record, areaColumn, "report.areaEmpty")
            return nil
        }
        guard let count = number(record, countColumn, countCell) else { return nil }
        let indicator = columns["indicator"].map(cell).flatMap { $0.isEmpty ? nil : $0 }
        let key = (indicator ?? "") + "\u{0}" + areaId
        if let first = seen[key] {
            error(record, areaColumn, "report.areaTwice", ["area": "\(areaId)", "line": "\(first)"])
            return nil
        }
        seen[key] = record.line
        var markets: [MarketCount] = [], groups: [GroupCount] = []
        for (name, index) in columns.sorted(by: { $0.value < $1.value }) {
            let text = cell(index)
            guard !text.isEmpty else { continue }
            if name.hasPrefix("market:"), let value = number(record, index, text) {
                markets.append(MarketCount(slug: String(name.dropFirst("market:".count)), count: value))
            } else if name.hasPrefix("group:"), let value = number(record, index, text) {
                groups.append(GroupCount(id: String(name.dropFirst("group:".count)), count: value))
            }
        }
        let named = Dictionary(uniqueKeysWithValues: columns.map { ($0.key, $0.value + 1) })
        return ReportRow(line: record.line, indicator: indicator, areaId: areaId,
                         entry: ProgressEntry(date: date, count: count, markets: markets, groups: groups),
                         columns: named)
    }

    private mutating func number(_ record: CSVText.Record, _ column: Int, _ text: String) -> Int? {
        guard let value = ReportCSV.wholeNumber(text) else {
            error(record, column, "report.cellNotWholeNumber", ["value": "\(text)"])
            return nil
        }
        guard value <= 10_000_000 else {
            error(record, column, "load.numberTooLargeMost", ["maximumCount": "10000000"])
            return nil
        }
        return value
    }

    private mutating func error(_ record: CSVText.Record, _ column: Int, _ key: String, _ arguments: [String: MessageArgument] = [:]) {
        diagnostics.append(.error(SourceLocation(file: file, line: record.line, column: column + 1), key, arguments))
    }
}
