/// View models of the enterprise register and the warnings (`enterprises`, `enterprise`, `warnings`, `warning`).
struct EnterpriseRowView: Codable {
    let name: String
    let shortName: String?
    let href: String
    let licence: String
    /// `active`, `suspended`, `revoked` or `unlicensed`: for the badge's class.
    let statusCode: String
    /// In words, as the register says it: "Tạm đình chỉ đến 31/01/2027".
    let status: String
    /// Not active on the build date: marked in the list, never hidden.
    let flagged: Bool
    let markets: String
    let sample: Bool
}

struct EnterpriseListView: Codable {
    let t: Wording
    let heading: String
    /// "Tình trạng tính đến ngày 06/12/2026."
    let asOf: String
    let rows: [EnterpriseRowView]
    let pagination: PaginationView?
    let csv: String
    let json: String
    let warningsHref: String?
}

struct PhoneView: Codable {
    let label: String
    /// `tel:` link for a Vietnamese number; nil for a number shown as written.
    let href: String?
}

struct EnterpriseView: Codable {
    let t: Wording
    let name: String
    let shortName: String?
    let licence: String
    let statusCode: String
    let status: String
    /// The decision behind a suspension or revocation, in a sentence.
    let statusReason: String?
    let flagged: Bool
    /// The licence's history, one plain sentence each, oldest first.
    let history: [String]
    let markets: ListView<LinkView>?
    let address: String?
    let phones: ListView<PhoneView>?
    let email: String?
    let emailHref: String?
    let website: String?
    let websiteHref: String?
    let taxCode: String?
    /// Warnings that name this enterprise.
    let warnings: ListView<WarningCardView>?
    /// Hook for the enterprise's job orders (open and past), filled by the job-order pages; nil until then.
    let jobs: String?
    let sample: Bool
    let updated: String?
    let body: String
    /// schema.org `Organization` as JSON-LD, already escaped for a `<script>` element.
    let jsonLD: String
}

struct WarningCardView: Codable {
    let title: String
    let href: String
    let date: String
    let dateISO: String
    let source: String
    let summary: String?
    let sample: Bool
}

struct WarningListView: Codable {
    let t: Wording
    let list: ListView<WarningCardView>?
}

struct WarningView: Codable {
    let t: Wording
    let title: String
    let date: String
    let dateISO: String
    let source: String
    let names: ListView<String>?
    /// Registered enterprises the warning names, with their status on the build date.
    let enterprises: ListView<EnterpriseRowView>?
    let summary: String?
    let sample: Bool
    let areas: ListView<LinkView>?
    let markets: ListView<LinkView>?
    let updated: String?
    let body: String
}

/// A market page's block of enterprises active for it, with a link to the whole register.
struct MarketEnterprisesView: Codable {
    let items: [EnterpriseRowView]
    let registerHref: String
}

/// The home page's block: the newest warning of the last 90 days.
struct HomeWarningView: Codable {
    let card: WarningCardView
    let allHref: String
}
