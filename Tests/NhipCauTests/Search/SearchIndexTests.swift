import Foundation
import NhipCauCore
@testable import NhipCauWrite
import Testing

/// The index files a build writes, read back with `SearchIndexReader`, and the search page itself.
@Suite struct SearchIndexTests {
    /// Two places spelled with old and new tone placement, and the đường/dương pair.
    static let places: [String: String] = TestSite.minimal.merging([
        "markets/han-quoc.md": "---\ntitle: \"Hàn Quốc\"\ncountry: \"Hàn Quốc\"\nsummary: \"Chương trình EPS.\"\n---\n\nĐi làm ở Hàn Quốc.\n",
        "stories/hoa-binh-moi.md": "---\ntitle: \"Về Hòa Bình\"\ndate: 2021-02-01\nmarket: han-quoc\n---\n\nCon đường về quê.\n",
        "stories/hoa-binh-cu.md": "---\ntitle: \"Một người Hoà Bình\"\ndate: 2021-02-02\n---\n\nBiển Đông và đại dương.\n",
    ]) { _, new in new }

    func built(_ files: [String: String], offline: Bool = false, drafts: Bool = false) throws -> (TestSite, SearchIndexReader) {
        let site = try TestSite(files)
        let outcome = site.build(drafts: drafts, offline: offline)
        #expect(outcome.succeeded, "\(outcome.listing)")
        var reader = try SearchIndexReader(site: site.output)
        reader.owner = site
        return (site, reader)
    }

    func number(of address: String, in reader: SearchIndexReader) throws -> Int? {
        try reader.allDocuments().firstIndex { $0.address == address }
    }

    @Test func draftsAndScheduledStoriesAreNotInTheIndex() throws {
        var files = Self.places
        files["stories/ban-nhap.md"] = "---\ntitle: \"Bản nháp bí mật\"\ndate: 2021-01-03\ndraft: true\n---\n\nChữ xyzzynhap.\n"
        files["stories/sap-dang.md"] = "---\ntitle: \"Sắp đăng\"\ndate: 2021-07-01\n---\n\nChữ xyzzysau.\n"
        let (_, reader) = try built(files)
        let addresses = try reader.allDocuments().map(\.address)
        #expect(addresses.contains("cau-chuyen/chi-lan/"))
        #expect(!addresses.contains("cau-chuyen/ban-nhap/") && !addresses.contains("cau-chuyen/sap-dang/"), "\(addresses)")
        #expect(try reader.documents(with: "xyzzynhap").isEmpty && reader.documents(with: "xyzzysau").isEmpty)
        #expect(try reader.documents(with: "bi").isEmpty, "not even a word of the draft's title")

        let (_, preview) = try built(files, drafts: true)
        #expect(try preview.allDocuments().map(\.address).contains("cau-chuyen/ban-nhap/"), "--drafts previews them")
        #expect(try !preview.documents(with: "xyzzynhap").isEmpty)
    }

