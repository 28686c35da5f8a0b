import NhipCauCore
import NhipCauLoad

/// The whole site as one immutable value: what is published, in the order it is listed,
/// with every cross-link resolved. Rendering reads it and nothing else.
public struct Site: Sendable {
    public let config: SiteConfig
    /// "Today" for everything date-dependent.
    public let today: SimpleDate
    /// Published stories, newest first.
    public let stories: [Story]
    /// Markets by title.
    public let markets: [Market]
    /// Policies, newest first by issue date.
    public let policies: [Policy]
    public let pages: [Page]
    /// Published notices (dated on or before `today`), newest first.
    public let notices: [Notice]
    /// Every event, earliest start first.
    public let events: [Event]
    /// Target plans, the newest period first.
    public let plans: [TargetPlan]
    /// Each plan's figures on `today`, by plan id.
    public let planFigures: [String: PlanFigures]
    /// The units of areas.yml when the site has one, else every area named in any plan: the area pages.
    public let areas: AreaIndex
    /// The plan the home page shows: the one whose period holds `today`, else the latest.
    public let currentPlan: TargetPlan?
    public let media: [MediaFile]
    public let theme: [ThemeOverride]
    /// Area maps (`maps/<area-id>.geojson`) by area id.
    public internal(set) var maps: [String: AreaMap] = [:]

    public let marketsBySlug: [String: Market]
    public let policiesBySlug: [String: Policy]
    public let storiesByMarket: [String: [Story]]
    public let storiesByArea: [String: [Story]]
    /// Area id → the notices that name it, newest first.
    public let noticesByArea: [String: [Notice]]
    /// Area id → its events, earliest start first.
    public let eventsByArea: [String: [Event]]
    /// Tag slug → display name and stories.
    public let tags: [TagIndex]
    /// Free pages in the navigation, by their `menu` number.
    public let menu: [Page]
    /// Policies that name this one in `replaced_by`.
    public let replacements: [String: [Policy]]

    /// Content file path (`markets/nhat-ban.md`, `media/a.jpg`) → where it is published.
    public internal(set) var routesByContentFile: [String: Route]
    /// Licensed enterprises, by full name (Vietnamese order); revoked and
    /// suspended ones too: the register marks them, never hides them.
    public internal(set) var enterprises: [Enterprise] = []
    public internal(set) var enterprisesBySlug: [String: Enterprise] = [:]
    /// Published warnings (dated on or before `today`), newest first; and by area id and market slug.
    public internal(set) var warnings: [Warning] = []
    public internal(set) var warningsByArea: [String: [Warning]] = [:]
    public internal(set) var warningsByMarket: [String: [Warning]] = [:]
    /// Warnings naming each enterprise (by slug), newest first; and the enterprises each warning names
    /// (by warning slug), in register order. Worked out once: pages ask for them per enterprise and per warning.
    public internal(set) var warningsByEnterprise: [String: [Warning]] = [:]
    public internal(set) var enterprisesByWarning: [String: [Enterprise]] = [:]

    /// Every route the build writes (search-index shards aside), for checking links written as site paths.
    public private(set) var allRoutes: Set<Route> = []
    /// Stories left out of this build (drafts, or dated after `today`), by the route they will have.
    public let unpublished: [Route: Unpublished]
    /// Files that failed to load for errors of their own (see `LoadedContent.unusableFiles`), and
    /// the routes they would have had: what points at them is not reported a second time.
    public let unusableFiles: Set<String>
    public let unusableRoutes: Set<Route>
    /// True when some plan file failed: its areas are unknown, so area references are not judged.
    public var aPlanIsUnusable: Bool { unusableFiles.contains { $0.hasPrefix("targets/") } }

    /// Published job orders with their status on `today` (`jobs/`).
    public internal(set) var jobs = JobIndex.empty

    /// Every page of the site, in `PageKind` order, from the sections' declarations (`SiteSections`).
    public private(set) var entries: [PageEntry] = []
    /// The main navigation, from the sections' `navigationOrder`.
    public private(set) var navigation: [NavigationLink] = []
    /// Each feed this site writes, with the UI word for its title: one per section that has a feed
    /// and pages; none without `base_url`.
    public private(set) var feeds: [(label: String, feed: FeedDeclaration)] = []
    /// Every file that is not a page (downloads, media, theme assets, feeds, sitemap), from the same declarations.
    public private(set) var files: [Route] = []

