import Foundation
import FoundationXML
import Testing
import NhipCauBuild
import NhipCauCore
@testable import NhipCauLoad
@testable import NhipCauRender
@testable import NhipCauWrite

/// Issue #6's promises that the bad-input corpus does not cover: inputs that are accepted
/// (numbers written where text is expected, a byte-order mark, Windows line ends), escaping of
/// target data everywhere it appears, raw HTML only on request, and the output folders refused.
@Suite struct AcceptedInputTests {
    /// YAML reads `2021`, `1.200` and `0x1F` as numbers; where the tool expects text it keeps the
    /// characters the officer typed, never a re-printed number (`1.200` must not become `1.2`).
    @Test func numbersWrittenWhereTextIsExpectedKeepTheirSourceText() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: 2021\ndate: 2021-01-05\nsummary: 1.50\nperson: 0x1F\ntags: [2021, 1.0]\n---\n\nA.\n"
        files["markets/nhat-ban.md"] = "---\ntitle: \"Nhật Bản\"\ncountry: 81\ncontract: 1.200\n---\n\nA.\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let story = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(story.contains("<h1>2021</h1>"))
        #expect(story.contains("1.50"))
        #expect(story.contains("0x1F"))
        #expect(site.exists("the/1-0/index.html"), "the tag `1.0` keeps its text")
        let market = try #require(site.read("thi-truong/nhat-ban/index.html"))
        #expect(market.contains("<dd>1.200</dd>"), "contract")
    }

    @Test func aByteOrderMarkAndWindowsLineEndsAreAccepted() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        func crlf(_ text: String) -> [UInt8] { bom + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = nil
        files["site.yml"] = nil
        let site = try TestSite(files, bytes: [
            "site.yml": crlf("title: \"Cổng thử\"\n"),
            "stories/chi-lan.md": crlf("---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nsumary: \"x\"\n---\n\nDòng một\ndòng hai.\n\n```table\nA\tB\n1\t2\n```\n"),
            "targets/mau-2021.json": crlf("{\n\"title\": \"Kế hoạch\", \"issuer\": \"UBND\", \"unit\": \"lao động\",\n\"period\": { \"start\": \"2021-01-01\", \"end\": \"2021-12-31\" },\n\"target\": 10, \"titel\": 1\n}\n"),
        ])
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        // Lines are counted as the officer sees them.
        #expect(outcome.find(.warning, in: "stories/chi-lan.md", containing: "`sumary`").first?.location.line == 4, "\(outcome.listing)")
        #expect(outcome.find(.warning, in: "targets/mau-2021.json", containing: "titel").first?.location.line == 4, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("<h1>Chị Lan</h1>"))
        #expect(!page.contains("\r"))
        #expect(!page.contains("\u{FEFF}"))
        #expect(page.contains("<td>2</td>"), "the table block is read with its CRLF rows")
        #expect(site.read("index.html")?.contains("Cổng thử") == true)
    }
}

@Suite struct InjectionTests {
    static let nasty = "<script>alert(1)</script> \"kép\" 'đơn' {{x}} &"

