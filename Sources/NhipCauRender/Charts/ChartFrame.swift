import NhipCauCore

/// The same numbers as a chart, as a real table: the first cell of each row is its header.
struct DataTable {
    var headers: [String]
    var rows: [[String]]
    /// Columns (by index) that hold numbers, right-aligned.
    var numericColumns: Set<Int> = []
}

/// Wraps a chart's drawing in what every chart has: `<figure>`, `<figcaption>` first, the note
/// that the figures are sample data when they are, an SVG with `role="img"` labelled by its
/// `<title>` and `<desc>`, and the data table in `<details>` (unless the page shows the same
/// numbers in a table of its own right after the chart).
struct ChartFrame {
    /// How every chart's markup starts: a page whose content holds it links the chart stylesheet.
    static let openingTag = Array("<figure class=\"chart ".utf8)

    /// Whether `html` holds a chart. Over bytes: `String.contains` compares characters and took
    /// a millisecond on a 13 KB page, this a few microseconds.
    static func isDrawn(in html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            let needle = openingTag
            guard let first = needle.first, bytes.count >= needle.count else { return false }
            var start = 0
            while start <= bytes.count - needle.count {
                if bytes[start] == first {
                    var matched = 1
                    while matched < needle.count && bytes[start + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// The viewBox width; see `ChartText` for how text sizes follow from it.
    static let width = 300.0

    let kind: String
    let idPrefix: String
    let title: String
    let description: String
    let height: Double
    let wording: Wording
    /// "Số liệu mẫu, không phải số liệu chính thức", shown under the caption.
    var note: String? = nil
    /// "Số liệu đến 25/12/2021; kỳ báo cáo tiếp theo …", for a plan that declares its schedule.
    var freshness: String? = nil

    /// The prefix with anything but ASCII letters, digits, `-` and `_` replaced, so the ids it
    /// makes always work in `aria-labelledby` (a space-separated list) and `url(#…)`.
    private var safePrefix: String {
        let cleaned = String(idPrefix.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return cleaned.isEmpty ? "chart" : cleaned
    }

    func render(drawing: String, table: DataTable?) -> String {
        let titleId = "\(safePrefix)-title", descId = "\(safePrefix)-desc"
        let svg = Markup.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "chart-svg"),
            ("viewBox", "0 0 \(Markup.number(Self.width)) \(Markup.number(height))"),
            ("role", "img"),
            ("aria-labelledby", "\(titleId) \(descId)"),
            ("focusable", "false"),
        ], "\n" + Markup.text("title", [("id", titleId)], title) + "\n"
            + Markup.text("desc", [("id", descId)], description) + "\n"
            + hatchPattern() + "\n" + drawing)
        let summary = wording.text("chart.showDataTable")
        let details = table.map { table in
            Markup.element("details", [("class", "chart-data")],
                           "\n" + Markup.text("summary", [], summary) + "\n" + tableMarkup(table) + "\n") + "\n"
        } ?? ""
        let caption = Markup.text("figcaption", [], title) + "\n"
        let noteMarkup = (note.map { Markup.text("p", [("class", "sample-note")], $0) + "\n" } ?? "")
            + (freshness.map { Markup.text("p", [("class", "chart-asof")], $0) + "\n" } ?? "")
        return Markup.element("figure", [("class", "chart chart-\(kind)"), ("id", safePrefix)],
                              "\n" + caption + noteMarkup + svg + "\n" + details) + "\n"
    }

    /// The hatching that fills target bands, so a range differs from a bar by shape, not colour.
    var hatchId: String { "\(safePrefix)-hatch" }

    private func hatchPattern() -> String {
        let line = Markup.element("line", [("x1", "0"), ("y1", "0"), ("x2", "0"), ("y2", "6"), ("class", "chart-hatch")])
        let pattern = Markup.element("pattern", [
            ("id", hatchId), ("width", "6"), ("height", "6"),
            ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)"),
        ], line)
        return Markup.element("defs", [], pattern)
    }

    private func tableMarkup(_ table: DataTable) -> String {
        let headerRow = Markup.element("tr", [], table.headers.map { Markup.text("th", [("scope", "col")], $0) }.joined())
        let bodyRows = table.rows.map { row in
            let cells = row.enumerated().map { index, cell in
                if index == 0 { return Markup.text("th", [("scope", "row")], cell) }
                return table.numericColumns.contains(index)
                    ? Markup.text("td", [("class", "chart-number")], cell)
                    : Markup.text("td", [], cell)
            }
            return Markup.element("tr", [], cells.joined())
        }
        return Markup.element("table", [], "\n" + Markup.text("caption", [], title) + "\n"
            + Markup.element("thead", [], headerRow) + "\n"
            + Markup.element("tbody", [], "\n" + bodyRows.joined(separator: "\n") + "\n") + "\n")
    }
}