    public func route(of document: ContentDocument) -> Route {
        SiteSections.section(for: document.kind)?.itemRoute?(document.slug) ?? Routes.page(document.slug)
    }

    public func plan(id: String) -> TargetPlan? { plans.first { $0.id == id } }

    /// The notices the home page shows on `today`: published and not expired, newest first.
    public var liveNotices: [Notice] { notices.filter { $0.isLive(on: today) } }

    /// Events upcoming or under way on `today`, earliest start first.
    public var currentEvents: [Event] { events.filter { $0.status(on: today) != .past } }
    /// Events over by `today`, the latest first.
    public var pastEvents: [Event] { events.filter { $0.status(on: today) == .past }.reversed() }
    public var pastEventPageCount: Int { max(1, (pastEvents.count + Site.storiesPerPage - 1) / Site.storiesPerPage) }

    /// Ten cards are a few screens on a phone; more and the page list is rarely reached.
    public static let storiesPerPage = 10

    public var storyPageCount: Int { max(1, (stories.count + Site.storiesPerPage - 1) / Site.storiesPerPage) }
}

/// Why a story is not part of this build.
public enum Unpublished: Sendable, Hashable {
    case draft
    /// Dated after the build date: published from that day.
    case scheduled(SimpleDate)
}

public struct TagIndex: Sendable {
    public let slug: String
    public let name: String
    public let stories: [Story]
}

extension Site {
    /// The order of every story list: newest first, then by title and slug so ties are stable.
    public static func isNewer(_ lhs: Story, than rhs: Story) -> Bool {
        (lhs.date, rhs.title, rhs.document.slug) > (rhs.date, lhs.title, lhs.document.slug)
    }
}

extension Array where Element == Story {
    /// Newest first; one day's stories by title, so the order never depends on the file system.
    /// The order `Site.isNewer` gives, which `related(to:)` relies on when it merges two such lists.
    func newestFirst() -> [Story] {
        // The keys taken out once: a comparison would otherwise reach into two stories' shared fields
        // (at 100,000 stories, a twentieth of a one-story build).
        // Dates as one number, so that most comparisons touch no string (and retain none).
        let days = map { $0.date.year * 10_000 + $0.date.month * 100 + $0.date.day }
        let names = map { (title: $0.title, slug: $0.document.slug) }
        return indices.sorted { lhs, rhs in
            days[lhs] != days[rhs] ? days[lhs] > days[rhs] : names[lhs] < names[rhs]
        }.map { self[$0] }
    }
}

extension Site {
    /// Fills `entries`, `files` and `allRoutes` from the sections' declarations, once the rest of the site is known.
    mutating func declarePages() {
        // Each section's pages, asked for once: navigation and feeds are read by every page's layout.
        let pagesBySection = SiteSections.all.map { ($0, $0.pages(self)) }
        let order = Dictionary(uniqueKeysWithValues: PageKind.allCases.enumerated().map { ($1, $0) })
        entries = pagesBySection.flatMap(\.1).enumerated()
            .sorted { (order[$0.element.kind] ?? 0, $0.offset) < (order[$1.element.kind] ?? 0, $1.offset) }
            .map(\.element)
        navigation = Self.navigation(pagesBySection, site: self)
        feeds = config.baseURL == nil ? [] : pagesBySection.compactMap { section, pages in
            guard let feed = section.feed, let label = section.label, !pages.isEmpty else { return nil }
            return (label, feed)
        }
        files = SiteSections.all.flatMap { $0.files(self) }
        allRoutes = Set(entries.map(\.route)).union(files)
    }

    /// Each section's links in `navigationOrder`; a section's own link (its first page) only when it has pages.
    private static func navigation(_ pagesBySection: [(SiteSection, [PageEntry])], site: Site) -> [NavigationLink] {
        pagesBySection.filter { $0.0.navigationOrder != nil }
            .sorted { ($0.0.navigationOrder ?? 0) < ($1.0.navigationOrder ?? 0) }
            .flatMap { section, pages -> [NavigationLink] in
                if let links = section.navigationLinks { return links(site) }
                guard let label = section.label, let first = pages.first else { return [] }
                return [NavigationLink(label: .word(label), route: first.route)]
            }
    }

    /// The sections' own list pages in the navigation (no free pages, no search): the site's contents.
    public var sectionLinks: [NavigationLink] {
        navigation.filter { link in
            guard case .word = link.label else { return false }
            return link.route != Routes.search
        }
    }
}
