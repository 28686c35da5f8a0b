@testable import NhipCauRender
import Testing

/// The theme's own words are written into templates when they are compiled; what a page shows
/// must be what Mustache itself would have shown.
@Suite struct ThemeWordsTests {
    @Test func plainTagsAreEscapedTripleAndAmpersandTagsAreNotOthersAreLeftToMustache() {
        let template = "{{t.home}}|{{ t.home }}|{{{t.home}}}|{{& t.home}}|{{#t.home}}x{{/t.home}}|{{t.noSuchWord}}|{{title}}"
        let filled = UIStringTags.fill(template, with: .forLanguage(.vi))
        #expect(filled == "Trang chủ|Trang chủ|Trang chủ|Trang chủ|{{#t.home}}x{{/t.home}}|{{t.noSuchWord}}|{{title}}")
    }

    @Test func templatesThatChangeDelimitersAreLeftAlone() {
        let template = "{{=<% %>=}}<% t.home %>{{t.home}}"
        #expect(UIStringTags.fill(template, with: .forLanguage(.vi)) == template)
    }
}
