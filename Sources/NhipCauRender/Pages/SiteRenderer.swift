import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Render stage: one `PageEntry` → one HTML page. Holds only immutable, compiled things
/// (site, theme, formatters), so pages render on all cores at once.
public struct SiteRenderer: Sendable {
    let site: Site
    let theme: Theme
    let offline: Bool
    /// Where page bodies are read from, again, as each page is rendered.
    let content: any ContentReading
    private(set) var markdown: MarkdownRenderer
    let strings: Wording
    let formats: Formats
    let chartRenderer: ChartRenderer
    /// Market slug → title, for charts.
    let marketNames: [String: String]
    /// Processed pictures; `.none` until the build's media step has run.
    private(set) var media = MediaCatalog.none

    public init(site: Site, theme: Theme, content: any ContentReading, offline: Bool = false,
                blockHandlers: [String: FencedBlockHandler] = [:]) {
        self.content = content
        self.site = site
        self.theme = theme
        self.offline = offline
        let charts = ChartRenderer(wording: theme.wording)
        let marketNames = site.marketsBySlug.mapValues(\.title)
        let chartBlock = ChartBlock(site: site, charts: charts, marketNames: marketNames,
                                    planFileExists: { content.fileExists("targets/\($0).json") })
        var handlers = blockHandlers
        handlers["table"] = handlers["table"] ?? { content, location in TableBlock.html(content, location: location) }
        handlers["chart"] = handlers["chart"] ?? { content, location in chartBlock.html(content, location: location) }
        self.markdown = MarkdownRenderer(site: site, blockHandlers: handlers, offline: offline, content: content,
                                         templateIDs: theme.ids)
        self.strings = theme.wording
        self.formats = Formats(wording: theme.wording)
        self.chartRenderer = charts
        self.marketNames = marketNames
    }

    /// The site's UI word for `key`, for files written outside templates (feed titles).
    public func word(_ key: String) -> String {
        strings.word(key)
    }

    /// The same renderer, showing pictures through their processed variants.
    public func withMedia(_ catalog: MediaCatalog) -> SiteRenderer {
        var copy = self
        copy.media = catalog
        copy.markdown.media = catalog
        return copy
    }

    /// Markdown rendered as a page's body is (links resolved, `table` and `chart` blocks drawn),
    /// for tools that have text rather than a content file, such as the fuzz target.
    public func renderMarkdown(_ text: String, file: String, firstLine: Int, page: Route) -> RenderedMarkdown {
        markdown.render(text, file: file, firstLine: firstLine, page: page)
    }

    public func render(_ entry: PageEntry) -> RenderedPage {
        switch entry.source {
        case .home: renderHome()
        case .storyList(let number): renderStoryList(page: number)
        case .story(let story): renderStory(story)
        case .tag(let tag): renderTag(tag)
        case .marketList: renderMarketList()
        case .market(let market): renderMarket(market)
        case .policyList: renderPolicyList()
        case .policy(let policy): renderPolicy(policy)
        case .page(let page): renderFreePage(page)
        case .noticeList: renderNoticeList()
        case .notice(let notice): renderNotice(notice)
        case .notFound: renderNotFound()
        case .planList: renderPlanList()
        case .plan(let plan): renderPlan(plan)
        case .area(let area): renderArea(area)
        case .search: renderSearch()
        case .areaList: renderAreaList()
        case .planSeries(let series): renderPlanSeries(series)
        case .reportingStatus: renderReportingStatus()
        case .eventList: renderEventList()
        case .pastEventList(let number): renderPastEventList(page: number)
        case .event(let event): renderEvent(event)
        case .jobList: renderJobList()
        case .closedJobList(let number): renderClosedJobList(page: number)
        case .job(let job): renderJob(job)
        case .enterpriseList(let number): renderEnterpriseList(page: number)
        case .enterprise(let enterprise): renderEnterprise(enterprise)
        case .warningList: renderWarningList()
        case .warning(let warning): renderWarning(warning)
        case .dataPackage: renderDataPackage()
        }
    }

    // MARK: - Shared pieces

    func href(_ target: Route, from page: Route) -> String {
        if page == Routes.notFound, !offline, let rooted = sitePath(target) { return rooted }
        return page.href(to: target, offline: offline)
    }

    /// A route as a path from the server's root, e.g. `/xkld/assets/style.css` for base_url
    /// `https://host/xkld/`. The 404 page is served at whatever address was missing, at any depth,
    /// so its links (stylesheet, menu, home) cannot be relative; without `base_url` (or in an offline
    /// copy, which has no server) they stay relative and work for missing addresses at the top level.
    /// A path rather than a full URL, so the page also works on a preview or staging host.
    func sitePath(_ route: Route) -> String? {
        guard let base = site.config.baseURL, let scheme = base.range(of: "://") else { return nil }
        let afterHost = base[scheme.upperBound...].firstIndex(of: "/").map { base[$0...] } ?? "/"
        return String(afterHost) + Route.percentEncode(route.path)
    }

    /// - Parameter leadImage: the picture the page shows above its text (a story's `image`), counted
    ///   in the page's image budget; the text's first picture then loads lazily too.
    func body(of document: ContentDocument, at route: Route, leadImage: String? = nil) -> RenderedMarkdown {
        switch ContentLoader.readBody(of: document, from: content, maxBytes: site.config.maxFileBytes) {
        case .success(let body):
            var rendered = markdown.render(body.text, file: document.file, firstLine: body.line, page: route,
                                           eagerFirstImage: leadImage == nil)
            if let heavy = ImageAdvice.overBudget((leadImage.map { [$0] } ?? []) + rendered.images, media: media, file: document.file) {
                rendered = RenderedMarkdown(html: rendered.html, plainText: rendered.plainText,
                                            diagnostics: rendered.diagnostics + [heavy], images: rendered.images)
            }
            return rendered
        case .failure(let problem):
            return RenderedMarkdown(html: "", plainText: "", diagnostics: [problem])
        }
    }

