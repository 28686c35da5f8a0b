import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find every mistake in content/ without publishing anything.",
        discussion: """
        Checks front matter, target data, references between pages, links and images in Markdown,
        chart and table blocks, and theme overrides, exactly as a build would, and adds reminders
        (policies past their expiry date). Nothing is written. Exit status 1 if there is an error.

        Output is one line per problem, `file:line:column: error|warning: message`, which editors
        and CI turn into links; `--format json` gives the same as a JSON array.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The day to check as, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Language of messages: vi or en (default: the site's language).")
    var lang: String?

    func validate() throws {
        if let date, SimpleDate(iso: date) == nil {
            throw ValidationError("--date must be a real day written YYYY-MM-DD (got '\(date)').")
        }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be vi or en.") }
    }

    func run() throws {
        let today = date.flatMap(SimpleDate.init(iso:)) ?? Clock.today()
        let options = BuildOptions(content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: "site"), today: today)
        let (diagnostics, siteLanguage) = SiteBuild.check(options)
        let language = lang.flatMap(Language.init(rawValue:)) ?? siteLanguage
        let prefix = content.hasSuffix("/") ? content : content + "/"
        switch format {
        case .text:
            for diagnostic in diagnostics.sorted.cappedPerFile() { print(diagnostic.formatted(in: language, contentPrefix: prefix)) }
            let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
            Report.line(language == .vi ? "\(errors) lỗi, \(warnings) cảnh báo." : "\(errors) error(s), \(warnings) warning(s).")
        case .json:
            print(CheckJSON.encode(diagnostics.sorted.cappedPerFile(), language: language, prefix: prefix))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

enum CheckJSON {
    struct Item: Encodable {
        let file: String
        let line: Int?
        let column: Int?
        let jsonPath: String?
        let severity: String
        let message: String
    }

    static func encode(_ diagnostics: [Diagnostic], language: Language, prefix: String) -> String {
        let items = diagnostics.map {
            Item(file: prefix + $0.location.file, line: $0.location.line, column: $0.location.column,
                 jsonPath: $0.location.jsonPath, severity: $0.severity.rawValue, message: $0.message.text(in: language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(items)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
