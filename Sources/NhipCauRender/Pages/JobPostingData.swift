import NhipCauCore
import NhipCauLoad

/// schema.org `JobPosting` for an open job order's page: what Google's job search and other
/// readers of structured data require (title, description, datePosted, hiringOrganization,
/// jobLocation) and recommend (validThrough, baseSalary, employmentType), with the opening count.
enum JobPostingData {
    static func jsonLD(_ job: Job, enterprise: Enterprise?, market: Market?, body: String,
                       pageURL: String?, enterpriseURL: String?) -> String {
        value(job, enterprise: enterprise, market: market, body: body, pageURL: pageURL, enterpriseURL: enterpriseURL).text
    }

    static func value(_ job: Job, enterprise: Enterprise?, market: Market?, body: String,
                      pageURL: String?, enterpriseURL: String?) -> JSONOut {
        let organization = JSONOut.fields([
            ("@type", .string("Organization")), ("name", .string(enterprise?.name ?? job.enterprise.value)),
            ("url", enterpriseURL.map(JSONOut.string)),
        ])
        let country = market?.countryCode ?? market?.country ?? job.market.value
        let location = JSONOut.fields([
            ("@type", .string("Place")),
            ("address", .fields([("@type", .string("PostalAddress")), ("addressCountry", .string(country))])),
        ])
        let salary = job.salaryVND.map { range in
            JSONOut.fields([
                ("@type", .string("MonetaryAmount")), ("currency", .string("VND")),
                ("value", .fields([("@type", .string("QuantitativeValue")), ("minValue", .integer(range.lowerBound)),
                                   ("maxValue", .integer(range.upperBound)), ("unitText", .string("MONTH"))])),
            ])
        }
        return JSONLD.thing("JobPosting", [
            ("title", .string(job.title)), ("description", .string(description(job, body: body))),
            ("datePosted", .string(job.date.iso)), ("validThrough", .string(job.applyBy.iso + "T23:59:59+07:00")),
            ("employmentType", .array([.string("FULL_TIME"), .string("TEMPORARY")])),
            ("hiringOrganization", organization), ("jobLocation", location), ("baseSalary", salary),
            ("occupationalCategory", .string(job.occupation)), ("totalJobOpenings", .integer(job.positions)),
            ("url", pageURL.map(JSONOut.string)),
        ])
    }

    /// The summary and the page's text: Google asks for the full description.
    static func description(_ job: Job, body: String) -> String {
        [job.summary, job.occupation, body.isEmpty ? nil : body].compactMap { $0 }.joined(separator: "\n\n")
    }
}
