/// Plain values the templates read. Every string is display-ready (formatted, localized, relative
/// URL computed); templates only place them. Optional values read inside a section are written
/// `{{#.name}}` in templates, so that a nil never picks up an outer value of the same name.

struct LinkView: Codable {
    let label: String
    let href: String?
}

struct NavItemView: Codable {
    let label: String
    let href: String
    let current: Bool
}

struct ListView<Item: Codable>: Codable {
    let items: [Item]

    /// nil for an empty list, so `{{#list}}…{{/list}}` leaves out the whole block.
    static func nonEmpty(_ items: [Item]) -> ListView? {
        items.isEmpty ? nil : ListView(items: items)
    }
}

struct ContactView: Codable {
    let hotline: String?
    let hotlineHref: String?
    let email: String?
    let address: String?
}

struct SocialView: Codable {
    let type: String
    let title: String
    let siteName: String
    let description: String?
    let url: String?
    /// `vi_VN` or `en_US`, as Open Graph spells languages.
    let locale: String
    let image: String?
    let imageAlt: String?
    let twitterCard: String
}

struct FeedLinkView: Codable {
    let title: String
    let href: String
}

struct LayoutView: Codable {
    let lang: String
    let t: Wording
    let documentTitle: String
    let description: String?
    let canonical: String?
    let social: SocialView?
    let stylesheet: String
    /// `assets/charts.css`, for a page that draws a chart.
    let chartStylesheet: String?
    let feeds: [FeedLinkView]
    let siteTitle: String
    let organization: String?
    let homeHref: String
    let nav: [NavItemView]
    let breadcrumbs: ListView<LinkView>?
    let contact: ContactView?
    let content: String
}

struct StoryCardView: Codable {
    let title: String
    let href: String
    let date: String
    let dateISO: String
    let summary: String?
    let marketName: String?
    /// Made up to illustrate the portal (`sample: true`): shown with a badge saying so.
    let sample: Bool
}

struct HomeMarketView: Codable {
    let title: String
    let href: String
    let income: String?
}

struct PolicyRowView: Codable {
    let number: String
    let title: String
    let href: String
    let issuer: String
    let issued: String
    let status: String
    let statusKey: String
}

struct HeadlineView: Codable {
    let sentence: String
    let sampleNote: String?
    let chart: String?
    let href: String
    let linkLabel: String
}

/// The hotline at the top of the home page, as a `tel:` link; `free` for a 1800 number, which costs the caller nothing.
struct HotlineView: Codable {
    let number: String
    let href: String
    let free: Bool
}

/// The home page, top to bottom in the default theme: the first phone screen (`hotline`, `tasks`, the search
/// form at `searchAction`), then `notices`, `headline`, `latest`, `markets`, `policies`, `contact`. A kind
/// that shows something on the home page adds one field of its own here and one block to home.mustache.
struct HomeView: Codable {
    let t: Wording
    let siteTitle: String
    let description: String?
    let hotline: HotlineView?
    /// `home.tasks` of site.yml, each link resolved from the home page.
    let tasks: ListView<LinkView>?
    /// The search page's address: the form sends `?q=` there with a plain GET, no script needed.
    let searchAction: String
    let headline: HeadlineView?
    /// Notices in force on the build date.
    let notices: ListView<NoticeCardView>?
    let noticesHref: String
    /// The next three events (coming up or under way), and the events page.
    let upcomingEvents: ListView<EventCardView>?
    let eventsHref: String
    let latest: ListView<StoryCardView>?
    let storiesHref: String
    let markets: [HomeMarketView]
    let marketsHref: String
    let policies: [PolicyRowView]
    let policiesHref: String
    let contact: ContactView?
    /// How many job orders are open (`jobs/`), linked; nil on a site without orders.
    var jobs: HomeJobsView? = nil
    /// The newest warning of the last 90 days, with a link to all (set after the rest).
    var warning: HomeWarningView? = nil
}

struct ImageView: Codable {
    let src: String
    let alt: String
    /// The whole `<picture>` (variants, sizes, width and height); `src`/`alt` stay for themes that write their own `<img>`.
    let html: String
}

struct StoryView: Codable {
    let t: Wording
    let title: String
    let date: String
    let dateISO: String
    let updated: String?
    let author: String?
    let summary: String?
    let image: ImageView?
    let person: String?
    let sample: Bool
    let market: LinkView?
    let area: LinkView?
    let tags: ListView<LinkView>?
    let body: String
    let related: ListView<StoryCardView>?
}

