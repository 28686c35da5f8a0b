import NhipCauCore
import NhipCauSite

/// `/tim-kiem/`: a GET form, the places the script writes results into, and links to every
/// list of the site, so that the page still serves without JavaScript or when opened from a folder.
extension SiteRenderer {
    func renderSearch() -> RenderedPage {
        let route = Routes.search
        let view = SearchPageView(
            t: strings, action: href(route, from: route),
            index: String(Routes.searchIndex.path.dropFirst(route.path.count)), root: route.href(to: .home),
            script: href(Routes.searchScript, from: route),
            sections: links(site.navigation.filter { $0.route != route }, from: route))
        return page(PageFrame(route: route, title: strings.search, description: strings.searchIntro), .search, view: view)
    }
}
