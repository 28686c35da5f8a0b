import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// Undoes the HTML escaping of element text and double-quoted attributes.
func unescapeHTML(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&#34;", with: "\"")
        .replacingOccurrences(of: "&amp;", with: "&")
}

/// The value of the first `name="…"` attribute after `marker`.
func attribute(_ name: String, after marker: String, in html: String) -> String? {
    guard let start = html.range(of: marker) else { return nil }
    let rest = html[start.lowerBound...]
    guard let open = rest.range(of: "\(name)=\"") else { return nil }
    let value = rest[open.upperBound...].prefix { $0 != "\"" }
    return String(value)
}

@Suite struct EscapingTests {
    static let nasty = "<script>alert(1)</script> \"kép\" 'đơn' {{x}} & co"

    /// YAML single-quoted: `'` doubled.
    static var yamlNasty: String { "'" + nasty.replacingOccurrences(of: "'", with: "''") + "'" }

    @Test func frontMatterTextIsEscapedInElementsAndAttributes() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = """
        ---
        title: \(Self.yamlNasty)
        summary: \(Self.yamlNasty)
        person: \(Self.yamlNasty)
        tags: [\(Self.yamlNasty)]
        date: 2021-01-05
        market: nhat-ban
        ---

        Câu chuyện.
        """
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let crawler = LinkCrawler(root: site.output)
        for file in crawler.htmlFiles() {
            let html = crawler.html(file).replacingOccurrences(of: "<script src=\"../assets/search.js\" defer></script>", with: "")
            #expect(!html.contains("<script"), "\(file) has a raw <script>")
            #expect(!html.contains("\"kép\""), "\(file) has a raw double quote from content")
            #expect(!html.contains("'đơn'"), "\(file) has a raw single quote from content")
        }
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Mustache in content is text, never a template.
        #expect(page.contains("{{x}}"))
        let description = try #require(attribute("content", after: "<meta name=\"description\"", in: page))
        #expect(unescapeHTML(description) == Self.nasty)
        let ogTitle = try #require(attribute("content", after: "<meta property=\"og:title\"", in: page))
        #expect(unescapeHTML(ogTitle) == Self.nasty)
        let title = try #require(page.firstMatch(of: /<title>([^<]*)<\/title>/)?.output.1)
        #expect(unescapeHTML(String(title)).hasPrefix(Self.nasty))
        // The story card on the list page and the tag link are escaped too.
        let list = try #require(site.read("cau-chuyen/index.html"))
        #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func rawHTMLInMarkdownIsNotPassedThrough() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = """
        ---
        title: "Chị Lan"
        date: 2021-01-05
        ---

        <script>alert(2)</script>

