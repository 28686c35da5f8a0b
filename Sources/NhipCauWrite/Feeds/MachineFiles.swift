import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// Files for machines rather than people: Atom feeds, the sitemap, robots.txt.
/// Feeds and the sitemap need absolute URLs, so they are written only when `base_url` is set;
/// robots.txt is always written and names the sitemap when there is one.
public enum MachineFiles {
    /// Path → text of every machine file for this site.
    /// - Parameter word: the UI word for a key (a feed's title is its section's name).
    public static func files(for site: Site, word: (String) -> String) -> [(path: String, text: String)] {
        var files: [(path: String, text: String)] = []
        each(for: site, word: word) { files.append(($0, $1)) }
        return files
    }

    /// Makes the files one at a time and hands each to `body` (path, text): a big site's feeds and
    /// sitemap are tens of megabytes together, and the build writes each before making the next.
    /// Returns how many.
    @discardableResult
    public static func each<Failure: Error>(for site: Site, word: (String) -> String,
                                            _ body: (String, String) throws(Failure) -> Void) throws(Failure) -> Int {
        try body(Routes.robots.path, robotsText(site))
        guard let base = site.config.baseURL else { return 1 }
        for (label, feed) in site.feeds {
            try body(feed.route.path, atom(site, base: base, feed: feed.route, title: word(label), entries: feed.entries(site)))
        }
        try body(Routes.sitemap.path, sitemapXML(pages: site.entries.filter(\.kind.declaration.inSitemap).map(\.route), base: base))
        return site.feeds.count + 2
    }

    /// The paths `files(for:word:)` makes, in its order, without making them.
    public static func paths(for site: Site) -> [String] {
        guard site.config.baseURL != nil else { return [Routes.robots.path] }
        return [Routes.robots.path] + site.feeds.map { $0.feed.route.path } + [Routes.sitemap.path]
    }

    static func robotsText(_ site: Site) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let base = site.config.baseURL { text += "Sitemap: \(base)\(Routes.sitemap.path)\n" }
        return text
    }

    static func sitemapXML(pages: [Route], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in pages.sorted() {
            xml += "<url><loc>\(xmlEscape(base + Route.percentEncode(route.path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom 1.0 feed. `updated` is the newest entry's date, so two builds of the same content are identical.
    static func atom(_ site: Site, base: String, feed: Route, title: String, entries: [FeedEntry]) -> String {
        let newest = entries.map(\.updated).max() ?? SimpleDate(year: 2000, month: 1, day: 1)!
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.rawValue)">
        <title>\(xmlEscape("\(title) – \(site.config.title)"))</title>
        <id>\(xmlEscape(base + feed.path))</id>
        <link rel="self" href="\(xmlEscape(base + feed.path))"/>
        <link rel="alternate" type="text/html" href="\(xmlEscape(base))"/>
        <updated>\(newest.rfc3339)</updated>
        <author><name>\(xmlEscape(site.config.organization ?? site.config.title))</name></author>

        """
        for entry in entries {
            let url = xmlEscape(base + Route.percentEncode(entry.route.path))
            xml += "<entry>\n<title>\(xmlEscape(entry.title))</title>\n<id>\(url)</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n<updated>\(entry.updated.rfc3339)</updated>\n"
            if let summary = entry.summary { xml += "<summary>\(xmlEscape(summary))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}
