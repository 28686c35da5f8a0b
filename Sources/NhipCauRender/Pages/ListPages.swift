import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Pages that list content: home, story lists and tags, the market comparison, the policy register, 404.
extension SiteRenderer {
    func renderHome() -> RenderedPage {
        let route = Route.home
        var view = HomeView(
            t: strings, siteTitle: site.config.title, description: site.config.description,
            hotline: hotline, tasks: .nonEmpty(site.config.home.tasks.map { homeTask($0, from: route) }),
            searchAction: href(Routes.search, from: route),
            headline: headline(),
            notices: noticeList(site.liveNotices, from: route), noticesHref: href(Routes.notices, from: route),
            upcomingEvents: eventList(Array(site.currentEvents.prefix(3)), from: route), eventsHref: href(Routes.events, from: route),
            latest: storyList(Array(site.stories.prefix(6)), from: route),
            storiesHref: href(Routes.stories, from: route),
            markets: site.markets.map { market in
                HomeMarketView(title: market.title, href: href(Routes.market(market.document.slug), from: route),
                               income: market.incomeVND.map(formats.moneyRange))
            },
            marketsHref: href(Routes.markets, from: route),
            policies: site.policies.prefix(5).map { policyRow($0, from: route) },
            policiesHref: href(Routes.policies, from: route), contact: contact)
        view.jobs = homeJobs(from: route)
        view.warning = homeWarning(from: route)
        return page(PageFrame(route: route, title: site.config.title), .home, view: view)
    }

    /// A shortcut's link as a Markdown link is written: a content file or a site path becomes this page's
    /// relative address; anything else (a `tel:`, another website) stays as written.
    private func homeTask(_ task: HomeTask, from route: Route) -> LinkView {
        switch site.resolveLink(task.link.value, from: "site.yml") {
        case .route(let target, let suffix): LinkView(label: task.label, href: href(target, from: route) + suffix)
        case .unchanged: LinkView(label: task.label, href: task.link.value)
        case .unsafe, .missing, .unpublished, .unusable: LinkView(label: task.label, href: nil)
        }
    }

    private var hotline: HotlineView? {
        guard let written = site.config.contact.hotline, let contact else { return nil }
        let digits = written.filter { $0.isASCII && $0.isNumber }
        let number = PhoneNumber(written) ?? PhoneNumber(digits)
        return HotlineView(number: written, href: number?.telURI ?? contact.hotlineHref ?? "tel:" + digits,
                           free: number?.kind == .freeService)
    }

    func renderStoryList(page number: Int) -> RenderedPage {
        let route = Routes.storiesPage(number)
        let total = site.storyPageCount
        let view = StoryListPageView(
            t: strings, heading: strings.stories, list: storyList(storiesOnListPage(number), from: route),
            pagination: total <= 1 ? nil : PaginationView(
                current: number, total: total,
                previous: number > 1 ? href(Routes.storiesPage(number - 1), from: route) : nil,
                next: number < total ? href(Routes.storiesPage(number + 1), from: route) : nil))
        var frame = PageFrame(route: route, title: number == 1 ? strings.stories : "\(strings.stories) – \(strings.pageOf) \(number)")
        if number > 1 { frame.breadcrumbs = [(strings.stories, Routes.stories)] }
        return page(frame, .storyList, view: view)
    }

    /// The stories page `number` of the story list shows.
    func storiesOnListPage(_ number: Int) -> [Story] {
        Array(site.stories.dropFirst((number - 1) * Site.storiesPerPage).prefix(Site.storiesPerPage))
    }

    func renderTag(_ tag: TagIndex) -> RenderedPage {
        let route = Routes.tag(tag.slug)
        let view = TagPageView(t: strings, name: tag.name, list: storyList(tag.stories, from: route))
        var frame = PageFrame(route: route, title: "\(strings.storiesTagged): \(tag.name)")
        frame.breadcrumbs = [(strings.stories, Routes.stories)]
        return page(frame, .tag, view: view)
    }

    /// Markets compared, highest top income first; markets with no income figure last.
    func renderMarketList() -> RenderedPage {
        let route = Routes.markets
        let ordered = site.markets.sorted { ($0.incomeVND?.upperBound ?? -1, $1.title) > ($1.incomeVND?.upperBound ?? -1, $0.title) }
        let rows = ordered.map { market in
            MarketRowView(title: market.title, href: href(Routes.market(market.document.slug), from: route),
                          income: market.incomeVND.map(formats.moneyRange) ?? "—",
                          cost: market.costVND.map(formats.numbers.money) ?? "—",
                          contract: market.contract ?? "—", sectors: market.sectors.joined(separator: ", "))
        }
        return page(PageFrame(route: route, title: strings.markets), .marketList,
                    view: MarketListView(t: strings, rows: rows))
    }

    func renderPolicyList() -> RenderedPage {
        let route = Routes.policies
        return page(PageFrame(route: route, title: strings.policies), .policyList,
                    view: PolicyListView(t: strings, rows: site.policies.map { policyRow($0, from: route) }))
    }

    func policyRow(_ policy: Policy, from route: Route) -> PolicyRowView {
        let status = site.status(of: policy)
        return PolicyRowView(number: policy.number, title: policy.title,
                             href: href(Routes.policy(policy.document.slug), from: route), issuer: policy.issuer,
                             issued: formats.date(policy.issued), status: strings.text(status.wordingKey), statusKey: status.rawValue)
    }

    /// Served by the web server for any missing address, so its links start at the server's root
    /// when `base_url` is known (see `href(_:from:)`).
    func renderNotFound() -> RenderedPage {
        let route = Routes.notFound
        let start = [NavigationLink(label: .word("home"), route: .home), NavigationLink(label: .word("search"), route: Routes.search)]
        let view = NotFoundView(t: strings, links: links(start + site.sectionLinks, from: route))
        return page(PageFrame(route: route, title: strings.notFoundTitle), .notFound, view: view)
    }
}
