import Foundation
import Testing
import NhipCauCore
@testable import NhipCauRender

/// A site's own words: a key overridden in `content/theme/i18n/<language>.yml`, and a whole
/// language added with one file.
@Suite struct SiteWordingTests {
    /// `Fixtures/third-language/theme/i18n/fr.yml`: every key, in French, with French formats.
    static var frenchWords: String {
        get throws {
            try String(contentsOf: TestPaths.fixture("third-language").appendingPathComponent("theme/i18n/fr.yml"), encoding: .utf8)
        }
    }

    static func frenchSite() throws -> TestSite {
        var files = EnglishSiteTests.files
        files["site.yml"] = files["site.yml"]!.replacingOccurrences(of: "language: en", with: "language: fr")
        files["theme/i18n/fr.yml"] = try frenchWords
        return try TestSite(files)
    }

    @Test func aThirdLanguageIsOneFileAndEveryPageIsInIt() throws {
        let site = try Self.frenchSite()
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")
        // English words a French page must not hold: long enough not to be part of the content's own English.
        let english = Wording.forLanguage(.en).words.filter { key, text in
            !key.hasPrefix("format.") && text.count >= 12 && Placeholders.names(in: text).isEmpty
        }
        let pages = LinkCrawler(root: site.output).htmlFiles()
        #expect(pages.count > 15)
        for page in pages.sorted() {
            let html = try #require(site.read(page))
            #expect(html.contains("<html lang=\"fr\">"), "\(page)")
            for (key, text) in english where html.contains(htmlEscaped(text)) {
                Issue.record("\(page) holds the English `\(key)`: \(text)")
            }
        }
        let story = try #require(site.read("cau-chuyen/lan/index.html"))
        #expect(story.contains("Publié le: <time datetime=\"2021-01-05\">5 janvier 2021</time>"), "dates the French way")
        #expect(story.contains("<meta property=\"og:locale\" content=\"fr_FR\">"))
        let plans = try #require(site.read("chi-tieu/index.html"))
        #expect(plans.contains("1\u{202F}200"), "a thin space between thousands")
        let register = try #require(site.read("chinh-sach/index.html"))
        #expect(register.contains("En vigueur"), "status labels are words of the site")
        #expect(site.read("feeds/cau-chuyen.xml")?.contains("<title>Témoignages – Bridge Portal</title>") == true)
        let csv = try #require(site.read("chi-tieu/plan-2021.csv"))
        #expect(["Dans les temps", "En retard", "Objectif atteint", "Pas encore de données"].contains { csv.contains($0) }, "\(csv)")
    }

    @Test func aSiteOverridesOneWordAndKeepsTheOthers() throws {
        var files = TestSite.minimal
        files["theme/i18n/vi.yml"] = "# Lời riêng của cổng\nhotline: \"Gọi ngay\"\nstories: \"Gương lao động\"\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.listing)")
        let home = try #require(site.read("index.html"))
        #expect(home.contains("Gương lao động") && !home.contains("Câu chuyện thành công"))
        #expect(home.contains("Chuyển đến nội dung chính"), "other words stay the default theme's")
        let english = try TestSite(files.merging(["site.yml": "title: \"Portal\"\nlanguage: en\n"]) { _, new in new })
        try #require(english.build().succeeded)
        #expect(english.read("index.html")?.contains("Success stories") == true, "vi.yml does not change an English site")
    }

    @Test func anUnknownKeyIsAWarningAtItsLineAndABadPlaceholderAnErrorAtItsLine() throws {
        var files = TestSite.minimal
        files["theme/i18n/vi.yml"] = "hotline: \"Gọi ngay\"\nhotlin: \"Gọi\"\nsearchFound: \"Có {n} trang cho {query}\"\nmenu: \"Mục {x}\"\n"
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(!outcome.succeeded)
        let unknown = outcome.diagnostics.filter { $0.message.key == "render.wordingUnknownKey" }
        #expect(unknown.map { $0.location } == [SourceLocation(file: "theme/i18n/vi.yml", line: 2, column: 1)], "\(outcome.listing)")
        #expect(unknown.first?.severity == .warning)
        let placeholders = outcome.errors.filter { $0.message.key == "render.wordingBadPlaceholder" }
        #expect(placeholders.map(\.location.line) == [3, 4], "\(outcome.listing)")
        #expect(placeholders.first?.message.en == "`{query}` is not a placeholder of the key `searchFound`: its placeholders are {q}, {n}. Correct the name in braces.")
        #expect(placeholders.last?.message.vi == "`{x}` không phải chỗ điền của khóa `menu`: câu này không có chỗ điền nào. Sửa lại tên trong ngoặc nhọn.")
    }

    @Test func aLanguageWithMissingKeysKeepsTheEnglishWordsAndSaysWhich() throws {
        var files = TestSite.minimal
        files["site.yml"] = "title: \"Portail\"\nlanguage: fr\n"
        files["theme/i18n/fr.yml"] = "skipToContent: \"Aller au contenu\"\n"
        let site = try TestSite(files)
        let outcome = site.build()
        try #require(outcome.succeeded, "\(outcome.listing)")
        let missing = try #require(outcome.diagnostics.first { $0.message.key == "render.wordingKeysMissing" })
        #expect(missing.location == SourceLocation(file: "theme/i18n/fr.yml"))
        #expect(missing.message.en.hasPrefix("This file lacks \(Wording.forLanguage(.vi).words.count - 1) keys ("))
        let home = try #require(site.read("index.html"))
        #expect(home.contains("Aller au contenu") && home.contains("Success stories") && home.contains("<html lang=\"fr\">"))
    }
}
