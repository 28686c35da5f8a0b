import Foundation
import CCmark
import NhipCauCore
import NhipCauLoad
import NhipCauSite

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
    private let templateIDs: TemplateIDs
    /// Every page of the site by its route.
    private let entries: [Route: PageEntry]
    private let lock = NSLock()
    private var known: [Route: (text: String, ids: Set<String>)] = [:]

    init(site: Site, content: (any ContentReading)?, templateIDs: TemplateIDs) {
        self.site = site
        self.content = content
        self.templateIDs = templateIDs
        self.entries = Dictionary(site.entries.map { ($0.route, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The ids the page's template writes; empty for a route that is no page of the site.
    func themeIDs(of route: Route) -> Set<String> {
        entries[route].map { templateIDs.ids(of: $0.kind) } ?? []
    }

    /// nil when the route is not a page (a file) or its ids cannot be known.
    func ids(of route: Route) -> Set<String>? {
        guard let entry = entries[route] else { return nil }
        let themeIDs = templateIDs.ids(of: entry.kind)
        guard let document = entry.source.document else { return themeIDs }
        return read(document, route: route, themeIDs: themeIDs)
    }

    private func read(_ document: ContentDocument, route: Route, themeIDs: Set<String>) -> Set<String>? {
        guard let content,
              case .success(let body) = ContentLoader.readBody(of: document, from: content, maxBytes: site.config.maxFileBytes)
        else { return nil }
        if let cached = lock.withLock({ known[route] }), cached.text == body.text { return cached.ids }
        let ids = HeadingIDs.ids(of: body.text, file: document.file, firstLine: body.line, reserved: themeIDs)
            .union(themeIDs)
        lock.withLock { known[route] = (body.text, ids) }
        return ids
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