        Chữ <b onclick="alert(3)">đậm</b> và <iframe src="https://evil.example/"></iframe>.
        """
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("alert(2)"))
        #expect(!page.contains("onclick"))
        #expect(!page.contains("<iframe"))
        #expect(page.contains("đậm"))
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)"])
    func unsafeLinksAreDroppedWithTheirTextKept(url: String) throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\nBấm [vào đây](\(url)) nhé.\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("Bấm vào đây nhé."))
        #expect(!page.lowercased().contains(String(url.lowercased().prefix { $0 != ":" }) + ":"))
        let warning = outcome.find(.warning, in: "stories/chi-lan.md", containing: "Dropped the link")
        #expect(warning.count == 1, "\(outcome.listing)")
        #expect(warning.first?.location.line == 6)
    }
}

@Suite struct MarkdownLinkTests {
    func storySite(body: String, extra: [String: String] = [:]) throws -> TestSite {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\n" + body
        files.merge(extra) { $1 }
        return try TestSite(files)
    }

    @Test func contentFileLinksAndSitePathLinksBecomeRelativeURLs() throws {
        let site = try storySite(body: """
        [a](../markets/nhat-ban.md) [b](/thi-truong/nhat-ban/) [c](/thi-truong/nhat-ban) [d](../policies/luat-69-2020.md#dieu-2)
        [e](../pages/gioi-thieu.md) [f](/) [g](https://example.org/x) [h](#phan-2) [i](mailto:a@b.vn)

        ## Phần 2
        """, extra: ["policies/luat-69-2020.md": "---\ntitle: \"Luật 69\"\nnumber: \"69/2020/QH14\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13\n---\n\n## Điều 2\n"])
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<a href=\"../../thi-truong/nhat-ban/\">a</a>"))
        #expect(page.contains("<a href=\"../../thi-truong/nhat-ban/\">b</a>"))
        #expect(page.contains("<a href=\"../../thi-truong/nhat-ban/\">c</a>"))
        #expect(page.contains("<a href=\"../../chinh-sach/luat-69-2020/#dieu-2\">d</a>"))
        #expect(page.contains("<a href=\"../../gioi-thieu/\">e</a>"))
        #expect(page.contains("<a href=\"../../\">f</a>"))
        #expect(page.contains("<a href=\"https://example.org/x\">g</a>"))
        #expect(page.contains("<a href=\"#phan-2\">h</a>"))
        #expect(page.contains("<a href=\"mailto:a@b.vn\">i</a>"))
    }

    @Test func linksFromAFreePageAreRelativeToItsOwnAddress() throws {
        var files = TestSite.minimal
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\n---\n\n[x](../markets/nhat-ban.md) [y](lien-he.md)\n"
        files["pages/lien-he.md"] = "---\ntitle: \"Liên hệ\"\n---\n\nGọi.\n"
        let site = try TestSite(files)
        try #require(site.build().succeeded)
        let page = try #require(site.read("gioi-thieu/index.html"))
        #expect(page.contains("<a href=\"../thi-truong/nhat-ban/\">x</a>"))
        #expect(page.contains("<a href=\"../lien-he/\">y</a>"))
    }

    @Test(arguments: [
        ("[x](../markets/khong-co.md)", "markets/khong-co.md"),
        ("[x](/thi-truong/khong-co/)", "/thi-truong/khong-co/"),
        ("[x](khong-co.md)", "stories/khong-co.md"),
        ("[x](../../ngoai.md)", "outside the content folder"),
    ])
    func aBrokenLinkIsAnErrorAtItsLineInTheFile(link: String, fragment: String) throws {
        // Front matter is lines 1–5, the body starts on line 7; the link is on line 11, the third line of a paragraph.
        let site = try storySite(body: "Đoạn một.\n\nDòng một,\ndòng hai,\nvà [x](../markets/nhat-ban.md) ở dòng ba.\n")
        let good = site.build() // a good build first: the broken one must leave it alone
        try #require(good.succeeded, "\(good.listing)")
        let before = fileTree(site.output)
        try site.write("stories/chi-lan.md", "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\n"
            + "Đoạn một.\n\nDòng một,\ndòng hai,\nvà \(link) ở dòng ba.\n")
        let outcome = site.build()
        #expect(!outcome.succeeded)
        let errors = outcome.find(.error, in: "stories/chi-lan.md", containing: fragment)
        #expect(errors.count == 1, "\(outcome.listing)")
        #expect(errors.first?.location.line == 11, "\(outcome.listing)")
        #expect(fileTree(site.output) == before)
    }

    @Test func imagesInTheBodyResolveToMediaFiles() throws {
        let site = try storySite(body: "![Giàn nho](../media/stories/vuon-nho.svg)\n\n![Sai](../media/khong-co.svg)\n",
                                 extra: ["media/stories/vuon-nho.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.find(.error, in: "stories/chi-lan.md", containing: "media/khong-co.svg").first?.location.line == 9, "\(outcome.listing)")

        try site.write("stories/chi-lan.md", "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\n![Giàn nho](../media/stories/vuon-nho.svg)\n")
        let good = site.build()
        try #require(good.succeeded, "\(good.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<img src=\"../../media/stories/vuon-nho.svg\" alt=\"Giàn nho\""))
        #expect(site.exists("media/stories/vuon-nho.svg"))
    }

    @Test func anH1InTheBodyIsShiftedBelowThePageTitle() throws {
        let site = try storySite(body: "# Phần một\n\nChữ.\n\n## Phần nhỏ\n")
        try #require(site.build().succeeded)
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.matches(of: /<h1[ >]/).count == 1)
        #expect(page.contains("<h2 id=\"phan-mot\">Phần một</h2>"))
        #expect(page.contains("<h3 id=\"phan-nho\">Phần nhỏ</h3>"))
    }

    @Test func aTableBlockBecomesAnAccessibleTable() throws {
        let site = try storySite(body: "```table\nBước\tViệc\n1\tKý <hợp> đồng\n```\n")
        try #require(site.build().succeeded)
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<th scope=\"col\">Bước</th><th scope=\"col\">Việc</th>"))
        #expect(page.contains("<tr><th scope=\"row\">1</th><td>Ký &lt;hợp&gt; đồng</td></tr>"))
        #expect(!page.contains("<pre><code class=\"language-table\">"))
    }
}
