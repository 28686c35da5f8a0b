/// Plain values the templates read. Every string is display-ready (formatted, localized, relative
/// URL computed); templates only place them. Optional values read inside a section are written
/// `{{#.name}}` in templates, so that a nil never picks up an outer value of the same name.

struct LinkView {
    let label: String
    let href: String?
}

struct NavItemView {
    let label: String
    let href: String
    let current: Bool
}

struct ListView<Item> {
    let items: [Item]

    /// nil for an empty list, so `{{#list}}…{{/list}}` leaves out the whole block.
    static func nonEmpty(_ items: [Item]) -> ListView? {
        items.isEmpty ? nil : ListView(items: items)
    }
}

struct ContactView {
    let hotline: String?
    let hotlineHref: String?
    let email: String?
    let address: String?
}

struct SocialView {
    let type: String
    let title: String
    let siteName: String
    let description: String?
    let url: String?
    let image: String?
    let imageAlt: String?
    let twitterCard: String
}

struct FeedLinkView {
    let title: String
    let href: String
}

struct LayoutView {
    let lang: String
    let t: UIStrings
    let documentTitle: String
    let description: String?
    let canonical: String?
    let social: SocialView?
    let stylesheet: String
    let feeds: [FeedLinkView]
    let siteTitle: String
    let organization: String?
    let homeHref: String
    let nav: [NavItemView]
    let breadcrumbs: ListView<LinkView>?
    let contact: ContactView?
    let content: String
}

struct StoryCardView {
    let title: String
    let href: String
    let date: String
    let dateISO: String
    let summary: String?
    let marketName: String?
}

struct HomeMarketView {
    let title: String
    let href: String
    let income: String?
}

struct PolicyRowView {
    let number: String
    let title: String
    let href: String
    let issuer: String
    let issued: String
    let status: String
    let statusKey: String
}

struct HeadlineView {
    let sentence: String
    let chart: String?
    let href: String
    let linkLabel: String
}

struct HomeView {
    let t: UIStrings
    let siteTitle: String
    let description: String?
    let headline: HeadlineView?
    let latest: ListView<StoryCardView>?
    let storiesHref: String
    let markets: [HomeMarketView]
    let marketsHref: String
    let policies: [PolicyRowView]
    let policiesHref: String
    let contact: ContactView?
}

struct ImageView {
    let src: String
    let alt: String
}

struct StoryView {
    let t: UIStrings
    let title: String
    let date: String
    let dateISO: String
    let updated: String?
    let author: String?
    let summary: String?
    let image: ImageView?
    let person: String?
    let market: LinkView?
    let area: LinkView?
    let tags: ListView<LinkView>?
    let body: String
    let related: ListView<StoryCardView>?
}

struct PaginationView {
    let current: Int
    let total: Int
    let previous: String?
    let next: String?
}

struct StoryListPageView {
    let t: UIStrings
    let heading: String
    let list: ListView<StoryCardView>?
    let pagination: PaginationView?
}

struct TagPageView {
    let t: UIStrings
    let name: String
    let list: ListView<StoryCardView>?
}

struct MarketView {
    let t: UIStrings
    let title: String
    let summary: String?
    let country: String
    let income: String?
    let cost: String?
    let contract: String?
    let sectors: String?
    let requirements: String?
    let updated: String?
    let body: String
    let planCounts: ListView<PlanCountView>?
    let stories: ListView<StoryCardView>?
}

struct MarketRowView {
    let title: String
    let href: String
    let income: String
    let cost: String
    let contract: String
    let sectors: String
}

struct MarketListView {
    let t: UIStrings
    let rows: [MarketRowView]
}

struct PolicyView {
    let t: UIStrings
    let number: String
    let title: String
    let summary: String?
    let status: String
    let statusKey: String
    let issuer: String
    let issued: String
    let effective: String?
    let expires: String?
    let replacedBy: LinkView?
    let replaces: ListView<LinkView>?
    let updated: String?
    let body: String
}

struct PolicyListView {
    let t: UIStrings
    let rows: [PolicyRowView]
}

struct FreePageView {
    let t: UIStrings
    let title: String
    let summary: String?
    let updated: String?
    let body: String
}

struct NotFoundView {
    let t: UIStrings
    let links: [LinkView]
}
