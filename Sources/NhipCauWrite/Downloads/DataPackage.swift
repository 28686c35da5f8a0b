import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The site's target data in one package at `/du-lieu/`: every reported figure of every plan
/// and indicator in long format (`chi-tieu.csv`, and the same rows as `chi-tieu.json`), and
/// `datapackage.json`, a Frictionless Data Package describing both with a table schema each,
/// the targets as an inline table, and each indicator's metadata.
///
/// Like the pages, the package counts only reports dated on or before the build date, so that
/// its totals are the pages' totals (the per-plan downloads hold every entry of the file).
public enum DataPackage {
    public static let columns = DataRows.columns

    public static func observations(_ site: Site) -> [DataRows.Observation] { DataRows.observations(site) }

    /// UTF-8 with a byte-order mark and CRLF, as the per-plan downloads: Excel opens it with the accents intact.
    public static func csv(_ site: Site) -> String {
        let rows = [columns] + observations(site).map(cells)
        return "\u{FEFF}" + rows.map { $0.map(PlanData.csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func cells(_ row: DataRows.Observation) -> [String] {
        [row.plan, row.indicator, row.area ?? "", row.period.iso, String(row.value), row.market ?? "", row.group ?? ""]
    }

    /// The same rows as objects, `null` where the CSV cell is empty.
    public static func json(_ site: Site) -> String {
        let rows = observations(site).map { row -> JSONOut in
            .object([("plan", .string(row.plan)), ("indicator", .string(row.indicator)), ("area", row.area.map(JSONOut.string) ?? .null),
                     ("period", .string(row.period.iso)), ("value", .integer(row.value)),
                     ("market", row.market.map(JSONOut.string) ?? .null), ("group", row.group.map(JSONOut.string) ?? .null)])
        }
        return JSONOut.array(rows).rowsText
    }

    /// `datapackage.json`. `words` gives the descriptions in the site's language (`data.…` UI words).
    public static func descriptor(_ site: Site, words: (String) -> String) -> String {
        var package: [(String, JSONOut)] = [
            ("profile", .string("tabular-data-package")),
            ("name", .string("nhipcau-chi-tieu")),
            ("title", .string(site.config.title + " – " + words("data.packageTitle"))),
            ("description", .string(words("data.packageDescription"))),
            ("created", .string(site.today.iso + "T00:00:00Z")),
        ]
        if let license = site.config.dataLicense {
            var fields: [(String, JSONOut)] = [("name", .string(license.name))]
            if let url = license.url { fields.append(("path", .string(url))) }
            package.append(("licenses", .array([.object(fields)])))
        }
        if let homepage = site.config.baseURL { package.append(("homepage", .string(homepage + "du-lieu/"))) }
        let sources = site.plans.compactMap { plan in plan.document.map { JSONOut.object([("title", .string($0))]) } }
        if !sources.isEmpty { package.append(("sources", .array(sources))) }
        package.append(("resources", .array([
            resource(name: "chi-tieu", path: "chi-tieu.csv", format: "csv", title: words("data.observationsTitle"),
                     description: words("data.observationsDescription"), schema: observationSchema(words)),
            resource(name: "chi-tieu-json", path: "chi-tieu.json", format: "json", title: words("data.observationsJSONTitle"),
                     description: words("data.observationsJSONDescription"), schema: observationSchema(words)),
            targetsResource(site, words: words),
        ])))
        package.append(("indicators", .array(indicatorMetadata(site))))
        return JSONOut.object(package).indentedText
    }

    private static func resource(name: String, path: String, format: String, title: String, description: String, schema: JSONOut) -> JSONOut {
        var fields: [(String, JSONOut)] = [("name", .string(name)), ("path", .string(path)), ("profile", .string("tabular-data-resource")),
                                           ("title", .string(title)), ("description", .string(description)), ("format", .string(format))]
        if format == "csv" { fields.append(("mediatype", .string("text/csv"))) } else { fields.append(("mediatype", .string("application/json"))) }
        fields.append(("encoding", .string(format == "csv" ? "utf-8-sig" : "utf-8")))
        fields.append(("schema", schema))
        return .object(fields)
    }

    private static func field(_ name: String, _ type: String, _ description: String, required: Bool = false, minimum: Int? = nil) -> JSONOut {
        var fields: [(String, JSONOut)] = [("name", .string(name)), ("type", .string(type)), ("description", .string(description))]
        var constraints: [(String, JSONOut)] = []
        if required { constraints.append(("required", .bool(true))) }
        if let minimum { constraints.append(("minimum", .integer(minimum))) }
        if !constraints.isEmpty { fields.append(("constraints", .object(constraints))) }
        return .object(fields)
    }

    private static func observationSchema(_ words: (String) -> String) -> JSONOut {
        .object([("fields", .array([
            field("plan", "string", words("data.fieldPlan"), required: true),
            field("indicator", "string", words("data.fieldIndicator"), required: true),
            field("area", "string", words("data.fieldArea")),
            field("period", "date", words("data.fieldPeriod"), required: true),
            field("value", "integer", words("data.fieldValue"), required: true, minimum: 0),
            field("market", "string", words("data.fieldMarket")),
            field("group", "string", words("data.fieldGroup")),
        ])), ("missingValues", .array([.string("")]))])
    }

    static let targetColumns = ["plan", "indicator", "unit", "area", "parent_area", "name", "period_start", "period_end",
                                "target_min", "target_max", "achieved", "as_of"]

    /// Every plan, indicator and area with its target and what the pages show as achieved on the
    /// build date, inline in the descriptor.
    public static func targetRows(_ site: Site) -> [[JSONOut]] {
        site.plans.flatMap { plan in
            plan.indicators.flatMap { indicator -> [[JSONOut]] in
                let figures = PlanFigures(plan: plan.narrowed(to: indicator), today: site.today)
                func row(_ area: PlanArea?, parent: String?, name: String, target: PlanTarget?, achieved: Int) -> [JSONOut] {
                    [.string(plan.id), .string(indicator.id), .string(indicator.unit), area.map { .string($0.id) } ?? .null,
                     parent.map(JSONOut.string) ?? .null, .string(name), .string(plan.period.start.iso), .string(plan.period.end.iso),
                     target.map { .integer($0.min) } ?? .null, target.map { .integer($0.max) } ?? .null,
                     .integer(achieved), .string(site.today.iso)]
                }
                var rows = [row(nil, parent: nil, name: indicator.name ?? plan.title, target: indicator.target, achieved: figures.plan.achieved)]
                func walk(_ areas: [PlanArea], parent: String?) {
                    for area in areas {
                        rows.append(row(area, parent: parent, name: area.name, target: area.target, achieved: figures.areas[area.id]?.achieved ?? 0))
                        walk(area.areas, parent: area.id)
                    }
                }
                walk(indicator.areas, parent: nil)
                return rows
            }
        }
    }

    private static func targetsResource(_ site: Site, words: (String) -> String) -> JSONOut {
        let header = JSONOut.array(targetColumns.map(JSONOut.string))
        let schema = JSONOut.object([("fields", .array([
            field("plan", "string", words("data.fieldPlan"), required: true),
            field("indicator", "string", words("data.fieldIndicator"), required: true),
            field("unit", "string", words("data.fieldUnit"), required: true),
            field("area", "string", words("data.fieldArea")),
            field("parent_area", "string", words("data.fieldParentArea")),
            field("name", "string", words("data.fieldName"), required: true),
            field("period_start", "date", words("data.fieldPeriodStart"), required: true),
            field("period_end", "date", words("data.fieldPeriodEnd"), required: true),
            field("target_min", "integer", words("data.fieldTargetMin"), minimum: 0),
            field("target_max", "integer", words("data.fieldTargetMax"), minimum: 0),
            field("achieved", "integer", words("data.fieldAchieved"), required: true, minimum: 0),
            field("as_of", "date", words("data.fieldAsOf"), required: true),
        ]))])
        return .object([("name", .string("chi-tieu-muc-tieu")), ("profile", .string("tabular-data-resource")),
                        ("title", .string(words("data.targetsTitle"))), ("description", .string(words("data.targetsDescription"))),
                        ("data", .array([header] + targetRows(site).map(JSONOut.array))),
                        ("schema", schema)])
    }

    private static func indicatorMetadata(_ site: Site) -> [JSONOut] {
        site.plans.flatMap { plan in
            plan.indicators.map { indicator in
                var fields: [(String, JSONOut)] = [("plan", .string(plan.id)), ("indicator", .string(indicator.id)),
                                                   ("name", .string(indicator.name ?? plan.title)), ("unit", .string(indicator.unit)),
                                                   ("issuer", .string(plan.issuer))]
                if let document = plan.document { fields.append(("document", .string(document))) }
                if plan.isSample { fields.append(("sample", .bool(true))) }
                if let about = indicator.about {
                    let optional: [(String, String?)] = [("source", about.source), ("method", about.method), ("frequency", about.frequency),
                                                         ("responsible", about.responsible), ("contact", about.contact), ("updated", about.updated?.iso)]
                    for (key, value) in optional { if let value { fields.append((key, .string(value))) } }
                }
                return .object(fields)
            }
        }
    }
}
