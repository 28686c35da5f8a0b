import NhipCauCore

/// The kinds of Markdown content, each in its own folder under `content/`.
public enum ContentKind: String, Sendable, CaseIterable, Hashable {
    case story = "stories"
    case market = "markets"
    case policy = "policies"
    case page = "pages"
    case notice = "notices"
    case event = "events"
    case job = "jobs"
    case enterprise = "enterprises"
    case warning = "warnings"

    public var folder: String { rawValue }
}

/// What every Markdown file has: where it came from and its Markdown body. Held behind one
/// reference, as `Story`'s fields are: a document is copied into every page entry and list that
/// shows it, and inline each copy retained five strings.
public struct ContentDocument: Sendable, Hashable {
    private struct Fields: Sendable, Hashable {
        let kind: ContentKind
        let slug: String
        let file: String
        let body: ContentBody
        let bodyLine: Int
        let frontMatterSource: String
        let updated: SimpleDate?
        let updatedLocation: SourceLocation?
    }

    private let box: SharedFields<Fields>

    init(kind: ContentKind, slug: String, file: String, body: ContentBody, bodyLine: Int, frontMatterSource: String,
         updated: SimpleDate?, updatedLocation: SourceLocation?) {
        box = SharedFields(Fields(kind: kind, slug: slug, file: file, body: body, bodyLine: bodyLine,
                                  frontMatterSource: frontMatterSource, updated: updated, updatedLocation: updatedLocation))
    }

    public var kind: ContentKind { box.fields.kind }
    public var slug: String { box.fields.slug }
    /// Path relative to the content folder, e.g. `stories/chi-lan.md`.
    public var file: String { box.fields.file }
    public var body: ContentBody { box.fields.body }
    /// The 1-based line of the file where the body starts, so Markdown errors name the file's line.
    public var bodyLine: Int { box.fields.bodyLine }
    /// The front matter exactly as written: `serve` compares it to tell a body-only edit.
    public var frontMatterSource: String { box.fields.frontMatterSource }
    /// `updated:` in front matter: when the officer last changed the page.
    public var updated: SimpleDate? { box.fields.updated }
    /// Where `updated:` is written, for messages about it.
    public var updatedLocation: SourceLocation? { box.fields.updatedLocation }
}

/// A success story. Its fields are held once, behind one reference: a story stands in many lists (every story, its
/// market's, its area's, each of its tags', its page), and inline they were some 550 bytes a copy,
/// a sixth of the peak memory of a 100,000-story build.
public struct Story: Sendable, Hashable, HasContentDocument {
    private struct Fields: Sendable, Hashable {
        var document: ContentDocument
        let title: String
        let date: SimpleDate
        let summary: String?
        let person: String?
        let market: Located<String>?
        let area: Located<String>?
        let tags: [String]
        let tagSlugs: [String]
        let image: Located<String>?
        let imageAlt: String?
        let author: String?
        let draft: Bool
        let sample: Bool
    }

    private let box: SharedFields<Fields>

    init(document: ContentDocument, title: String, date: SimpleDate, summary: String?, person: String?,
         market: Located<String>?, area: Located<String>?, tags: [(name: String, slug: String)], image: Located<String>?,
         imageAlt: String?, author: String?, draft: Bool, sample: Bool) {
        box = SharedFields(Fields(document: document, title: title, date: date, summary: summary, person: person, market: market,
                                  area: area, tags: tags.map(\.name), tagSlugs: tags.map(\.slug), image: image, imageAlt: imageAlt,
                                  author: author, draft: draft, sample: sample))
    }

    private init(_ fields: Fields) {
        box = SharedFields(fields)
    }

    public var document: ContentDocument { box.fields.document }
    public var title: String { box.fields.title }
    public var date: SimpleDate { box.fields.date }
    public var summary: String? { box.fields.summary }
    public var person: String? { box.fields.person }
    public var market: Located<String>? { box.fields.market }
    public var area: Located<String>? { box.fields.area }
    public var tags: [String] { box.fields.tags }
    /// Each tag's address (`VietnameseText.slug`), in the order of `tags`; none is empty.
    public var tagSlugs: [String] { box.fields.tagSlugs }
    public var image: Located<String>? { box.fields.image }
    public var imageAlt: String? { box.fields.imageAlt }
    public var author: String? { box.fields.author }
    public var draft: Bool { box.fields.draft }
    /// `sample: true`: an illustrative story made up for the portal, badged as such wherever it is shown.
    public var sample: Bool { box.fields.sample }

