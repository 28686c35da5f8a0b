import NhipCauCore

/// One enterprise's keys as read from a `.md` front matter or a CSV row, each with where it is
/// written, before the two are put together and checked.
struct EnterpriseFields {
    static let keys = ["name", "short_name", "licence", "licence_issued", "markets", "address", "phone", "email",
                       "website", "tax_code", "suspensions", "revoked", "sample", "updated"]
    /// The CSV columns: the keys, with the revocation in two columns and the slug in its own.
    static let csvColumns = ["slug", "name", "short_name", "licence", "licence_issued", "markets", "address", "phone",
                             "email", "website", "tax_code", "suspensions", "revoked_date", "revoked_decision", "sample"]
    static let textKeys = ["name", "short_name", "licence", "address", "email", "website", "tax_code"]

    var texts: [String: Located<String>] = [:]
    var licenceIssued: Located<SimpleDate>?
    var markets: [Located<String>]?
    var phones: [Located<String>]?
    var suspensions: Located<[Suspension]>?
    var revoked: Located<Revocation>?
    var sample: Located<Bool>?
    /// Every key given (read or not), and where: a key given in both the CSV and the `.md` is an error.
    var given: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []

    /// The `.md` fields laid over the CSV row's, with an error for each key written in both.
    func merged(over row: EnterpriseFields, rowFile: String, rowLine: Int) -> EnterpriseFields {
        var result = row
        result.diagnostics = row.diagnostics + diagnostics
        for (key, location) in given.sorted(by: { $0.value < $1.value }) where key != "updated" {
            if row.given[key] != nil {
                result.diagnostics.append(.error(location, "load.enterpriseKeyInBoth", ["key": "\(key)", "csv": "\(rowFile)", "row": .integer(rowLine)]))
            }
            result.given[key] = location
        }
        result.texts.merge(texts) { $1 }
        result.licenceIssued = licenceIssued ?? row.licenceIssued
        result.markets = markets ?? row.markets
        result.phones = phones ?? row.phones
        result.suspensions = suspensions ?? row.suspensions
        result.revoked = revoked ?? row.revoked
        result.sample = sample ?? row.sample
        return result
    }

    /// The enterprise, or nil (with errors) when a required key is missing; `missing` is where to say so.
    func enterprise(_ document: ContentDocument, missing: SourceLocation) -> (Enterprise?, [Diagnostic]) {
        var problems = diagnostics
        let missingKey = missing.file.hasSuffix(".csv") ? "load.csvRequiredCellEmpty" : "load.requiredKeyMissingAdd"
        for (key, example) in [("name", "Công ty Cổ phần Cung ứng Nhân lực Mẫu A"), ("licence", "123/LĐTBXH-GP")] where texts[key] == nil && given[key] == nil {
            problems.append(.error(missing, missingKey, ["key": "\(key)", "example": "\(example)"]))
        }
        if licenceIssued == nil && given["licence_issued"] == nil {
            problems.append(.error(missing, missingKey, ["key": "licence_issued", "example": "2021-03-31"]))
        }
        if let revoked, let issued = licenceIssued, revoked.value.date < issued.value {
            problems.append(.error(revoked.location, "load.enterpriseRevokedBeforeIssued", ["revoked": .date(revoked.value.date), "issued": .date(issued.value)]))
        }
        for phone in phones ?? [] where PhoneNumber(phone.value) == nil {
            problems.append(.warning(phone.location, "load.enterprisePhoneNotVietnamese", ["phone": "\(phone.value)"]))
        }
        guard let name = texts["name"], let licence = texts["licence"], let issued = licenceIssued else { return (nil, problems) }
        let enterprise = Enterprise(
            document: document, name: name.value, shortName: texts["short_name"]?.value, licence: licence.value,
            licenceIssued: issued.value, markets: markets ?? [], address: texts["address"]?.value,
            phones: (phones ?? []).map(\.value), email: texts["email"]?.value, website: texts["website"]?.value,
            taxCode: texts["tax_code"]?.value, suspensions: suspensions?.value ?? [], revoked: revoked?.value,
            sample: sample?.value ?? false, licenceLocation: licence.location)
        return (problems.contains { $0.severity == .error } ? nil : enterprise, problems)
    }
}

/// `enterprises/<slug>.md`: the front matter read into `EnterpriseFields`.
enum EnterpriseParser {
    static func fields(_ frontMatter: inout FrontMatter) -> EnterpriseFields {
        var fields = EnterpriseFields()
        for key in frontMatter.order { fields.given[key] = frontMatter.keyLocation(key) }
        for key in EnterpriseFields.textKeys {
            if let text = frontMatter.text(key) { fields.texts[key] = Located(text, at: frontMatter.location(of: key)) }
        }
        if let issued = frontMatter.date("licence_issued") { fields.licenceIssued = Located(issued, at: frontMatter.location(of: "licence_issued")) }
        if fields.given["markets"] != nil { fields.markets = frontMatter.locatedList("markets", example: "[nhat-ban, han-quoc]") }
        if fields.given["phone"] != nil { fields.phones = frontMatter.locatedList("phone", example: "[0912 345 678, 0259 3822 123]") }
        if fields.given["suspensions"] != nil { fields.suspensions = Located(suspensions(&frontMatter), at: frontMatter.location(of: "suspensions")) }
        if fields.given["revoked"] != nil { fields.revoked = revocation(&frontMatter).map { Located($0, at: frontMatter.location(of: "revoked")) } }
        if fields.given["sample"] != nil { fields.sample = Located(frontMatter.bool("sample"), at: frontMatter.location(of: "sample")) }
        frontMatter.refuseDraft(kind: .enterprise)
        frontMatter.warnUnknownKeys(allowed: EnterpriseFields.keys + ["draft"])
        fields.diagnostics = frontMatter.diagnostics
        return fields
    }

