import Foundation
import NhipCauCore
import NhipCauSite
import Testing

/// Stories as lists show them: related stories, pages of ten, sample badges, topics, `updated:`.
@Suite struct StoryListingTests {
    static let plan = """
    { "title": "Kế hoạch 2021", "issuer": "UBND huyện", "unit": "lao động",
      "period": { "start": "2021-01-01", "end": "2021-12-31" }, "target": 10,
      "areas": [ { "id": "xa-a", "name": "Xã A", "target": 5, "areas": [], "progress": [] },
                 { "id": "xa-b", "name": "Xã B", "target": 5, "areas": [], "progress": [] } ],
      "progress": [] }
    """

    static func story(_ slug: String, date: String, market: String? = nil, area: String? = nil, extra: String = "") -> (String, String) {
        let lines = ["title: \"Truyện \(slug)\"", "date: \(date)"] + (market.map { ["market: \($0)"] } ?? []) + (area.map { ["area: \($0)"] } ?? [])
        return ("stories/\(slug).md", "---\n" + lines.joined(separator: "\n") + "\n" + extra + "---\n\nA.\n")
    }

    /// `chinh` has market nhat-ban and area xa-a; the others share one of them, or neither.
    static var relatedSite: [String: String] {
        var files = TestSite.minimal
        files["markets/han-quoc.md"] = "---\ntitle: \"Hàn Quốc\"\ncountry: \"Hàn Quốc\"\n---\n\nA.\n"
        files["targets/ke-hoach-2021.json"] = plan
        for (path, text) in [
            story("chinh", date: "2021-03-01", market: "nhat-ban", area: "xa-a"),
            story("cung-thi-truong-1", date: "2021-02-01", market: "nhat-ban"),
            story("cung-thi-truong-2", date: "2021-04-01", market: "nhat-ban", area: "xa-b"),
            story("cung-dia-ban-1", date: "2021-02-15", market: "han-quoc", area: "xa-a"),
            story("cung-dia-ban-2", date: "2021-05-01", area: "xa-a"),
            story("ca-hai", date: "2021-01-20", market: "nhat-ban", area: "xa-a"),
            story("khac", date: "2021-05-20", market: "han-quoc", area: "xa-b"),
            story("nhap", date: "2021-05-25", market: "nhat-ban", area: "xa-a", extra: "draft: true\n"),
            story("sap-dang", date: "2021-09-01", market: "nhat-ban"),
        ] { files[path] = text }
        return files
    }

    func related(_ html: String) -> [String] {
        guard let aside = html.firstMatch(of: /<aside aria-labelledby="lien-quan">.*?<\/aside>/.dotMatchesNewlines()) else { return [] }
        return String(aside.output).matches(of: /<h3><a href="..\/..\/cau-chuyen\/([^\/]+)\/">/).map { String($0.output.1) }
    }