    public func replacingBody(with edit: BodyEdit) -> Story {
        var fields = box.fields
        fields.document = document.replacingBody(with: edit)
        return Story(fields)
    }
}

public struct Market: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let country: String
    public let summary: String?
    /// Monthly income in VND, lowest to highest.
    public let incomeVND: ClosedRange<Int>?
    /// The most a worker pays to go, in VND.
    public let costVND: Int?
    public let contract: String?
    public let sectors: [String]
    public let requirements: String?
    /// The most a worker may be charged as service fee, declared by the market (Law 69/2020/QH14 Art. 23(4)).
    public var serviceFeeCap: ServiceFeeCap? = nil
    /// `country_code`: ISO 3166-1 alpha-2 (`JP`), for the country of a job order's structured data.
    public var countryCode: String? = nil
}

/// `service_fee_cap_months` (months of salary per 12 months of contract), `service_fee_cap_max_months`
/// (the most for the whole contract) and `service_fee_basis` (the legal text they come from).
public struct ServiceFeeCap: Sendable, Hashable {
    public let monthsPer12: Double
    public let maxMonths: Double?
    public let basis: String?

    public init(monthsPer12: Double, maxMonths: Double?, basis: String?) {
        self.monthsPer12 = monthsPer12
        self.maxMonths = maxMonths
        self.basis = basis
    }

    /// Months of salary allowed for a contract of `contractMonths`: pro rata, then the maximum.
    public func months(forContract contractMonths: Int) -> Double {
        let prorated = monthsPer12 * Double(contractMonths) / 12
        return maxMonths.map { min(prorated, $0) } ?? prorated
    }

    /// The cap in đồng for a monthly salary, rounded down to a whole đồng.
    public func vnd(monthlySalary: Int, contractMonths: Int) -> Int {
        Int((Double(monthlySalary) * months(forContract: contractMonths)).rounded(.down))
    }
}

public struct Policy: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let number: String
    public let issuer: String
    public let issued: SimpleDate
    public let effective: SimpleDate?
    public let expires: SimpleDate?
    public let replacedBy: Located<String>?
    public let summary: String?
}

public struct Page: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let summary: String?
    /// Position in the main navigation; nil keeps the page out of it.
    public let menu: Int?
}

public struct Contact: Sendable, Hashable {
    public let hotline: String?
    public let email: String?
    public let address: String?
}

/// A short announcement (`notices/`), on the home page from `date` until `expires`.
public struct Notice: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let date: SimpleDate
    /// The last day it is shown on the home page; nil: until a newer notice takes its place.
    public let expires: SimpleDate?
    /// Area ids and market slugs it concerns, each where it is written.
    public let areas: [Located<String>]
    public let markets: [Located<String>]
    public let summary: String?
    public let sample: Bool

    /// Shown on the home page on `day`: published, and not past `expires`.
    public func isLive(on day: SimpleDate) -> Bool {
        date <= day && (expires.map { day <= $0 } ?? true)
    }
}

/// One cost a job order asks of the worker (`costs:`), in whole đồng.
public struct JobCost: Sendable, Hashable {
    public let item: String
    public let vnd: Int
    public let note: String?
    /// `kind: service_fee`: the enterprise's service fee (tiền dịch vụ), checked against the market's cap.
    public let isServiceFee: Bool
    /// Where its `vnd` is written, and its key path (`costs[1].vnd`), for messages.
    public let location: SourceLocation
    public let keyPath: String
}

/// The registration of the labour supply contract by the authority (`approval: {number, date}`).
public struct JobApproval: Sendable, Hashable {
    public let number: String
    public let date: SimpleDate?
}

/// A job order (`jobs/`): recruitment for one enterprise's contract in one market.
/// Its fields are held once, behind one reference, like `Story`'s: an order stands in several lists
/// (every order, its status's, its market's, its areas', its enterprise's, its page).
public struct Job: Sendable, Hashable, HasContentDocument {
    private struct Fields: Sendable, Hashable {
        var document: ContentDocument
        let title: String
        let date: SimpleDate
        let enterprise: Located<String>
        let market: Located<String>
        let occupation: String
        let positions: Int
        let applyBy: SimpleDate
        let salaryVND: ClosedRange<Int>?
        let salaryNote: String?
        let contract: String?
        let contractMonths: Int?
        let costs: [JobCost]
        let depositVND: Int?
        let requirements: String?
        let areas: [Located<String>]
        let approval: JobApproval?
        let summary: String?
        let sample: Bool
        let dateLocation: SourceLocation
    }

