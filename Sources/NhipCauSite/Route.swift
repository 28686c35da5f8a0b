import NhipCauLoad

/// Where a page or file lives in the output, as a path from the site's root: `""` (home),
/// `cau-chuyen/` (a section), `cau-chuyen/chi-lan/` (a page), `media/a.jpg` (a file).
/// Pages are directories holding `index.html`, so URLs stay clean on any server.
public struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    public static let home = Route("")

    public var isDirectory: Bool { path.isEmpty || path.hasSuffix("/") }

    /// The file a server sends for this route.
    public var outputFile: String { isDirectory ? path + "index.html" : path }

    /// How many folders deep the page's own document sits.
    public var depth: Int { outputFile.reduce(0) { $1 == "/" ? $0 + 1 : $0 } }

    /// A relative URL from this route's document to `target`, so one `site/` works at `/` and under any
    /// sub-path. `offline` spells out `index.html` for copies opened from a folder with no server.
    public func href(to target: Route, offline: Bool = false) -> String {
        let prefix = String(repeating: "../", count: depth)
        let tail = offline && target.isDirectory ? target.outputFile : Route.percentEncode(target.path)
        let link = prefix + tail
        return link.isEmpty ? "./" : link
    }

    public var description: String { "/" + path }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }

    /// Encodes what a URL path may not hold (spaces, Vietnamese letters in media file names), keeping `/`.
    public static func percentEncode(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// The site's fixed addresses. Paths stay Vietnamese whatever the interface language, so links never break.
public enum Routes {
    public static let stories = Route("cau-chuyen/")
    public static let markets = Route("thi-truong/")
    public static let policies = Route("chinh-sach/")
    public static let plans = Route("chi-tieu/")
    public static let areas = Route("dia-ban/")
    public static let tags = Route("the/")
    public static let search = Route("tim-kiem/")
    /// The search index's files (manifest, term shards, result chunks), fetched by the search page's script.
    public static let searchIndex = Route("tim-kiem/chi-muc/")
    public static let searchScript = Route("assets/search.js")
    public static let notFound = Route("404.html")
    public static let stylesheet = Route("assets/style.css")
    public static let chartStylesheet = Route("assets/charts.css")
    public static let storiesFeed = Route("feeds/cau-chuyen.xml")
    public static let policiesFeed = Route("feeds/chinh-sach.xml")
    public static let notices = Route("thong-bao/")
    public static let noticesFeed = Route("feeds/thong-bao.xml")
    public static let events = Route("su-kien/")
    /// Every upcoming and ongoing event, for subscribing from a phone's calendar.
    public static let eventCalendar = Route("su-kien/lich.ics")
    /// The folder of past events under `su-kien/`; an event file may not take this name.
    public static let pastEventsName = "da-dien-ra"
    public static let jobs = Route("don-hang/")
    public static let jobsFeed = Route("feeds/don-hang.xml")
    public static let jobsCSV = Route("don-hang/don-hang.csv")
    public static let jobsJSON = Route("don-hang/don-hang.json")
    /// The closed orders' list; a job order may not take its name as slug.
    public static let closedJobsName = "da-het-han"
    public static func job(_ slug: String) -> Route { Route("don-hang/\(slug)/") }
    public static func closedJobsPage(_ number: Int) -> Route {
        number <= 1 ? Route("don-hang/\(closedJobsName)/") : Route("don-hang/\(closedJobsName)/trang/\(number)/")
    }
    public static let enterprises = Route("doanh-nghiep/")
    public static let enterprisesCSV = Route("doanh-nghiep/doanh-nghiep.csv")
    public static let enterprisesJSON = Route("doanh-nghiep/doanh-nghiep.json")
    public static let warnings = Route("canh-bao/")
    public static let warningsFeed = Route("feeds/canh-bao.xml")
    public static let sitemap = Route("sitemap.xml")
    public static let robots = Route("robots.txt")
    /// The data package: a page describing it, the figures in long format, and its descriptor.
    public static let dataPackage = Route("du-lieu/")
    public static let dataCSV = Route("du-lieu/chi-tieu.csv")
    public static let dataJSON = Route("du-lieu/chi-tieu.json")
    public static let dataDescriptor = Route("du-lieu/datapackage.json")

    public static func story(_ slug: String) -> Route { Route("cau-chuyen/\(slug)/") }
    public static func storiesPage(_ number: Int) -> Route { number <= 1 ? stories : Route("cau-chuyen/trang/\(number)/") }
    public static func market(_ slug: String) -> Route { Route("thi-truong/\(slug)/") }
    public static func policy(_ slug: String) -> Route { Route("chinh-sach/\(slug)/") }
    public static func page(_ slug: String) -> Route { Route("\(slug)/") }
    public static func notice(_ slug: String) -> Route { Route("thong-bao/\(slug)/") }
    public static func event(_ slug: String) -> Route { Route("su-kien/\(slug)/") }
    public static func eventICS(_ slug: String) -> Route { Route("su-kien/\(slug)/su-kien.ics") }
    public static func pastEventsPage(_ number: Int) -> Route {
        Route(number <= 1 ? "su-kien/\(pastEventsName)/" : "su-kien/\(pastEventsName)/trang/\(number)/")
    }
    public static func enterprise(_ slug: String) -> Route { Route("doanh-nghiep/\(slug)/") }
    /// The register's later pages (an enterprise named `trang` keeps its own page: these are one folder deeper).
    public static func enterprisesPage(_ number: Int) -> Route { number <= 1 ? enterprises : Route("doanh-nghiep/trang/\(number)/") }
    public static func warning(_ slug: String) -> Route { Route("canh-bao/\(slug)/") }
    public static func plan(_ id: String) -> Route { Route("chi-tieu/\(id)/") }
    public static func planCSV(_ id: String) -> Route { Route("chi-tieu/\(id).csv") }
    public static func planJSON(_ id: String) -> Route { Route("chi-tieu/\(id).json") }
    /// Beside the plans: the loader keeps series ids apart from plan ids and reserved names.
    public static func planSeries(_ id: String) -> Route { Route("chi-tieu/\(id)/") }
    public static let reportingStatus = Route("chi-tieu/tinh-trang-bao-cao/")
    public static func area(_ id: String) -> Route { Route("dia-ban/\(id)/") }
    public static func tag(_ slug: String) -> Route { Route("the/\(slug)/") }
    public static func media(_ path: String) -> Route { Route(path) }

    /// The default theme's files under `assets/`, which every site serves.
    public static let defaultThemeAssets = [stylesheet, chartStylesheet, searchScript]

    /// Where a content file (`markets/nhat-ban.md`, `targets/x.json`, `media/a.png`) is published;
    /// nil for a path that is none of these.
    public static func route(ofContentFile file: String) -> Route? {
        let parts = file.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let name = parts[1]
        if parts[0] == "media" { return media(file) }
        if parts[0] == "targets", name.hasSuffix(".json") { return plan(String(name.dropLast(5))) }
        guard name.hasSuffix(".md"), !name.contains("/"), let kind = ContentKind(rawValue: parts[0]) else { return nil }
        return SiteSections.section(for: kind)?.itemRoute?(String(name.dropLast(3)))
    }

    /// First path segments the tool writes itself: a free page may not take one of them.
    public static var reservedTopLevel: Set<String> { SiteSections.reservedNames }
}
