/// View models of the target pages: plans, one plan, one area.

struct FigureFactsView {
    let period: String
    let target: String
    let achieved: String
    let percent: String?
    let remaining: String?
    let status: String
    let statusKey: String
}

struct PlanRowView {
    let title: String
    let href: String
    let issuer: String
    let period: String
    let target: String
    let achieved: String
    let percent: String
    let status: String
    let statusKey: String
}

struct PlanListView {
    let t: UIStrings
    let rows: [PlanRowView]
}

struct DownloadView {
    let label: String
    let href: String
}

struct PlanView {
    let t: UIStrings
    let title: String
    let issuer: String
    let document: String?
    let unit: String
    let facts: FigureFactsView
    let charts: [String]
    let areas: ListView<LinkView>?
    let downloads: [DownloadView]
}

struct AreaPlanView {
    let planTitle: String
    let planHref: String
    let facts: FigureFactsView
    let charts: [String]
}

struct AreaView {
    let t: UIStrings
    let name: String
    let plans: [AreaPlanView]
    let stories: ListView<StoryCardView>?
}

struct PlanCountView {
    let title: String
    let href: String
    let count: String
    let period: String
}