    /// Target data labels are text: escaped in pages, SVG charts, feeds and the plan's downloads.
    @Test func targetDataLabelsAreEscapedEverywhere() throws {
        let json = "\"" + Self.nasty.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let plan = """
        {
          "title": \(json), "issuer": \(json), "document": \(json), "unit": \(json),
          "period": { "start": "2021-01-01", "end": "2021-12-31" },
          "target": 10,
          "groups": [ { "id": "nhom", "name": \(json) } ],
          "areas": [ { "id": "huyen-a", "name": \(json), "target": 10,
                       "progress": [ { "date": "2021-03-31", "count": 4, "markets": { "nhat-ban": 3 }, "groups": { "nhom": 1 } } ] } ]
        }
        """
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nbase_url: https://xkld.example.gov.vn/\n"
        files["targets/mau-2021.json"] = plan
        files["stories/chi-lan.md"] = "---\ntitle: '\(Self.nasty.replacingOccurrences(of: "'", with: "''"))'\ndate: 2021-01-05\narea: huyen-a\nmarket: nhat-ban\n---\n\n```chart\nplan: mau-2021\nshow: groups\n```\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let crawler = LinkCrawler(root: site.output)
        let pages = crawler.htmlFiles()
        #expect(pages.contains("ke-hoach/mau-2021/index.html") || pages.contains { $0.contains("mau-2021") })
        for file in pages {
            // The search page loads the project's own script; nothing else may carry a script tag.
            let html = crawler.html(file).replacing(/<script src="[^"]*assets\/search\.js[^"]*" defer><\/script>/, with: "")
            #expect(!html.contains("<script"), "\(file) has a raw <script>")
            #expect(!html.contains("\"kép\"") && !html.contains("'đơn'"), "\(file) has a raw quote from content")
        }
        let planPage = try #require(pages.first { $0.contains("mau-2021") }.map(crawler.html))
        #expect(planPage.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(planPage.contains("{{x}}"), "Mustache in data is text, never a template")
        #expect(planPage.contains("<svg"))
        // The feed is well-formed XML and gives the title back as written.
        let feed = try XMLDocument(data: Data(try #require(site.read("feeds/cau-chuyen.xml")).utf8))
        let titles = try feed.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles == [Self.nasty])
        // The search index is JSON: the title comes back as written when parsed, and the script
        // puts results into the page as text (it never uses innerHTML).
        let chunks = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("tim-kiem/chi-muc/d").path)
        let indexed = try chunks.flatMap { name -> [String] in
            let data = try Data(contentsOf: site.output.appendingPathComponent("tim-kiem/chi-muc/d/" + name))
            return String(decoding: data, as: UTF8.self).contains("alert(1)") ? [name] : []
        }
        #expect(!indexed.isEmpty, "the nasty title is indexed")
        for name in indexed {
            let data = try Data(contentsOf: site.output.appendingPathComponent("tim-kiem/chi-muc/d/" + name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is valid JSON")
            #expect(String(decoding: data, as: UTF8.self).contains(#"\"kép\""#), "quotes escaped as JSON")
        }
        let script = try #require(site.read("assets/search.js"))
        #expect(!script.contains("innerHTML") && !script.contains("insertAdjacentHTML") && !script.contains("document.write"))
    }

    @Test func rawHTMLInMarkdownIsKeptOnlyWhenTheSiteOptsIn() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\nChữ <span class=\"nhan\">nhấn</span>.\n\n<div class=\"khung\">Khung</div>\n"
        let dropped = try TestSite(files)
        try #require(dropped.build().succeeded)
        let without = try #require(dropped.read("cau-chuyen/chi-lan/index.html"))
        #expect(!without.contains("<span class=\"nhan\">") && !without.contains("<div class=\"khung\">"))

        files["site.yml"] = "title: \"Cổng thử\"\nallow_raw_html: true\n"
        let allowed = try TestSite(files)
        try #require(allowed.build().succeeded)
        let with = try #require(allowed.read("cau-chuyen/chi-lan/index.html"))
        #expect(with.contains("<span class=\"nhan\">nhấn</span>") && with.contains("<div class=\"khung\">Khung</div>"))
    }

    /// Raw HTML is not checked (a `javascript:` link in it stays), so with the option on every file
    /// holding some is named once, at its first HTML (columns count bytes, as cmark does); files
    /// without HTML and sites without the option get no such warning.
    @Test func rawHTMLAllowedIsNamedFileByFile() throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nallow_raw_html: true\n"
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\nĐoạn một.\n\nBấm <a href=\"javascript:alert(1)\">đây</a>.\n\n<div>Khung</div>\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let named = outcome.warnings.filter { $0.message.en.contains("hand-written HTML") }
        #expect(named.map(\.location) == [SourceLocation(file: "stories/chi-lan.md", line: 8, column: 7)], "\(outcome.listing)")
        #expect(named.first?.message.vi.contains("`allow_raw_html: true`") == true)
        #expect(site.read("cau-chuyen/chi-lan/index.html")?.contains("javascript:alert(1)") == true, "as documented: passed unchanged")

        files["site.yml"] = "title: \"Cổng thử\"\n"
        let off = try TestSite(files)
        let dropped = off.build()
        try #require(dropped.succeeded)
        #expect(!dropped.warnings.contains { $0.message.en.contains("hand-written HTML") })
        #expect(off.read("cau-chuyen/chi-lan/index.html")?.contains("javascript:") == false)
    }