    @Test func everyContentPageIsADocumentMarketsFirstStoriesLast() throws {
        let (site, reader) = try built(Self.places)
        let documents = try reader.allDocuments()
        #expect(documents.map(\.address) == [
            "thi-truong/han-quoc/", "thi-truong/nhat-ban/", "chinh-sach/luat-69-2020/", "gioi-thieu/",
            "cau-chuyen/hoa-binh-cu/", "cau-chuyen/hoa-binh-moi/", "cau-chuyen/chi-lan/",
        ])
        #expect(reader.kindLabels == ["Thị trường", "Văn bản chính sách", "Trang thông tin", "", "", "Câu chuyện"])
        #expect(documents.map { reader.kindLabels[$0.kind] }.last == "Câu chuyện")
        #expect(documents.first { $0.address == "chinh-sach/luat-69-2020/" }?.title == "69/2020/QH14: Luật 69")
        for document in documents {
            #expect(site.exists(document.address + "index.html"), "\(document.address) is a page")
        }
    }

    @Test func aWordIsFoundUnderItsFoldedKeyWithEachFormItWasWrittenIn() throws {
        let (_, reader) = try built(Self.places)
        let old = try #require(try number(of: "cau-chuyen/hoa-binh-cu/", in: reader))
        let new = try #require(try number(of: "cau-chuyen/hoa-binh-moi/", in: reader))
        let hoa = try reader.postings(of: "hoa")
        #expect(Array(hoa.keys) == [VietnameseText.toneCanonical("hòa")], "hoà and hòa are one form")
        #expect(hoa.values.first?.map(\.doc) == [old, new])
        let duong = try reader.postings(of: "duong")
        #expect(Set(duong.keys) == [VietnameseText.toneCanonical("đường"), VietnameseText.toneCanonical("dương")])
        #expect(duong[VietnameseText.toneCanonical("đường")]?.map(\.doc) == [new])
        #expect(duong[VietnameseText.toneCanonical("dương")]?.map(\.doc) == [old])
        #expect(try reader.postings(of: "hàn").isEmpty, "keys are folded")
    }

    @Test func eachDocumentKeepsTheBestFieldAWordIsIn() throws {
        let (_, reader) = try built(Self.places)
        let market = try #require(try number(of: "thi-truong/han-quoc/", in: reader))
        let story = try #require(try number(of: "cau-chuyen/hoa-binh-moi/", in: reader))
        #expect(try reader.documents(with: "han")[market] == 3, "title")
        #expect(try reader.documents(with: "han")[story] == 2, "the story's market counts as its summary")
        #expect(try reader.documents(with: "eps")[market] == 2, "summary")
        #expect(try reader.documents(with: "lam")[market] == 1, "text")
        #expect(try reader.documents(with: "que")[story] == 1)
    }

    @Test func snippetsAreTheSummaryOrTheTextCutAfterAWord() throws {
        let long = Array(repeating: "người lao động", count: 30).joined(separator: " ")
        var files = Self.places
        files["stories/dai.md"] = "---\ntitle: \"Dài\"\ndate: 2021-03-01\n---\n\n\(long)\n"
        let (_, reader) = try built(files)
        let documents = try reader.allDocuments()
        #expect(documents.first { $0.address == "thi-truong/han-quoc/" }?.snippet == "Chương trình EPS.")
        #expect(documents.first { $0.address == "thi-truong/nhat-ban/" }?.snippet == "Thị trường.", "no summary: the text")
        let cut = try #require(documents.first { $0.address == "cau-chuyen/dai/" }?.snippet)
        #expect(cut.hasSuffix("lao động…") || cut.hasSuffix("người…") || cut.hasSuffix("lao…"), "\(cut)")
        #expect(cut.count <= SearchIndex.snippetLength + 1)
        #expect(long.hasPrefix(String(cut.dropLast())))
    }

    @Test func areasHaveTheirFiguresAsSnippet() throws {
        var files = Self.places
        files["targets/mau-2021.json"] = TargetFixtures.sampleJSON
        files["markets/dai-loan.md"] = "---\ntitle: \"Đài Loan\"\ncountry: \"Đài Loan\"\n---\n\nThị trường.\n"
        let (_, reader) = try built(files)
        let areas = try reader.allDocuments().filter { $0.address.hasPrefix("dia-ban/") }
        #expect(!areas.isEmpty)
        for area in areas {
            #expect(area.snippet.contains(": đã đưa "), "\(area.address): \(area.snippet)")
        }
        #expect(try reader.allDocuments().allSatisfy { !$0.snippet.isEmpty }, "every result has a line under its title")
    }

    @Test func offlineAddressesEndInIndexHTML() throws {
        let (site, reader) = try built(Self.places, offline: true)
        for document in try reader.allDocuments() {
            #expect(document.address.hasSuffix("/index.html"), "\(document.address)")
            #expect(site.exists(document.address))
        }
    }

    @Test func shardsHoldSortedKeysAndMatchTheManifest() throws {
        // Enough distinct words for several shards: a story per number, each with a made-up word.
        var files = TestSite.minimal
        for number in 0..<400 {
            files["stories/so-\(number).md"] = "---\ntitle: \"Câu chuyện số \(number)\"\ndate: 2021-01-01\n---\n\nTừ riêng tu\(number)x và đường.\n"
        }
        let (_, reader) = try built(files)
        #expect(reader.firstKeys.count > 1, "several shards")
        #expect(reader.firstKeys.first == "")
        var previous: String?
        var largest = 0
        for (number, start) in reader.firstKeys.enumerated() {
            let shard = try reader.shard(number)
            let bytes = try Data(contentsOf: reader.folder.appendingPathComponent("t/\(number).json"))
            largest = max(largest, bytes.count)
            #expect(bytes.count <= SearchIndex.shardBytes, "shard \(number) is \(bytes.count) bytes")
            let keys = shard.keys.sorted(by: SearchIndexReader.utf16Less)
            let first = try #require(keys.first)
            #expect(first.unicodeScalars.starts(with: start.unicodeScalars), "shard \(number) starts at \(start), holds \(first)")
            if let previous {
                #expect(SearchIndexReader.utf16Less(previous, start), "\(previous) < \(start)")
                #expect(!SearchIndexReader.utf16Less(previous, String(String.UnicodeScalarView(start.unicodeScalars.dropLast()))),
                        "\(start) is as short as it can be")
            }
            previous = keys.last
        }
        #expect(reader.largestShard == largest)
        let chunks = try FileManager.default.contentsOfDirectory(atPath: reader.folder.appendingPathComponent("d").path)
        let chunkSizes = try chunks.map { try Data(contentsOf: reader.folder.appendingPathComponent("d/" + $0)).count }
        #expect(reader.largestChunk == chunkSizes.max())
        #expect(reader.budget == SearchIndex.queryBudget)
        for number in [0, 199, 399] {
            let story = try #require(try reader.allDocuments().firstIndex { $0.address == "cau-chuyen/so-\(number)/" })
            #expect(try reader.documents(with: "tu\(number)x") == [story: 1])
            #expect(try reader.documents(with: "\(number)")[story] == 3)
            #expect(try reader.documents(with: "so \(number)") == [story: 3], "the pair of the title's last two words")
        }
        #expect(try reader.documents(with: "duong").count == 400)
        #expect(try reader.documents(with: "cau ").count == 400, "every story's title begins with Câu")
    }

    @Test func neighbouringWordsAndTitleStartsAreKeptForRanking() throws {
        var files = Self.places
        files["policies/nd-61.md"] = "---\ntitle: \"Nghị định về việc làm\"\nnumber: \"61/2015/NĐ-CP\"\nissuer: \"Chính phủ\"\nissued: 2015-07-09\n---\n\nVay vốn ở Hàn Quốc.\n"
        files["stories/ban-lang.md"] = "---\ntitle: \"Về bản làng\"\ndate: 2021-04-01\nsummary: \"Nhất là mùa mưa.\"\n---\n\nSau ba năm ở Nhật Bản.\n"
        let (_, reader) = try built(files)
        let documents = try reader.allDocuments()
        func number(_ address: String) throws -> Int { try #require(documents.firstIndex { $0.address == address }) }
        let market = try number("thi-truong/han-quoc/"), policy = try number("chinh-sach/nd-61/")
        let story = try number("cau-chuyen/hoa-binh-moi/"), village = try number("cau-chuyen/ban-lang/")
        #expect(try reader.documents(with: "han quoc")[market] == 3, "side by side in the title")
        #expect(try reader.documents(with: "han quoc")[story] == 2, "the story's market")
        #expect(try reader.documents(with: "han quoc")[policy] == 1, "the text of a page other than a story")
        #expect(try reader.documents(with: "nhat ban")[village] == nil, "a story's text gives no pairs")
        #expect(try reader.documents(with: "nhat ban")[try number("thi-truong/nhat-ban/")] == 3)
        #expect(try reader.documents(with: "ban nhat")[village] == nil, "words of the title and of the summary are not neighbours")
        #expect(try reader.documents(with: "61 2015")[policy] == 3)
        #expect(try reader.documents(with: "61 ") == [policy: 3], "the policy's title begins with its number")
        #expect(try reader.documents(with: "ve ") == [village: 3, story: 3])
    }

    /// Synthetic pages straight into the writer: thousands of pages without building a site.
    static func pages(_ count: Int, words: (Int) -> [(String, UInt8)]) -> [SearchIndex.Page] {
        (0..<count).map { number in
            SearchIndex.Page(kind: .story, kindLabel: "Câu chuyện", address: "cau-chuyen/\(number)/", title: "Câu chuyện \(number)",
                             snippet: "", words: words(number), pairs: [(0, 1, 3)], firstTitleWord: 0)
        }
    }

    @Test func aWordOnTooManyPagesKeepsItsFormsTogetherAndItsRarerForms() throws {
        // 9,000 pages, each with four spellings folding to `da`: 4 × 3 KB of bitmaps, over one shard.
        let pages = Self.pages(9000) { number in
            [("câu", 3), ("chuyện", 3), ("đã", 1), ("đà", 1), ("đa", 1), ("da", 2)] + (number % 900 == 0 ? [("đá", 1)] : [])
        }
        let reader = try SearchIndexReader(files: SearchIndex.files(pages))
        let forms = try reader.postings(of: "da")
        #expect(Set(forms.keys) == ["*", VietnameseText.toneCanonical("đá")], "\(forms.keys.sorted())")
        #expect(forms["*"]?.count == 9000 && forms["*"]?.allSatisfy { $0.field == 2 } == true, "every page, with its best field")
        #expect(forms[VietnameseText.toneCanonical("đá")]?.map(\.doc) == Array(stride(from: 0, to: 9000, by: 900)))
        try reader.expectShardsWithinLimits()
    }

    @Test func aLargeManifestTakesItsExcessFromTheBudget() throws {
        // 60,000 words of their own: hundreds of shards, a manifest over its 4 KB allowance.
        let pages = Self.pages(3000) { number in
            [("câu", 3), ("chuyện", 3)] + (0..<20).map { ("từriêng\(number)x\($0)", 1) }
        }
        let files = SearchIndex.files(pages)
        let reader = try SearchIndexReader(files: files)
        let manifest = try #require(files.first { $0.path.hasSuffix("manifest.json") }).bytes.count
        #expect(manifest > SearchIndex.manifestAllowance, "\(manifest) bytes")
        #expect(reader.budget == SearchIndex.queryBudget - (manifest - SearchIndex.manifestAllowance))
        #expect(manifest + reader.budget == SearchIndex.manifestAllowance + SearchIndex.queryBudget, "the bound stays")
        try reader.expectShardsWithinLimits()
    }

    @Test func aWordOnNearlyEveryPageOfAVeryLargeSiteKeepsOnlyItsTitlesAndSummaries() throws {
        let pages = Self.pages(14000) { number in [("câu", 3), ("chuyện", 3), ("người", number % 1000 == 0 ? 2 : 1)] }
        let reader = try SearchIndexReader(files: SearchIndex.files(pages))
        let forms = try reader.postings(of: "nguoi")
        #expect(Array(forms.keys) == ["~"])
        #expect(forms["~"]?.map(\.doc) == Array(stride(from: 0, to: 14000, by: 1000)))
        #expect(try reader.postings(of: "cau chuyen").isEmpty, "a pair on every page, over one shard, is left out")
        try reader.expectShardsWithinLimits()
    }

    @Test func postingListsTakeTheShorterEncodingAndReadBack() throws {
        var generator = SystemRandomNumberGenerator()
        for density in [1, 2, 10, 40, 900] {
            var postings: [UInt32] = []
            var doc = UInt32.random(in: 0..<50, using: &generator)
            for _ in 0..<300 {
                postings.append(doc << 2 | UInt32.random(in: 1...3, using: &generator))
                doc += UInt32.random(in: 1...UInt32(density), using: &generator)
            }
            var bytes: [UInt8] = []
            PostingList.encode(postings, into: &bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            let decoded = try SearchIndexReader.decode(text)
            #expect(decoded.map { UInt32($0.doc) << 2 | UInt32($0.field) } == postings, "density \(density)")
            #expect(text.hasPrefix("*") == (density <= 2), "density \(density): \(text.prefix(12))")
        }
        var everyPage: [UInt8] = []
        PostingList.encode((0..<3000).map { $0 << 2 | 1 }, into: &everyPage)
        #expect(everyPage.count == 2 + 1000, "a word on every page costs a byte per three pages")
    }

    @Test func twoBuildsWriteTheSameIndexAndItsVersionFollowsTheContent() throws {
        let (site, reader) = try built(Self.places)
        let first = fileTree(site.output.appendingPathComponent("tim-kiem"))
        let again = site.root.appendingPathComponent("again")
        #expect(site.build(into: again).succeeded)
        #expect(fileTree(again.appendingPathComponent("tim-kiem")) == first)
        try site.write("stories/chi-lan.md", "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\nCâu chuyện khác.\n")
        #expect(site.build().succeeded)
        #expect(try SearchIndexReader(site: site.output).version != reader.version)
    }

    @Test func aSiteWithNothingToSearchStillHasAValidIndex() throws {
        let (site, reader) = try built(["site.yml": "title: \"Trống\"\n"])
        #expect(reader.count == 0)
        #expect(reader.firstKeys == [""])
        #expect(site.read("tim-kiem/chi-muc/t/0.json") == "{}")
    }

    @Test func theSearchPageWorksAsAPageWithoutItsScript() throws {
        let (site, _) = try built(Self.places)
        let page = try #require(site.read("tim-kiem/index.html"))
        #expect(page.contains("<form id=\"search-form\" class=\"search-form\" action=\"../tim-kiem/\" method=\"get\" role=\"search\""))
        #expect(page.contains("<label for=\"q\">Từ cần tìm</label>"))
        #expect(page.contains("<input type=\"search\" id=\"q\" name=\"q\""))
        #expect(page.contains("role=\"status\" aria-live=\"polite\""))
        #expect(page.contains("<p id=\"search-no-script\">Ô tìm kiếm chạy ngay trong trình duyệt và cần JavaScript."))
        for link in ["../cau-chuyen/", "../thi-truong/", "../chinh-sach/", "../gioi-thieu/"] {
            #expect(page.contains("<li><a href=\"\(link)\">"), "\(link)")
        }
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(page.contains("data-index=\"chi-muc/\" data-root=\"../\""))
        #expect(site.exists("assets/search.js"))
    }

    @Test func onlyTheSearchPageLoadsTheScriptAndEveryPageLinksToIt() throws {
        let (site, _) = try built(Self.places)
        let pages = fileTree(site.output).filter { $0.key.hasSuffix(".html") }
        for (path, bytes) in pages where path != "404.html" {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(html.contains("search.js") == (path == "tim-kiem/index.html"), "\(path)")
            #expect(html.contains("tim-kiem/\"") && html.contains(">Tìm kiếm</a>"), "\(path) links to search")
        }
        let offline = try TestSite(Self.places)
        #expect(offline.build(offline: true).succeeded)
        #expect(offline.read("index.html")?.contains("<a href=\"tim-kiem/index.html\">Tìm kiếm</a>") == true)
        #expect(offline.read("tim-kiem/index.html")?.contains("action=\"../tim-kiem/index.html\"") == true)
    }

    @Test func theThemeMayReplaceTheScriptAndTheEnglishSiteLabelsKindsInEnglish() throws {
        var files = Self.places
        files["site.yml"] = "title: \"Test\"\nlanguage: en\n"
        files["theme/assets/search.js"] = "/* our own */\n"
        let (site, reader) = try built(files)
        #expect(site.read("assets/search.js") == "/* our own */\n")
        #expect(reader.kindLabels.first == "Market")
        #expect(reader.kindLabels.last == "Story")
        #expect(site.read("tim-kiem/index.html")?.contains("<h1>Search</h1>") == true)
    }
}
