import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Pages of single content files: a story, a market, a policy, a free page.
extension SiteRenderer {
    func renderStory(_ story: Story) -> RenderedPage {
        let route = Routes.story(story.document.slug)
        let leadImage = story.image.map(\.value)
        let body = body(of: story.document, at: route, leadImage: leadImage)
        let market = story.market.flatMap { site.marketsBySlug[$0.value] }
        let view = StoryView(
            t: strings, title: story.title, date: formats.date(story.date), dateISO: story.date.iso,
            updated: story.document.updated.map(formats.date), author: story.author, summary: story.summary,
            image: story.image.map { storyImage($0.value, alt: story.imageAlt ?? "", from: route) },
            person: story.person, sample: story.sample,
            market: market.map { LinkView(label: $0.title, href: href(Routes.market($0.document.slug), from: route)) },
            area: story.area.map { areaLink($0.value, from: route) },
            tags: .nonEmpty(zip(story.tags, story.tagSlugs).map { tag, slug in
                LinkView(label: tag, href: href(Routes.tag(slug), from: route))
            }),
            body: body.html, related: storyList(related(to: story), from: route))
        var frame = PageFrame(route: route, title: story.title, description: story.summary)
        frame.breadcrumbs = [(strings.stories, Routes.stories)]
        frame.socialType = "article"
        // Apps show no SVG in link previews: such a story's card takes the site's sharing image.
        frame.image = story.image.flatMap { SiteConfig.isCardImage($0.value) ? ($0.value, story.imageAlt) : nil }
        return page(frame, .story, view: view,
                    search: SearchFields(title: story.title,
                                           summary: story.summary ?? "",
                                           context: [market?.title, story.area.map { site.areas[$0.value]?.name ?? $0.value }]
                                               .compactMap { $0 } + story.tags,
                                           text: body.plainText),
                    diagnostics: body.diagnostics + storyImageAdvice(story))
    }

    /// The story's own picture, first on its page: loaded at once, across the page's width.
    func storyImage(_ path: String, alt: String, from route: Route) -> ImageView {
        guard let image = media.images[path] else {
            let src = href(Routes.media(path), from: route)
            let html = media.drawings[path].map { PictureMarkup.drawing(src: src, size: $0, alt: alt, eager: true) }
            return ImageView(src: src, alt: alt, html: html ?? "<img src=\"\(htmlEscaped(src))\" alt=\"\(htmlEscaped(alt))\">")
        }
        return ImageView(src: href(Routes.media(image.largest.path), from: route), alt: alt,
                         html: PictureMarkup.html(image, alt: alt, sizes: PictureMarkup.storySizes, eager: true) { href($0, from: route) })
    }

    private func storyImageAdvice(_ story: Story) -> [Diagnostic] {
        guard let image = story.image, media.images[image.value] != nil || media.drawings[image.value] != nil,
              let alt = story.imageAlt, ImageAdvice.isMeaningless(alt, path: image.value) else { return [] }
        return [ImageAdvice.meaninglessAlt(alt, path: image.value, at: image.location)]
    }

    /// Up to four other stories of the same market or area, newest first. Both lists are already newest
    /// first, so merging their heads is enough: no copy or sort of whole lists per story.
    func related(to story: Story) -> [Story] {
        let sameMarket = story.market.flatMap { site.storiesByMarket[$0.value] } ?? []
        let sameArea = story.area.flatMap { site.storiesByArea[$0.value] } ?? []
        var picked: [Story] = []
        var seen: Set<String> = [story.document.slug]
        var m = sameMarket.startIndex, a = sameArea.startIndex
        while picked.count < 4, m < sameMarket.endIndex || a < sameArea.endIndex {
            let takeMarket = a == sameArea.endIndex
                || (m < sameMarket.endIndex && Site.isNewer(sameMarket[m], than: sameArea[a]))
            let candidate = takeMarket ? sameMarket[m] : sameArea[a]
            if takeMarket { m += 1 } else { a += 1 }
            if seen.insert(candidate.document.slug).inserted { picked.append(candidate) }
        }
        return picked
    }

