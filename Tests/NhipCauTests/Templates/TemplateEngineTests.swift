import NhipCauTemplates
import Testing

/// The template engine against the Mustache spec's rules, case by case: the theme and every
/// officer's override depend on them.
@Suite struct TemplateEngineTests {
    private func render(_ source: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try Template(source)]
        for (name, text) in partials { templates[name] = try Template(text) }
        return try #require(TemplateLibrary(templates).render(value, template: "main"))
    }

    private func object(_ fields: (String, TemplateValue)...) -> TemplateValue {
        .object(TemplateObject(fields.map { (key: $0.0, value: $0.1) }))
    }

    private func syntaxError(_ source: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(source)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Interpolation

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let value = object(("x", .string("<b>\"Lan\" & 'Mai'</b>")))
        #expect(try render("{{x}}|{{{x}}}|{{&x}}|{{ x }}", value)
            == "&lt;b&gt;&quot;Lan&quot; &amp; &#39;Mai&#39;&lt;/b&gt;|<b>\"Lan\" & 'Mai'</b>|<b>\"Lan\" & 'Mai'</b>|&lt;b&gt;&quot;Lan&quot; &amp; &#39;Mai&#39;&lt;/b&gt;")
    }

    @Test func numbersAndFlagsPrintAsSwiftWritesThem() throws {
        let value = object(("n", .int(1200)), ("d", .double(95.8)), ("f", .bool(false)))
        #expect(try render("{{n}} {{d}} {{f}}", value) == "1200 95.8 false")
    }

    @Test func missingNamesPrintNothing() throws {
        #expect(try render("[{{nothing}}][{{a.b.c}}]", object(("a", object()))) == "[][]")
    }

    @Test func dottedNamesWalkIntoObjectsAndLookOutwardOnlyForTheirFirstPart() throws {
        let value = object(("a", object(("b", object(("c", .string("sâu")))))), ("x", .string("ngoài")),
                           ("inner", object(("y", .string("trong")))))
        #expect(try render("{{a.b.c}}|{{#inner}}{{x}}{{y}}{{/inner}}|{{#a}}{{b.x}}{{/a}}", value) == "sâu|ngoàitrong|")
    }

    @Test func aLeadingDotLooksOnlyAtTheCurrentValue() throws {
        let value = object(("title", .string("ngoài")), ("item", object(("summary", .string("tóm tắt")))))
        #expect(try render("{{#item}}[{{.title}}][{{title}}][{{.summary}}]{{/item}}", value) == "[][ngoài][tóm tắt]")
    }

    // MARK: Sections

    @Test func listsRepeatTheirBlockAndTheDotIsTheItem() throws {
        let value = object(("tags", .list([.string("a"), .string("<b>")])), ("none", .list([])))
        #expect(try render("{{#tags}}({{.}}){{/tags}}{{#none}}x{{/none}}", value) == "(a)(&lt;b&gt;)")
    }

    @Test func falseNullAndEmptyListsHideABlockEverythingElseShowsIt() throws {
        let value = object(("no", .bool(false)), ("yes", .bool(true)), ("nothing", .null), ("empty", .list([])),
                           ("blank", .string("")), ("zero", .int(0)), ("obj", object()))
        let shown = try render("{{#no}}no{{/no}}{{#yes}}yes{{/yes}}{{#nothing}}null{{/nothing}}{{#empty}}empty{{/empty}}{{#missing}}missing{{/missing}}{{#blank}}blank{{/blank}}{{#zero}}zero{{/zero}}{{#obj}}obj{{/obj}}", value)
        #expect(shown == "yesblankzeroobj")
        let inverted = try render("{{^no}}no{{/no}}{{^yes}}yes{{/yes}}{{^nothing}}null{{/nothing}}{{^empty}}empty{{/empty}}{{^missing}}missing{{/missing}}{{^blank}}blank{{/blank}}", value)
        #expect(inverted == "nonullemptymissing")
    }

    @Test func anObjectSectionReadsItsFieldsAndStillSeesTheOuterOnes() throws {
        let value = object(("site", .string("Cổng")), ("author", object(("name", .string("Lan")))))
        #expect(try render("{{#author}}{{name}} – {{site}}{{/author}}", value) == "Lan – Cổng")
    }

    @Test func listItemsSeeTheNamesAroundTheList() throws {
        let value = object(("prefix", .string("#")), ("items", .list([object(("n", .int(1))), object(("n", .int(2)))])))
        #expect(try render("{{#items}}{{prefix}}{{n}} {{/items}}", value) == "#1 #2 ")
    }

    // MARK: Whitespace

    @Test func standaloneTagsTakeTheirWholeLineWithThem() throws {
        let source = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(source, object(("items", .list([.string("a"), .string("b")])))) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func tagsSharingALineWithTextOrOtherTagsAreNotStandalone() throws {
        #expect(try render(" {{#a}}x{{/a}}\n", object(("a", .bool(true)))) == " x\n")
        #expect(try render("a {{#b}}\n{{/b}} c\n", object(("b", .bool(true)))) == "a \n c\n")
    }

    @Test func windowsLineEndsAreStandaloneToo() throws {
        #expect(try render("|\r\n{{#a}}\r\nx\r\n{{/a}}\r\n|", object(("a", .bool(true)))) == "|\r\nx\r\n|")
    }

    @Test func aStandaloneLineAtTheEndOfTheTemplateNeedsNoLineBreak() throws {
        #expect(try render("x\n{{#a}}\ny\n{{/a}}", object(("a", .bool(true)))) == "x\ny\n")
    }

    // MARK: Partials

    @Test func partialsRenderWithTheCurrentValues() throws {
        let value = object(("items", .list([object(("title", .string("A"))), object(("title", .string("B")))])))
        #expect(try render("{{#items}}{{>card}}{{/items}}", value, partials: ["card": "<p>{{title}}</p>"]) == "<p>A</p><p>B</p>")
    }

    @Test func aStandalonePartialIsIndentedLineByLine() throws {
        #expect(try render("<div>\n  {{>list}}\n</div>\n", object(), partials: ["list": "<ul>\n<li>x</li>\n</ul>\n"])
            == "<div>\n  <ul>\n  <li>x</li>\n  </ul>\n</div>\n")
    }

    @Test func aMissingPartialIsEmptyAndReported() throws {
        let library = TemplateLibrary(["main": try Template("[{{>nowhere}}]")])
        #expect(library.render(.null, template: "main") == "[]")
        #expect(library.missingPartials.map { "\($0.template)>\($0.partial)" } == ["main>nowhere"])
        #expect(library.render(.null, template: "other") == nil)
    }

    @Test func aLoopOfPartialsIsFoundBeforeRendering() throws {
        let library = TemplateLibrary(["a": try Template("{{>b}}"), "b": try Template("{{#x}}{{>a}}{{/x}}"), "c": try Template("{{>a}}")])
        #expect(library.partialLoop == ["a", "b", "a"])
        #expect(TemplateLibrary(["a": try Template("{{>b}}"), "b": try Template("x")]).partialLoop == nil)
        // Were it rendered anyway, the depth limit ends it instead of the stack.
        let deep = object(("x", .bool(true)))
        #expect(library.render(deep, template: "a") == "")
    }

    // MARK: Delimiters and comments

    @Test func delimitersCanBeChanged() throws {
        let value = object(("x", .string("<")))
        #expect(try render("{{=<% %>=}}<% x %>{{x}}<%={{ }}=%>{{x}}", value) == "&lt;{{x}}&lt;")
    }

    @Test func commentsPrintNothingEvenAcrossLines() throws {
        #expect(try render("a{{! one\ntwo }}b", object()) == "ab")
    }

    // MARK: Syntax errors

    @Test func anUnclosedSectionIsReportedWhereItOpens() {
        let error = syntaxError("<p>\n  {{#tags}}\n<b>{{.}}</b>\n")
        #expect(error?.reason == .unclosedSection("tags"))
        #expect(error?.line == 2)
        #expect(error?.column == 3)
    }

    @Test func aWrongCloseIsReportedWhereItStands() {
        let error = syntaxError("{{#a}}\nNhật {{/b}}")
        #expect(error?.reason == .mismatchedClose(expected: "a", found: "b"))
        #expect(error?.line == 2)
        #expect(error?.column == 6)
        #expect(syntaxError("x{{/a}}")?.reason == .unopenedClose("a"))
    }

    @Test func malformedTagsAreErrors() {
        #expect(syntaxError("{{title")?.reason == .unclosedTag)
        #expect(syntaxError("{{{title}}")?.reason == .unclosedTag)
        #expect(syntaxError("{{=<%=}}")?.reason == .badDelimiter)
        #expect(syntaxError("{{first name}}")?.reason == .badName("first name"))
        #expect(syntaxError("{{ }}")?.reason == .badName(""))
        #expect(syntaxError("{{a..b}}")?.reason == .badName("a..b"))
        #expect(syntaxError("{{<layout}}{{/layout}}") != nil)
        #expect(syntaxError("{{uppercased(title)}}")?.reason == .unsupportedTag("a function call such as uppercased(title)"))
    }

    @Test func everyReasonHasAnExplanation() {
        #expect(syntaxError("{{#a}}")?.explanation == "the section {{#a}} is never closed with {{/a}}")
        #expect(syntaxError("{{/a}}")?.explanation == "{{/a}} closes a section that was never opened")
    }

    @Test func sectionsNestedPastTheLimitAreAnErrorNotACrash() throws {
        let deep = String(repeating: "{{#a}}", count: 50_000) + String(repeating: "{{/a}}", count: 50_000)
        #expect(syntaxError(deep)?.reason == .nestedTooDeep("a"))
        let limit = Template.maxSectionDepth
        let allowed = String(repeating: "{{^a}}", count: limit) + "ok" + String(repeating: "{{/a}}", count: limit)
        #expect(try render(allowed, object()) == "ok")
    }

    @Test(.timeLimit(.minutes(1))) func aLongOneLineTemplateParsesInLinearTime() throws {
        // 40,000 tags on one line: scanning back to the line's start for each would be 10^10 steps.
        let line = String(repeating: "{{#a}}{{/a}} ", count: 20_000)
        #expect(try render(line, object(("a", .bool(false)))) == String(repeating: " ", count: 20_000))
    }

    // MARK: Encoding view models

    private struct Card: Encodable {
        let title: String
        let summary: String?
        let count: Int
        let share: Double
        let sample: Bool
        let tags: [String]
        let author: Author?
    }

    private struct Author: Encodable {
        let name: String
    }

    private enum Status: String, Encodable { case effective = "hieu-luc" }

    private struct Shared: Encodable, TemplateValueConvertible {
        var templateValue: TemplateValue { .string("đã mã hóa sẵn") }
    }

    private struct Page: Encodable {
        let card: Card
        let status: Status
        let shared: Shared
    }

    @Test func viewModelsEncodeToTheValuesTemplatesRead() throws {
        let page = Page(card: Card(title: "Chị <Lan>", summary: nil, count: 3, share: 95.8, sample: true, tags: ["a", "b"],
                                   author: Author(name: "Mai")),
                        status: .effective, shared: Shared())
        let source = "{{#card}}{{title}}|{{^summary}}no summary{{/summary}}|{{count}}|{{share}}|{{#sample}}sample{{/sample}}|{{#tags}}{{.}},{{/tags}}|{{author.name}}{{/card}}|{{status}}|{{shared}}"
        #expect(try render(source, TemplateEncoder.encode(page)) == "Chị &lt;Lan&gt;|no summary|3|95.8|sample|a,b,|Mai|hieu-luc|đã mã hóa sẵn")
    }

    @Test func largeObjectsAreLookedUpByIndex() throws {
        let fields = (0..<40).map { (key: "k\($0)", value: TemplateValue.int($0)) }
        let value = TemplateValue.object(TemplateObject(fields + [(key: "k7", value: .string("later wins"))]))
        #expect(try render("{{k0}} {{k39}} {{k7}} {{k40}}", value) == "0 39 later wins ")
    }
}
