import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Open data downloads of the job orders: `/don-hang/don-hang.csv` (one row an order, opens in
/// Excel) and `/don-hang/don-hang.json` (each order with its costs), both with every published
/// order (open, paused, closed) and its status and its enterprise's status as of `date`, the build date.
public enum JobData {
    static let columns = ["slug", "title", "status", "date", "apply_by", "enterprise", "enterprise_name", "enterprise_licence",
                          "enterprise_status", "market", "market_name", "occupation", "positions", "salary_min_vnd", "salary_max_vnd",
                          "contract", "contract_months", "service_fee_vnd", "service_fee_cap_vnd", "total_cost_vnd", "deposit_vnd",
                          "areas", "approval_number", "approval_date", "url", "sample", "as_of"]

    /// Starts with a byte-order mark so that spreadsheet programs read it as UTF-8; lines end in CRLF.
    /// Made a row at a time (tens of thousands of orders on a big site).
    public static func csv(_ site: Site, words: [String: String]) -> String {
        var text = "\u{FEFF}" + columns.map(PlanData.csvCell).joined(separator: ",")
        for job in site.jobs.all {
            text += "\r\n" + row(for: job, in: site, words: words).map(PlanData.csvCell).joined(separator: ",")
        }
        return text + "\r\n"
    }

    public static func json(_ site: Site, words: [String: String]) -> String {
        let jobs = site.jobs.all
        return JSONOut.indentedText([("as_of", .string(site.today.iso))], thenArray: "jobs", of: jobs.count) {
            record(for: jobs[$0], in: site, words: words)
        }
    }

    static func statusWords(_ status: JobStatus, _ words: [String: String]) -> String {
        switch status {
        case .open: words["jobStatusOpen"] ?? status.code
        case .closed: words["jobStatusClosed"] ?? status.code
        case .paused: words["jobStatusPaused"] ?? status.code
        }
    }

    /// "Tạm đình chỉ đến 31/08/2021", as the register's download writes it.
    static func enterpriseStatusWords(_ status: EnterpriseStatus, _ words: [String: String]) -> String {
        (words[status.wordingKey] ?? status.code).replacingOccurrences(of: "{date}", with: status.day?.dayMonthYear ?? "")
    }

    private static func serviceFee(_ job: Job) -> Int? {
        job.serviceFee == nil ? nil : job.costs.filter(\.isServiceFee).reduce(0) { $0 + $1.vnd }
    }

    private static func cap(_ job: Job, in site: Site) -> Int? {
        guard let cap = site.marketsBySlug[job.market.value]?.serviceFeeCap, let salary = job.salaryVND,
              let months = job.contractMonths else { return nil }
        return cap.vnd(monthlySalary: salary.lowerBound, contractMonths: months)
    }

    private static func row(for job: Job, in site: Site, words: [String: String]) -> [String] {
        let enterprise = site.enterprise(job.enterprise.value)
        let number = { (value: Int?) in value.map(String.init) ?? "" }
        return [
            job.document.slug, job.title, statusWords(site.jobs.status(of: job), words), job.date.iso, job.applyBy.iso,
            job.enterprise.value, enterprise?.name ?? "", enterprise?.licence ?? "",
            enterprise.map { enterpriseStatusWords(site.status(of: $0), words) } ?? "",
            job.market.value, site.marketsBySlug[job.market.value]?.title ?? "", job.occupation, String(job.positions),
            number(job.salaryVND?.lowerBound), number(job.salaryVND?.upperBound), job.contract ?? "", number(job.contractMonths),
            number(serviceFee(job)), number(cap(job, in: site)), job.costs.isEmpty ? "" : String(job.totalCostVND), number(job.depositVND),
            job.areas.map(\.value).joined(separator: ";"), job.approval?.number ?? "", job.approval?.date?.iso ?? "",
            "/" + Routes.job(job.document.slug).path, job.sample ? "true" : "false", site.today.iso,
        ]
    }

    private static func record(for job: Job, in site: Site, words: [String: String]) -> JSONOut {
        let enterprise = site.enterprise(job.enterprise.value)
        let status = site.jobs.status(of: job)
        return .fields([
            ("slug", .string(job.document.slug)), ("title", .string(job.title)),
            ("status", .string(status.code)), ("status_text", .string(statusWords(status, words))),
            ("date", .string(job.date.iso)), ("apply_by", .string(job.applyBy.iso)),
            ("enterprise", .fields([
                ("slug", .string(job.enterprise.value)), ("name", enterprise.map { .string($0.name) }),
                ("licence", enterprise.map { .string($0.licence) }),
                ("status", enterprise.map { .string(site.status(of: $0).code) }),
            ])),
            ("market", .string(job.market.value)), ("occupation", .string(job.occupation)), ("positions", .integer(job.positions)),
            ("salary_vnd", job.salaryVND.map { .array([.integer($0.lowerBound), .integer($0.upperBound)]) }),
            ("salary_note", job.salaryNote.map(JSONOut.string)),
            ("contract", job.contract.map(JSONOut.string)), ("contract_months", job.contractMonths.map(JSONOut.integer)),
            ("costs", .array(job.costs.map { cost in
                .fields([("item", .string(cost.item)), ("vnd", .integer(cost.vnd)), ("note", cost.note.map(JSONOut.string)),
                         ("kind", cost.isServiceFee ? .string("service_fee") : nil)])
            })),
            ("total_cost_vnd", .integer(job.totalCostVND)),
            ("service_fee_vnd", serviceFee(job).map(JSONOut.integer)), ("service_fee_cap_vnd", cap(job, in: site).map(JSONOut.integer)),
            ("deposit_vnd", job.depositVND.map(JSONOut.integer)),
            ("areas", .array(job.areas.map { .string($0.value) })),
            ("approval", job.approval.map { approval in
                .fields([("number", .string(approval.number)), ("date", approval.date.map { .string($0.iso) })])
            }),
            ("summary", job.summary.map(JSONOut.string)),
            ("url", .string("/" + Routes.job(job.document.slug).path)), ("sample", .bool(job.sample)),
        ])
    }
}
