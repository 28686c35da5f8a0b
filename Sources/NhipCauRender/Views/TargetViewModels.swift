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
}

struct AreaPlanView: Codable {
    let planTitle: String
    let planHref: String
    let sampleNote: String?
    let facts: FigureFactsView
    let charts: [String]
}

struct AreaView: Codable {
    let t: Wording
    let name: String
    let plans: [AreaPlanView]
    let notices: ListView<NoticeCardView>?
    let stories: ListView<StoryCardView>?
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
