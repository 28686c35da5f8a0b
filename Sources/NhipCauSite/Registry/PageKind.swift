import NhipCauLoad

/// Every kind of page the site writes. The order of the cases is the order pages are listed and
/// written in (`Site.entries`), so two builds of the same content list them alike.
public enum PageKind: String, Sendable, CaseIterable, Hashable {
    case home, marketList, policyList, notFound, storyList, story, tag, market, policy, page
    case planList, plan, area, search, noticeList, notice
    case areaList
    case planSeries, reportingStatus
    case eventList, pastEventList, event
    case jobList, closedJobList, job
    case enterpriseList, enterprise, warningList, warning
    case dataPackage

    /// What the site declares about this kind of page. Adding a kind adds one line here and its
    /// section in `SiteSections` (if it is a new section); nothing else lists kinds by hand.
    public var declaration: PageDeclaration {
        switch self {
        case .home: PageDeclaration(section: .home, template: "home")
        case .notFound: PageDeclaration(section: .notFound, template: "not-found", inSitemap: false)
        case .storyList: PageDeclaration(section: .stories, template: "stories", reads: [.story, .market])
        case .story: PageDeclaration(section: .stories, template: "story", search: .init(.story, label: "storyKind"), reads: [.story, .market])
        case .tag: PageDeclaration(section: .tags, template: "tag", reads: [.story, .market])
        case .marketList: PageDeclaration(section: .markets, template: "markets")
        case .market: PageDeclaration(section: .markets, template: "market", search: .init(.market, label: "market"))
        case .policyList: PageDeclaration(section: .policies, template: "policies", reads: [.policy, .market])
        case .policy: PageDeclaration(section: .policies, template: "policy", search: .init(.policy, label: "policyKind"),
                                       reads: [.policy, .market])
        case .page: PageDeclaration(section: .pages, template: "page", search: .init(.page, label: "pageKind"))
        case .planList: PageDeclaration(section: .plans, template: "plans")
        case .plan: PageDeclaration(section: .plans, template: "plan", search: .init(.plan, label: "plan"))
        case .area: PageDeclaration(section: .areas, template: "area", search: .init(.area, label: "area"))
        case .search: PageDeclaration(section: .search, template: "search")
        case .noticeList: PageDeclaration(section: .notices, template: "notices")
        case .notice: PageDeclaration(section: .notices, template: "notice", search: .init(.notice, label: "noticeKind"))
        case .areaList: PageDeclaration(section: .areas, template: "areas")
        case .planSeries: PageDeclaration(section: .plans, template: "plan-series")
        case .reportingStatus: PageDeclaration(section: .plans, template: "reporting-status")
        case .eventList: PageDeclaration(section: .events, template: "events")
        case .pastEventList: PageDeclaration(section: .events, template: "past-events")
        case .event: PageDeclaration(section: .events, template: "event", search: .init(.event, label: "eventKind"))
        case .jobList: PageDeclaration(section: .jobs, template: "jobs", reads: Self.registerReads)
        case .closedJobList: PageDeclaration(section: .jobs, template: "jobs-closed", reads: Self.registerReads)
        case .job: PageDeclaration(section: .jobs, template: "job", search: .init(.job, label: "jobKind"), reads: Self.registerReads)
        case .enterpriseList: PageDeclaration(section: .enterprises, template: "enterprises", reads: Self.registerReads)
        case .enterprise: PageDeclaration(section: .enterprises, template: "enterprise", search: .init(.enterprise, label: "enterpriseKind"),
                                           reads: Self.registerReads)
        case .warningList: PageDeclaration(section: .warnings, template: "warnings", reads: Self.registerReads)
        case .warning: PageDeclaration(section: .warnings, template: "warning", search: .init(.warning, label: "warningKind"),
                                        reads: Self.registerReads)
        case .dataPackage: PageDeclaration(section: .data, template: "data")
        }
    }

    public var template: String { declaration.template }

    /// Job orders, enterprises and warnings show one another (a job's enterprise and its licence,
    /// an enterprise's warnings) and market names: their pages and downloads read these.
    public static let registerReads: Set<ContentKind> = [.job, .enterprise, .warning, .market]
}

/// One kind of page: the section it belongs to, the template that draws its content (inside the
/// `layout` template), whether the sitemap lists it and how the search index names it.
public struct PageDeclaration: Sendable {
    public struct Search: Sendable {
        public let kind: SearchDocument.Kind
        /// The UI word (`{{t.name}}`) shown beside each result of this kind.
        public let label: String

        init(_ kind: SearchDocument.Kind, label: String) {
            self.kind = kind
            self.label = label
        }
    }

    public let section: SectionName
    public let template: String
    public let inSitemap: Bool
    /// nil: the page is not in the search index.
    public let search: Search?
    /// The kinds of Markdown file whose front matter these pages may show (besides the page's own
    /// file, and besides what every page shows: `site.yml`, data files, the menu); nil: any kind.
    /// An incremental build keeps a page when none of these changed (`SiteRenderer.reads` narrows
    /// it further for stories and their lists). Saying too little here publishes a stale page,
    /// which `IncrementalBuildTests` is there to catch; saying too much only renders more.
    public let reads: Set<ContentKind>?

    init(section: SectionName, template: String, inSitemap: Bool = true, search: Search? = nil,
         reads: Set<ContentKind>? = nil) {
        self.section = section
        self.template = template
        self.inSitemap = inSitemap
        self.search = search
        self.reads = reads
    }
}