    struct PageFrame {
        let route: Route
        let title: String
        var description: String?
        var breadcrumbs: [(String, Route?)] = []
        var socialType = "website"
        var image: (path: String, alt: String?)?
    }

    /// Wraps a page's content in the layout: head, navigation, breadcrumbs, footer.
    func layout(_ frame: PageFrame, content: String) -> String {
        let route = frame.route
        let isHome = route == .home
        let view = LayoutView(
            lang: site.config.language.rawValue, t: strings,
            documentTitle: isHome ? site.config.title : "\(frame.title) – \(site.config.title)",
            description: frame.description ?? site.config.description,
            canonical: route == Routes.notFound ? nil : absoluteURL(route), social: social(frame),
            stylesheet: href(Routes.stylesheet, from: route),
            chartStylesheet: ChartFrame.isDrawn(in: content) ? href(Routes.chartStylesheet, from: route) : nil,
            feeds: feeds(from: route),
            siteTitle: site.config.title, organization: site.config.organization,
            homeHref: href(.home, from: route), nav: navigation(current: route),
            breadcrumbs: breadcrumbs(frame), contact: contact, content: content)
        return theme.render(view, template: "layout")
    }

    /// Atom feeds exist only when `base_url` is set, since feeds need absolute URLs.
    private func feeds(from route: Route) -> [FeedLinkView] {
        site.feeds.map { FeedLinkView(title: strings.word($0.label), href: href($0.feed.route, from: route)) }
    }

    func navigation(current: Route) -> [NavItemView] {
        site.navigation.map { link in
            NavItemView(label: label(link), href: href(link.route, from: current),
                        current: current == link.route || current.path.hasPrefix(link.route.path))
        }
    }

    func label(_ link: NavigationLink) -> String {
        switch link.label {
        case .word(let key): strings.word(key)
        case .text(let text): text
        }
    }

    func links(_ links: [NavigationLink], from route: Route) -> [LinkView] {
        links.map { LinkView(label: label($0), href: href($0.route, from: route)) }
    }

    private func breadcrumbs(_ frame: PageFrame) -> ListView<LinkView>? {
        guard frame.route != .home else { return nil }
        var links = [LinkView(label: strings.home, href: href(.home, from: frame.route))]
        links += frame.breadcrumbs.map { LinkView(label: $0.0, href: $0.1.map { href($0, from: frame.route) }) }
        links.append(LinkView(label: frame.title, href: nil))
        return ListView(items: links)
    }

    var contact: ContactView? {
        let contact = site.config.contact
        guard contact.hotline != nil || contact.email != nil || contact.address != nil else { return nil }
        return ContactView(hotline: contact.hotline,
                           hotlineHref: contact.hotline.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } },
                           email: contact.email, address: contact.address)
    }

    /// Absolute URL of a route, when `base_url` is set.
    func absoluteURL(_ route: Route) -> String? {
        site.config.baseURL.map { $0 + Route.percentEncode(route.path) }
    }

    /// The preview card Facebook, Zalo and others show for a shared link. Its picture is the page's
    /// own when it has a raster one (a story's `image`), else the site's `share_image`. The 404 page,
    /// served at any missing address, claims no address of its own.
    private func social(_ frame: PageFrame) -> SocialView? {
        let picked = frame.image ?? site.config.shareImage.map { ($0.value, site.config.shareImageAlt) }
        let image = picked.flatMap { image in
            absoluteURL(Routes.media(media.images[image.path]?.card?.path ?? image.path)).map { ($0, image.alt) }
        }
        return SocialView(
            type: frame.socialType, title: frame.title, siteName: site.config.title,
            description: frame.description ?? site.config.description,
            url: frame.route == Routes.notFound ? nil : absoluteURL(frame.route),
            locale: strings.text("format.locale"),
            image: image?.0, imageAlt: image?.1 ?? nil, twitterCard: image == nil ? "summary" : "summary_large_image")
    }

    func storyCard(_ story: Story, from route: Route) -> StoryCardView {
        StoryCardView(
            title: story.title, href: href(Routes.story(story.document.slug), from: route),
            date: formats.date(story.date), dateISO: story.date.iso, summary: story.summary,
            marketName: story.market.flatMap { site.marketsBySlug[$0.value]?.title }, sample: story.sample)
    }

    func storyList(_ stories: [Story], from route: Route) -> ListView<StoryCardView>? {
        .nonEmpty(stories.map { storyCard($0, from: route) })
    }

    /// What a page gives the search index; its kind and the kind's label come from the page's declaration.
    struct SearchFields {
        let title: String
        let summary: String
        var context: [String] = []
        let text: String
    }

    /// A page of `kind`: its view drawn by the kind's template, inside the layout.
    func page(_ frame: PageFrame, _ kind: PageKind, view: some Encodable, search: SearchFields? = nil,
              diagnostics: [Diagnostic] = []) -> RenderedPage {
        let content = theme.render(view, template: kind.template)
        let document = zip(search, kind.declaration.search).map { fields, declared in
            SearchDocument(route: frame.route, kind: declared.kind, kindLabel: strings.word(declared.label), title: fields.title,
                           summary: fields.summary, context: fields.context, text: fields.text)
        }
        return RenderedPage(route: frame.route, html: layout(frame, content: content), search: document, diagnostics: diagnostics)
    }
}
