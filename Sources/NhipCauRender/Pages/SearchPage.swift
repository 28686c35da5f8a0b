import NhipCauCore
import NhipCauSite

/// `/tim-kiem/`: a GET form, the places the script writes results into, and links to every
/// list of the site, so that the page still serves without JavaScript or when opened from a folder.
extension SiteRenderer {
    func renderSearch() -> RenderedPage {
        let route = Routes.search
        var sections: [(String, Route)] = [
            (strings.stories, Routes.stories), (strings.markets, Routes.markets), (strings.policies, Routes.policies),
        ]
        if !site.plans.isEmpty { sections.append((strings.plans, Routes.plans)) }
        sections += site.menu.map { ($0.title, Routes.page($0.document.slug)) }
        let view = SearchPageView(
            t: strings, action: href(route, from: route),
            index: String(Routes.searchIndex.path.dropFirst(route.path.count)), root: route.href(to: .home),
            script: href(Routes.searchScript, from: route),
            sections: sections.map { LinkView(label: $0.0, href: href($0.1, from: route)) })
        return page(PageFrame(route: route, title: strings.search, description: strings.searchIntro), template: "search", view: view)
    }
}
