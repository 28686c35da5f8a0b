import Testing
import NhipCauCore
import NhipCauSite

@Suite struct NumberFormatTests {
    let vi = NumberFormat(language: .vi)
    let en = NumberFormat(language: .en)

    @Test(arguments: [(0, "0", "0"), (7, "7", "7"), (999, "999", "999"), (1200, "1.200", "1,200"), (12345, "12.345", "12,345"),
                      (1_234_567, "1.234.567", "1,234,567"), (-1200, "-1.200", "-1,200"), (100_000_000, "100.000.000", "100,000,000")])
    func integers(value: Int, vietnamese: String, english: String) {
        #expect(vi.integer(value) == vietnamese)
        #expect(en.integer(value) == english)
    }

    @Test func percentages() {
        #expect(vi.percent(0.958) == "95,8%")
        #expect(en.percent(0.958) == "95.8%")
        #expect(vi.percent(0.72) == "72%")
        #expect(vi.percent(1.22) == "122%")
        #expect(vi.percent(0.8714) == "87,1%")
        #expect(vi.percent(12.345) == "1.234,5%")
        #expect(vi.percent(0) == "0%")
    }

    @Test func decimals() {
        #expect(vi.decimal(1234.5) == "1.234,5")
        #expect(en.decimal(1234.5) == "1,234.5")
        #expect(vi.decimal(2.0) == "2")
        #expect(vi.decimal(0.05, fractionDigits: 2) == "0,05")
        #expect(vi.decimal(-0.5) == "-0,5")
        #expect(vi.decimal(-1.5) == "-1,5")
        #expect(vi.decimal(3.14159, fractionDigits: 0) == "3")
    }

    @Test func money() {
        #expect(vi.money(28_000_000) == "28.000.000 đ")
        #expect(en.money(28_000_000) == "28,000,000 VND")
        #expect(vi.money(0) == "0 đ")
    }
}

@Suite struct SimpleDateTests {
    @Test(arguments: ["2021-02-30", "2021-13-01", "2021-00-10", "2021-04-31", "2100-02-29", "21-03-01", "2021-3-1",
                      "2021/03/01", "31/03/2021", "2021-03-01T00:00", " 2021-03-01", "2021-03-0a", "２０２１-03-01", "", "0000-01-01"])
    func rejectsWhatIsNotARealDay(text: String) {
        #expect(SimpleDate(iso: text) == nil)
    }

    @Test(arguments: ["2021-03-31", "2024-02-29", "2000-02-29", "1999-12-31", "2021-01-01"])
    func acceptsRealDays(text: String) throws {
        let date = try #require(SimpleDate(iso: text))
        #expect(date.iso == text)
    }

    @Test func formatsAndOrders() throws {
        let date = try #require(SimpleDate(iso: "2021-03-05"))
        #expect(date.dayMonthYear == "05/03/2021")
        #expect(date.rfc3339 == "2021-03-05T00:00:00Z")
        #expect(SimpleDate(year: 2021, month: 2, day: 29) == nil)
        #expect(SimpleDate(year: 2020, month: 2, day: 29) != nil)
        #expect(try #require(SimpleDate(iso: "2020-12-31")) < date)
        #expect(try #require(SimpleDate(iso: "2021-03-04")) < date)
        #expect(try #require(SimpleDate(iso: "1970-01-01")).dayNumber == 0)
        #expect(try #require(SimpleDate(iso: "2021-03-01")).dayNumber - (try #require(SimpleDate(iso: "2021-02-28"))).dayNumber == 1)
        #expect(try #require(SimpleDate(iso: "2020-03-01")).dayNumber - (try #require(SimpleDate(iso: "2020-02-28"))).dayNumber == 2)
    }
}

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Nhật Bản", "nhat-ban"),
        ("Đà Nẵng", "da-nang"),
        ("ĐÀ NẴNG", "da-nang"),
        ("Nha\u{0323}\u{0302}t Ba\u{0309}n", "nhat-ban"), // decomposed
        ("Hoà Bình", "hoa-binh"),
        ("Hòa Bình", "hoa-binh"),
        ("Nghị định 61/2015/NĐ-CP", "nghi-dinh-61-2015-nd-cp"),
        ("  --Nông nghiệp!!  ", "nong-nghiep"),
        ("Điều dưỡng (Đức), 2021.", "dieu-duong-duc-2021"),
        ("A_B", "a-b"),
        ("Thừa Thiên–Huế", "thua-thien-hue"),
        ("!!!", ""),
    ])
    func slugs(text: String, slug: String) {
        #expect(VietnameseText.slug(text) == slug)
        if !slug.isEmpty { #expect(VietnameseText.isValidSlug(VietnameseText.slug(text))) }
    }

    @Test func decomposedInputGivesTheSameSlugAndFold() {
        let composed = "Nhật Bản Đường Hòa"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
        #expect(VietnameseText.slug(decomposed) == VietnameseText.slug(composed))
        #expect(VietnameseText.fold(decomposed) == "nhat ban duong hoa")
    }

    @Test func foldRemovesAllMarks() {
        #expect(VietnameseText.fold("Đường") == "duong")
        #expect(VietnameseText.fold("dương") == "duong")
        #expect(VietnameseText.fold("NGƯỜI LAO ĐỘNG") == "nguoi lao dong")
    }

    @Test func toneCanonicalMatchesOldAndNewTonePlacementOnly() {
        #expect(VietnameseText.toneCanonical("hoà") == VietnameseText.toneCanonical("hòa"))
        #expect(VietnameseText.toneCanonical("Hoà Bình") == VietnameseText.toneCanonical("Hòa Bình"))
        #expect(VietnameseText.toneCanonical("thuỷ") == VietnameseText.toneCanonical("thủy"))
        #expect(VietnameseText.toneCanonical("hoà".decomposedStringWithCanonicalMapping) == VietnameseText.toneCanonical("hòa"))
        #expect(VietnameseText.toneCanonical("đường") != VietnameseText.toneCanonical("dương"))
        #expect(VietnameseText.toneCanonical("hoà") != VietnameseText.toneCanonical("hoa"))
        #expect(VietnameseText.toneCanonical("má") != VietnameseText.toneCanonical("mà"))
    }

    @Test(arguments: [("nhat-ban", true), ("nghi-dinh-61-2015", true), ("a", true), ("2021", true),
                      ("", false), ("Nhat-ban", false), ("nhật-bản", false), ("nhat_ban", false), ("nhat ban", false),
                      ("-nhat", false), ("nhat-", false), ("nhat--ban", false), ("nhat.ban", false),
                      ("-", false), ("a-b-9", true), ("nhat/ban", false), ("nhat{ban", false)])
    func validSlugs(text: String, valid: Bool) {
        #expect(VietnameseText.isValidSlug(text) == valid)
    }
}

@Suite struct RouteTests {
    @Test func hrefsAreRelativeFromEveryDepth() {
        let story = Routes.story("chi-lan")
        #expect(story.href(to: Routes.market("nhat-ban")) == "../../thi-truong/nhat-ban/")
        #expect(story.href(to: .home) == "../../")
        #expect(Route.home.href(to: .home) == "./")
        #expect(Route.home.href(to: Routes.stories) == "cau-chuyen/")
        #expect(Route.home.href(to: .home, offline: true) == "index.html")
        #expect(story.href(to: Routes.stylesheet, offline: true) == "../../assets/style.css")
        #expect(Routes.notFound.href(to: Routes.stories) == "cau-chuyen/")
        #expect(story.href(to: Routes.media("media/ảnh đẹp.jpg")) == "../../media/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg")
    }
}