struct PaginationView: Codable {
    let current: Int
    let total: Int
    let previous: String?
    let next: String?
}

struct StoryListPageView: Codable {
    let t: Wording
    let heading: String
    let list: ListView<StoryCardView>?
    let pagination: PaginationView?
}

struct TagPageView: Codable {
    let t: Wording
    let name: String
    let list: ListView<StoryCardView>?
}

struct MarketView: Codable {
    let t: Wording
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
    let planCounts: MarketPlansView?
    let stories: ListView<StoryCardView>?
    /// The market's open job orders.
    var jobs: JobsBlockView? = nil
    /// Enterprises licensed for the market and active on the build date, and its warnings (set after the rest).
    var enterprises: MarketEnterprisesView? = nil
    var warnings: ListView<WarningCardView>? = nil
}

struct MarketRowView: Codable {
    let title: String
    let href: String
    let income: String
    let cost: String
    let contract: String
    let sectors: String
}

struct MarketListView: Codable {
    let t: Wording
    let rows: [MarketRowView]
}

struct PolicyView: Codable {
    let t: Wording
    let number: String
    let title: String
    let summary: String?
    let status: String
    let statusKey: String
    let issuer: String
    let issued: String
    let effective: String?
    let expires: String?
    let replacedBy: ReplacementView?
    let replaces: ListView<LinkView>?
    let updated: String?
    let body: String
}

/// The policy named in `replaced_by`; `pendingFrom` is its first day when that is after the build date.
struct ReplacementView: Codable {
    let label: String
    let number: String
    let href: String
    let pendingFrom: String?
}

struct PolicyListView: Codable {
    let t: Wording
    let rows: [PolicyRowView]
}

struct FreePageView: Codable {
    let t: Wording
    let title: String
    let summary: String?
    let updated: String?
    let body: String
}

struct NotFoundView: Codable {
    let t: Wording
    let links: [LinkView]
}

struct SearchPageView: Codable {
    let t: Wording
    /// Where the form sends `q` when no script runs: this same page.
    let action: String
    /// The index folder, relative to the search page.
    let index: String
    /// The site's root, relative to the search page, as a folder (`../`) even offline: results'
    /// addresses are relative to it, and offline they already end in `index.html`.
    let root: String
    let script: String
    let sections: [LinkView]
}

struct NoticeCardView: Codable {
    let title: String
    let href: String
    let date: String
    let dateISO: String
    let expires: String?
    let summary: String?
    let sample: Bool
}

struct NoticeListView: Codable {
    let t: Wording
    let live: ListView<NoticeCardView>?
    let expired: ListView<NoticeCardView>?
}

struct NoticeView: Codable {
    let t: Wording
    let title: String
    let date: String
    let dateISO: String
    let expires: String?
    /// Past `expires` on the build date: the page stays, marked as such.
    let expired: Bool
    let summary: String?
    let sample: Bool
    let areas: ListView<LinkView>?
    let markets: ListView<LinkView>?
    let updated: String?
    let body: String
}

struct EventCardView: Codable {
    let title: String
    let href: String
    /// When it takes place, in words: `08:00 – 11:30, 20/12/2026`.
    let when: String
    let startISO: String
    let place: String
    let kind: String?
    /// On the build date: Sắp diễn ra, Đang diễn ra, Đã diễn ra; `statusKey` is `upcoming`, `ongoing` or `past`.
    let status: String
    let statusKey: String
    let sample: Bool
}

struct EventListView: Codable {
    let t: Wording
    /// Coming up and under way, earliest first.
    let current: ListView<EventCardView>?
    /// The first page of past events, when there are any.
    let pastHref: String?
    /// `lich.ics`: every coming event, for a phone's calendar.
    let calendarHref: String
}

struct PastEventListView: Codable {
    let t: Wording
    let list: ListView<EventCardView>?
    let pagination: PaginationView?
}

struct EventView: Codable {
    let t: Wording
    let title: String
    let status: String
    let statusKey: String
    let kind: String?
    let when: String
    let startISO: String
    let place: String
    let address: String?
    let area: LinkView?
    let organiser: String?
    let enterprise: LinkView?
    let markets: ListView<LinkView>?
    let register: String?
    let cost: String?
    let summary: String?
    let sample: Bool
    /// The event's own `su-kien.ics`.
    let calendarHref: String
    let updated: String?
    let body: String
    /// schema.org `Event` as JSON-LD: a whole `<script type="application/ld+json">` element.
    let structuredData: String
}
