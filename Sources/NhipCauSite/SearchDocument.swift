/// A published page as the search index sees it: produced by the render stage for every page a
/// citizen may look for, consumed by the write stage's index writer.
public struct SearchDocument: Sendable {
    /// What the page is. The order is the tie-break between equally good results: a market page
    /// before a policy, a policy before a story (stories are many and alike); notices, short and dated, last.
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        case market, policy, page, plan, area, story, notice
        case job
        case enterprise, warning
        case event

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let route: Route
    public let kind: Kind
    /// The kind in the site's language, shown beside each result ("Thị trường").
    public let kindLabel: String
    public let title: String
    public let summary: String
    /// Market, area and topics of a story: they describe the page without being in its text.
    public let context: [String]
    public let text: String

    public init(route: Route, kind: Kind, kindLabel: String, title: String, summary: String,
                context: [String] = [], text: String) {
        self.route = route
        self.kind = kind
        self.kindLabel = kindLabel
        self.title = title
        self.summary = summary
        self.context = context
        self.text = text
    }
}