    static let suspensionExample = "\n  - from: 2026-11-01\n    to: 2027-01-31\n    decision: Quyết định 45/QĐ-LĐTBXH"

    private static func suspensions(_ frontMatter: inout FrontMatter) -> [Suspension] {
        let place = frontMatter.location(of: "suspensions")
        var result: [Suspension] = []
        for var item in frontMatter.mappingList("suspensions", example: suspensionExample) {
            let from = item.date("from"), to = item.date("to")
            let decision = item.text("decision")
            item.warnUnknownKeys(allowed: ["from", "to", "decision"])
            if from == nil || to == nil, item.diagnostics.isEmpty {
                item.appendError(at: place, "load.valueExample", ["key": "suspensions", "expected": .message(LocalizedText("load.listOfKeyValueItems")), "example": "\(suspensionExample)"])
            }
            if let from, let to, to < from {
                item.appendError(at: item.location(of: "to"), "load.enterpriseSuspensionEndsBeforeStart", ["from": .date(from), "to": .date(to)])
            }
            frontMatter.appendDiagnostics(item.diagnostics)
            if let from, let to, from <= to { result.append(Suspension(from: from, to: to, decision: decision)) }
        }
        return result
    }

    private static func revocation(_ frontMatter: inout FrontMatter) -> Revocation? {
        guard var nested = frontMatter.mapping("revoked") else { return nil }
        let date = nested.date("date")
        let decision = nested.text("decision")
        nested.warnUnknownKeys(allowed: ["date", "decision"])
        if date == nil, nested.diagnostics.isEmpty {
            nested.appendError(at: frontMatter.location(of: "revoked"), "load.requiredKeyMissingAdd", ["key": "revoked.date", "example": "2026-06-30"])
        }
        frontMatter.appendDiagnostics(nested.diagnostics)
        return date.map { Revocation(date: $0, decision: decision) }
    }
}

/// `enterprises/*.csv`: the official list as a spreadsheet, one enterprise a row.
enum EnterpriseCSV {
    struct Row {
        let slug: String
        let line: Int
        let fields: EnterpriseFields
    }

    /// The rows, or the problems of the whole file (an unknown column, no `name` column).
    static func rows(_ table: CSVTable, file: String) -> (rows: [Row], problems: [Diagnostic]) {
        guard let header = table.rows.first else { return ([], []) }
        var problems: [Diagnostic] = []
        for cell in header where !EnterpriseFields.csvColumns.contains(cell.text) {
            problems.append(.error(SourceLocation(file: file, line: cell.line, column: cell.column), "load.csvUnknownColumn",
                                   ["column": "\(cell.text)", "known": "\(EnterpriseFields.csvColumns.joined(separator: ", "))"]))
        }
        let names = header.map(\.text)
        if Set(names).count != names.count {
            for (index, cell) in header.enumerated() where names[..<index].contains(cell.text) {
                problems.append(.error(SourceLocation(file: file, line: cell.line, column: cell.column), "load.csvColumnTwice", ["column": "\(cell.text)"]))
            }
        }
        guard problems.isEmpty else { return ([], problems) }
        var rows: [Row] = []
        for cells in table.rows.dropFirst() {
            let line = cells.first?.line ?? 1
            guard cells.count == header.count else {
                problems.append(.error(SourceLocation(file: file, line: line, column: 1), "load.csvWrongCellCount",
                                       ["count": .integer(cells.count), "expected": .integer(header.count)]))
                continue
            }
            let row = Dictionary(uniqueKeysWithValues: zip(names, cells))
            rows.append(parseRow(row, file: file, line: line, problems: &problems))
        }
        return (rows, problems)
    }

