@testable import NhipCauRender
import Testing

/// The theme step's scanners against the regular expressions they replaced, on every shipped
/// template and on tags written the odd ways an officer's template may hold.
@Suite struct TagScannerTests {
    static let oddTexts = [
        "{{t.home}}{{ t.home }}{{{t.home}}}{{& t.home}}{{{& t.home}}}{{t.home}}}{{{t.home}}{{t.}}{{t.a b}}",
        "{{\tt.home\n}}{{  &  t.x_1 }}{{t.home}}x}}{{{{t.home}}}}{{t .home}}{{T.home}}{{\r\nt.home\r\n}}",
        "<p id=\"a\" data-id=\"b\" xid=\"c\" id=\"{{d}}\" id=\"\" _id=\"e\" id=\"f\nf\" éid=\"g\" 1id=\"h\"",
        "id=\"start\" id=\"unclosed",
        "{{>layout}}{{> head }}{{>\n footer\t}}{{> a b}}{{>}}{{> x}y}}{{>  }}{{>> z}}{{> \u{00A0}nbsp\u{00A0}}}",
        "{{ t.home\u{00A0}}}{{>a}}}",
        "",
    ]

    static var texts: [String] { Array(DefaultTheme.templates.values) + oddTexts }

    @Test func wordTagsAreTheRegexMatches() {
        for text in Self.texts {
            let expected = text.matches(of: /\{\{(\{)?\s*(&)?\s*t\.([A-Za-z0-9_]+)\s*(\})?\}\}/).map { match in
                "\(match.output.1 != nil) \(match.output.2 != nil) \(match.output.3) \(match.output.4 != nil) \(match.output.0)"
            }
            let bytes = Array(text.utf8)
            let found = TagScanner.wordTags(in: text).map { tag in
                "\(tag.open) \(tag.ampersand) \(tag.name) \(tag.close) \(String(decoding: bytes[tag.range], as: UTF8.self))"
            }
            #expect(found == expected, "\(text.prefix(60))")
        }
    }

    @Test func literalIDsAndPartialsAreTheRegexMatches() {
        for text in Self.texts {
            #expect(TagScanner.literalIDs(in: text) == text.matches(of: /\bid="([^"{}]+)"/).map { String($0.output.1) },
                    "\(text.prefix(60))")
            #expect(TagScanner.partialNames(in: text) == text.matches(of: /\{\{>\s*([^\s}]+)\s*\}\}/).map { String($0.output.1) },
                    "\(text.prefix(60))")
        }
    }

    @Test func theShippedTemplatesHaveTheTagsTheScannersLookFor() {
        let all = DefaultTheme.templates.values
        #expect(all.reduce(0) { $0 + TagScanner.wordTags(in: $1).count } > 50)
        #expect(all.reduce(0) { $0 + TagScanner.literalIDs(in: $1).count } > 5)
        #expect(all.reduce(0) { $0 + TagScanner.partialNames(in: $1).count } > 10)
    }
}