    /// OWASP's CSV injection rule: a cell a spreadsheet would run as a formula starts with `'`.
    @Test(arguments: ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1+1", "\n=1", "＝1+1"])
    func formulaCellsInTheCSVDownloadStartWithAnApostrophe(name: String) {
        let cell = PlanData.csvCell(name)
        let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : cell
        #expect(unquoted == "'" + name, "\(cell)")
    }

    @Test func plainCellsAndNegativeLookingTextKeepTheirText() {
        #expect(PlanData.csvCell("Huyện Ninh Phước") == "Huyện Ninh Phước")
        #expect(PlanData.csvCell("a, b") == "\"a, b\"")
        #expect(PlanData.csvCell("dòng\r\nhai") == "\"dòng\r\nhai\"", "CRLF inside a name is quoted, the row stays one row")
        #expect(PlanData.csvCell("12") == "12")
    }

    @Test func areaNamesInThePlanDownloadAreNeverFormulas() throws {
        var files = TestSite.minimal
        files["targets/mau-2021.json"] = """
        {
          "title": "Kế hoạch", "issuer": "UBND", "unit": "lao động",
          "period": { "start": "2021-01-01", "end": "2021-12-31" },
          "target": 10,
          "areas": [
            { "id": "huyen-a", "name": "=HYPERLINK(\\"http://x\\",\\"Bấm\\")", "target": 5,
              "progress": [ { "date": "2021-03-31", "count": 1 } ] },
            { "id": "huyen-b", "name": "\\t@SUM(1+1)", "target": 5,
              "progress": [ { "date": "2021-03-31", "count": 2 } ] }
          ]
        }
        """
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let csv = try #require(site.read("chi-tieu/mau-2021.csv"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"Bấm\"\")\""), "\(csv)")
        #expect(csv.contains(",'@SUM(1+1),"), "names are trimmed, then guarded: \(csv)")
    }

    @Test(arguments: ["javascript:alert(1)", "data:image/svg+xml;base64,PHN2Zz4=", " JAVASCRIPT:x"])
    func unsafeImageSourcesAreDroppedWithTheirDescriptionKept(url: String) throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\nẢnh: ![Giàn nho](<\(url)>)\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let page = try #require(site.read("cau-chuyen/chi-lan/index.html"))
        #expect(page.contains("Ảnh: Giàn nho"))
        #expect(!page.lowercased().contains("javascript:") && !page.contains("data:image"))
        #expect(outcome.find(.warning, in: "stories/chi-lan.md", containing: "Dropped the link").first?.location.line == 6)
    }
}

