import Foundation
import Testing
import NhipCauBuild
import NhipCauCore

/// One broken site: the minimal good site with some files changed, and the error it must report.
struct ErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    var files: [String: String] = [:]
    var bytes: [String: [UInt8]] = [:]
    var removing: [String] = []
    /// The file the error names, relative to the content folder.
    let file: String
    /// The line it names, when a line applies.
    var line: Int?
    /// A piece of the English message.
    let message: String

    var testDescription: String { name }
}

func story(_ frontMatter: String) -> String { "---\n\(frontMatter)\n---\n\nCâu chuyện.\n" }

let errorCases: [ErrorCase] = [
    ErrorCase(name: "missing site.yml", removing: ["site.yml"], file: "site.yml", message: "There is no site.yml"),
    ErrorCase(name: "site.yml without title", files: ["site.yml": "organization: \"Trung tâm\"\n"],
              file: "site.yml", line: 1, message: "required key `title`"),
    ErrorCase(name: "language without wording", files: ["site.yml": "title: \"A\"\nlanguage: fr\n"],
              file: "site.yml", line: 2, message: "no interface words for the language `fr`"),
    ErrorCase(name: "bad language", files: ["site.yml": "title: \"A\"\nlanguage: Tiếng Việt\n"],
              file: "site.yml", line: 2, message: "`language: Tiếng Việt` is not a language code"),
    ErrorCase(name: "bad base_url", files: ["site.yml": "title: \"A\"\ndescription: \"B\"\nbase_url: xkld.example.gov.vn\n"],
              file: "site.yml", line: 3, message: "`base_url` must be a full address"),
    ErrorCase(name: "story without title", files: ["stories/chi-lan.md": story("date: 2021-01-05")],
              file: "stories/chi-lan.md", line: 2, message: "required key `title`"),
    ErrorCase(name: "story without date", files: ["stories/chi-lan.md": story("title: \"A\"")],
              file: "stories/chi-lan.md", line: 2, message: "required key `date`"),
    ErrorCase(name: "market without country", files: ["markets/nhat-ban.md": story("title: \"Nhật Bản\"")],
              file: "markets/nhat-ban.md", line: 2, message: "required key `country`"),
    ErrorCase(name: "policy without number", files: ["policies/luat-69-2020.md": story("title: \"L\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13")],
              file: "policies/luat-69-2020.md", line: 2, message: "required key `number`"),
    ErrorCase(name: "policy without issuer", files: ["policies/luat-69-2020.md": story("title: \"L\"\nnumber: \"69\"\nissued: 2020-11-13")],
              file: "policies/luat-69-2020.md", line: 2, message: "required key `issuer`"),
    ErrorCase(name: "policy without issued", files: ["policies/luat-69-2020.md": story("title: \"L\"\nnumber: \"69\"\nissuer: \"Quốc hội\"")],
              file: "policies/luat-69-2020.md", line: 2, message: "required key `issued`"),
    ErrorCase(name: "page without title", files: ["pages/gioi-thieu.md": story("menu: 1")],
              file: "pages/gioi-thieu.md", line: 2, message: "required key `title`"),
    ErrorCase(name: "impossible date", files: ["stories/chi-lan.md": story("title: \"A\"\nsummary: \"B\"\ndate: 2021-02-30")],
              file: "stories/chi-lan.md", line: 4, message: "`date: 2021-02-30` is not a real day"),
    ErrorCase(name: "date written with dots", files: ["stories/chi-lan.md": story("title: \"A\"\ndate: 31.03.2021")],
              file: "stories/chi-lan.md", line: 3, message: "write `date: 31/03/2021` (day/month/year) or `date: 2021-03-31`"),
    ErrorCase(name: "front matter not closed", files: ["stories/chi-lan.md": "---\ntitle: \"A\"\ndate: 2021-01-05\n\nCâu chuyện.\n"],
              file: "stories/chi-lan.md", line: 1, message: "never closed"),
    ErrorCase(name: "no front matter", files: ["stories/chi-lan.md": "title: \"A\"\n\nCâu chuyện.\n"],
              file: "stories/chi-lan.md", line: 1, message: "must start with front matter"),
    ErrorCase(name: "malformed YAML", files: ["stories/chi-lan.md": "---\ndate: 2021-01-05\nperson: \"X\"\ntitle: Chị Lan: ba năm\n---\n\nA.\n"],
              file: "stories/chi-lan.md", line: 4, message: "not valid YAML"),
    ErrorCase(name: "malformed YAML list", files: ["markets/nhat-ban.md": "---\ntitle: \"Nhật Bản\"\ncountry: \"Nhật Bản\"\n\nsectors: [cơ khí, nông nghiệp\n---\n\nA.\n"],
              file: "markets/nhat-ban.md", message: "not valid YAML"),
    ErrorCase(name: "invalid UTF-8", bytes: ["stories/chi-lan.md": Array("---\ntitle: \"A\"\ndate: 2021-01-05\n---\n".utf8) + [0x43, 0xE1, 0xBB, 0x0A]],
              file: "stories/chi-lan.md", line: 5, message: "not valid UTF-8"),
    ErrorCase(name: "binary file in stories", bytes: ["stories/anh.md": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]],
              file: "stories/anh.md", message: "binary file"),
    ErrorCase(name: "empty file", files: ["stories/trong.md": "\n  \n"], file: "stories/trong.md", message: "The file is empty"),
    ErrorCase(name: "non-Markdown file in stories", files: ["stories/ghi-chu.txt": "ghi chú"],
              file: "stories/ghi-chu.txt", message: "holds only Markdown (.md) files"),
    ErrorCase(name: "file name with accents and spaces", files: ["stories/Nhật Bản.md": story("title: \"A\"\ndate: 2021-01-05")],
              file: "stories/Nhật Bản.md", message: "Rename it to `nhat-ban.md`"),
    ErrorCase(name: "file name with capitals and underscore", files: ["markets/A_B.md": story("title: \"A\"\ncountry: \"B\"")],
              file: "markets/A_B.md", message: "Rename it to `a-b.md`"),
    // `true:` and `"true":` are one key to the loader, so the second would silently replace the first.
    ErrorCase(name: "one key plain and quoted", files: ["stories/chi-lan.md": story("title: \"A\"\ndate: 2021-01-05\ntrue: 1\n\"true\": 2")],
              file: "stories/chi-lan.md", message: "the key `true` is written twice"),
    ErrorCase(name: "duplicate slugs", files: ["stories/2021/chi-lan.md": story("title: \"B\"\ndate: 2021-01-06")],
              file: "stories/chi-lan.md", message: "already used by stories/2021/chi-lan.md"),
    ErrorCase(name: "story names a missing market", files: ["stories/chi-lan.md": story("title: \"A\"\ndate: 2021-01-05\nmarket: han-quoc")],
              file: "stories/chi-lan.md", line: 4, message: "There is no market `han-quoc`"),
    ErrorCase(name: "replaced_by a missing policy", files: ["policies/luat-72-2006.md": story("title: \"L\"\nnumber: \"72\"\nissuer: \"QH\"\nissued: 2006-11-29\nreplaced_by: luat-99")],
              file: "policies/luat-72-2006.md", line: 6, message: "There is no policy `luat-99`"),
    ErrorCase(name: "replaced_by itself", files: ["policies/luat-72-2006.md": story("title: \"L\"\nnumber: \"72\"\nissuer: \"QH\"\nissued: 2006-11-29\nreplaced_by: luat-72-2006")],
              file: "policies/luat-72-2006.md", line: 6, message: "cannot replace itself"),
    ErrorCase(name: "image not found", files: ["stories/chi-lan.md": story("title: \"A\"\ndate: 2021-01-05\nimage: media/khong-co.jpg\nimage_alt: \"X\"")],
              file: "stories/chi-lan.md", line: 4, message: "The image `media/khong-co.jpg` was not found"),
    ErrorCase(name: "image path with ..", files: ["stories/chi-lan.md": story("title: \"A\"\ndate: 2021-01-05\nimage: media/../site.yml\nimage_alt: \"X\"")],
              file: "stories/chi-lan.md", line: 4, message: "may not contain `..`"),
    ErrorCase(name: "page takes a reserved address", files: ["pages/cau-chuyen.md": story("title: \"Câu chuyện\"")],
              file: "pages/cau-chuyen.md", message: "reserved for a section"),
    ErrorCase(name: "menu is not a number", files: ["pages/gioi-thieu.md": story("title: \"Giới thiệu\"\nmenu: hai")],
              file: "pages/gioi-thieu.md", line: 3, message: "The value of `menu` must be a whole number"),
    ErrorCase(name: "income_vnd is one number", files: ["markets/nhat-ban.md": story("title: \"N\"\ncountry: \"N\"\nincome_vnd: 25000000")],
              file: "markets/nhat-ban.md", line: 4, message: "The value of `income_vnd` must be two whole numbers"),
    ErrorCase(name: "income_vnd lowest above highest", files: ["markets/nhat-ban.md": story("title: \"N\"\ncountry: \"N\"\nincome_vnd: [35000000, 25000000]")],
              file: "markets/nhat-ban.md", line: 4, message: "two whole numbers"),
    ErrorCase(name: "income_vnd with separators", files: ["markets/nhat-ban.md": story("title: \"N\"\ncountry: \"N\"\nincome_vnd: [\"25.000.000\", 35000000]")],
              file: "markets/nhat-ban.md", line: 4, message: "two whole numbers"),
    ErrorCase(name: "ragged table", files: ["policies/luat-69-2020.md": "---\ntitle: \"L\"\nnumber: \"69\"\nissuer: \"QH\"\nissued: 2020-11-13\n---\n\nBảng:\n\n```table\nBước\tViệc\tNơi\n1\tKý hợp đồng\tDoanh nghiệp\n2\tVay vốn\n```\n"],
              file: "policies/luat-69-2020.md", line: 13, message: "This row has 2 columns, the header row has 3"),
    ErrorCase(name: "ragged table after a blank line", files: ["policies/luat-69-2020.md": "---\ntitle: \"L\"\nnumber: \"69\"\nissuer: \"QH\"\nissued: 2020-11-13\n---\n\n```table\nBước\tViệc\n\n1\tKý\n\n2\n```\n"],
              file: "policies/luat-69-2020.md", line: 13, message: "This row has 1 columns, the header row has 2"),
    ErrorCase(name: "broken template override", files: ["theme/templates/story.mustache": "<article>\n<h1>{{title}}</h1>\n{{#x}}\n</article>\n"],
              file: "theme/templates/story.mustache", line: 3, message: "the section {{#x}} is never closed with {{/x}}"),
    ErrorCase(name: "template closes the wrong section", files: ["theme/templates/story.mustache": "{{#author}}\n{{#tags}}{{.}}{{/author}}\n{{/tags}}\n"],
              file: "theme/templates/story.mustache", line: 2, message: "{{/author}} closes a section, but the open one is {{#tags}}"),
    ErrorCase(name: "template uses inheritance", files: ["theme/templates/page.mustache": "<main>\n{{<layout}}{{/layout}}\n</main>\n"],
              file: "theme/templates/page.mustache", line: 2, message: "template inheritance ({{<…}} and {{$…}}) is not supported"),
    ErrorCase(name: "templates include each other", files: ["theme/templates/story-list.mustache": "<ul>{{>card}}</ul>\n",
                                                             "theme/templates/card.mustache": "<li>{{>story-list}}</li>\n"],
              file: "theme/templates/story-list.mustache", message: "Templates include each other in an endless loop (story-list → card → story-list)"),
]

