import NhipCauCore

/// `content/enterprises/`: one `.md` per enterprise, and/or `*.csv` lists with one enterprise a
/// row; a `.md` whose name is a row's slug adds its body (and keys the row leaves empty).
enum EnterpriseLoader {
    private struct CSVRow {
        let file: String
        let row: EnterpriseCSV.Row
    }

    static func load(_ reader: DocumentReader, _ diagnostics: inout Diagnostics, _ unusable: inout Set<String>) -> [Enterprise] {
        let folder = ContentKind.enterprise.folder
        let files: [String]
        do {
            files = try reader.content.files(in: folder)
        } catch {
            diagnostics.append(.error(SourceLocation(file: folder), "load.cannotReadFolder", ["error": .message(SystemReason.of(error))]))
            return []
        }
        let rows = csvRows(files.filter { $0.hasSuffix(".csv") }.sorted(), reader, &diagnostics, &unusable)
        let markdown = files.filter { !$0.hasSuffix(".csv") }
        let results = markdown.parallelMap { file -> (String, EnterpriseFields?, ContentDocument?, Diagnostic?) in
            switch reader.readDocument(file, kind: .enterprise) {
            case .failure(let problem): return (file, nil, nil, problem)
            case .success(let (parsed, document)):
                var frontMatter = parsed
                return (file, EnterpriseParser.fields(&frontMatter), document, nil)
            }
        }
        var enterprises: [Enterprise] = []
        var withBody = Set<String>()
        for (file, fields, document, problem) in results {
            if let problem { diagnostics.append(problem) }
            guard let fields, let document else {
                if file.hasSuffix(".md") { unusable.insert(file) }
                continue
            }
            var all = fields
            if let row = rows[document.slug] {
                all = fields.merged(over: row.row.fields, rowFile: row.file, rowLine: row.row.line)
                withBody.insert(document.slug)
            }
            let (enterprise, problems) = all.enterprise(document, missing: SourceLocation(file: file, line: 2, column: 1))
            diagnostics.append(contentsOf: problems)
            if let enterprise { enterprises.append(enterprise) } else { unusable.insert(file) }
        }
        for (slug, row) in rows.sorted(by: { $0.key < $1.key }) where !withBody.contains(slug) {
            let document = ContentDocument(kind: .enterprise, slug: slug, file: row.file, body: .text(""), bodyLine: 1,
                                           frontMatterSource: "", updated: nil, updatedLocation: nil)
            let (enterprise, problems) = row.row.fields.enterprise(document, missing: SourceLocation(file: row.file, line: row.row.line, column: 1))
            diagnostics.append(contentsOf: problems)
            // References to the slug of a row with errors are not reported again (as for a file).
            if let enterprise { enterprises.append(enterprise) } else { unusable.insert(folder + "/" + slug + ".md") }
        }
        diagnostics.append(contentsOf: ContentLoader.duplicateSlugs(markdown))
        diagnostics.append(contentsOf: duplicateLicences(enterprises))
        return enterprises.sorted { $0.document.slug < $1.document.slug }
    }

    /// Every CSV's rows by slug; a slug given twice (in one file or two) is an error on the later row.
    private static func csvRows(_ files: [String], _ reader: DocumentReader, _ diagnostics: inout Diagnostics,
                                _ unusable: inout Set<String>) -> [String: CSVRow] {
        var rows: [String: CSVRow] = [:]
        for file in files {
            let parsed = reader.readText(file).flatMap { CSVTable.parse($0, file: file) }
            switch parsed {
            case .failure(let problem):
                diagnostics.append(problem)
                unusable.insert(file)
            case .success(let table):
                let (fileRows, problems) = EnterpriseCSV.rows(table, file: file)
                diagnostics.append(contentsOf: problems)
                if !problems.isEmpty { unusable.insert(file) }
                for row in fileRows {
                    if let first = rows[row.slug] {
                        diagnostics.append(.error(SourceLocation(file: file, line: row.line, column: 1), "load.csvSlugTwice",
                                                  ["slug": "\(row.slug)", "other": "\(first.file)", "line": .integer(first.row.line)]))
                    } else if row.slug.isEmpty {
                        diagnostics.append(.error(SourceLocation(file: file, line: row.line, column: 1), "load.csvRequiredCellEmpty",
                                                  ["key": "name", "example": "Công ty Cổ phần Cung ứng Nhân lực Mẫu A"]))
                    } else {
                        rows[row.slug] = CSVRow(file: file, row: row)
                    }
                }
            }
        }
        return rows
    }

    /// One licence number belongs to one enterprise (compared without case, marks or spaces).
    private static func duplicateLicences(_ enterprises: [Enterprise]) -> [Diagnostic] {
        var first: [String: Enterprise] = [:]
        var problems: [Diagnostic] = []
        for enterprise in enterprises.sorted(by: { $0.licenceLocation < $1.licenceLocation }) {
            if let other = first[enterprise.licenceKey] {
                problems.append(.error(enterprise.licenceLocation, "load.enterpriseLicenceTwice",
                                       ["licence": "\(enterprise.licence)", "other": "\(other.name)", "file": "\(other.licenceLocation.file)"]))
            } else {
                first[enterprise.licenceKey] = enterprise
            }
        }
        return problems
    }
}