/// The tool refuses to build into the home or the current folder even when they are empty.
@Suite(.serialized) struct RefusedOutputFolderTests {
    @Test func theHomeFolderIsRefusedAsShellsSpellIt() throws {
        let site = try TestSite(TestSite.minimal)
        let home = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let run = try CLI.run(["build", "--content", site.content.path, "--output", home.path, "--date", "2021-06-30"],
                              in: site.root, environment: ["HOME": home.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Không thể ghi trang web vào"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    }

    @Test func theCurrentFolderIsRefused() throws {
        let site = try TestSite(TestSite.minimal)
        let here = site.root.appendingPathComponent("o-day")
        try FileManager.default.createDirectory(at: here, withIntermediateDirectories: true)
        let run = try CLI.run(["build", "--content", site.content.path, "--output", ".", "--date", "2021-06-30"], in: here)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Không thể ghi trang web vào"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: here.path).isEmpty)
    }
}

/// Even a home or current folder that looks like a built site (it has the marker) is refused,
/// and nothing in it or beside it is touched.
@Suite(.serialized) struct RefusedMarkedFolderTests {
    func markedFolder(_ site: TestSite, _ name: String) throws -> URL {
        let folder = site.root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("nhipcau\n".utf8).write(to: folder.appendingPathComponent(OutputDirectory.markerName))
        try Data("thư".utf8).write(to: folder.appendingPathComponent("thu-rieng.txt"))
        return folder
    }

    @Test func aMarkedHomeFolderIsRefused() throws {
        let site = try TestSite(TestSite.minimal)
        let home = try markedFolder(site, "nha")
        let before = fileTree(home)
        let run = try CLI.run(["build", "--content", site.content.path, "--output", home.path, "--date", "2021-06-30"],
                              in: site.root, environment: ["HOME": home.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Không thể ghi trang web vào \(home.resolvingSymlinksInPath().path): thư mục này chứa nhiều thứ khác"), "\(run.stderr)")
        #expect(fileTree(home) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test(arguments: [".", "./", "../o-day"])
    func aMarkedCurrentFolderIsRefusedHoweverItIsWritten(output: String) throws {
        let site = try TestSite(TestSite.minimal)
        let here = try markedFolder(site, "o-day")
        let before = fileTree(here)
        let run = try CLI.run(["build", "--content", site.content.path, "--output", output, "--date", "2021-06-30"], in: here)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Không thể ghi trang web vào"), "\(run.stderr)")
        #expect(fileTree(here) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".") }.isEmpty)
    }
}

/// Links and special files in content/ (the errors themselves are in the bad-input corpus).
@Suite struct ContentEntryTests {
    /// A link to a file inside content/ is allowed, and its contents are published, not the link.
    @Test func aLinkToAFileInsideTheContentIsCopiedAsItsContents() throws {
        let site = try TestSite(TestSite.minimal, bytes: ["media/goc.txt": Array("bản gốc".utf8)])
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("media/ban-sao.txt").path, withDestinationPath: "goc.txt")
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let copy = site.output.appendingPathComponent("media/ban-sao.txt").path
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: copy)) == nil, "a real file, not a link")
        #expect(FileManager.default.contents(atPath: copy) == Data("bản gốc".utf8))
    }

    /// One error for a linked folder, whatever is below it, and none of it is listed.
    @Test func aLinkedFolderIsOneEntry() throws {
        let site = try TestSite(TestSite.minimal)
        try FileManager.default.createSymbolicLink(atPath: site.content.appendingPathComponent("pages").path + "/khac", withDestinationPath: "/etc")
        let content = DiskContent(root: site.content)
        #expect(try content.files(in: "pages") == ["pages/gioi-thieu.md", "pages/khac"])
        #expect(content.entryProblem("pages/khac") == .linkOutside)
        #expect(content.entryProblem("pages/gioi-thieu.md") == nil)
        let outcome = site.build()
        #expect(outcome.errors.map(\.location.file) == ["pages/khac"], "\(outcome.listing)")
    }

    /// `max_file_size_mb` must be a whole number of megabytes from 1 to 1024, named at its line.
    @Test(arguments: ["0", "-5", "2000", "mười", "1.5", "99999999999999999"])
    func aSiteFileSizeLimitOutOfRangeIsAnErrorAtItsLine(value: String) throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Cổng thử\"\nmax_file_size_mb: \(value)\n"
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        let errors = outcome.errors.filter { $0.location.file == "site.yml" && $0.message.en.contains("max_file_size_mb") }
        #expect(errors.map(\.location.line) == [2], "\(outcome.listing)")
    }
}

/// A mistake repeated all through a file is printed 20 times, then counted.
@Suite struct RepeatedDiagnosticsTests {
    static func problems(_ file: String, _ severity: Severity, _ count: Int, from line: Int = 1) -> [Diagnostic] {
        (0..<count).map { Diagnostic(severity, SourceLocation(file: file, line: line + $0), LocalizedText(verbatim: "lỗi")) }
    }

