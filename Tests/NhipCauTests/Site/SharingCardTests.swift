import Foundation
import NhipCauCore
import Testing

/// Open Graph and Twitter cards: a raster picture (Facebook and Zalo show no SVG), the site's
/// `share_image` by default, the language as `og:locale`, and no address claimed by the 404 page.
@Suite struct SharingCardTests {
    static let png = [UInt8]((try? Data(contentsOf: TestPaths.fixture("basic/media/chia-se.png"))) ?? Data())

    static func site(shareImage: String? = "media/chia-se.png", storyImage: String, baseURL: Bool = true) throws -> TestSite {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\n" + (baseURL ? "base_url: https://xkld.example.gov.vn/\n" : "")
            + (shareImage.map { "share_image: \($0)\nshare_image_alt: \"Cây cầu\"\n" } ?? "")
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nimage: \(storyImage)\nimage_alt: \"Xưởng may\"\n---\n\nA.\n"
        files["media/ve.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>"
        return try TestSite(files, bytes: ["media/chia-se.png": png, "media/anh.jpg": try MediaFixtures.bytes("dien-thoai.jpg")])
    }

    func meta(_ html: String, _ name: String) -> String? {
        html.firstMatch(of: try! Regex("<meta (?:property|name)=\"\(name)\" content=\"([^\"]*)\">")).map { String($0.output[1].substring ?? "") }
    }

    @Test func aStoryWithAnSVGImageGetsTheSiteImageAndAWarning() throws {
        let site = try Self.site(storyImage: "media/ve.svg")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let warning = try #require(outcome.find(.warning, in: "stories/chi-lan.md", containing: "is not a PNG, JPEG or WebP").first,
                                   "\(outcome.listing)")
        #expect(warning.location.line == 4)
        #expect(warning.message.en.contains("the site's sharing image"))
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(meta(story, "og:image") == "https://xkld.example.gov.vn/media/chia-se.1200x630.jpg")
        #expect(meta(story, "twitter:image") == "https://xkld.example.gov.vn/media/chia-se.1200x630.jpg")
        #expect(meta(story, "og:image:alt") == "Cây cầu")
        #expect(meta(story, "twitter:card") == "summary_large_image")
        #expect(!story.contains("content=\"https://xkld.example.gov.vn/media/ve.svg\""))
        #expect(story.contains("<img src=\"../../media/ve.svg\" width=\"4\" height=\"4\" alt=\"Xưởng may\">"), "the page itself still shows the SVG")
    }

    @Test func aStoryWithARasterImageGetsItsOwnCard() throws {
        let site = try Self.site(storyImage: "media/anh.jpg")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.warnings.isEmpty, "\(outcome.listing)")
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(meta(story, "og:image") == "https://xkld.example.gov.vn/media/anh.1200x630.jpg", "its 1200×630 crop")
        #expect(meta(story, "og:image:alt") == "Xưởng may")
        #expect(meta(story, "og:type") == "article")
        #expect(meta(story, "og:locale") == "vi_VN")
        for page in ["index.html", "thi-truong/nhat-ban/index.html", "chinh-sach/index.html", "gioi-thieu/index.html", "tim-kiem/index.html"] {
            let html = try #require(site.read(page))
            #expect(meta(html, "og:image") == "https://xkld.example.gov.vn/media/chia-se.1200x630.jpg", "\(page)")
            #expect(meta(html, "og:locale") == "vi_VN", "\(page)")
            #expect(meta(html, "twitter:card") == "summary_large_image", "\(page)")
        }
    }

    @Test func withoutASiteImageAnSVGStoryHasACardWithNoPicture() throws {
        let site = try Self.site(shareImage: nil, storyImage: "media/ve.svg")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.find(.warning, in: "stories/chi-lan.md", containing: "the card will have no picture").count == 1, "\(outcome.listing)")
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(meta(story, "og:image") == nil && meta(story, "twitter:image") == nil)
        #expect(meta(story, "twitter:card") == "summary")
    }

    /// Without `base_url` there are no cards, so an SVG image is nothing to warn about.
    @Test func withoutABaseURLThereIsNoCardAndNoWarning() throws {
        let site = try Self.site(storyImage: "media/ve.svg", baseURL: false)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.warnings.isEmpty, "\(outcome.listing)")
        #expect(meta(try #require(site.read("cau-chuyen/chi-lan/index.html")), "og:image") == nil)
    }

    @Test(arguments: [("media/logo.svg", "must be a PNG, JPEG or WebP"), ("media/khong-co.png", "was not found")])
    func aSiteImageThatCannotBeACardIsAnErrorInSiteYml(path: String, problem: String) throws {
        let site = try Self.site(shareImage: path, storyImage: "media/anh.jpg")
        let outcome = site.build()
        #expect(!outcome.succeeded)
        let error = try #require(outcome.find(.error, in: "site.yml", containing: problem).first, "\(outcome.listing)")
        #expect(error.location.line == 3)
    }

    @Test func theNotFoundPageClaimsNoAddress() throws {
        let site = try Self.site(storyImage: "media/anh.jpg")
        try #require(site.build().succeeded)
        let page = try #require(site.read("404.html"))
        #expect(!page.contains("rel=\"canonical\""))
        #expect(meta(page, "og:url") == nil)
        #expect(site.read("thi-truong/index.html")?.contains("<link rel=\"canonical\" href=\"https://xkld.example.gov.vn/thi-truong/\">") == true)
    }

    @Test func theSampleSiteHasARasterCardOnEveryPage() throws {
        let card = TestPaths.packageRoot.appendingPathComponent("content/media/chia-se.png")
        let bytes = [UInt8](try Data(contentsOf: card))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 630)
    }
}
