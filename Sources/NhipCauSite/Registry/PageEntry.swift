import NhipCauLoad

/// One page the site writes: where it is published and what it is made from. `Site.entries` is
/// the one list of pages; rendering, written routes, navigation, the sitemap and `serve`'s refresh
/// all read it.
public struct PageEntry: Sendable {
    public let route: Route
    public let source: PageSource

    public init(_ route: Route, _ source: PageSource) {
        self.route = route
        self.source = source
    }

    public var kind: PageKind { source.kind }
}

/// What a page is made from. Adding a kind of page adds a case here, and the compiler then names
/// every place that must say how to treat it.
public indirect enum PageSource: Sendable {
    case home
    case storyList(page: Int)
    case story(Story)
    case tag(TagIndex)
    case marketList
    case market(Market)
    case policyList
    case policy(Policy)
    case page(Page)
    case noticeList
    case notice(Notice)
    case notFound
    case planList
    case plan(TargetPlan)
    case area(AreaRecord)
    /// `/dia-ban/`, when the site has areas.yml.
    case areaList
    case search
    case planSeries(PlanSeries)
    case reportingStatus
    case eventList
    case pastEventList(page: Int)
    case event(Event)
    case jobList
    case closedJobList(page: Int)
    case job(Job)
    case enterpriseList(page: Int)
    case enterprise(Enterprise)
    case warningList
    case warning(Warning)
    case dataPackage

    public var kind: PageKind {
        switch self {
        case .home: .home
        case .storyList: .storyList
        case .story: .story
        case .tag: .tag
        case .marketList: .marketList
        case .market: .market
        case .policyList: .policyList
        case .policy: .policy
        case .page: .page
        case .noticeList: .noticeList
        case .notice: .notice
        case .notFound: .notFound
        case .planList: .planList
        case .plan: .plan
        case .area: .area
        case .areaList: .areaList
        case .search: .search
        case .planSeries: .planSeries
        case .reportingStatus: .reportingStatus
        case .eventList: .eventList
        case .pastEventList: .pastEventList
        case .event: .event
        case .jobList: .jobList
        case .closedJobList: .closedJobList
        case .job: .job
        case .enterpriseList: .enterpriseList
        case .enterprise: .enterprise
        case .warningList: .warningList
        case .warning: .warning
        case .dataPackage: .dataPackage
        }
    }

    /// The Markdown file the page is made from, if it is made from one.
    public var document: ContentDocument? {
        switch self {
        case .story(let item): item.document
        case .market(let item): item.document
        case .policy(let item): item.document
        case .page(let item): item.document
        case .notice(let item): item.document
        case .event(let item): item.document
        case .job(let item): item.document
        case .enterprise(let item): item.document
        case .warning(let item): item.document
        case .home, .storyList, .tag, .marketList, .policyList, .noticeList, .notFound, .planList, .plan, .area, .search,
             .areaList, .planSeries, .reportingStatus, .jobList, .closedJobList, .dataPackage,
             .enterpriseList, .warningList, .eventList, .pastEventList: nil
        }
    }

    /// The same page with an edited Markdown body (front matter unchanged), for `serve`'s refresh.
    public func replacingBody(with edit: BodyEdit) -> PageSource? {
        switch self {
        case .story(let item): .story(item.replacingBody(with: edit))
        case .market(let item): .market(item.replacingBody(with: edit))
        case .policy(let item): .policy(item.replacingBody(with: edit))
        case .page(let item): .page(item.replacingBody(with: edit))
        case .notice(let item): .notice(item.replacingBody(with: edit))
        case .home, .storyList, .tag, .marketList, .policyList, .noticeList, .notFound, .planList, .plan, .area, .search,
             .areaList, .planSeries, .reportingStatus, .jobList, .closedJobList, .dataPackage: nil
        case .event(let item): .event(item.replacingBody(with: edit))
        case .job(let item): .job(item.replacingBody(with: edit))
        case .enterprise(let item): .enterprise(item.replacingBody(with: edit))
        case .warning(let item): .warning(item.replacingBody(with: edit))
        case .home, .storyList, .tag, .marketList, .policyList, .noticeList, .notFound, .planList, .plan, .area, .search: nil
        case .enterpriseList, .warningList: nil
        case .eventList, .pastEventList: nil
        }
    }
}