    @Test func atMostTwentyPerFileThenOneLineWithTheRest() {
        let items = Self.problems("a.md", .error, 1_234) + Self.problems("b.md", .warning, 3) + Self.problems("c.md", .warning, 25)
        let shown = items.cappedPerFile()
        #expect(shown.count == 20 + 1 + 3 + 20 + 1)
        #expect(shown[20].formatted(in: .vi) == "a.md:1:1: error: … và 1.214 lỗi khác trong tệp này")
        #expect(shown[20].formatted(in: .en) == "a.md:1:1: error: … and 1,214 more in this file")
        #expect(shown[21..<24].map(\.location.line) == [1, 2, 3])
        #expect(shown.last?.formatted(in: .vi) == "c.md:1:1: warning: … và 5 cảnh báo khác trong tệp này")
    }

    @Test func theCountIsAnErrorWhenAnyHiddenOneIsAnError() {
        let items = Self.problems("a.md", .warning, 30) + Self.problems("a.md", .error, 1, from: 99)
        let last = items.cappedPerFile().last
        #expect(last?.severity == .error)
        #expect(last?.message.vi == "… và 11 lỗi khác trong tệp này")
        #expect(items.prefix(20).cappedPerFile().count == 20, "exactly twenty: no count line")
    }

    @Test func checkPrintsTheCappedListInTextAndJSON() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"A\"\ndate: 2021-01-05\n---\n\n" + (1...50).map { "[x\($0)](../markets/khong-co.md)\n\n" }.joined()
        let site = try TestSite(files)
        let text = try CLI.run(["check", "--content", "content", "--date", "2021-06-30"], in: site.root)
        #expect(text.status == 1)
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 21, "\(text.stdout)")
        #expect(lines.last == "content/stories/chi-lan.md:1:1: error: … và 30 lỗi khác trong tệp này")
        #expect(text.stderr.contains("50 lỗi"), "the total still counts them all: \(text.stderr)")
        let json = try CLI.run(["check", "--content", "content", "--date", "2021-06-30", "--format", "json"], in: site.root)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 21)
    }
}

@Suite struct YAMLAliasScanTests {
    @Test(arguments: [
        "summary: Tom & Jerry", "summary: a *b* c", "summary: \"*b* &c\"", "summary: '*b'' &c'", "tags: [a, \"*b\", 'c &d']",
        "summary: |\n  *b*\n  &c\nperson: x", "summary: >\n  *b*", "summary: x # &y", "# &a comment", "url: http://x/*y",
        "summary: 5 * 3", "title: C&A", "summary: \"dòng một\n  *dòng hai*\"", "list:\n  - a *b*\n  - c",
    ])
    func textIsNotAnAnchorOrAlias(_ yaml: String) {
        #expect(YAMLAliasScan.first(in: yaml) == nil, "\(yaml)")
    }

