import NhipCauSite

/// The fixed `id`s each template writes (`<section id="lien-quan">`), with those of the partials it
/// includes, read from the templates in use. A `#fragment` link may point at them, and a heading of
/// the page's Markdown never takes one of them.
struct TemplateIDs: Sendable {
    private let idsByTemplate: [String: Set<String>]

    init(sources: [String: String]) {
        let own = sources.mapValues(Self.literalIDs)
        let partials = sources.mapValues(Self.partialNames)
        var resolved: [String: Set<String>] = [:]
        for name in sources.keys {
            var ids: Set<String> = []
            var seen: Set<String> = []
            var pending = [name]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                ids.formUnion(own[next] ?? [])
                pending += partials[next] ?? []
            }
            resolved[name] = ids
        }
        idsByTemplate = resolved
    }

    /// The ids on a page of `kind`: its template's and the layout's.
    func ids(of kind: PageKind) -> Set<String> {
        (idsByTemplate[kind.template] ?? []).union(idsByTemplate["layout"] ?? [])
    }

    /// `id="…"` attributes whose value is written out, not filled from a `{{tag}}`.
    private static func literalIDs(_ template: String) -> Set<String> {
        Set(TagScanner.literalIDs(in: template))
    }

    private static func partialNames(_ template: String) -> [String] {
        TagScanner.partialNames(in: template)
    }
}
