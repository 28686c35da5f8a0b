import Foundation
import NhipCauBuild
import NhipCauCore
import NhipCauWrite
import Testing

/// The real `assets/search.js` in headless Chromium, on sites built and served over HTTP:
/// queries typed without diacritics, ranking, folding equal to the build's, and the page
/// opened from a folder or without JavaScript.
@Suite struct BrowserSearchTests {
    /// A built site served by `python3 -m http.server`; both go away with the value.
    final class ServedSite {
        let output: URL
        let server: StaticServer
        private let site: TestSite?

        /// The sample `content/` of the repository.
        convenience init(sampleOn date: SimpleDate) throws {
            try self.init(content: TestPaths.packageRoot.appendingPathComponent("content"), on: date)
        }

        /// Any content folder, built into a temporary folder.
        init(content: URL, on date: SimpleDate) throws {
            output = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-search-\(UUID().uuidString)")
            let options = BuildOptions(content: content, output: output, today: date)
            let outcome = BuildOutcome(result: SiteBuild.run(options))
            guard outcome.succeeded else { throw Chromium.Failure(description: outcome.listing) }
            site = nil
            server = try StaticServer(serving: output)
        }

        init(_ files: [String: String], offline: Bool = false) throws {
            let site = try TestSite(files)
            let outcome = site.build(offline: offline)
            guard outcome.succeeded else { throw Chromium.Failure(description: outcome.listing) }
            self.site = site
            output = site.output
            server = try StaticServer(serving: output)
        }

        deinit {
            if site == nil { try? FileManager.default.removeItem(at: output) }
        }

        /// The search page for `query`, as the no-JS form (or a shared link) asks for it.
        func search(_ query: String) throws -> SearchPageState {
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
            let encoded = query.addingPercentEncoding(withAllowedCharacters: allowed)!.replacingOccurrences(of: "%20", with: "+")
            return SearchPageState(dom: try Chromium.dom(server.url("tim-kiem/?q=" + encoded)))
        }
    }

    /// The repository's sample `content/`, served.
    func sampleSite() throws -> ServedSite {
        #expect(Chromium.binary != nil, "\(Chromium.missing)")
        return try ServedSite(sampleOn: SampleSiteTests.date)
    }

    /// A few pages for the cases the sample content lacks: Đà Nẵng, both spellings of Hòa Bình,
    /// đường against dương, and more than one screen of results.
    func smallSite() throws -> ServedSite {
        #expect(Chromium.binary != nil, "\(Chromium.missing)")
        var files = TestSite.minimal
        files["pages/da-nang.md"] = "---\ntitle: \"Văn phòng Đà Nẵng\"\n---\n\nTiếp nhận hồ sơ tại Đà Nẵng.\n"
        files["stories/hoa-binh-moi.md"] = "---\ntitle: \"Thanh niên Hòa Bình đi Nhật\"\ndate: 2021-02-01\n---\n\nChuyện chung.\n"
        files["stories/hoa-binh-cu.md"] = "---\ntitle: \"Kỹ sư Hoà Bình về nước\"\ndate: 2021-02-02\n---\n\nChuyện chung.\n"
        files["stories/con-duong.md"] = "---\ntitle: \"Con đường sang Đức\"\ndate: 2021-01-10\n---\n\nChuyện chung.\n"
        files["stories/dai-duong.md"] = "---\ntitle: \"Vượt đại dương\"\ndate: 2021-03-10\n---\n\nChuyện chung.\n"
        for number in 1...8 {
            files["stories/chung-\(number).md"] = "---\ntitle: \"Câu chuyện \(number)\"\ndate: 2021-01-0\(number)\n---\n\nChuyện chung.\n"
        }
        return try ServedSite(files)
    }

    // MARK: - The sample site

