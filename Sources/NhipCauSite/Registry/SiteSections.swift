import NhipCauCore
import NhipCauLoad

/// The parts of the site. Each is declared once, in `SiteSections.all`: its content folder, the
/// addresses it owns, its place in the navigation, its feed, its pages and its files. Everything
/// that lists pages (rendering, written routes, navigation, the 404 page, the search page's list,
/// feeds, the sitemap, reserved names, `serve`'s refresh) reads this table.
public enum SectionName: String, Sendable, CaseIterable, Hashable {
    case home, notFound, stories, tags, markets, policies, notices, pages, plans, areas, search, media, themeAssets, machineFiles
    case events
    case jobs
    case enterprises, warnings
    case data
}

public struct SiteSection: Sendable {
    public let name: SectionName
    /// The UI word (`{{t.name}}`) that names the section in navigation, lists, breadcrumbs and its feed.
    public let label: String?
    /// The folder of `content/` its pages are made from, when they are made from Markdown files.
    public let contentKind: ContentKind?
    /// Where a content file of `contentKind` is published, from its slug.
    public let itemRoute: (@Sendable (String) -> Route)?
    /// First path segments the section writes into; a free page may not take one of them.
    public let reservedNames: [String]
    /// Place in the main navigation, lower first; nil keeps it out.
    public let navigationOrder: Int?
    public let feed: FeedDeclaration?
    /// The section's pages in this site.
    let pages: @Sendable (Site) -> [PageEntry]
    /// Files other than pages it publishes (downloads, media, feeds), known before rendering.
    let files: @Sendable (Site) -> [Route]
    /// Links it puts in the navigation; by default its first page, labelled with `label`.
    let navigationLinks: (@Sendable (Site) -> [NavigationLink])?

    init(_ name: SectionName, label: String? = nil, contentKind: ContentKind? = nil,
         itemRoute: (@Sendable (String) -> Route)? = nil, reservedNames: [String] = [], navigationOrder: Int? = nil,
         feed: FeedDeclaration? = nil, pages: @escaping @Sendable (Site) -> [PageEntry] = { _ in [] },
         files: @escaping @Sendable (Site) -> [Route] = { _ in [] },
         navigationLinks: (@Sendable (Site) -> [NavigationLink])? = nil) {
        self.name = name
        self.label = label
        self.contentKind = contentKind
        self.itemRoute = itemRoute
        self.reservedNames = reservedNames
        self.navigationOrder = navigationOrder
        self.feed = feed
        self.pages = pages
        self.files = files
        self.navigationLinks = navigationLinks
    }
}

/// An Atom feed of a section's newest items; written only when `base_url` is set.
public struct FeedDeclaration: Sendable {
    public let route: Route
    public let entries: @Sendable (Site) -> [FeedEntry]
}

public struct FeedEntry: Sendable {
    public let title: String
    public let route: Route
    public let updated: SimpleDate
    public let summary: String?
}

/// A link of the main navigation: a section's name (a UI word) or a free page's title.
public struct NavigationLink: Sendable, Hashable {
    public enum Label: Sendable, Hashable {
        case word(String)
        case text(String)
    }

    public let label: Label
    public let route: Route

    public init(label: Label, route: Route) {
        self.label = label
        self.route = route
    }
}

public enum SiteSections {
    /// Feeds hold the newest fifty items: enough for any reader's gap between visits.
    static let feedLength = 50

