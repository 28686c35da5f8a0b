import NhipCauCore

/// The kinds of Markdown content, each in its own folder under `content/`.
public enum ContentKind: String, Sendable, CaseIterable, Hashable {
    case story = "stories"
    case market = "markets"
    case policy = "policies"
    case page = "pages"
    case notice = "notices"

    public var folder: String { rawValue }
}

/// What every Markdown file has: where it came from and its Markdown body.
public struct ContentDocument: Sendable, Hashable {
    public let kind: ContentKind
    public let slug: String
    /// Path relative to the content folder, e.g. `stories/chi-lan.md`.
    public let file: String
    public let body: ContentBody
    /// The 1-based line of the file where the body starts, so Markdown errors name the file's line.
    public let bodyLine: Int
    /// The front matter exactly as written: `serve` compares it to tell a body-only edit.
    public let frontMatterSource: String
    /// `updated:` in front matter: when the officer last changed the page.
    public let updated: SimpleDate?
    /// Where `updated:` is written, for messages about it.
    public let updatedLocation: SourceLocation?
}

public struct Story: Sendable, Hashable, HasContentDocument {
    public internal(set) var document: ContentDocument
    public let title: String
    public let date: SimpleDate
    public let summary: String?
    public let person: String?
    public let market: Located<String>?
    public let area: Located<String>?
    public let tags: [String]
    public let image: Located<String>?
    public let imageAlt: String?
    public let author: String?
    public let draft: Bool
    /// `sample: true`: an illustrative story made up for the portal, badged as such wherever it is shown.
    public let sample: Bool
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

extension Story { public func replacingBody(with edit: BodyEdit) -> Story { var copy = self; copy.document = document.replacingBody(with: edit); return copy } }
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
