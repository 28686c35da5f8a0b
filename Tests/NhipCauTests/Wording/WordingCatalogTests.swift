import Foundation
import Testing
import Yams
import NhipCauBuild
import NhipCauLoad
import NhipCauSite
@testable import NhipCauCore
@testable import NhipCauRender

/// The shipped wording files — the tool's messages (`NhipCauCore/Embedded/messages/`) and the
/// site's words (`NhipCauRender/Embedded/theme/i18n/`) — against the code that uses them.
@Suite struct WordingCatalogTests {
    static let sources = TestPaths.packageRoot.appendingPathComponent("Sources")

    static var messageCatalogs: [Language: [String: String]] {
        Dictionary(uniqueKeysWithValues: MessageCatalog.languages.map { ($0, MessageCatalog.shipped($0).texts) })
    }

    static var uiWords: [Language: [String: String]] {
        Dictionary(uniqueKeysWithValues: Wording.shippedLanguages.map { ($0, Wording.shipped($0)!.words) })
    }

    /// Every `.swift` (and `.mustache`) file under `folder`, with its path from Sources/.
    static func sourceFiles(under folder: String, extensions: Set<String> = ["swift"]) -> [(path: String, text: String)] {
        let root = sources.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [(String, String)] = []
        while let url = walker?.nextObject() as? URL {
            guard extensions.contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            found.append((String(url.path.dropFirst(sources.path.count + 1)), text))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// What Yams, a real YAML parser, reads from a shipped file: the same texts Core's small reader gets.
    @Test func shippedFilesAreYAMLThatBothReadersReadAlike() throws {
        var files = MessageCatalog.languages.map { (MessageCatalog.path(of: $0), MessageCatalog.shippedText($0)) }
        files += Wording.shippedLanguages.map { language in
            (Wording.shippedPath(language), NhipCauRender.EmbeddedFiles.text(Wording.shippedPath(language)))
        }
        #expect(files.count >= 4)
        for (path, text) in files {
            let text = try #require(text, "\(path) is not embedded")
            let ours = try MessageCatalog.parse(text).texts
            let yams = try #require(try Yams.load(yaml: text) as? [String: String], "\(path) is not a mapping of texts")
            #expect(ours == yams, "\(path)")
            #expect(ours.count > 50, "\(path)")
        }
    }

    @Test func everyMessageIsInEveryLanguageWithTheSamePlaceholders() throws {
        let catalogs = Self.messageCatalogs
        let vietnamese = try #require(catalogs[.vi])
        for (language, texts) in catalogs {
            #expect(Set(texts.keys) == Set(vietnamese.keys), "\(language): \(Set(texts.keys).symmetricDifference(vietnamese.keys).sorted())")
            for (key, text) in texts {
                #expect(Set(Placeholders.names(in: text)) == Set(Placeholders.names(in: vietnamese[key] ?? "")), "\(language) \(key)")
            }
        }
    }

    /// A language may leave out a placeholder of the reference (English says "workers" where
    /// Vietnamese names the plan's unit) but never use one the code does not fill.
    @Test func everyUIWordIsInEveryShippedLanguageWithTheReferencePlaceholders() throws {
        let words = Self.uiWords
        let reference = try #require(words[Wording.reference])
        #expect(Set(words.keys) == [.vi, .en])
        for (language, texts) in words {
            #expect(Set(texts.keys) == Set(reference.keys), "\(language): \(Set(texts.keys).symmetricDifference(reference.keys).sorted())")
            for (key, text) in texts {
                let allowed = key == "format.date" ? Wording.dateParts : Set(Placeholders.names(in: reference[key] ?? ""))
                let extra = Set(Placeholders.names(in: text)).subtracting(allowed)
                #expect(extra.isEmpty, "\(language) \(key) uses \(extra.sorted())")
            }
        }
    }

    /// Keys are written as literals (`"load.fileTooLarge"`); a few are made from a name
    /// (`"build.step." + rawValue`), checked below for every case.
    @Test func everyMessageKeyTheCodeWritesIsInTheCatalogsAndEveryKeyIsUsed() throws {
        let vietnamese = try #require(Self.messageCatalogs[.vi])
        let areas = Set(vietnamese.keys.map { String($0.split(separator: ".")[0]) })
        var used: Set<String> = []
        for (path, text) in Self.sourceFiles(under: "") {
            for match in text.matches(of: /"([a-z]+)\.([A-Za-z0-9]+)"/) where areas.contains(String(match.output.1)) {
                let key = "\(match.output.1).\(match.output.2)"
                used.insert(key)
                #expect(vietnamese[key] != nil, "\(path) uses \(key), which no catalog has")
            }
        }
        for step in BuildStep.allCases {
            used.formUnion(["build.step.\(step.rawValue)", "build.doing.\(step.rawValue)"])
        }
        for (language, texts) in Self.messageCatalogs {
            for key in used { #expect(texts[key] != nil, "\(language) lacks \(key)") }
        }
        #expect(Set(vietnamese.keys).subtracting(used).sorted() == [], "keys no code uses")
    }

    /// `{{t.name}}` in templates, `strings.name` and `say("chart.…")` / `text("…")` in the renderer.
    @Test func everyUIKeyTheTemplatesAndCodeUseIsInEveryShippedLanguage() throws {
        var used: Set<String> = []
        // The registry names the labels of sections and page kinds (`label: "stories"`), read with `strings.word`.
        for (_, text) in Self.sourceFiles(under: "NhipCauSite/Registry") {
            for match in text.matches(of: /label: "([A-Za-z0-9_]+)"/) { used.insert(String(match.output.1)) }
        }
        for (_, text) in Self.sourceFiles(under: "NhipCauSite") + Self.sourceFiles(under: "NhipCauRender") {
            for match in text.matches(of: /\.word\("([A-Za-z0-9_]+)"\)/) { used.insert(String(match.output.1)) }
        }
        for (_, file) in Self.sourceFiles(under: "NhipCauRender", extensions: ["swift", "mustache"]) {
            let text = file.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for match in text.matches(of: /\{\{\{?\s*&?\s*t\.([A-Za-z0-9_]+)\s*\}/) { used.insert(String(match.output.1)) }
            for match in text.matches(of: /strings\.([A-Za-z0-9_]+)/) { used.insert(String(match.output.1)) }
            for match in text.matches(of: /(?:say|strings\.text|wording\.text)\("([A-Za-z0-9_.]+)"/) { used.insert(String(match.output.1)) }
        }
        // Status labels are looked up by the status's own name.
        used.formUnion(ProgressStatus.allCases.map(\.wordingKey) + [PolicyStatus.inForce, .expired, .notYet].map(\.wordingKey))
        used.formUnion(["active", "suspended", "revoked", "unlicensed"].map { "enterprise." + $0 })   // EnterpriseStatus.wordingKey
        used.formUnion(EventStatus.allCases.map(\.wordingKey) + EventKind.allCases.map(\.wordingKey))
        used.subtract(["language", "text", "word", "words", "numbers"])   // the template's language code; Wording's own members
        #expect(used.count > 100, "\(used.count) keys found in the renderer")
        for (language, words) in Self.uiWords {
            let missing = used.filter { words[$0] == nil }.sorted()
            #expect(missing == [], "\(language) lacks \(missing)")
        }
        let unused = Set(Self.uiWords[Wording.reference].map { Array($0.keys) } ?? []).subtracting(used).filter { !$0.hasPrefix("format.") }
        #expect(unused.sorted() == [], "keys nothing uses")
    }

    @Test func placeholdersAreFilledByNameAndOtherBracesAreLeftAlone() {
        #expect(Placeholders.fill("{{>{name}}} {\"min\": 5} {x} {n}") { $0 == "name" ? "card" : nil } == "{{>card}} {\"min\": 5} {x} {n}")
        #expect(Placeholders.names(in: "“{q}”: {n} trang, {m}; {n}") == ["q", "n", "m"])
        #expect(LocalizedText("core.moreErrorsInFile", ["count": .integer(1_214)]).text(in: .vi) == "… và 1.214 lỗi khác trong tệp này")
        #expect(LocalizedText("core.moreErrorsInFile", ["count": .integer(1_214)]).text(in: Language(rawValue: "fr")!)
                == "… và 1.214 lỗi khác trong tệp này", "a language the tool does not speak gets Vietnamese")
    }

    @Test func aMalformedCatalogLineIsReportedWithItsLine() {
        #expect(throws: MessageCatalog.SyntaxError(line: 3, reason: "the text is not one double-quoted string")) {
            try MessageCatalog.parse("# c\na: \"x\"\nb: \"y\" z\n")
        }
        #expect(throws: MessageCatalog.SyntaxError(line: 2, reason: "the key `a` is written twice")) {
            try MessageCatalog.parse("a: \"x\"\na: \"y\"\n")
        }
        #expect((try? MessageCatalog.parse("a: \"\\\"q\\\" \\\\ \\u00E9\\n\"\n").texts["a"]) == "\"q\" \\ é\n")
        #expect(throws: MessageCatalog.SyntaxError(line: 2, reason: "expected `key: \"text\"`")) {
            try MessageCatalog.parse("a: \"x\"\nb:\"y\"\n")
        }
        // The key ends at the first colon followed by a space and a quote; a line may end the file.
        #expect((try? MessageCatalog.parse("a:b: \"x: \"\n\nc: \"Nhật Bản\"").texts) == ["a:b": "x: ", "c": "Nhật Bản"])
    }
}