@Suite struct DiagnosticTests {
    @Test(arguments: errorCases)
    func eachErrorStopsTheBuildNamingFileLineAndProblem(_ errorCase: ErrorCase) throws {
        var files = TestSite.minimal
        files.merge(errorCase.files) { $1 }
        for path in errorCase.removing { files[path] = nil }
        let site = try TestSite(files, bytes: errorCase.bytes)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(outcome.outputError == nil)
        let matching = outcome.find(.error, in: errorCase.file, containing: errorCase.message)
        #expect(matching.count == 1, "expected one error in \(errorCase.file) containing “\(errorCase.message)”, got:\n\(outcome.listing)")
        if let line = errorCase.line {
            #expect(matching.first?.location.line == line, "\(outcome.listing)")
        }
        // Every message is said in both languages.
        for diagnostic in outcome.diagnostics {
            #expect(!diagnostic.message.vi.isEmpty && !diagnostic.message.en.isEmpty && diagnostic.message.vi != diagnostic.message.en)
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build wrote the output folder")
        // Only the lock file and the cache folder (front matter that did parse is kept for the next
        // build): with no published site beside it, the staging folder is not kept.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            .filter { $0.hasPrefix(".") && $0 != ".site.nhipcau-lock" && $0 != ".nhipcau-cache" }
        #expect(leftovers.isEmpty, "staging left behind: \(leftovers)")
    }

    @Test func theMinimalSiteBuildsCleanly() throws {
        let site = try TestSite(TestSite.minimal)
        let outcome = site.build()
        #expect(outcome.succeeded)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")
    }

    @Test func anUnknownKeySuggestsTheKeyMeant() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = story("title: \"A\"\ndat: 2021-01-05")
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(!outcome.succeeded) // the date is still missing
        let warning = outcome.find(.warning, in: "stories/chi-lan.md", containing: "The key `dat` is not used")
        #expect(warning.count == 1, "\(outcome.listing)")
        #expect(warning.first?.message.en.contains("Did you mean `date`?") == true)
        #expect(warning.first?.location.line == 3)
        #expect(outcome.find(.error, in: "stories/chi-lan.md", containing: "required key `date`").count == 1)
    }

