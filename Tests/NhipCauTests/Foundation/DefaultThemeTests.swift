import Foundation
import NhipCauBuild
import NhipCauCore
@testable import NhipCauRender
import Testing

/// The default theme is files under Sources/NhipCauRender/Embedded/theme/, built into the one
/// executable; `nhipcau theme` writes them out; chart styles are an asset of their own.
@Suite(.serialized) struct DefaultThemeTests {
    static let embeddedFolder = TestPaths.packageRoot.appendingPathComponent("Sources/NhipCauRender/Embedded")

    @Test func theExecutableCarriesEveryEmbeddedFileByteForByte() throws {
        let onDisk = fileTree(Self.embeddedFolder)
        #expect(!onDisk.isEmpty)
        #expect(Set(EmbeddedFiles.files.keys) == Set(onDisk.keys))
        for (path, bytes) in onDisk {
            #expect(EmbeddedFiles.files[path] == bytes, "\(path)")
        }
        let templatesOnDisk = onDisk.keys.filter { $0.hasPrefix("theme/templates/") && $0.hasSuffix(".mustache") }
        #expect(DefaultTheme.templates.count == templatesOnDisk.count && DefaultTheme.templates["layout"]?.hasPrefix("<!DOCTYPE html>") == true)
    }

    @Test func theExecutableCopiedAloneIntoAnEmptyFolderBuildsASite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-alone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let alone = folder.appendingPathComponent("nhipcau")
        try FileManager.default.copyItem(at: CLI.binary, to: alone)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["nhipcau"])
        try FileManager.default.copyItem(at: TestPaths.fixture("basic"), to: folder.appendingPathComponent("content"))
        let run = try CLI.run(["build", "--content", "content", "--output", "site", "--date", "2021-06-30"], in: folder, executable: alone)
        #expect(run.status == 0, "\(run.stderr)")
        let site = folder.appendingPathComponent("site")
        let style = try Data(contentsOf: site.appendingPathComponent("assets/style.css"))
        #expect(Array(style) == DefaultTheme.assets["assets/style.css"])
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.hasPrefix("<!DOCTYPE html>") && home.contains("class=\"site-footer\""))
    }

    @Test func chartStylesAreLinkedByEveryPageThatDrawsAChartAndNoOtherAndSurviveANewStylesheet() throws {
        let site = try TestSite()
        try FileManager.default.removeItem(at: site.content)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("content"), to: site.content)
        try site.write("theme/assets/style.css", "body { color: #222; }\n")
        let outcome = site.build(date: SampleSiteTests.date)
        #expect(outcome.succeeded, "\(outcome.listing)")
        let tree = fileTree(site.output)
        #expect(tree["assets/style.css"] == Array("body { color: #222; }\n".utf8), "the officer's stylesheet is served as written")
        #expect(tree["assets/charts.css"] == DefaultTheme.assets["assets/charts.css"])
        #expect(String(decoding: tree["assets/charts.css"] ?? [], as: UTF8.self).contains(".chart{--chart-bg:#ffffff;"))
        var withCharts = 0
        for (path, bytes) in tree where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            let draws = html.contains("<figure class=\"chart ")
            let links = html.contains("assets/charts.css\">")
            #expect(draws == links, "\(path): draws a chart \(draws), links charts.css \(links)")
            if draws { withCharts += 1 }
        }
        #expect(withCharts >= 10, "home, plans, areas, markets and stories with chart blocks: \(withCharts)")
    }

    @Test func aChartIsFoundAnywhereInAPageAndNothingElseCounts() {
        #expect(ChartFrame.isDrawn(in: "<figure class=\"chart chart-timeline\" id=\"tl\">"))
        #expect(ChartFrame.isDrawn(in: String(repeating: "Đường <figure class=\"chart-data\"> ", count: 500) + "<<figure class=\"chart "))
        #expect(!ChartFrame.isDrawn(in: "<figure class=\"chart"))
        #expect(!ChartFrame.isDrawn(in: "<figure class=\"story-image\"><img src=\"chart.png\"></figure> class=\"chart "))
        #expect(!ChartFrame.isDrawn(in: ""))
    }

    @Test func theStylesheetsShipMinifiedFromReadableSources() {
        let readable = DefaultTheme.text("assets/style.css")
        #expect(readable.contains("/* NhipCau default theme") && readable.contains("\n  --bg: #fff;\n"))
        let shipped = String(decoding: DefaultTheme.assets["assets/style.css"] ?? [], as: UTF8.self)
        #expect(shipped.hasPrefix(":root{--bg:#fff;--fg:#1b1f23;"))
        #expect(!shipped.contains("/*") && shipped.utf8.count < readable.utf8.count * 4 / 5)
        #expect(!String(decoding: DefaultTheme.assets["assets/style.css"] ?? [], as: UTF8.self).contains(".chart"))
    }

    @Test func theStyleMinifierKeepsWhatCSSNeeds() {
        let css = """
        /* a comment { } */
        .site-header > .wrap,
        li + li::before, a ~ b {
          content: "a  ;  b";
          margin: 0 auto;
          width: calc(100% + 2px);
          font: 1rem/1.6 system-ui, "Segoe UI", sans-serif;
        }

        @media (max-width: 40rem) {
          .prose :first-child { margin: 0; }
        }
        """
        #expect(StyleMinifier.minify(css) == """
        .site-header>.wrap,li+li::before,a~b{content:"a  ;  b";margin:0 auto;width:calc(100% + 2px);font:1rem/1.6 system-ui,"Segoe UI",sans-serif}
        @media (max-width:40rem){.prose :first-child{margin:0}}

        """)
    }

    // MARK: - nhipcau theme

    @Test func themeWritesEveryDefaultFileRefusesToOverwriteAndForceReplaces() throws {
        let site = try TestSite(TestSite.minimal)
        let first = try CLI.run(["theme", "--content", "content"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        for (path, bytes) in DefaultTheme.files {
            #expect(first.stdout.contains("  content/theme/\(path)\n"), "\(path) listed")
            #expect(FileManager.default.contents(atPath: site.content.appendingPathComponent("theme/" + path).path).map(Array.init) == bytes, "\(path)")
        }
        #expect(first.stdout.contains("Đã ghi \(DefaultTheme.files.count) tệp giao diện."))

        try site.write("theme/templates/story.mustache", "<h1>{{title}}</h1>\n")
        let again = try CLI.run(["theme", "--content", "content", "--lang", "en"], in: site.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(DefaultTheme.files.count) theme file(s) exist already (content/theme/assets/charts.css,"), "\(again.stderr)")
        #expect(again.stderr.contains("Run again with --force"), "\(again.stderr)")
        #expect(again.stdout.isEmpty)
        #expect(site.read("theme/templates/story.mustache", in: site.content) == "<h1>{{title}}</h1>\n", "left alone")

        let forced = try CLI.run(["theme", "--content", "content", "--force", "--quiet"], in: site.root)
        #expect(forced.status == 0 && forced.stdout.isEmpty, "\(forced.stderr)")
        #expect(site.read("theme/templates/story.mustache", in: site.content) == DefaultTheme.templates["story"])
    }

    @Test func aSiteBuiltWithTheWrittenOutThemeHasTheSamePagesAndNoWarnings() throws {
        let plain = try TestSite(fixture: "basic")
        let themed = try TestSite(fixture: "basic")
        #expect(try CLI.run(["theme", "--content", "content"], in: themed.root).status == 0)
        let plainOutcome = plain.build(), themedOutcome = themed.build()
        #expect(plainOutcome.succeeded && themedOutcome.succeeded)
        #expect(themedOutcome.diagnostics.isEmpty, "every default template reads only fields its view model has: \(themedOutcome.listing)")
        let plainTree = fileTree(plain.output), themedTree = fileTree(themed.output)
        #expect(plainTree.keys.sorted() == themedTree.keys.sorted())
        for (path, bytes) in plainTree where !path.hasPrefix("assets/") {
            #expect(themedTree[path] == bytes, "\(path)")
        }
        #expect(themedTree["assets/search.js"] == DefaultTheme.files["assets/search.js"], "an officer's copy is served as written")
    }

    // MARK: - Fields of the templates

    @Test func viewModelsGiveTheirFieldsWithoutAnInstance() {
        let story = FieldShape.of(StoryView.self).fields
        #expect(story.map(\.name) == ["t", "title", "date", "dateISO", "updated", "author", "summary", "image", "person",
                                       "sample", "market", "area", "tags", "body", "related"])
        #expect(story.first { $0.name == "image" } == Field(name: "image", shape: .object([
            Field(name: "src", shape: .text, optional: false), Field(name: "alt", shape: .text, optional: false),
            Field(name: "html", shape: .text, optional: false)]), optional: true))
        #expect(story.first { $0.name == "sample" }?.shape == .flag)
        #expect(story.first { $0.name == "tags" }?.shape == .object([Field(name: "items", shape: .list(.object([
            Field(name: "label", shape: .text, optional: false), Field(name: "href", shape: .text, optional: true)])), optional: false)]))
        #expect(FieldShape.of(PlanView.self).fields.first { $0.name == "charts" }?.shape == .list(.text))
        #expect(FieldShape.of(PaginationView.self).fields.first { $0.name == "current" }?.shape == .number)
        #expect(Set(TemplateViews.all.map(\.template)) == Set(DefaultTheme.templates.keys), "every template has its view model")
    }

    /// After changing a view model: `NHIPCAU_UPDATE_DOCS=1 swift test --filter DefaultThemeTests`, then review.
    @Test func docsListEveryTemplatesFieldsAsTheViewModelsHaveThem() throws {
        let docs = TestPaths.packageRoot.appendingPathComponent("docs/content.md")
        var text = try String(contentsOf: docs, encoding: .utf8)
        let generated = TemplateFieldsDoc.markdown()
        let start = try #require(text.range(of: TemplateFieldsDoc.start), "docs/content.md has the generated section")
        let end = try #require(text.range(of: TemplateFieldsDoc.end, range: start.upperBound..<text.endIndex))
        if ProcessInfo.processInfo.environment["NHIPCAU_UPDATE_DOCS"] == "1" {
            text.replaceSubrange(start.lowerBound..<end.upperBound, with: generated)
            try text.write(to: docs, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[start.lowerBound..<end.upperBound]) == generated,
                "docs/content.md and the view models disagree: NHIPCAU_UPDATE_DOCS=1 swift test --skip-build --filter DefaultThemeTests")
    }

    @Test func anOverrideReadingAFieldItsPageDoesNotHaveIsAWarningAtItsTag() throws {
        var files = TestSite.minimal
        files["theme/templates/story.mustache"] = """
        <h1>{{title}}</h1>
        <p>{{titel}} {{t.published}} {{t.publishd}}</p>
        {{#tags}}<ul>{{#items}}<li>{{label}}{{.href}}{{labl}}</li>{{/items}}</ul>{{/tags}}
        {{#.image}}<img src="{{src}}" alt="{{alt}}">{{/.image}}{{^related}}{{nothing}}{{/related}}{{#related}}{{>story-list}}{{/related}}

        """
        let site = try TestSite(files)
        let outcome = site.build()
        #expect(outcome.succeeded)
        let warnings = outcome.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" } == ["2:4", "2:30", "3:46", "4:68"], "\(outcome.listing)")
        let field = try #require(warnings.first)
        #expect(field.location.file == "theme/templates/story.mustache")
        #expect(field.message.vi.hasPrefix("Mẫu `story` đọc `titel` nhưng trang này không có trường đó; chỗ đó sẽ để trống. Các trường của mẫu này: title, date,"))
        #expect(field.message.en.hasPrefix("Template `story` reads `titel`, but this page has no such field; it renders nothing."))
        let word = warnings[1]
        #expect(word.message.vi == "Mẫu `story` đọc `t.publishd` nhưng giao diện không có từ nào tên như vậy; chỗ đó sẽ để trống. Sửa lại tên từ, hoặc viết chữ thẳng vào mẫu.")
        #expect(word.message.en == "Template `story` reads `t.publishd`, but the theme has no word of that name; it renders nothing. Correct the word's name, or write the text into the template.")
    }

    @Test func aPartialOverrideIsCheckedAgainstWhatItIsGivenAndThePagesWords() throws {
        let shape = try #require(TemplateViews.byTemplate["story-list"]).shape
        let unknown = TemplateFieldCheck.unknownFields(in: "{{#items}}{{title}}{{t.sampleStory}}{{dateISO}}{{heading}}{{/items}}",
                                                       shape: shape, words: Theme.wordNames)
        #expect(unknown == [UnknownField(name: "heading", line: 1, column: 48, isWord: false)])
    }
}