    private let box: SharedFields<Fields>

    init(document: ContentDocument, title: String, date: SimpleDate, enterprise: Located<String>, market: Located<String>,
         occupation: String, positions: Int, applyBy: SimpleDate, salaryVND: ClosedRange<Int>?, salaryNote: String?,
         contract: String?, contractMonths: Int?, costs: [JobCost], depositVND: Int?, requirements: String?,
         areas: [Located<String>], approval: JobApproval?, summary: String?, sample: Bool, dateLocation: SourceLocation) {
        box = SharedFields(Fields(document: document, title: title, date: date, enterprise: enterprise, market: market,
                         occupation: occupation, positions: positions, applyBy: applyBy, salaryVND: salaryVND,
                         salaryNote: salaryNote, contract: contract, contractMonths: contractMonths, costs: costs,
                         depositVND: depositVND, requirements: requirements, areas: areas, approval: approval,
                         summary: summary, sample: sample, dateLocation: dateLocation))
    }

    private init(_ fields: Fields) {
        box = SharedFields(fields)
    }

    public var document: ContentDocument { box.fields.document }
    public var title: String { box.fields.title }
    /// Posted.
    public var date: SimpleDate { box.fields.date }
    public var enterprise: Located<String> { box.fields.enterprise }
    public var market: Located<String> { box.fields.market }
    public var occupation: String { box.fields.occupation }
    public var positions: Int { box.fields.positions }
    public var applyBy: SimpleDate { box.fields.applyBy }
    /// Monthly salary in đồng, lowest to highest.
    public var salaryVND: ClosedRange<Int>? { box.fields.salaryVND }
    public var salaryNote: String? { box.fields.salaryNote }
    public var contract: String? { box.fields.contract }
    public var contractMonths: Int? { box.fields.contractMonths }
    public var costs: [JobCost] { box.fields.costs }
    public var depositVND: Int? { box.fields.depositVND }
    public var requirements: String? { box.fields.requirements }
    public var areas: [Located<String>] { box.fields.areas }
    public var approval: JobApproval? { box.fields.approval }
    public var summary: String? { box.fields.summary }
    public var sample: Bool { box.fields.sample }
    /// Where `date:` is written, for a date the enterprise was not licensed on.
    public var dateLocation: SourceLocation { box.fields.dateLocation }

    public var totalCostVND: Int { costs.reduce(0) { $0 + $1.vnd } }
    public var serviceFee: JobCost? { costs.first { $0.isServiceFee } }

    public func replacingBody(with edit: BodyEdit) -> Job {
        var fields = box.fields
        fields.document = document.replacingBody(with: edit)
        return Job(fields)
    }
}

/// `content/site.yml`.
public struct SiteConfig: Sendable, Hashable {
    public let title: String
    public let organization: String?
    public let description: String?
    public let language: Language
    /// The line of `language:` in site.yml, for a problem with the language found later (no wording for it).
    public var languageLine: Int? = nil
    /// Absolute URL ending in `/`, used only where absolute URLs are required (feeds, sitemap, sharing tags).
    public let baseURL: String?
    public let contact: Contact
    /// Files larger than this are refused rather than read.
    public let maxFileBytes: Int
    /// Raw HTML in Markdown is dropped unless the site opts in.
    public let allowRawHTML: Bool
    /// `share_image`: the picture of every page's sharing card (a PNG, JPEG or WebP under media/),
    /// unless a story has a raster image of its own.
    public let shareImage: Located<String>?
    public let shareImageAlt: String?
    /// `max_image_pixels`: a larger picture is refused before it is decoded (a small file can
    /// claim 30,000 × 30,000 pixels and take gigabytes to open).
    public var maxImagePixels = SiteConfig.defaultMaxImagePixels
    /// `keep_originals: true` also publishes each photo at full size (still without metadata).
    public var keepOriginals = false
    /// `home:`: what the home page puts first.
    public var home = HomeSettings()
    /// `data_license` (and `data_license_url`): the licence of the data package at /du-lieu/, e.g. CC-BY-4.0.
    public var dataLicense: DataLicense? = nil

    public static let defaultMaxFileBytes = 10 * 1024 * 1024
    public static let defaultMaxImagePixels = 50_000_000