    /// "Check a company": a name without diacritics, a short name, a licence number written two
    /// ways, a phone number in any grouping find the enterprise (or the warning naming the number),
    /// with the licence's status in the result.
    @Test func checkingACompanyFindsItWithItsStatus() throws {
        let site = try sampleSite()
        let cases: [(String, String, String?)] = [
            ("cong ty tnhh hop tac lao dong mau b", "../doanh-nghiep/mau-b/", "Tạm đình chỉ đến 31/01/2027"),
            ("Lao động Mẫu B", "../doanh-nghiep/mau-b/", "Tạm đình chỉ đến 31/01/2027"),
            ("102/LĐTBXH-GP", "../doanh-nghiep/mau-b/", "Tạm đình chỉ đến 31/01/2027"),
            ("102 ldtbxh", "../doanh-nghiep/mau-b/", nil),
            // The warning titled with C's short name comes first; its result line gives C's status.
            ("nhan luc mau c", "../canh-bao/doanh-nghiep-bi-thu-hoi/", "Nhân lực Mẫu C: Đã thu hồi giấy phép"),
            ("dau tu nhan luc mau c", "../doanh-nghiep/mau-c/", "Đã thu hồi giấy phép"),
            ("0912.345.678", "../doanh-nghiep/mau-a/", "Đang hoạt động"),
            ("0912 345 678", "../doanh-nghiep/mau-a/", "Đang hoạt động"),
            ("0912000999", "../canh-bao/tuyen-dung-qua-facebook/", nil),
            ("0912 000 999", "../canh-bao/tuyen-dung-qua-facebook/", nil),
        ]
        for (query, first, status) in cases {
            let page = try site.search(query)
            #expect(page.results.first?.href == first, "\(query): \(page.results)")
            if let status { #expect(page.results.first?.snippet.contains(status) == true, "\(query): \(page.results.first?.snippet ?? "")") }
        }
    }

    @Test func nhatBanFindsTheMarketPageFirst() throws {
        let page = try sampleSite().search("nhat ban")
        #expect(page.results.first?.href == "../thi-truong/nhat-ban/", "\(page.results)")
        #expect(page.results.first?.kind == "Thị trường")
        let total = try #require(page.status.wholeMatch(of: /Kết quả cho “nhat ban”: (\d+) trang\./).flatMap { Int($0.output.1) },
                                 "\(page.status)")
        #expect(page.results.count == min(total, 10), "ten at a time")
        #expect(page.moreButtonShown == (total > 10))
        #expect(page.results.contains { $0.href == "../cau-chuyen/vuon-nho-sau-ba-nam-o-nhat-ban/" })
        #expect(!page.noScriptNoteShown, "the no-script note goes once search works")
    }

