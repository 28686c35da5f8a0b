import Foundation
import NhipCauCore
@testable import NhipCauRender
import Testing

/// `language: en` in site.yml: every word the theme writes is English, and dates and numbers are
/// written the English way, on every page the build writes.
@Suite struct EnglishSiteTests {
    static let files: [String: String] = [
        "site.yml": "title: \"Bridge Portal\"\nlanguage: en\nbase_url: https://portal.example.gov.vn/\ncontact:\n  hotline: \"1900 0000\"\n  email: \"info@example.gov.vn\"\n  address: \"1 Sample Street\"\n",
        "markets/japan.md": "---\ntitle: \"Japan\"\ncountry: \"Japan\"\nsummary: \"A key market.\"\nincome_vnd: [28000000, 35000000]\ncost_vnd: 90000000\ncontract: \"3 years\"\nsectors: [farming, mechanics]\nrequirements: \"Aged 18 or over.\"\nupdated: 2021-05-02\n---\n\nWork in Japan.\n",
        "policies/law-2020.md": "---\ntitle: \"Law on contract workers\"\nnumber: \"69/2020/QH14\"\nissuer: \"National Assembly\"\nissued: 2020-11-13\neffective: 2022-01-01\nsummary: \"The law.\"\n---\n\nText.\n",
        "policies/law-2006.md": "---\ntitle: \"Old law\"\nnumber: \"72/2006/QH11\"\nissuer: \"National Assembly\"\nissued: 2006-11-29\nreplaced_by: law-2020\n---\n\nText.\n",
        "pages/about.md": "---\ntitle: \"About\"\nmenu: 1\nupdated: 2021-06-01\n---\n\n## Who we are\n\nA portal.\n",
        "stories/lan.md": "---\ntitle: \"Lan in Japan\"\ndate: 2021-01-05\nmarket: japan\narea: district-a\ntags: [Japan, farming]\nsample: true\nupdated: 2021-02-03\nauthor: \"Editors\"\nperson: \"Ms L.\"\n---\n\nA story.\n",
        "stories/minh.md": "---\ntitle: \"Minh comes home\"\ndate: 2021-03-05\nmarket: japan\narea: district-a\ntags: [farming]\n---\n\nAnother story.\n",
        "targets/plan-2021.json": """
        { "title": "Plan 2021", "issuer": "Province", "unit": "workers",
          "period": { "start": "2021-01-01", "end": "2021-12-31" }, "target": 1200,
          "areas": [ { "id": "district-a", "name": "District A", "target": 700, "areas": [],
                       "progress": [ { "date": "2021-03-31", "count": 350, "markets": { "japan": 350 } } ] },
                     { "id": "district-b", "name": "District B", "target": 500, "areas": [],
                       "progress": [ { "date": "2021-03-31", "count": 120, "markets": { "japan": 120 } } ] } ],
          "progress": [] }
        """,
    ]

    /// Every string of the Vietnamese interface that English writes differently.
    static var vietnameseOnly: [(name: String, text: String)] {
        let english = Wording.forLanguage(.en).words
        return Wording.forLanguage(.vi).words.sorted { $0.key < $1.key }.compactMap { name, text in
            // Formats and the chart sentences' fragments with placeholders are not whole words of a page.
            guard english[name] != text, !name.hasPrefix("format."), Placeholders.names(in: text).isEmpty else { return nil }
            return (name, htmlEscaped(text))
        }
    }

    @Test func noPageHoldsAWordOfTheVietnameseInterface() throws {
        let site = try TestSite(Self.files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")
        let strings = Self.vietnameseOnly
        #expect(strings.count > 50, "the interface has many strings: \(strings.count)")
        let pages = LinkCrawler(root: site.output).htmlFiles()
        #expect(pages.count > 15)
        for page in pages.sorted() {
            let html = try #require(site.read(page))
            #expect(html.contains("<html lang=\"en\">"), "\(page)")
            for (name, text) in strings where html.contains(text) {
                Issue.record("\(page) holds the Vietnamese `\(name)`: \(text)")
            }
            #expect(!html.contains("đ<") && !html.contains(" đ "), "\(page): money in đồng")
        }
        for feed in ["feeds/cau-chuyen.xml", "feeds/chinh-sach.xml"] {
            #expect(site.read(feed)?.contains("xml:lang=\"en\"") == true)
        }
    }

    @Test func datesAndNumbersAreWrittenTheEnglishWay() throws {
        let site = try TestSite(Self.files)
        try #require(site.build().succeeded)
        let story = try #require(site.read("cau-chuyen/lan/index.html"))
        #expect(story.contains("Published: <time datetime=\"2021-01-05\">5 January 2021</time>"))
        #expect(story.contains("Updated: 3 February 2021"))
        #expect(story.contains("<span class=\"badge badge-sample\">Sample story</span>"))
        #expect(story.contains("<meta property=\"og:locale\" content=\"en_US\">"))
        let market = try #require(site.read("thi-truong/japan/index.html"))
        #expect(market.contains("28,000,000 – 35,000,000 VND") && market.contains("90,000,000 VND"))
        let register = try #require(site.read("chinh-sach/index.html"))
        #expect(register.contains("13 November 2020") && register.contains("In force") && register.contains("Not yet in force"))
        let old = try #require(site.read("chinh-sach/law-2006/index.html"))
        #expect(old.contains("To be replaced by <a href=\"../../chinh-sach/law-2020/\">69/2020/QH14</a> from 1 January 2022."))
        let plans = try #require(site.read("chi-tieu/index.html"))
        #expect(plans.contains("1,200"), "targets in English digits")
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<h1>Official information on working abroad under contract</h1>"))
    }
}