    private static func parseRow(_ row: [String: CSVTable.Cell], file: String, line: Int, problems: inout [Diagnostic]) -> Row {
        var fields = EnterpriseFields()
        func at(_ cell: CSVTable.Cell) -> SourceLocation { SourceLocation(file: file, line: cell.line, column: cell.column) }
        for (column, cell) in row where !cell.text.isEmpty && column != "slug" {
            fields.given[column.hasPrefix("revoked_") ? "revoked" : column] = at(cell)
        }
        for key in EnterpriseFields.textKeys {
            if let cell = row[key], !cell.text.isEmpty { fields.texts[key] = Located(cell.text, at: at(cell)) }
        }
        if let cell = row["licence_issued"], !cell.text.isEmpty {
            fields.licenceIssued = date(cell, column: "licence_issued", at(cell), &fields.diagnostics).map { Located($0, at: at(cell)) }
        }
        if let cell = row["markets"], !cell.text.isEmpty { fields.markets = list(cell.text).map { Located($0, at: at(cell)) } }
        if let cell = row["phone"], !cell.text.isEmpty { fields.phones = list(cell.text).map { Located($0, at: at(cell)) } }
        if let cell = row["suspensions"], !cell.text.isEmpty {
            fields.suspensions = Located(suspensions(cell, at(cell), &fields.diagnostics), at: at(cell))
        }
        if let cell = row["revoked_date"], !cell.text.isEmpty, let day = date(cell, column: "revoked_date", at(cell), &fields.diagnostics) {
            let decision = row["revoked_decision"].flatMap { $0.text.isEmpty ? nil : $0.text }
            fields.revoked = Located(Revocation(date: day, decision: decision), at: at(cell))
        } else if let cell = row["revoked_decision"], !cell.text.isEmpty, row["revoked_date"]?.text.isEmpty ?? true {
            fields.diagnostics.append(.error(at(cell), "load.csvRevokedDecisionWithoutDate"))
        }
        if let cell = row["sample"], !cell.text.isEmpty {
            let flag = Bool(cell.text.lowercased())
            if flag == nil { fields.diagnostics.append(.error(at(cell), "load.csvCellNotTrueFalse", ["column": "sample", "raw": "\(cell.text)"])) }
            fields.sample = Located(flag ?? false, at: at(cell))
        }
        let slugCell = row["slug"].flatMap { $0.text.isEmpty ? nil : $0 }
        let slug = slugCell?.text ?? VietnameseText.slug(row["short_name"]?.text.nonEmpty ?? row["name"]?.text ?? "")
        if let slugCell, !VietnameseText.isValidSlug(slugCell.text) {
            fields.diagnostics.append(.error(at(slugCell), "load.csvSlugNotValid", ["slug": "\(slugCell.text)", "suggestion": "\(VietnameseText.slug(slugCell.text))"]))
        }
        return Row(slug: slug, line: line, fields: fields)
    }

    /// `a; b; c`: a list in one cell.
    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// A date in a cell, read as front matter dates are.
    private static func date(_ cell: CSVTable.Cell, column: String, _ location: SourceLocation, _ problems: inout [Diagnostic]) -> SimpleDate? {
        guard let day = SimpleDate(iso: cell.text) else {
            problems.append(.error(location, "load.notRealDayYear", ["key": "\(column)", "raw": "\(cell.text)"]))
            return nil
        }
        return day
    }

    /// `2026-11-01..2027-01-31 Quyết định 45/QĐ-LĐTBXH; …`: each suspension is its first and last
    /// day joined by `..`, then the decision.
    private static func suspensions(_ cell: CSVTable.Cell, _ location: SourceLocation, _ problems: inout [Diagnostic]) -> [Suspension] {
        var result: [Suspension] = []
        for item in list(cell.text) {
            let parts = item.split(separator: " ", maxSplits: 1).map(String.init)
            let days = parts[0].components(separatedBy: "..")
            guard days.count == 2, let from = SimpleDate(iso: days[0].trimmed), let to = SimpleDate(iso: days[1].trimmed) else {
                problems.append(.error(location, "load.csvSuspensionForm", ["raw": "\(item)"]))
                continue
            }
            guard from <= to else {
                problems.append(.error(location, "load.enterpriseSuspensionEndsBeforeStart", ["from": .date(from), "to": .date(to)]))
                continue
            }
            result.append(Suspension(from: from, to: to, decision: parts.count > 1 ? parts[1].trimmed : nil))
        }
        return result
    }
}

enum WarningParser {
    static let keys = ["title", "date", "source", "names", "markets", "areas", "summary", "sample", "updated", "draft"]

    static func parse(_ fields: inout FrontMatter, _ document: ContentDocument) -> Warning? {
        let title = fields.text("title", required: true, example: "Cảnh báo tuyển lao động đi Hàn Quốc trái phép")
        let date = fields.date("date", required: true)
        let source = fields.text("source", required: true, example: "Cục Quản lý lao động ngoài nước, Công văn 123/QLLĐNN-VP")
        let warning = Warning(
            document: document, title: title ?? "", date: date ?? .epoch, source: source ?? "",
            names: fields.textList("names", example: "[Nguyễn Văn X, 0912 345 678, facebook.com/tuyen-dung-x]"),
            markets: fields.locatedList("markets", example: "[nhat-ban, han-quoc]"),
            areas: fields.locatedList("areas", example: "[ninh-son, bac-ai]"),
            summary: fields.text("summary"), sample: fields.bool("sample"))
        if let date { fields.checkUpdated(document, notBefore: date, named: "date") }
        fields.refuseDraft(kind: document.kind)
        fields.warnUnknownKeys(allowed: keys)
        return title == nil || date == nil || source == nil ? nil : warning
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