    @Test(arguments: [
        ("summary: *bold*", 1, 10, "*bold*"), ("a: &x 1\nb: *x", 1, 4, "&x"), ("list:\n  - &a x", 2, 5, "&a"),
        ("? *a\n: 1", 1, 3, "*a"), ("m: {k: &b c}", 1, 8, "&b"), ("m: [x, *y]", 1, 8, "*y"), ("t: !!str &a x", 1, 10, "&a"),
        ("--- &a [1]", 1, 5, "&a"), ("m: {\"k\":&b c}", 1, 9, "&b"), ("&a k: v", 1, 1, "&a"), ("m: [\n  x,\n  *y ]", 3, 3, "*y"),
        ("a: \"q\"\nb: *c", 2, 4, "*c"), ("- k: |\n    text\n  o: &a [1]", 3, 6, "&a"),
    ])
    func anchorsAndAliasesAreFoundWhereYAMLReadsThem(_ yaml: String, line: Int, column: Int, token: String) {
        #expect(YAMLAliasScan.first(in: yaml) == .init(line: line, column: column, token: token), "\(yaml)")
    }

    @Test func aValueStartingWithAStarIsExplained() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nsummary: *Lưu ý*: đọc kỹ\n---\n\nA.\n"
        let outcome = try TestSite(files).build()
        let error = try #require(outcome.find(.error, in: "stories/chi-lan.md", containing: "YAML anchor or alias").first, "\(outcome.listing)")
        #expect(error.location.line == 4 && error.location.column == 10)
        #expect(error.message.en.hasPrefix("`*Lưu`"))
    }
}

@Suite struct FrontMatterSplitTests {
    @Test(arguments: [
        "---\ntitle: A\n---\n\nLưu ý: đọc kỹ.\n\n---\n\nPhần hai.\n",
        "---\ntitle: A\n---\nLưu ý: đọc kỹ.\n",
        "---\ntitle: A\n---\nLưu ý: đọc kỹ\n\n---\n",
        "---\ntitle: A\n---\nChữ thường\n---\n",
    ])
    func aBodyThatMerelyFollowsTheFrontMatterIsAccepted(_ text: String) throws {
        #expect(throws: Never.self) { try SplitDocument.split(text, file: "x.md").get() }
    }

    @Test func frontMatterCutShortByADashLineIsAnErrorAtThatLine() throws {
        let result = SplitDocument.split("---\ntitle: A\nsummary: |\n  một\n---\n  hai\nperson: B\n---\n\nA.\n", file: "x.md")
        guard case .failure(let error) = result else { Issue.record("accepted"); return }
        #expect(error.location.line == 5)
        #expect(error.message.en.contains("up to the `---` on line 8"))
    }
}

@Suite struct MarkdownLimitTests {
    func problem(_ markdown: String) -> Diagnostic? {
        MarkdownLimits.check(markdown, file: "stories/a.md", firstLine: 7)
    }

    @Test func nestingUpToTheLimitIsFine() {
        #expect(problem(String(repeating: "> ", count: 50) + "a *b*\n") == nil)
        #expect(problem("- a\n" + (1..<40).map { String(repeating: " ", count: $0) + "- b\n" }.joined()) == nil)
        #expect(problem(String(repeating: " ", count: 400) + "code, not nesting\n") == nil)
    }

    @Test func nestingPastTheLimitIsAnErrorAtItsLine() throws {
        let quotes = try #require(problem("Đầu.\n\n" + String(repeating: ">", count: 51) + " a\n"))
        #expect(quotes.location.line == 9)
        #expect(quotes.message.en.contains("nested more than 50 levels"))
        let lists = try #require(problem((0..<60).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()))
        #expect(lists.location.line == 7 + 50, "depth = 1 marker + indent / 2")
        #expect(problem(String(repeating: "1. ", count: 51) + "a\n") != nil)
    }

    @Test func bracketsAreCountedPerParagraphOutsideCodeBlocks() throws {
        let thousand = String(repeating: "[", count: 1_000)
        #expect(problem(thousand + "\n\n" + thousand + "\n") == nil)
        #expect(problem("```\n" + thousand + thousand + "\n```\n") == nil)
        let error = try #require(problem("a\n" + thousand + "\n["))
        #expect(error.location.line == 9)
        #expect(error.message.en.contains("more than 1,000 `[`"))
    }
}