    public static let all: [SiteSection] = [
        SiteSection(.home, label: "home", pages: { _ in [PageEntry(.home, .home)] }),
        SiteSection(.notFound, reservedNames: ["404"], pages: { _ in [PageEntry(Routes.notFound, .notFound)] }),
        SiteSection(
            .stories, label: "stories", contentKind: .story, itemRoute: Routes.story, reservedNames: ["cau-chuyen"],
            navigationOrder: 10,
            feed: FeedDeclaration(route: Routes.storiesFeed) { site in
                site.stories.prefix(feedLength).map { story in
                    FeedEntry(title: story.title, route: Routes.story(story.document.slug),
                              updated: story.document.updated ?? story.date, summary: story.summary)
                }
            },
            pages: { site in
                (1...site.storyPageCount).map { PageEntry(Routes.storiesPage($0), .storyList(page: $0)) }
                    + site.stories.map { PageEntry(Routes.story($0.document.slug), .story($0)) }
            }),
        SiteSection(.tags, reservedNames: ["the"], pages: { site in site.tags.map { PageEntry(Routes.tag($0.slug), .tag($0)) } }),
        SiteSection(
            .markets, label: "markets", contentKind: .market, itemRoute: Routes.market, reservedNames: ["thi-truong"],
            navigationOrder: 20,
            pages: { site in
                [PageEntry(Routes.markets, .marketList)] + site.markets.map { PageEntry(Routes.market($0.document.slug), .market($0)) }
            }),
        SiteSection(
            .policies, label: "policies", contentKind: .policy, itemRoute: Routes.policy, reservedNames: ["chinh-sach"],
            navigationOrder: 30,
            feed: FeedDeclaration(route: Routes.policiesFeed) { site in
                site.policies.prefix(feedLength).map { policy in
                    FeedEntry(title: "\(policy.number): \(policy.title)", route: Routes.policy(policy.document.slug),
                              updated: policy.document.updated ?? policy.issued, summary: policy.summary)
                }
            },
            pages: { site in
                [PageEntry(Routes.policies, .policyList)] + site.policies.map { PageEntry(Routes.policy($0.document.slug), .policy($0)) }
            }),
        SiteSection(
            .notices, label: "notices", contentKind: .notice, itemRoute: Routes.notice, reservedNames: ["thong-bao"],
            navigationOrder: 35,
            feed: FeedDeclaration(route: Routes.noticesFeed) { site in
                site.notices.prefix(feedLength).map { notice in
                    FeedEntry(title: notice.title, route: Routes.notice(notice.document.slug),
                              updated: notice.document.updated ?? notice.date, summary: notice.summary)
                }
            },
            pages: { site in
                (site.notices.isEmpty ? [] : [PageEntry(Routes.notices, .noticeList)])
                    + site.notices.map { PageEntry(Routes.notice($0.document.slug), .notice($0)) }
            }),
        // Events: upcoming and ongoing at /su-kien/, past ones paginated, a page and a calendar file each, and
        // one calendar of every upcoming event. No feed: a reader subscribes to lich.ics instead.
        SiteSection(
            .events, label: "events", contentKind: .event, itemRoute: Routes.event, reservedNames: ["su-kien"],
            navigationOrder: 33,
            pages: { site in
                guard !site.events.isEmpty else { return [] }
                return [PageEntry(Routes.events, .eventList)]
                    + (site.pastEvents.isEmpty ? [] : (1...site.pastEventPageCount).map { PageEntry(Routes.pastEventsPage($0), .pastEventList(page: $0)) })
                    + site.events.map { PageEntry(Routes.event($0.document.slug), .event($0)) }
            },
            files: { site in site.events.isEmpty ? [] : [Routes.eventCalendar] + site.events.map { Routes.eventICS($0.document.slug) } }),
        SiteSection(
            .jobs, label: "jobs", contentKind: .job, itemRoute: Routes.job, reservedNames: ["don-hang"],
            navigationOrder: 38,
            feed: FeedDeclaration(route: Routes.jobsFeed) { site in
                site.jobs.all.sorted { ($0.date, $1.document.slug) > ($1.date, $0.document.slug) }.prefix(feedLength).map { job in
                    FeedEntry(title: job.title, route: Routes.job(job.document.slug),
                              updated: job.document.updated ?? job.date, summary: job.summary)
                }
            },
            pages: { site in
                guard site.jobs.isListed else { return [] }
                return [PageEntry(Routes.jobs, .jobList)]
                    + (site.jobs.closed.isEmpty ? [] : (1...site.jobs.closedPageCount).map { PageEntry(Routes.closedJobsPage($0), .closedJobList(page: $0)) })
                    + site.jobs.all.map { PageEntry(Routes.job($0.document.slug), .job($0)) }
            },
            files: { site in site.jobs.isListed ? [Routes.jobsCSV, Routes.jobsJSON] : [] }),
        SiteSection(
            .enterprises, label: "enterprises", contentKind: .enterprise, itemRoute: Routes.enterprise,
            reservedNames: ["doanh-nghiep"], navigationOrder: 36,
            pages: { site in
                (site.enterprises.isEmpty ? [] : (1...site.enterprisePageCount).map { PageEntry(Routes.enterprisesPage($0), .enterpriseList(page: $0)) })
                    + site.enterprises.map { PageEntry(Routes.enterprise($0.document.slug), .enterprise($0)) }
            },
            files: { site in site.enterprises.isEmpty ? [] : [Routes.enterprisesCSV, Routes.enterprisesJSON] }),
        SiteSection(
            .warnings, label: "warnings", contentKind: .warning, itemRoute: Routes.warning, reservedNames: ["canh-bao"],
            navigationOrder: 37,
            feed: FeedDeclaration(route: Routes.warningsFeed) { site in
                site.warnings.prefix(feedLength).map { warning in
                    FeedEntry(title: warning.title, route: Routes.warning(warning.document.slug),
                              updated: warning.document.updated ?? warning.date, summary: warning.summary)
                }
            },
            pages: { site in
                (site.warnings.isEmpty ? [] : [PageEntry(Routes.warnings, .warningList)])
                    + site.warnings.map { PageEntry(Routes.warning($0.document.slug), .warning($0)) }
            }),
        SiteSection(
            .plans, label: "plans", reservedNames: ["chi-tieu"], navigationOrder: 40,
            pages: { site in
                (site.plans.isEmpty ? [] : [PageEntry(Routes.plans, .planList)])
                    + site.plans.map { PageEntry(Routes.plan($0.id), .plan($0)) }
                    + PlanSeries.all(in: site.plans).map { PageEntry(Routes.planSeries($0.id), .planSeries($0)) }
                    + (site.plans.contains { $0.schedule != nil } ? [PageEntry(Routes.reportingStatus, .reportingStatus)] : [])
            },
            files: { site in site.plans.flatMap { [Routes.planCSV($0.id), Routes.planJSON($0.id)] } }),
        // The data package of every plan's figures: /du-lieu/ describes the files beside it.
        SiteSection(.data, reservedNames: ["du-lieu"],
                    pages: { site in site.plans.isEmpty ? [] : [PageEntry(Routes.dataPackage, .dataPackage)] },
                    files: { site in site.plans.isEmpty ? [] : [Routes.dataCSV, Routes.dataJSON, Routes.dataDescriptor] }),
        // With areas.yml, `/dia-ban/` lists its units and joins the navigation; without it, only the plans' areas have pages.
        SiteSection(.areas, label: "areas", reservedNames: ["dia-ban"], navigationOrder: 45, pages: { site in
            (site.areas.tree == nil ? [] : [PageEntry(Routes.areas, .areaList)])
                + site.areas.records.map { PageEntry(Routes.area($0.id), .area($0)) }
        }, navigationLinks: { site in
            site.areas.tree == nil ? [] : [NavigationLink(label: .word("areas"), route: Routes.areas)]
        }),
        // Free pages sit at the top level; those with a `menu` number join the navigation in that order.
        SiteSection(
            .pages, contentKind: .page, itemRoute: Routes.page, navigationOrder: 50,
            pages: { site in site.pages.map { PageEntry(Routes.page($0.document.slug), .page($0)) } },
            navigationLinks: { site in site.menu.map { NavigationLink(label: .text($0.title), route: Routes.page($0.document.slug)) } }),
        SiteSection(.search, label: "search", reservedNames: ["tim-kiem"], navigationOrder: 90,
                    pages: { _ in [PageEntry(Routes.search, .search)] }),
        SiteSection(.media, reservedNames: ["media"], files: { site in site.media.map { Routes.media($0.path) } }),
        // The default theme's assets, and any an officer adds under theme/assets/.
        SiteSection(.themeAssets, reservedNames: ["assets"], files: { site in
            Routes.defaultThemeAssets + site.theme.map(\.name).filter { $0.hasPrefix("assets/") }.map(Route.init)
        }),
        SiteSection(.machineFiles, reservedNames: ["feeds", "sitemap", "robots"], files: { site in
            guard site.config.baseURL != nil else { return [Routes.robots] }
            return [Routes.robots, Routes.sitemap] + site.feeds.map(\.feed.route)
        }),
    ]

    public static func section(_ name: SectionName) -> SiteSection? {
        all.first { $0.name == name }
    }

    /// The section whose pages are made from `kind`'s folder.
    public static func section(for kind: ContentKind) -> SiteSection? {
        all.first { $0.contentKind == kind }
    }

    /// First path segments the tool writes itself.
    public static let reservedNames: Set<String> = Set(all.flatMap(\.reservedNames))
}