    /// Image types Facebook, Zalo and other apps show in a link's preview card (SVG is not one).
    public static func isCardImage(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".png", ".jpg", ".jpeg", ".webp"].contains { lower.hasSuffix($0) }
    }
}

/// `home:` in site.yml: the citizen's first screen.
public struct HomeSettings: Sendable, Hashable {
    /// `featured_plan`: the plan whose progress the home page shows. Without it, the newest plan whose
    /// period holds the build date, else the newest plan.
    public var featuredPlan: Located<String>?
    /// `tasks`: the shortcuts under the hotline, at most `maxTasks`.
    public var tasks: [HomeTask] = []

    /// Two columns of three fit a 360-pixel phone's first screen with the hotline and the search box.
    public static let maxTasks = 6

    public init(featuredPlan: Located<String>? = nil, tasks: [HomeTask] = []) {
        self.featuredPlan = featuredPlan
        self.tasks = tasks
    }
}

/// One shortcut of the home page: `{label: "Vay vốn", link: pages/vay-von.md}`; the link is checked as a Markdown link is.
public struct HomeTask: Sendable, Hashable {
    public let label: String
    public let link: Located<String>

    public init(label: String, link: Located<String>) {
        self.label = label
        self.link = link
    }
}

/// A theme file under `content/theme/` that replaces the default theme's file of the same name.
public struct ThemeOverride: Sendable, Hashable {
    /// Path inside the theme, e.g. `templates/story.mustache` or `assets/style.css`.
    public let name: String
    public let bytes: [UInt8]
    public let file: String

    public init(name: String, bytes: [UInt8], file: String) {
        self.name = name
        self.bytes = bytes
        self.file = file
    }
}

/// A file under `content/media/`, copied as-is.
public struct MediaFile: Sendable, Hashable {
    /// Path relative to the content folder, e.g. `media/stories/a.jpg`.
    public let path: String
}

/// The Markdown below a file's front matter. A whole build does not hold every body in memory
/// (on a 100,000-story site they are a third of a gigabyte): it reads each again, from the page
/// cache, when its page is rendered. An edit under `serve` carries its new text.
public enum ContentBody: Sendable, Hashable {
    case inFile
    case text(String)
}

/// A page made from one Markdown file.
public protocol HasContentDocument: Sendable {
    var document: ContentDocument { get }
    /// The same item with a new body; what `serve` re-renders when only the Markdown below the
    /// front matter changed.
    func replacingBody(with edit: BodyEdit) -> Self
}

extension Market { public func replacingBody(with edit: BodyEdit) -> Market { var copy = self; copy.document = document.replacingBody(with: edit); return copy } }
extension Policy { public func replacingBody(with edit: BodyEdit) -> Policy { var copy = self; copy.document = document.replacingBody(with: edit); return copy } }
extension Notice { public func replacingBody(with edit: BodyEdit) -> Notice { var copy = self; copy.document = document.replacingBody(with: edit); return copy } }
extension Page { public func replacingBody(with edit: BodyEdit) -> Page { var copy = self; copy.document = document.replacingBody(with: edit); return copy } }

/// A Markdown file read again: its front matter as written and its new body.
public struct BodyEdit: Sendable {
    public let file: String
    public let frontMatterSource: String
    public let body: String
    public let bodyLine: Int
}

extension ContentDocument {
    func replacingBody(with edit: BodyEdit) -> ContentDocument {
        ContentDocument(kind: kind, slug: slug, file: file, body: .text(edit.body), bodyLine: edit.bodyLine,
                        frontMatterSource: frontMatterSource, updated: updated, updatedLocation: updatedLocation)
    }
}

/// The licence the site gives its open data: a short name (an SPDX id such as `CC-BY-4.0`, or
/// words) and where its text is.
public struct DataLicense: Sendable, Hashable {
    public let name: String
    public let url: String?

    public init(name: String, url: String?) {
        self.name = name
        self.url = url
    }
}

/// A model's fields behind one reference: a story or job order sits in several lists (all, its
/// market's, its area's, each tag's…), and each copy is then 8 bytes instead of all its fields.
final class SharedFields<Fields: Sendable>: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
}

/// Equal when the fields are (one shared box is equal to itself without comparing them).
extension SharedFields: Equatable where Fields: Equatable {
    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs === rhs || lhs.fields == rhs.fields
    }
}

extension SharedFields: Hashable where Fields: Hashable {
    func hash(into hasher: inout Hasher) {
        fields.hash(into: &hasher)
    }
}
