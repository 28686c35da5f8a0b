import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// `/du-lieu/`: what the data package holds, its licence, each file with its columns, and the
/// indicators with their metadata and plans.
extension SiteRenderer {
    /// The descriptions of the package's files and columns, written once for the page and
    /// `datapackage.json` (which reads the same UI words).
    var dataColumns: [(table: String, name: String, type: String, description: String)] {
        [
            ("chi-tieu.csv", "plan", "string", strings.text("data.fieldPlan")),
            ("chi-tieu.csv", "indicator", "string", strings.text("data.fieldIndicator")),
            ("chi-tieu.csv", "area", "string", strings.text("data.fieldArea")),
            ("chi-tieu.csv", "period", "date", strings.text("data.fieldPeriod")),
            ("chi-tieu.csv", "value", "integer", strings.text("data.fieldValue")),
            ("chi-tieu.csv", "market", "string", strings.text("data.fieldMarket")),
            ("chi-tieu.csv", "group", "string", strings.text("data.fieldGroup")),
            ("datapackage.json", "unit", "string", strings.text("data.fieldUnit")),
            ("datapackage.json", "parent_area", "string", strings.text("data.fieldParentArea")),
            ("datapackage.json", "name", "string", strings.text("data.fieldName")),
            ("datapackage.json", "period_start", "date", strings.text("data.fieldPeriodStart")),
            ("datapackage.json", "period_end", "date", strings.text("data.fieldPeriodEnd")),
            ("datapackage.json", "target_min", "integer", strings.text("data.fieldTargetMin")),
            ("datapackage.json", "target_max", "integer", strings.text("data.fieldTargetMax")),
            ("datapackage.json", "achieved", "integer", strings.text("data.fieldAchieved")),
            ("datapackage.json", "as_of", "date", strings.text("data.fieldAsOf")),
        ]
    }

    func renderDataPackage() -> RenderedPage {
        let route = Routes.dataPackage
        let observations = DataRows.observations(site).count
        let files = [
            DataFileView(label: "chi-tieu.csv", href: href(Routes.dataCSV, from: route), format: "CSV (UTF-8, Excel)",
                         title: strings.text("data.observationsTitle"), description: strings.text("data.observationsDescription"),
                         rows: formats.numbers.integer(observations)),
            DataFileView(label: "chi-tieu.json", href: href(Routes.dataJSON, from: route), format: "JSON",
                         title: strings.text("data.observationsJSONTitle"), description: strings.text("data.observationsJSONDescription"),
                         rows: formats.numbers.integer(observations)),
            DataFileView(label: "datapackage.json", href: href(Routes.dataDescriptor, from: route), format: "Frictionless Data Package",
                         title: strings.text("data.packageTitle"), description: strings.text("data.packageDescription") + " "
                            + strings.text("data.targetsTitle") + ": " + strings.text("data.targetsDescription"),
                         rows: nil),
        ]
        let columns = dataColumns.map { DataColumnView(file: $0.table, name: $0.name, type: $0.type, description: $0.description) }
        let indicators = site.plans.flatMap { plan in
            plan.indicators.map { indicator in
                DataIndicatorView(plan: plan.title, planHref: href(Routes.plan(plan.id), from: route), id: "\(plan.id) · \(indicator.id)",
                                  name: indicator.name ?? plan.title, unit: indicator.unit,
                                  source: indicator.about?.source ?? plan.document, responsible: indicator.about?.responsible,
                                  sample: plan.isSample)
            }
        }
        let license = site.config.dataLicense.map { DataLicenseView(name: $0.name, href: $0.url) }
        let view = DataPackageView(t: strings, asOf: strings.text("data.asOf", ["date": formats.date(site.today)]),
                                   license: license, files: files, columns: columns, indicators: indicators)
        var frame = PageFrame(route: route, title: strings.text("dataPageTitle"))
        frame.breadcrumbs = [(strings.plans, Routes.plans)]
        return page(frame, .dataPackage, view: view)
    }
}
