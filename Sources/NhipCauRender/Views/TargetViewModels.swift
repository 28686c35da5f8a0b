/// View models of the target pages: plans, one plan, one area.

struct FigureFactsView: Codable {
    let period: String
    let target: String
    let achieved: String
    let percent: String?
    let remaining: String?
    let status: String
    let statusKey: String
}

struct PlanRowView: Codable {
    let title: String
    let href: String
    let issuer: String
    /// Set for a plan marked `"sample": true`.
    let sampleNote: String?
    let period: String
    let target: String
    let achieved: String
    let percent: String
    let status: String
    let statusKey: String
}

struct PlanListView: Codable {
    let t: Wording
    /// "Số liệu tính đến ngày 25/11/2026.": the build date the figures count up to.
    let asOf: String
    /// Set when every plan listed is sample data; otherwise each sample row says so.
    let sampleNote: String?
    let rows: [PlanRowView]
    /// The data package page, `/du-lieu/`.
    var dataHref: String? = nil
}

struct DownloadView: Codable {
    let label: String
    let href: String
}

struct PlanView: Codable {
    let t: Wording
    let title: String
    let issuer: String
    let document: String?
    let note: String?
    let sampleNote: String?
    let unit: String
    let facts: FigureFactsView
    let charts: [String]
    let areas: ListView<LinkView>?
    let downloads: [DownloadView]
    /// What the downloads hold compared with the page.
    let downloadNote: String
    /// The rest is set only when the plan uses the feature (issue 19), so older plans render as before.
    /// The headline indicator's name, when the plan names its indicators.
    var indicatorName: String? = nil
    var freshness: FreshnessView? = nil
    /// "Về số liệu" of the headline indicator.
    var about: AboutDataView? = nil
    /// The indicators after the headline, each with its figures and charts.
    var indicators: ListView<IndicatorView>? = nil
    /// The series page the plan belongs to.
    var series: LinkView? = nil
}

/// "Số liệu đến 25/12/2021", the next due date, and who missed the last one.
struct FreshnessView: Codable {
    let asOf: String
    let nextDue: String
    /// "Chưa gửi báo cáo đến hạn 25/12/2021: Huyện Bác Ái."; nil when nobody is late.
    let overdue: String?
    let statusHref: String
}

/// "Về số liệu": an indicator's metadata, as term and description pairs.
struct AboutDataView: Codable {
    let headingId: String
    let items: [TermView]
}

struct TermView: Codable {
    let term: String
    let value: String
}

/// One indicator after the headline on a plan page.
struct IndicatorView: Codable {
    let id: String
    let name: String
    let facts: FigureFactsView
    let charts: [String]
    let about: AboutDataView?
}

/// `/chi-tieu/<series>/`: plans that continue one another.
struct PlanSeriesView: Codable {
    let t: Wording
    let title: String
    let intro: String
    let sampleNote: String?
    let plans: [LinkView]
    let charts: [String]
}

/// `/chi-tieu/tinh-trang-bao-cao/`: every plan × area, its last report and whether it is late.
struct ReportingStatusView: Codable {
    let t: Wording
    let intro: String
    let plans: [ReportingPlanView]
}

struct ReportingPlanView: Codable {
    /// The id of the plan's table caption.
    let tableId: String
    let title: String
    let href: String
    let sampleNote: String?
    /// "Hằng quý, ngày 25" or that the plan has no schedule.
    let schedule: String
    let asOf: String
    let nextDue: String
    let rows: [ReportingRowView]
}

struct ReportingRowView: Codable {
    let name: String
    let href: String?
    let lastReport: String
    let status: String
    let isOverdue: Bool
}

struct AreaPlanView: Codable {
    let planTitle: String
    let planHref: String
    let sampleNote: String?
    let facts: FigureFactsView
    let charts: [String]
    /// Set when the plan declares its reporting schedule.
    var freshness: FreshnessView? = nil
}

/// One area's page. Blocks other kinds add (events, warnings, job orders) are `var`s with a nil
/// default, each drawn by its own `{{#name}}` block of `area.mustache`.
struct AreaView: Codable {
    let t: Wording
    let name: String
    let plans: [AreaPlanView]
    let notices: ListView<NoticeCardView>?
    /// The area's events coming up or under way.
    let events: ListView<EventCardView>?
    let stories: ListView<StoryCardView>?
    // From areas.yml (nil without it):
    /// For a unit that no longer exists: where it went, at the top of the page.
    var former: AreaMergerView? = nil
    /// The unit it sits in.
    var partOf: LinkView? = nil
    /// The unit's contacts and merger are made up for the sample site.
    var sampleUnit: Bool = false
    var contacts: AreaContactsView? = nil
    var bank: BankOfficeView? = nil
    /// The sub-units that still exist.
    var units: ListView<LinkView>? = nil
    /// For a current unit: the former units merged into it, with their plans and stories.
    var mergedHere: ListView<MergedUnitView>? = nil
    var allAreasHref: String? = nil
    /// Open job orders that recruit in the area.
    var jobs: JobsBlockView? = nil
    /// Warnings that name the area (set after the rest).
    var warnings: ListView<WarningCardView>? = nil
}

struct PlanCountView: Codable {
    let title: String
    let href: String
    let sampleNote: String?
    let count: String
    let period: String
}

/// A market page's workers by plan: a chart, then the same numbers as a table.
struct MarketPlansView: Codable {
    let chart: String?
    /// Set when every plan listed is sample data; otherwise each sample row says so.
    let sampleNote: String?
    let items: [PlanCountView]
}

/// "Từ 01/07/2025, Huyện Ninh Sơn sáp nhập vào" and the unit it went to.
struct AreaMergerView: Codable {
    let sentence: String
    let into: LinkView
}

struct AreaContactView: Codable {
    let role: String
    let name: String?
    /// Grouped the Vietnamese way when it reads as a Vietnamese number, else as written.
    let phone: String?
    /// `tel:+84…`, only for a number a phone can dial.
    let tel: String?
    let email: String?
    let mailto: String?
    let address: String?
    let hours: String?
}

struct AreaContactsView: Codable {
    let items: [AreaContactView]
    /// The contacts are made up for the sample site.
    let sample: Bool
}

/// The Ngân hàng Chính sách xã hội office that lends for going abroad.
struct BankOfficeView: Codable {
    let name: String
    let phone: String?
    let tel: String?
    let address: String?
    let sample: Bool
}

struct MergedUnitView: Codable {
    let name: String
    let href: String
    /// "Từ 01/07/2025 sáp nhập vào đây."
    let when: String
    let planLinks: ListView<LinkView>?
    let storyLinks: ListView<LinkView>?
}

/// `/dia-ban/`: units that exist grouped under the unit they sit in, then the former units.
struct AreaListView: Codable {
    let t: Wording
    let current: [AreaGroupView]
    let former: ListView<FormerUnitView>?
    let sample: Bool
}

struct AreaGroupView: Codable {
    let unit: AreaItemView
    let members: ListView<AreaItemView>?
}

struct AreaItemView: Codable {
    let name: String
    let href: String
    let contacts: AreaContactsView?
    let bank: BankOfficeView?
}

struct FormerUnitView: Codable {
    let name: String
    let href: String
    let merger: AreaMergerView?
    /// Its sub-units without a merger of their own: they went with it.
    let members: ListView<LinkView>?
}