    func areaLink(_ id: String, from route: Route) -> LinkView {
        LinkView(label: site.areas[id]?.name ?? id, href: site.areas[id] == nil ? nil : href(Routes.area(id), from: route))
    }

    func renderMarket(_ market: Market) -> RenderedPage {
        let route = Routes.market(market.document.slug)
        let body = body(of: market.document, at: route)
        var view = MarketView(
            t: strings, title: market.title, summary: market.summary, country: market.country,
            income: market.incomeVND.map(formats.moneyRange), cost: market.costVND.map(formats.numbers.money),
            contract: market.contract, sectors: market.sectors.isEmpty ? nil : market.sectors.joined(separator: ", "),
            requirements: market.requirements, updated: market.document.updated.map(formats.date),
            body: body.html, planCounts: planCounts(for: market, from: route),
            stories: storyList(storiesOnMarketPage(market), from: route))
        view.jobs = jobsBlock(site.jobs.openByMarket[market.document.slug] ?? [], from: route)
        view.enterprises = marketEnterprises(market, from: route)
        view.warnings = warningList(site.warningsByMarket[market.document.slug] ?? [], from: route)
        var frame = PageFrame(route: route, title: market.title, description: market.summary)
        frame.breadcrumbs = [(strings.markets, Routes.markets)]
        return page(frame, .market, view: view,
                    search: SearchFields(title: market.title,
                                           summary: market.summary ?? "", context: [market.country] + market.sectors,
                                           text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    /// The stories a market's page lists.
    func storiesOnMarketPage(_ market: Market) -> [Story] {
        site.storiesByMarket[market.document.slug] ?? []
    }

    func renderPolicy(_ policy: Policy) -> RenderedPage {
        let route = Routes.policy(policy.document.slug)
        let body = body(of: policy.document, at: route)
        let status = site.status(of: policy)
        let pending = site.pendingReplacement(of: policy)
        let view = PolicyView(
            t: strings, number: policy.number, title: policy.title, summary: policy.summary,
            status: strings.text(status.wordingKey), statusKey: status.rawValue, issuer: policy.issuer,
            issued: formats.date(policy.issued), effective: policy.effective.map(formats.date),
            expires: policy.expires.map(formats.date),
            replacedBy: site.replacement(of: policy).map { replacement in
                ReplacementView(label: "\(replacement.number): \(replacement.title)", number: replacement.number,
                                href: href(Routes.policy(replacement.document.slug), from: route),
                                pendingFrom: pending.map { formats.date($0.from) })
            },
            replaces: .nonEmpty((site.replacements[policy.document.slug] ?? []).map { policyLink($0, from: route) }),
            updated: policy.document.updated.map(formats.date), body: body.html)
        var frame = PageFrame(route: route, title: "\(policy.number): \(policy.title)", description: policy.summary)
        frame.breadcrumbs = [(strings.policies, Routes.policies)]
        return page(frame, .policy, view: view,
                    search: SearchFields(title: "\(policy.number): \(policy.title)", summary: policy.summary ?? "",
                                           context: [policy.issuer], text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    private func policyLink(_ policy: Policy, from route: Route) -> LinkView {
        LinkView(label: "\(policy.number): \(policy.title)", href: href(Routes.policy(policy.document.slug), from: route))
    }

    func renderFreePage(_ freePage: Page) -> RenderedPage {
        let route = Routes.page(freePage.document.slug)
        let body = body(of: freePage.document, at: route)
        let view = FreePageView(t: strings, title: freePage.title, summary: freePage.summary,
                                updated: freePage.document.updated.map(formats.date), body: body.html)
        let frame = PageFrame(route: route, title: freePage.title, description: freePage.summary)
        return page(frame, .page, view: view,
                    search: SearchFields(title: freePage.title,
                                           summary: freePage.summary ?? "", text: body.plainText),
                    diagnostics: body.diagnostics)
    }
}