    @Test func relatedStoriesShareTheMarketOrAreaNewestFirstAtMostFour() throws {
        let site = try TestSite(Self.relatedSite)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let main = related(try #require(site.read("cau-chuyen/chinh/index.html")))
        #expect(main == ["cung-dia-ban-2", "cung-thi-truong-2", "cung-dia-ban-1", "cung-thi-truong-1"],
                "same market or area, newest first, four at most; not itself, not `khac`, not a draft or a future story: \(main)")
        #expect(!main.contains("ca-hai"), "the fifth is left out")
        let other = related(try #require(site.read("cau-chuyen/khac/index.html")))
        #expect(other == ["cung-thi-truong-2", "cung-dia-ban-1"], "\(other)")
        let single = try TestSite(TestSite.minimal)
        try #require(single.build().succeeded)
        #expect(!(single.read("cau-chuyen/chi-lan/index.html") ?? "").contains("lien-quan"), "no related stories, no section")
    }

    /// Newest day first, one day's stories by title then file name: across a month's and a year's
    /// end, with the files named against that order. Each neighbour is newer by `Site.isNewer`,
    /// which the related block merges lists by.
    @Test func storiesAreNewestDayFirstThenByTitleAsIsNewerSays() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = nil
        let stories: [(slug: String, title: String, date: String)] = [
            ("a-cuoi-nam", "Cuối năm", "2020-12-31"), ("b-dau-nam", "Đầu năm", "2021-01-01"),
            ("c-thang-chin", "Tháng chín", "2021-09-30"), ("d-thang-muoi", "Tháng mười", "2021-10-01"),
            ("e-cung-ngay", "Bình", "2021-10-01"), ("f-cung-ngay", "An", "2021-10-01"), ("g-cung-ten", "An", "2021-10-01"),
        ]
        for story in stories {
            files["stories/\(story.slug).md"] = "---\ntitle: \"\(story.title)\"\ndate: \(story.date)\n---\n\nA.\n"
        }
        let site = try #require(try TestSite(files).assembled(date: SimpleDate(iso: "2021-12-31")!))
        #expect(site.stories.map(\.document.slug) == ["f-cung-ngay", "g-cung-ten", "e-cung-ngay", "d-thang-muoi",
                                                      "c-thang-chin", "b-dau-nam", "a-cuoi-nam"])
        for (newer, older) in zip(site.stories, site.stories.dropFirst()) {
            #expect(Site.isNewer(newer, than: older) && !Site.isNewer(older, than: newer), "\(newer.document.slug), \(older.document.slug)")
        }
    }

    @Test func withDraftsIncludedDraftsAreRelatedToo() throws {
        let site = try TestSite(Self.relatedSite)
        try #require(site.build(drafts: true).succeeded)
        #expect(related(try #require(site.read("cau-chuyen/chinh/index.html"))).first == "sap-dang")
    }

    @Test func storiesComeTenToAPage() throws {
        var files = TestSite.minimal
        for day in 1...20 { files["stories/so-\(day).md"] = "---\ntitle: \"Số \(day)\"\ndate: 2021-02-\(day < 10 ? "0" : "")\(day)\n---\n\nA.\n" }
        let site = try TestSite(files)
        try #require(site.build().succeeded)
        let first = try #require(site.read("cau-chuyen/index.html"))
        #expect(first.matches(of: /<li class="card">/).count == 10)
        #expect(first.contains("<a rel=\"next\" href=\"../cau-chuyen/trang/2/\">"))
        let second = try #require(site.read("cau-chuyen/trang/2/index.html"))
        #expect(second.matches(of: /<li class="card">/).count == 10, "21 stories: 10, 10, 1")
        #expect(site.read("cau-chuyen/trang/3/index.html")?.matches(of: /<li class="card">/).count == 1)
        #expect(!site.exists("cau-chuyen/trang/4/index.html"))
    }

    @Test func sampleStoriesAreBadgedOnTheirPageAndEveryCard() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\nsample: true\n---\n\nCâu chuyện.\n"
        files["stories/anh-ba.md"] = "---\ntitle: \"Anh Ba\"\ndate: 2021-01-06\nmarket: nhat-ban\n---\n\nCâu chuyện thật.\n"
        let site = try TestSite(files)
        try #require(site.build().succeeded)
        let badge = "<span class=\"badge badge-sample\">Câu chuyện minh họa</span>"
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        let title = try #require(story.range(of: "<h1>Chị Lan</h1>")), mark = try #require(story.range(of: badge))
        #expect(title.upperBound < mark.lowerBound && story.distance(from: title.upperBound, to: mark.lowerBound) < 60, "right under the title")
        #expect(story.contains("Nhân vật được đặt tên giả định"))
        #expect(!(site.read("cau-chuyen/anh-ba/index.html") ?? "").contains("Nhân vật được đặt tên giả định"))
        for page in ["index.html", "cau-chuyen/index.html", "thi-truong/nhat-ban/index.html", "cau-chuyen/anh-ba/index.html"] {
            let html = try #require(site.read(page))
            let cards = html.matches(of: /<li class="card">.*?<\/li>/.dotMatchesNewlines()).map { String($0.output) }
            #expect(cards.filter { $0.contains("Chị Lan") }.allSatisfy { $0.contains(badge) } && cards.contains { $0.contains("Chị Lan") }, "\(page)")
            #expect(cards.filter { $0.contains("Anh Ba") }.allSatisfy { !$0.contains(badge) }, "\(page)")
        }
    }

    @Test func tagsThatGiveOneAddressAreOneTopicAndAWordlessTagIsWarned() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\ntags: [\"Hòa Bình\", \"Hoà Bình\", \"🎉\", \"nhật bản\"]\n---\n\nA.\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let warning = try #require(outcome.find(.warning, in: "stories/chi-lan.md", containing: "The tag `🎉` has no letter or digit").first,
                                   "\(outcome.listing)")
        #expect(warning.location.line == 4)
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(story.matches(of: /href="..\/..\/the\/hoa-binh\/"/).count == 1, "listed once, as first written")
        #expect(story.contains(">Hòa Bình</a>") && !story.contains(">Hoà Bình</a>"))
        #expect(site.exists("the/nhat-ban/index.html"))
    }

    // MARK: - updated

    @Test func updatedIsShownOnEveryKindAndIsTheFeedEntrysDate() throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: https://xkld.example.gov.vn/\n"
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nupdated: 2021-03-02\n---\n\nA.\n"
        files["markets/nhat-ban.md"] = "---\ntitle: \"Nhật Bản\"\ncountry: \"Nhật Bản\"\nupdated: 2021-04-03\n---\n\nA.\n"
        files["policies/luat-69-2020.md"] = "---\ntitle: \"Luật 69\"\nnumber: \"69/2020/QH14\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13\nupdated: 2021-05-04\n---\n\nA.\n"
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\nupdated: 2021-06-05\n---\n\nA.\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.warnings.isEmpty, "\(outcome.listing)")
        #expect(site.read("cau-chuyen/chi-lan/index.html")?.contains("<span>Cập nhật: 02/03/2021</span>") == true)
        #expect(site.read("thi-truong/nhat-ban/index.html")?.contains("<dt>Cập nhật</dt><dd>03/04/2021</dd>") == true)
        #expect(site.read("chinh-sach/luat-69-2020/index.html")?.contains("<dt>Cập nhật</dt><dd>04/05/2021</dd>") == true)
        #expect(site.read("gioi-thieu/index.html")?.contains("Cập nhật: 05/06/2021") == true)
        let stories = try #require(site.read("feeds/cau-chuyen.xml"))
        #expect(stories.contains("<updated>2021-03-02T00:00:00Z</updated>\n"), "the entry's date is its update")
        #expect(site.read("feeds/chinh-sach.xml")?.contains("<updated>2021-05-04T00:00:00Z</updated>") == true)
        let plain = try TestSite(TestSite.minimal)
        try #require(plain.build().succeeded)
        #expect(!(plain.read("cau-chuyen/chi-lan/index.html") ?? "").contains("Cập nhật"), "no `updated:`, no line")
    }

    @Test(arguments: [
        ("stories/chi-lan.md", "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nupdated: 2019-01-01\n---\n\nA.\n", "is before `date: 2021-01-05`"),
        ("policies/luat-69-2020.md", "---\ntitle: \"Luật\"\nnumber: \"69/2020/QH14\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13\nupdated: 2020-01-01\n---\n\nA.\n", "is before `issued: 2020-11-13`"),
    ])
    func anUpdateBeforeThePageWasFirstDatedIsAnError(path: String, text: String, problem: String) throws {
        var files = TestSite.minimal
        files[path] = text
        let outcome = try TestSite(files).build()
        #expect(!outcome.succeeded)
        let error = try #require(outcome.find(.error, in: path, containing: problem).first, "\(outcome.listing)")
        #expect(error.location.line == text.split(separator: "\n").firstIndex { $0.hasPrefix("updated:") }.map { $0 + 1 })
    }

    @Test func anUpdateAfterTheBuildDateIsAWarning() throws {
        var files = TestSite.minimal
        files["pages/gioi-thieu.md"] = "---\ntitle: \"Giới thiệu\"\nupdated: 2021-07-01\n---\n\nA.\n"
        files["stories/sau-nay.md"] = "---\ntitle: \"Sau này\"\ndate: 2021-08-01\nupdated: 2021-08-02\n---\n\nA.\n"
        let outcome = try TestSite(files).build()
        try #require(outcome.succeeded)
        let warning = try #require(outcome.find(.warning, in: "pages/gioi-thieu.md", containing: "is after the build date (2021-06-30)").first,
                                   "\(outcome.listing)")
        #expect(warning.location.line == 3)
        #expect(outcome.find(.warning, in: "stories/sau-nay.md", containing: "after the build date").isEmpty, "a scheduled story is not checked")
    }

    @Test(arguments: ["markets/nhat-ban.md", "policies/luat-69-2020.md", "pages/gioi-thieu.md"])
    func onlyStoriesHaveDrafts(path: String) throws {
        var files = TestSite.minimal
        let text = try #require(files[path])
        files[path] = text.replacingOccurrences(of: "\n---\n\n", with: "\ndraft: true\n---\n\n")
        let outcome = try TestSite(files).build()
        #expect(!outcome.succeeded)
        let error = try #require(outcome.find(.error, in: path, containing: "Only stories (stories/) have drafts").first, "\(outcome.listing)")
        #expect(error.location.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 3)
        files[path] = text.replacingOccurrences(of: "\n---\n\n", with: "\ndraft: false\n---\n\n")
        let published = try TestSite(files).build()
        #expect(published.succeeded && published.warnings.isEmpty, "\(published.listing)")
    }

    // MARK: - The sample

    @Test func theSampleHasTwoPagesOfStoriesAScheduledOneAndADraft() throws {
        let site = try TestSite.sample()
        let outcome = site.build(date: SimpleDate(iso: "2026-12-02")!)
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(site.exists("cau-chuyen/trang/2/index.html"))
        #expect(!site.exists("cau-chuyen/dieu-duong-duc-tu-ninh-hai/index.html"), "scheduled for 2027-01-15")
        #expect(!site.exists("cau-chuyen/hoc-nghe-nha-hang-o-duc/index.html"), "a draft")
        let later = site.build(date: SimpleDate(iso: "2027-01-15")!)
        try #require(later.succeeded, "\(later.listing)")
        #expect(site.exists("cau-chuyen/dieu-duong-duc-tu-ninh-hai/index.html"))
        for page in ["thi-truong/nhat-ban/index.html", "chinh-sach/luat-69-2020/index.html", "hoi-dap/index.html"] {
            #expect(site.read(page)?.contains("Cập nhật") == true, "\(page)")
        }
        let stories = fileTree(site.content.appendingPathComponent("stories")).values.map { String(decoding: $0, as: UTF8.self) }
        #expect(stories.allSatisfy { $0.contains("\nsample: true\n") }, "every sample story says so")
    }
}