    @Test func aWarningAloneDoesNotStopTheBuild() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = story("title: \"A\"\ndate: 2021-01-05\nsumary: \"B\"")
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(outcome.succeeded)
        let warning = outcome.find(.warning, in: "stories/chi-lan.md", containing: "Did you mean `summary`?")
        #expect(warning.first?.location.line == 4, "\(outcome.listing)")
        #expect(site.exists("cau-chuyen/chi-lan/index.html"))
    }

    @Test func aPartialThatDoesNotExistIsAWarningAndLeavesItsPlaceEmpty() throws {
        var files = TestSite.minimal
        files["theme/templates/page.mustache"] = "<main>{{>sidebar}}<h1>{{title}}</h1></main>\n"
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        let warning = outcome.find(.warning, in: "theme/templates/page.mustache", containing: "includes `{{>sidebar}}`, but there is no template `sidebar`")
        #expect(warning.count == 1, "\(outcome.listing)")
    }

    @Test func anImageWithoutDescriptionIsAWarning() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = story("title: \"A\"\ndate: 2021-01-05\nimage: media/a.svg")
        files["media/a.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        let warning = outcome.find(.warning, in: "stories/chi-lan.md", containing: "no description for blind readers")
        #expect(warning.count == 1, "\(outcome.listing)")
        #expect(warning.first?.location.line == 4)
    }

    @Test func anUnknownTopLevelFolderIsAWarning() throws {
        var files = TestSite.minimal
        files["storys/chi-mai.md"] = story("title: \"A\"\ndate: 2021-01-05")
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.find(.warning, in: "storys", containing: "`storys` is not part of any content").count == 1, "\(outcome.listing)")
        #expect(!site.exists("cau-chuyen/chi-mai/index.html"))
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        var files = TestSite.minimal
        files["stories/a.md"] = story("date: 2021-01-05")
        files["markets/b.md"] = story("title: \"B\"")
        files["pages/c.md"] = story("menu: 1")
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        #expect(Set(outcome.errors.map(\.location.file)) == ["stories/a.md", "markets/b.md", "pages/c.md"], "\(outcome.listing)")
    }

    @Test func diagnosticsAreFormattedForEditors() {
        let diagnostic = Diagnostic.error(SourceLocation(file: "stories/a.md", line: 3, column: 7), "core.diskReadOnly")
        #expect(diagnostic.formatted(in: .en, contentPrefix: "content/") == "content/stories/a.md:3:7: error: the disk is read-only")
        #expect(diagnostic.formatted(in: .vi) == "stories/a.md:3:7: error: ổ đĩa chỉ cho đọc, không ghi được")
        let json = Diagnostic(.warning, SourceLocation(file: "targets/x.json", jsonPath: "areas[2].date"), LocalizedText(verbatim: "E"))
        #expect(json.formatted(in: .en) == "targets/x.json:1:1: warning: areas[2].date: E")
    }

    @Test func systemErrorsAreSaidInPlainWords() {
        let cases: [(any Error, String)] = [
            (CocoaError(.fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: POSIXError(.ENOSPC)]), "the disk is full; free some space and try again"),
            (CocoaError(.fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))]), "the disk is read-only"),
            (CocoaError(.fileWriteNoPermission), "permission denied; check the folder's permissions, or choose another folder"),
            (CocoaError(.fileReadNoSuchFile), "the file or folder does not exist"),
            (POSIXError(.ENAMETOOLONG), "the file name or path is too long or not allowed; use a shorter name"),
            (CocoaError(.fileWriteInvalidFileName), "the file name or path is too long or not allowed; use a shorter name"),
            (NSError(domain: "Other", code: 7), "an operating-system error (code 7)"),
        ]
        for (error, english) in cases {
            let reason = SystemReason.of(error)
            #expect(reason.en == english, "\(error)")
            #expect(!reason.vi.isEmpty && reason.vi != reason.en)
        }
        #expect(SystemReason.of(POSIXError(.EACCES)).vi.hasPrefix("không có quyền"))
    }

    /// Every line is `file:line:column:`, also for a problem with the whole file (1:1) or a line only.
    @Test func wholeFileProblemsAreShownAtLineOneColumnOne() {
        let whole = Diagnostic(.error, SourceLocation(file: "pages/cau-chuyen.md"), LocalizedText(verbatim: "E"))
        #expect(whole.formatted(in: .en, contentPrefix: "content/") == "content/pages/cau-chuyen.md:1:1: error: E")
        let lineOnly = Diagnostic(.error, SourceLocation(file: "stories/a.md", line: 6), LocalizedText(verbatim: "E"))
        #expect(lineOnly.formatted(in: .en) == "stories/a.md:6:1: error: E")
    }

    @Test func controlCharactersInMessagesAreEscapedSoEachProblemIsOneLine() {
        let location = SourceLocation(file: "stories/a\nb.md", line: 2, column: 3)
        let diagnostic = Diagnostic(.error, location, LocalizedText(verbatim: "Liên kết `java\nscript:\u{1B}[31m\t\u{2028}x`"))
        let text = diagnostic.formatted(in: .vi)
        #expect(text == "stories/a\\nb.md:2:3: error: Liên kết `java\\nscript:\\u{1B}[31m\\t\\u{2028}x`")
        #expect(!Diagnostic(.error, location, LocalizedText(verbatim: "E\r")).formatted(in: .en).contains("\r"))
        #expect(OneLine.escaped("Đà Nẵng — “ổn”") == "Đà Nẵng — “ổn”", "ordinary text is left alone")
    }

    @Test func byteColumnsBecomeCharacterColumns() {
        let line = "Ảnh hỏng ![x](a.jpg)"[...]
        let byteColumn = line.utf8.distance(from: line.utf8.startIndex, to: line.utf8.firstIndex(of: UInt8(ascii: "!"))!) + 1
        #expect(byteColumn == 14)
        #expect(SourceColumn.fromByteColumn(byteColumn, in: line) == 10)
        #expect(SourceColumn.fromByteColumn(1, in: line) == 1)
        #expect(SourceColumn.fromByteColumn(3, line: 2, of: "a\nxé!") == 3)
        #expect(SourceColumn.fromByteColumn(4, line: 2, of: "a\nxé!") == 3, "inside é")
        #expect(SourceColumn.fromByteColumn(5, line: 2, of: "a\nxé!") == 4)
    }

    /// cmark counts bytes; the officer's editor counts characters.
    @Test func markdownProblemsNameTheCharacterColumn() throws {
        var files = TestSite.minimal
        files["stories/chi-lan.md"] = "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\n---\n\nẢnh hỏng ![Ảnh](../media/khong-co.jpg)\n\nĐường dẫn ở [đây](khong-co.md).\n"
        let site = try TestSite(files)
        let outcome = site.build()
        let positions = outcome.errors.map { "\($0.location.shownLine):\($0.location.shownColumn)" }.sorted()
        #expect(positions == ["6:10", "8:13"], "\(outcome.listing)")
    }

    @Test func anExpiredPolicyNamesTheLineOfExpires() throws {
        var files = TestSite.minimal
        files["policies/luat-72-2006.md"] = "---\ntitle: \"Luật 72\"\nnumber: \"72\"\nissuer: \"Quốc hội\"\nissued: 2006-11-29\nexpires:   2021-01-01\n---\n\nCũ.\n"
        let site = try TestSite(files)
        let found = SiteBuild.check(BuildOptions(content: site.content, output: site.output, today: testDate)).diagnostics.items
        let expired = try #require(found.first { $0.message.en.contains("expired") })
        #expect(expired.formatted(in: .en).hasPrefix("policies/luat-72-2006.md:6:12: warning: "), "\(expired.formatted(in: .en))")
    }
}
