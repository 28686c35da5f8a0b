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
        var previous: String?
        for (number, firstKey) in reader.firstKeys.enumerated() {
            let shard = try reader.shard(number)
            let bytes = try Data(contentsOf: reader.folder.appendingPathComponent("t/\(number).json"))
            #expect(bytes.count <= SearchIndex.shardBytes || shard.count == 1, "shard \(number) is \(bytes.count) bytes")
            let keys = shard.keys.sorted(by: SearchIndexReader.utf16Less)
            #expect(keys.first == firstKey)
            if let previous, let first = keys.first { #expect(SearchIndexReader.utf16Less(previous, first)) }
            previous = keys.last
        }
        for number in [0, 199, 399] {
            let story = try #require(try reader.allDocuments().firstIndex { $0.address == "cau-chuyen/so-\(number)/" })
            #expect(try reader.documents(with: "tu\(number)x") == [story: 1])
            #expect(try reader.documents(with: "\(number)")[story] == 3)
        }
        #expect(try reader.documents(with: "duong").count == 400)
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
