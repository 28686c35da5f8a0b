import NhipCauCore
import NhipCauLoad

/// Site stage: the loaded content becomes one `Site`, with references between pages checked.
public enum SiteAssembler {
    public struct Options: Sendable {
        public var today: SimpleDate
        /// Include drafts and stories dated after `today`.
        public var includeDrafts: Bool

        public init(today: SimpleDate, includeDrafts: Bool = false) {
            self.today = today
            self.includeDrafts = includeDrafts
        }
    }

    /// The site, or nil when a reference is wrong.
    public static func assemble(_ content: LoadedContent, options: Options) -> (site: Site?, diagnostics: Diagnostics) {
        let (site, diagnostics) = assembleReadable(content, options: options)
        return (diagnostics.hasErrors ? nil : site, diagnostics)
    }

    /// The site also when references are wrong, for `check` to render and look at every page.
    public static func assembleReadable(_ content: LoadedContent, options: Options) -> (site: Site, diagnostics: Diagnostics) {
        let references = References(content)
        let isPublished = { @Sendable (story: Story) in options.includeDrafts || (!story.draft && story.date <= options.today) }
        let scheduledNotices = content.notices.filter { !options.includeDrafts && $0.date > options.today }.map { notice in
            (Routes.notice(notice.document.slug), Unpublished.scheduled(notice.date))
        }
        let scheduledWarnings = content.warnings.filter { !options.includeDrafts && $0.date > options.today }.map { warning in
            (Routes.warning(warning.document.slug), Unpublished.scheduled(warning.date))
        }
        let unpublished = Dictionary(content.stories.filter { !isPublished($0) }.map { story in
            (Routes.story(story.document.slug), story.draft ? Unpublished.draft : .scheduled(story.date))
        } + scheduledNotices + scheduledWarnings + scheduledJobs(content, options: options), uniquingKeysWith: { first, _ in first })
        // The checks, the table of routes and the job orders need only the content: made beside the
        // rest (on another core), about half of the work each.
        let ((checked, routesByContentFile, jobs), lists) = concurrently({ () -> ([Diagnostic], [String: Route], JobIndex) in
            (checkReferences(content, references, unpublished: unpublished, today: options.today), contentRoutes(content),
             jobIndex(content, options: options, enterprises: references.enterprisesBySlug))
        }, { () -> Site in
            Self.lists(content, references, options: options, published: content.stories.filter(isPublished).newestFirst(), unpublished: unpublished)
        })
        var assembled = lists
        assembled.routesByContentFile = routesByContentFile
        assembled.jobs = jobs
        assembled.declarePages()
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: checked)
        let unusable = content.unusableFiles
        diagnostics.append(contentsOf: checkMaps(content.maps, areaIDs: references.areaIDs, plans: assembled.plans))
        diagnostics.append(contentsOf: checkFeaturedPlan(content.config.home, plans: assembled.plans).filter { !$0.followsFromUnusable(unusable) })
        diagnostics.append(contentsOf: checkTaskLinks(content.config.home, site: assembled))
        return (assembled, diagnostics)
    }

    /// What the checks and the site both look things up in.
    private struct References: Sendable {
        let marketsBySlug: [String: Market]
        let policiesBySlug: [String: Policy]
        let enterprisesBySlug: [String: Enterprise]
        let mediaPaths: Set<String>
        let areas: AreaIndex
        let areaIDs: KnownAreas

        init(_ content: LoadedContent) {
            marketsBySlug = Dictionary(content.markets.map { ($0.document.slug, $0) }, uniquingKeysWith: { first, _ in first })
            policiesBySlug = Dictionary(content.policies.map { ($0.document.slug, $0) }, uniquingKeysWith: { first, _ in first })
            enterprisesBySlug = Dictionary(content.enterprises.map { ($0.document.slug, $0) }, uniquingKeysWith: { first, _ in first })
            mediaPaths = Set(content.media.map(\.path))
            areas = AreaIndex(plans: content.plans, tree: content.areaTree)
            areaIDs = KnownAreas(areas)
        }
    }

    /// Every reference between files, and the dates, in the order they are reported.
    private static func checkReferences(_ content: LoadedContent, _ references: References, unpublished: [Route: Unpublished],
                                        today: SimpleDate) -> [Diagnostic] {
        let (markets, areaIDs) = (references.marketsBySlug, references.areaIDs)
        var diagnostics: [Diagnostic] = []
        diagnostics.append(contentsOf: checkPageSlugs(content.pages))
        let unusable = content.unusableFiles
        diagnostics.append(contentsOf: checkPlanAreas(content.plans, areaIDs: areaIDs).filter { !$0.followsFromUnusable(unusable) })
        for story in content.stories {
            diagnostics.append(contentsOf: checkReferences(story, markets: markets, areaIDs: areaIDs, media: references.mediaPaths)
                .filter { !$0.followsFromUnusable(unusable) })
            diagnostics.append(contentsOf: checkCardImage(story, config: content.config))
        }
        for notice in content.notices {
            diagnostics.append(contentsOf: (notice.markets.compactMap { checkMarket($0, key: "markets", markets: markets) }
                + notice.areas.compactMap { checkArea($0, areaIDs: areaIDs) }).filter { !$0.followsFromUnusable(unusable) })
        }
        for event in content.events {
            diagnostics.append(contentsOf: checkEvent(event, markets: markets, areaIDs: areaIDs, enterprises: references.enterprisesBySlug)
                .filter { !$0.followsFromUnusable(unusable) })
        }
        diagnostics.append(contentsOf: checkEnterprisesAndWarnings(content, markets: markets, areaIDs: areaIDs))
        for policy in content.policies {
            diagnostics.append(contentsOf: checkReplacement(policy, policies: references.policiesBySlug)
                .filter { !$0.followsFromUnusable(unusable) })
        }
        diagnostics.append(contentsOf: checkJobs(content, markets: markets, enterprises: references.enterprisesBySlug, areaIDs: areaIDs)
            .filter { !$0.followsFromUnusable(unusable) })
        if let shareImage = content.config.shareImage {
            diagnostics.append(contentsOf: checkMediaPath(shareImage, media: references.mediaPaths).filter { !$0.followsFromUnusable(unusable) })
        }
        diagnostics.append(contentsOf: checkUpdatedDates(content, unpublished: unpublished, today: today))
        return diagnostics
    }

    /// The site's lists and indexes; its routes by content file, job orders and pages are filled in after.
    private static func lists(_ content: LoadedContent, _ references: References, options: Options, published: [Story],
                             unpublished: [Route: Unpublished]) -> Site {
        let notices = content.notices.filter { options.includeDrafts || $0.date <= options.today }
            .sorted { ($0.date, $1.document.slug) > ($1.date, $0.document.slug) }
        let markets = content.markets.sorted { collationKey($0.title) < collationKey($1.title) }
        let policies = content.policies.sorted { ($0.issued, $1.document.slug) > ($1.issued, $0.document.slug) }
        let pages = content.pages.sorted { $0.document.slug < $1.document.slug }
        let plans = content.plans.sorted { ($0.period.end, $0.period.start, $1.id) > ($1.period.end, $1.period.start, $0.id) }
        let events = content.events.sorted(by: Event.startsBefore)
        let unusable = content.unusableFiles
        var site = Site(
            config: content.config, today: options.today, stories: published, markets: markets,
            policies: policies, pages: pages, notices: notices, events: events, plans: plans,
            planFigures: Dictionary(uniqueKeysWithValues: plans.map { ($0.id, PlanFigures(plan: $0, today: options.today)) }),
            areas: references.areas, currentPlan: featuredPlan(plans, config: content.config, today: options.today),
            media: content.media, theme: content.theme,
            marketsBySlug: references.marketsBySlug, policiesBySlug: references.policiesBySlug,
            storiesByMarket: Dictionary(grouping: published.filter { $0.market != nil }) { $0.market?.value ?? "" },
            storiesByArea: Dictionary(grouping: published.filter { $0.area != nil }) { $0.area?.value ?? "" },
            noticesByArea: noticesByArea(notices),
            eventsByArea: Dictionary(grouping: events.filter { $0.area != nil }) { $0.area?.value ?? "" },
            tags: tagIndex(published),
            menu: pages.filter { $0.menu != nil }.sorted { ($0.menu ?? 0, $0.document.slug) < ($1.menu ?? 0, $1.document.slug) },
            replacements: Dictionary(grouping: policies.filter { $0.replacedBy != nil }) { $0.replacedBy?.value ?? "" },
            routesByContentFile: [:], unpublished: unpublished,
            unusableFiles: unusable, unusableRoutes: Set(unusable.compactMap(Routes.route(ofContentFile:))))
        site.addEnterprisesAndWarnings(content, options: options)
        site.maps = Dictionary(content.maps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return site
    }

    /// `home.featured_plan` when it names a plan; else the newest plan whose period holds `today`, else the newest.
    private static func featuredPlan(_ plans: [TargetPlan], config: SiteConfig, today: SimpleDate) -> TargetPlan? {
        if let id = config.home.featuredPlan?.value, let plan = plans.first(where: { $0.id == id }) { return plan }
        return plans.first { $0.period.contains(today) } ?? plans.first
    }

    private static func checkFeaturedPlan(_ home: HomeSettings, plans: [TargetPlan]) -> [Diagnostic] {
        guard let id = home.featuredPlan, !plans.contains(where: { $0.id == id.value }) else { return [] }
        return [Diagnostic.error(id.location, "assemble.homeFeaturedPlanUnknown", ["id": "\(id.value)", "list": "\(list(plans.map(\.id)))"])
            .following("targets/\(id.value).json")]
    }

    /// The home page's shortcuts, checked as links in Markdown are, from site.yml at the content folder's top.
    private static func checkTaskLinks(_ home: HomeSettings, site: Site) -> [Diagnostic] {
        home.tasks.compactMap { task in
            switch site.resolveLink(task.link.value, from: "site.yml") {
            case .missing(let reason): Diagnostic(.error, task.link.location, reason)
            case .unsafe: Diagnostic.error(task.link.location, "assemble.homeTaskLinkUnsafe", ["link": "\(task.link.value)"])
            case .unpublished(let reason): Diagnostic(.warning, task.link.location, reason)
            case .route, .unchanged, .unusable: nil
            }
        }
    }

    /// Orders Vietnamese titles as a reader expects: Đ with D, accents after the bare letter.
    static func collationKey(_ text: String) -> (String, String) {
        (VietnameseText.fold(text), text)
    }

    /// Where each content file is published, drafts and scheduled stories included (links to them are
    /// reported as such). A plan's data file leads to its page; a theme asset (`theme/assets/logo.png`)
    /// to the copy the site serves (`assets/logo.png`).
    private static func contentRoutes(_ content: LoadedContent) -> [String: Route] {
        var routes: [String: Route] = [:]
        for document in content.documents {
            if let route = SiteSections.section(for: document.kind)?.itemRoute?(document.slug) { routes[document.file] = route }
        }
        for file in content.media { routes[file.path] = Routes.media(file.path) }
        for plan in content.plans { routes[plan.sourceFile] = Routes.plan(plan.id) }
        for asset in content.theme where asset.name.hasPrefix("assets/") { routes[asset.file] = Route(asset.name) }
        return routes
    }

    private static func tagIndex(_ stories: [Story]) -> [TagIndex] {
        var names: [String: String] = [:]
        var grouped: [String: [Story]] = [:]
        for story in stories {
            for (tag, slug) in zip(story.tags, story.tagSlugs) {
                names[slug] = names[slug] ?? tag
                if grouped[slug]?.last?.document.slug != story.document.slug { grouped[slug, default: []].append(story) }
            }
        }
        return grouped.keys.sorted().map { TagIndex(slug: $0, name: names[$0] ?? $0, stories: grouped[$0] ?? []) }
    }

    private static func checkPageSlugs(_ pages: [Page]) -> [Diagnostic] {
        pages.filter { Routes.reservedTopLevel.contains($0.document.slug) }.map { page in
            Diagnostic(.error, SourceLocation(file: page.document.file), Routes.reservedNameProblem(page.document.slug))
        }
    }

    private static func checkReferences(_ story: Story, markets: [String: Market], areaIDs: KnownAreas, media: Set<String>) -> [Diagnostic] {
        var problems = [story.market.flatMap { checkMarket($0, key: "market", markets: markets) },
                        story.area.flatMap { checkArea($0, areaIDs: areaIDs) }].compactMap { $0 }
        if let image = story.image {
            problems.append(contentsOf: checkMediaPath(image, media: media))
        }
        return problems
    }

    /// A market (under `key`) that names no file of markets/.
    static func checkMarket(_ market: Located<String>, key: String, markets: [String: Market]) -> Diagnostic? {
        guard markets[market.value] == nil else { return nil }
        return Diagnostic.error(market.location, "assemble.noMarketTakesFile", ["market": "\(market.value)", "key": "\(key)", "list": "\(list(markets.keys))"])
            .following(ContentKind.market.folder + "/" + market.value + ".md")
    }

    /// An `area:` that is not a unit of areas.yml or, without that file, that no plan names.
    static func checkArea(_ area: Located<String>, areaIDs: KnownAreas) -> Diagnostic? {
        guard !areaIDs.contains(area.value) else { return nil }
        if areaIDs.fromTree {
            return Diagnostic.error(area.location, "assemble.noAreaInTree", ["area": "\(area.value)", "list": "\(list(areaIDs.ids))"])
                .following(AreaTree.file)
        }
        return Diagnostic.error(area.location, "assemble.noAreaTargetData", ["area": "\(area.value)", "list": "\(list(areaIDs.ids))"])
            .following(Diagnostic.anyPlanFile)
    }

    /// With areas.yml, every area of every plan is one of its units.
    private static func checkPlanAreas(_ plans: [TargetPlan], areaIDs: KnownAreas) -> [Diagnostic] {
        guard areaIDs.fromTree else { return [] }
        return plans.flatMap(\.allAreas).filter { !areaIDs.contains($0.id) }.map { area in
            Diagnostic.error(area.location, "assemble.planAreaNotInTree", ["area": "\(area.id)", "list": "\(list(areaIDs.ids))"])
                .following(AreaTree.file)
        }
    }

    /// An event's area and markets must exist; its file name may not take the past events' address.
    private static func checkEvent(_ event: Event, markets: [String: Market], areaIDs: KnownAreas,
                                   enterprises: [String: Enterprise]) -> [Diagnostic] {
        var problems = event.markets.compactMap { checkMarket($0, key: "markets", markets: markets) }
            + [event.area.flatMap { checkArea($0, areaIDs: areaIDs) }].compactMap { $0 }
        if event.document.slug == Routes.pastEventsName {
            problems.append(.error(SourceLocation(file: event.document.file), "assemble.eventSlugReserved", ["slug": "\(event.document.slug)"]))
        }
        if let enterprise = event.enterprise { problems += checkEnterprise(enterprise, of: event, enterprises: enterprises) }
        return problems
    }

    /// The enterprise an event names is in the register and licensed on every day of the event.
    private static func checkEnterprise(_ slug: Located<String>, of event: Event, enterprises: [String: Enterprise]) -> [Diagnostic] {
        guard let enterprise = enterprises[slug.value] else {
            return [Diagnostic.error(slug.location, "assemble.eventEnterpriseUnknown", ["enterprise": "\(slug.value)", "list": "\(list(enterprises.keys))"])
                .following(ContentKind.enterprise.folder + "/" + slug.value + ".md")]
        }
        let days = (0...max(0, event.lastDay.dayNumber - event.start.day.dayNumber)).lazy.map { event.start.day.adding(days: $0) }
        guard let day = days.first(where: { !enterprise.isLicensed(on: $0) }) else { return [] }
        let reason: LocalizedText = switch enterprise.status(on: day) {
        case .suspended(let suspension): LocalizedText("assemble.enterpriseWasSuspended", ["to": .date(suspension.to)])
        case .revoked(let revocation): LocalizedText("assemble.enterpriseWasRevoked", ["date": .date(revocation.date)])
        case .unlicensed(let from): LocalizedText("assemble.enterpriseNotYetLicensed", ["date": .date(from)])
        case .active: LocalizedText("assemble.enterpriseNotYetLicensed", ["date": .date(day)])
        }
        return [.error(slug.location, "assemble.eventEnterpriseNotLicensed", ["enterprise": "\(enterprise.displayName)", "day": .date(day), "reason": .message(reason)])]
    }

    private static func noticesByArea(_ notices: [Notice]) -> [String: [Notice]] {
        var grouped: [String: [Notice]] = [:]
        for notice in notices {
            for area in Set(notice.areas.map(\.value)) { grouped[area, default: []].append(notice) }
        }
        return grouped
    }

    static func checkMediaPath(_ image: Located<String>, media: Set<String>) -> [Diagnostic] {
        let path = image.value
        if path.split(separator: "/").contains("..") || path.hasPrefix("/") || path.contains("\\") {
            return [.error(image.location, "assemble.imagePathMayNot", ["path": "\(path)"])]
        }
        guard media.contains(path) else {
            return [Diagnostic.error(image.location, "assemble.imageNotFoundPut", ["path": "\(path)"])
                .following(path)]
        }
        return []
    }

    /// Facebook and Zalo show no SVG in a link's preview: such a story's card uses `share_image`.
    /// Only said when the site has `base_url`, since without it there are no cards.
    private static func checkCardImage(_ story: Story, config: SiteConfig) -> [Diagnostic] {
        guard config.baseURL != nil, let image = story.image, !SiteConfig.isCardImage(image.value) else { return [] }
        let fallback = config.shareImage == nil
            ? LocalizedText("assemble.cardWillNoPicture")
            : LocalizedText("assemble.cardWillUseSite")
        return [.warning(image.location, "assemble.imageNotPngJpeg", ["image": "\(image.value)", "fallback": .message(fallback)])]
    }

    /// `updated:` after the build date is probably a typo; the page still shows it.
    private static func checkUpdatedDates(_ content: LoadedContent, unpublished: [Route: Unpublished], today: SimpleDate) -> [Diagnostic] {
        let documents = content.documents.filter { document in
            SiteSections.section(for: document.kind)?.itemRoute.map { unpublished[$0(document.slug)] == nil } ?? true
        }
        return documents.compactMap { document in
            guard let updated = document.updated, updated > today else { return nil }
            return .warning(document.updatedLocation ?? SourceLocation(file: document.file), "assemble.updatedAfterBuildDate", ["updated": "\(updated.iso)", "today": .date(today)])
        }
    }

    private static func checkReplacement(_ policy: Policy, policies: [String: Policy]) -> [Diagnostic] {
        guard let replacement = policy.replacedBy else { return [] }
        if replacement.value == policy.document.slug {
            return [.error(replacement.location, "assemble.policyCannotReplaceItself")]
        }
        guard policies[replacement.value] != nil else {
            return [Diagnostic.error(replacement.location, "assemble.noPolicyPoliciesPolicies", ["replacement": "\(replacement.value)", "list": "\(list(policies.keys))"])
                .following(ContentKind.policy.folder + "/" + replacement.value + ".md")]
        }
        return []
    }

    static func list<S: Sequence>(_ names: S) -> String where S.Element == String {
        let sorted = names.sorted()
        if sorted.isEmpty { return "(—)" }
        return sorted.prefix(12).joined(separator: ", ") + (sorted.count > 12 ? ", …" : "")
    }
}