    @Test func vayVonNganHangFindsTheLoanPolicies() throws {
        let page = try sampleSite().search("vay von ngan hang")
        #expect(Set(page.results.prefix(2).map(\.href)) == ["../chinh-sach/nghi-dinh-61-2015/", "../chinh-sach/nghi-dinh-74-2019/"],
                "\(page.results)")
        #expect(page.results.prefix(2).allSatisfy { $0.kind == "Văn bản chính sách" })
    }

    @Test func aDocumentNumberFindsItsPolicy() throws {
        let page = try sampleSite().search("61/2015")
        #expect(page.results.first?.href == "../chinh-sach/nghi-dinh-61-2015/", "its title begins with the number: \(page.results)")
        #expect(page.results.dropFirst().first?.href == "../chinh-sach/nghi-dinh-74-2019/", "\(page.results)")
    }

    @Test func theIssuesOwnQueryFindsTheMarketPage() throws {
        let page = try sampleSite().search("nhat ban luong")
        #expect(page.results.prefix(3).contains { $0.href == "../thi-truong/nhat-ban/" }, "\(page.results)")
        #expect(page.results.first?.href == "../thi-truong/nhat-ban/", "\(page.results)")
    }

    @Test func neighbouringWordsRankAboveScatteredOnes() throws {
        let site = try sampleSite()
        let japan = try site.search("nhat ban")
        // “nhất … bản” (the fishing-boat story) still matches, below every page that says “Nhật Bản”:
        // with the sample's job orders for Japan, those fill the first page of results.
        let village = japan.results.firstIndex { $0.href == "../cau-chuyen/tu-tau-ca-han-quoc-ve-bac-ai/" } ?? japan.results.count
        #expect(village < japan.results.count || japan.results.count == 10, "nhất … bản matches, after a full page at most: \(japan.results)")
        let scattered = try site.search("nhat ban tau ca")
        #expect(scattered.results.contains { $0.href == "../cau-chuyen/tu-tau-ca-han-quoc-ve-bac-ai/" }, "\(scattered.results)")
        #expect(japan.results.first?.href == "../thi-truong/nhat-ban/", "\(japan.results)")
        let titledJapan = japan.results.prefix { $0.title.contains("Nhật Bản") }
        #expect(titledJapan.count >= 4, "the market and every story with “Nhật Bản” in its title come first: \(japan.results)")
        #expect(japan.results.prefix(village).filter { !$0.href.hasPrefix("../cau-chuyen/") }.count >= 4,
                "pages that say “Nhật Bản” come before “nhất … bản”: \(japan.results)")
        let korea = try site.search("han quoc")
        #expect(korea.results.first?.href == "../thi-truong/han-quoc/", "\(korea.results)")
        let circular = try #require(korea.results.firstIndex { $0.href == "../chinh-sach/thong-tu-17-2022/" }, "\(korea.results)")
        for story in ["../cau-chuyen/tu-tau-ca-han-quoc-ve-bac-ai/", "../cau-chuyen/mo-hinh-xoai-cua-lao-dong-ve-nuoc/"] {
            let position = try #require(korea.results.firstIndex { $0.href == story }, "\(story): \(korea.results)")
            #expect(position < circular, "\(story) says “Hàn Quốc” in its title or summary: \(korea.results)")
        }
    }

    @Test func resultsShowTheWordsFoundAndALineOfThePage() throws {
        let site = try sampleSite()
        let page = try site.search("nhat ban")
        let market = try #require(page.results.first)
        #expect(market.marked == ["Nhật", "Bản"] + market.snippet.matches(of: /[Nn]hật|[Bb]ản/).map { String($0.output) }, "\(market.marked)")
        #expect(!market.snippet.isEmpty)
        let areas = try site.search("ninh phuoc")
        let area = try #require(areas.results.first { $0.kind == "Địa bàn" }, "\(areas.results)")
        #expect(area.snippet.contains("đã đưa"), "an area's line gives its figures: \(area.snippet)")
    }
    @Test func aWordNowhereOnTheSiteSaysSo() throws {
        let page = try sampleSite().search("xyzzy")
        #expect(page.results.isEmpty)
        #expect(page.status == "Không có trang nào chứa “xyzzy”. Hãy thử từ khác, hoặc xem theo danh mục bên dưới.")
    }

    // MARK: - Folding and ranking on a small site

    @Test func daNangFindsDaNangWithItsDiacritics() throws {
        let site = try smallSite()
        for query in ["da nang", "DA NANG", "Đà Nẵng", "Đa\u{0300} Na\u{0306}\u{0303}ng", "da na"] {
            let page = try site.search(query)
            #expect(page.results.map(\.href) == ["../da-nang/"], "\(query): \(page.results)")
            #expect(page.status.hasSuffix(": 1 trang."), "\(query): \(page.status)")
        }
    }

    @Test func hoaBinhFindsBothSpellings() throws {
        let site = try smallSite()
        for query in ["hoa binh", "Hòa Bình", "Hoà Bình"] {
            let page = try site.search(query)
            #expect(Set(page.results.map(\.href)) == ["../cau-chuyen/hoa-binh-moi/", "../cau-chuyen/hoa-binh-cu/"], "\(query): \(page.results)")
        }
    }

    @Test func duongFindsBothAndDiacriticsPutTheirOwnFormFirst() throws {
        let site = try smallSite()
        let both: Set = ["../cau-chuyen/con-duong/", "../cau-chuyen/dai-duong/"]
        let plain = try site.search("duong")
        #expect(Set(plain.results.map(\.href)) == both, "\(plain.results)")
        let road = try site.search("đường")
        #expect(road.results.map(\.href) == ["../cau-chuyen/con-duong/", "../cau-chuyen/dai-duong/"], "\(road.results)")
        let ocean = try site.search("dương")
        #expect(ocean.results.map(\.href) == ["../cau-chuyen/dai-duong/", "../cau-chuyen/con-duong/"], "\(ocean.results)")
    }

    @Test func everyWordMustMatchAndTitlesComeFirst() throws {
        let site = try smallSite()
        let page = try site.search("chuyen chung")
        #expect(page.results.count == 10 && page.moreButtonShown, "12 pages match, 10 shown: \(page.results)")
        #expect(page.status == "Kết quả cho “chuyen chung”: 12 trang.")
        #expect(page.nearHeading == nil && page.nearResults.isEmpty, "enough pages hold every word")
        #expect(page.results.prefix(8).allSatisfy { $0.title.hasPrefix("Câu chuyện ") }, "“chuyện” in the title first")
        // Nhật in the title, then Nhật as the story's market.
        let both = try site.search("chuyen nhat")
        #expect(both.results.map(\.href) == ["../cau-chuyen/hoa-binh-moi/", "../cau-chuyen/chi-lan/"], "\(both.results)")
    }

    @Test func pagesMissingOneWordComeAfterTheirHeading() throws {
        let site = try smallSite()
        let page = try site.search("hoa binh nuoc")
        #expect(page.results.map(\.href) == ["../cau-chuyen/hoa-binh-cu/"], "“Kỹ sư Hoà Bình về nước”: \(page.results)")
        #expect(page.nearHeading == "Trang có gần đủ các từ (thiếu một từ)")
        #expect(page.nearResults.first?.href == "../cau-chuyen/hoa-binh-moi/", "\(page.nearResults)")
        #expect(page.status == "Kết quả cho “hoa binh nuoc”: 1 trang có đủ các từ, \(page.nearResults.count) trang có gần đủ.",
                "\(page.status)")
        let none = try site.search("hoa binh xyzzy")
        #expect(none.results.isEmpty)
        #expect(Set(none.nearResults.map(\.href)) == ["../cau-chuyen/hoa-binh-cu/", "../cau-chuyen/hoa-binh-moi/"], "\(none.nearResults)")
        #expect(none.status == "Không có trang nào chứa đủ các từ “hoa binh xyzzy”; 2 trang có gần đủ (thiếu một từ).", "\(none.status)")
        let one = try site.search("xyzzy")
        #expect(one.results.isEmpty && one.nearResults.isEmpty && one.nearHeading == nil, "one word: nothing is near")
    }

    /// The README's rule: the field first (title > summary > text); within one field a whole word
    /// before the start of a longer one; a word typed with diacritics, even unfinished, keeps its form first.
    @Test func fieldsRankFirstThenWholeWordsAndTypedDiacriticsEvenUnfinished() throws {
        var files = TestSite.minimal
        files["stories/a-giao.md"] = "---\ntitle: \"Giao nhận hàng\"\ndate: 2021-05-01\n---\n\nChuyện.\n"
        files["stories/b-gia.md"] = "---\ntitle: \"Chuyện nhà\"\ndate: 2021-05-02\nsummary: \"Giá cả tăng.\"\n---\n\nChuyện.\n"
        files["stories/c-gia.md"] = "---\ntitle: \"Gia đình\"\ndate: 2021-05-03\n---\n\nChuyện.\n"
        files["stories/con-duong.md"] = "---\ntitle: \"Con đường sang Đức\"\ndate: 2021-01-10\n---\n\nChuyện chung.\n"
        files["stories/dai-duong.md"] = "---\ntitle: \"Vượt đại dương\"\ndate: 2021-03-10\n---\n\nChuyện chung.\n"
        let site = try ServedSite(files)
        let gia = try site.search("gia")
        #expect(gia.results.map(\.href) == ["../cau-chuyen/c-gia/", "../cau-chuyen/a-giao/", "../cau-chuyen/b-gia/"],
                "title word, title prefix, summary word: \(gia.results)")
        for (typed, first) in [("đườ", "con-duong"), ("dươ", "dai-duong"), ("con đườ", "con-duong"), ("vượt đại dươ", "dai-duong")] {
            let page = try site.search(typed)
            #expect(page.results.first?.href == "../cau-chuyen/\(first)/", "\(typed): \(page.results)")
        }
        #expect(try site.search("duo").results.count == 2)
    }

    // MARK: - The script's folding is the build's

    @Test func theScriptFoldsExactlyAsTheBuild() throws {
        let site = try smallSite()
        let texts = FoldingCases.allTexts
        let harness = """
        <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>fold</title></head><body><pre id="out"></pre>
        <script src="assets/search.js"></script>
        <script>var s = NhipCauSearch; document.getElementById("out").textContent =
        JSON.stringify(\(Self.asciiJSON(texts)).map(function (t) { return [s.fold(t), s.tone(t), s.terms(t)]; }));</script>
        </body></html>
        """
        try Data(harness.utf8).write(to: site.output.appendingPathComponent("fold.html"))
        let dom = try Chromium.dom(site.server.url("fold.html"))
        let json = try #require(dom.firstMatch(of: /<pre id="out">([^<]*)<\/pre>/).map { SearchPageState.text($0.output.1) })
        let results = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]])
        #expect(results.count == texts.count)
        for (text, result) in zip(texts, results) {
            let terms = (result[2] as? [[String]] ?? []).map { $0.map(Self.scalars) }
            #expect(Self.scalars(result[0] as? String ?? "") == Self.scalars(VietnameseText.fold(text)), "fold \(text)")
            #expect(Self.scalars(result[1] as? String ?? "") == Self.scalars(VietnameseText.toneCanonical(text)), "tone \(text)")
            #expect(terms == SearchWords.terms(text).map { [Self.scalars($0.key), Self.scalars($0.form)] }, "terms \(text)")
        }
        for ((text, expected), result) in zip(FoldingCases.folded, results) {
            #expect(result[0] as? String == expected, "\(text)")
        }
    }

    /// Unicode scalars, so that strings differing only in normalisation do not compare equal.
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// A JSON array of strings with every non-ASCII code unit escaped, so NFD input reaches the page as it is.
    static func asciiJSON(_ texts: [String]) -> String {
        "[" + texts.map { text in
            "\"" + text.utf16.map { unit in
                unit < 0x80 && unit != 0x22 && unit != 0x5C ? String(UnicodeScalar(UInt8(unit))) : String(format: "\\u%04x", unit)
            }.joined() + "\""
        }.joined(separator: ",") + "]"
    }

    // MARK: - Without a server, without JavaScript

    /// An offline copy (links ending in index.html) put on a web server after all: results lead to pages.
    @Test func anOfflineCopyServedOverHTTPGivesResultsThatOpen() throws {
        #expect(Chromium.binary != nil, "\(Chromium.missing)")
        var files = TestSite.minimal
        files["pages/da-nang.md"] = "---\ntitle: \"Văn phòng Đà Nẵng\"\n---\n\nTiếp nhận hồ sơ tại Đà Nẵng.\n"
        let site = try ServedSite(files, offline: true)
        let form = String(decoding: try Data(contentsOf: site.output.appendingPathComponent("tim-kiem/index.html")), as: UTF8.self)
        #expect(form.contains("data-root=\"../\""), "the root is a folder, offline too")
        let page = try site.search("da nang")
        #expect(page.results.map(\.href) == ["../da-nang/index.html"], "\(page.results)")
        for result in page.results {
            let target = try #require(LinkCrawler.resolve(result.href, from: "tim-kiem/index.html"))
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(target).path), "\(result.href) → \(target)")
        }
        let nhat = try site.search("nhat ban")
        #expect(nhat.results.first?.href == "../thi-truong/nhat-ban/index.html", "\(nhat.results)")
    }

    @Test func openedFromAFolderThePageSaysSoAndKeepsItsLinks() throws {
        let site = try smallSite()
        let url = site.output.appendingPathComponent("tim-kiem/index.html").absoluteString + "?q=da+nang"
        let page = SearchPageState(dom: try Chromium.dom(url))
        #expect(page.results.isEmpty)
        #expect(page.status.hasPrefix("Không tải được dữ liệu tìm kiếm"), "\(page.status)")
        #expect(page.noScriptNoteShown)
        #expect(page.browseLinks.contains("../cau-chuyen/") && page.browseLinks.contains("../thi-truong/"), "\(page.browseLinks)")
    }

    /// Chromium's `--dump-dom` needs scripts, so "no JavaScript" is played by a site whose script is missing.
    @Test func withoutItsScriptThePageExplainsItselfAndLinksToTheLists() throws {
        let site = try smallSite()
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("assets/search.js"))
        let page = SearchPageState(dom: try Chromium.dom(site.server.url("tim-kiem/?q=da+nang")))
        #expect(page.results.isEmpty && page.status.isEmpty)
        #expect(page.noScriptNoteShown)
        #expect(page.browseLinks == ["../cau-chuyen/", "../thi-truong/", "../chinh-sach/", "../gioi-thieu/"], "\(page.browseLinks)")
    }
}
