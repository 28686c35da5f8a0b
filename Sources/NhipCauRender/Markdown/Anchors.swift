import Foundation
import CCmark
import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// What kind of page a route is, for the ids its template writes.
enum PageKind: Sendable {
    case home, storyList, story, tag, marketList, market, policyList, policy, page
    case planList, plan, area, search, notFound

    /// nil for files (media, downloads, feeds): their fragments are not ids of ours (`a.pdf#page=2`).
    init?(_ route: Route) {
        let path = route.path
        switch route {
        case .home: self = .home
        case Routes.stories: self = .storyList
        case Routes.markets: self = .marketList
        case Routes.policies: self = .policyList
        case Routes.plans: self = .planList
        case Routes.search: self = .search
        case Routes.notFound: self = .notFound
        default:
            guard route.isDirectory else { return nil }
            if path.hasPrefix(Routes.stories.path + "trang/") { self = .storyList }
            else if path.hasPrefix(Routes.stories.path) { self = .story }
            else if path.hasPrefix(Routes.markets.path) { self = .market }
            else if path.hasPrefix(Routes.policies.path) { self = .policy }
            else if path.hasPrefix(Routes.plans.path) { self = .plan }
            else if path.hasPrefix(Routes.areas.path) { self = .area }
            else if path.hasPrefix(Routes.tags.path) { self = .tag }
            else { self = .page }
        }
    }

    /// The fixed ids the default templates give this kind of page (some only when their section is
    /// shown, such as `lien-quan` when a story has related stories). A `#fragment` link may point at
    /// these or at a heading of the page's Markdown; a replaced template is not read for its ids.
    var themeIDs: Set<String> {
        let own: Set<String> = switch self {
        case .home: ["tien-do", "cau-chuyen-moi", "thi-truong", "chinh-sach", "lien-he"]
        case .story: ["lien-quan"]
        case .market: ["theo-ke-hoach", "cau-chuyen-thi-truong"]
        case .marketList: ["bang-thi-truong"]
        case .policyList: ["bang-chinh-sach"]
        case .planList: ["bang-chi-tieu"]
        case .plan: ["dia-ban-ke-hoach", "tai-so-lieu"]
        case .area: ["cau-chuyen-dia-ban"]
        case .search: ["q", "xem-theo-danh-muc"]
        case .storyList, .tag, .policy, .page, .notFound: []
        }
        return own.union(["noi-dung"])
    }
}

/// Ids for a body's headings, from their text: `## Vay vốn` → `vay-von`; a second `Vay vốn` →
/// `vay-von-2`. Ids the page's template uses are never given to a heading.
enum HeadingIDs {
    /// The headings of a parsed body, in order, each with its id.
    static func assign(_ document: CmarkDocument, reserved: Set<String>) -> [(heading: CmarkNode, id: String)] {
        var used = reserved
        return document.nodes().filter { $0.type == CMARK_NODE_HEADING }.map { heading in
            let base = VietnameseText.slug(heading.plainText).nonEmpty ?? "muc"
            var id = base
            var number = 2
            while used.contains(id) {
                id = "\(base)-\(number)"
                number += 1
            }
            used.insert(id)
            return (heading, id)
        }
    }

    /// The ids a body's headings get, without rendering it.
    static func ids(of markdown: String, file: String, firstLine: Int, reserved: Set<String>) -> Set<String> {
        guard MarkdownLimits.check(markdown, file: file, firstLine: firstLine) == nil,
              let document = CmarkDocument(markdown: markdown) else { return [] }
        return Set(assign(document, reserved: reserved).map(\.id))
    }
}

/// The ids each page of the site has, for checking links to `page#fragment`. Another page's heading
/// ids are found by reading its Markdown again when a link points into it; such links are few, so
/// most builds never read a body twice. The ids are kept with the text they came from and parsed
/// again only if the text changed (under `serve`, an edited body).
final class AnchorIndex: @unchecked Sendable {
    private let site: Site
    private let content: (any ContentReading)?
    private let lock = NSLock()
    private var documents: [Route: ContentDocument]?
    private var known: [Route: (text: String, ids: Set<String>)] = [:]

    init(site: Site, content: (any ContentReading)?) {
        self.site = site
        self.content = content
    }

    /// nil when the route is not a page (a file) or its ids cannot be known.
    func ids(of route: Route) -> Set<String>? {
        guard let kind = PageKind(route) else { return nil }
        switch kind {
        case .story, .market, .policy, .page:
            guard let document = document(at: route) else { return kind.themeIDs }
            return read(document, route: route, kind: kind)
        default:
            return kind.themeIDs
        }
    }

    private func document(at route: Route) -> ContentDocument? {
        lock.withLock {
            if documents == nil {
                var byRoute: [Route: ContentDocument] = [:]
                for document in site.stories.map(\.document) + site.markets.map(\.document)
                    + site.policies.map(\.document) + site.pages.map(\.document) {
                    byRoute[site.route(of: document)] = document
                }
                documents = byRoute
            }
            return documents?[route]
        }
    }

    private func read(_ document: ContentDocument, route: Route, kind: PageKind) -> Set<String>? {
        guard let content,
              case .success(let body) = ContentLoader.readBody(of: document, from: content, maxBytes: site.config.maxFileBytes)
        else { return nil }
        if let cached = lock.withLock({ known[route] }), cached.text == body.text { return cached.ids }
        let ids = HeadingIDs.ids(of: body.text, file: document.file, firstLine: body.line, reserved: kind.themeIDs)
            .union(kind.themeIDs)
        lock.withLock { known[route] = (body.text, ids) }
        return ids
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
