import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find every mistake in content/ without publishing anything.",
        discussion: """
        Checks front matter, target data, references between pages, links and images in Markdown, \
        chart and table blocks, and theme overrides, exactly as a build would, and adds reminders \
        (policies past their expiry date). When some files cannot be read, the others are still \
        checked, so one run lists every problem. Nothing is written. Exit status 1 if there is an error.

        Output is one line per problem, sorted by file and line, `file:line:column: error|warning: message` \
        (columns count characters; 1:1 when the problem is the file as a whole), which editors and CI \
        turn into links; `--format json` gives the same fields as a JSON array.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var folder: ContentOption

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @OptionGroup var images: CacheOption

    @OptionGroup var common: CommonOptions

    var content: String { folder.content }
    var language: Language { folder.language(common) }

    func validate() throws {
        try ContentFolder.validate(content, language: language)
        try common.check(language: language)
    }

    func run() throws {
        let language = language
        let verbosity = common.verbosity
        let today = common.today
        let steps = BuildStepLog()
        var options = BuildOptions(content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: "site"), today: today,
                                   stepObserver: verbosity == .verbose ? steps.observer : nil,
                                   progress: verbosity == .quiet ? nil : Terminal.progressLine.observer(language: language, checking: true))
        options.cacheFolder = images.folder
        let diagnostics = SiteBuild.check(options).diagnostics
        Terminal.progressLine.clear()
        let shown = diagnostics.sorted.filter { verbosity != .quiet || $0.severity == .error }.cappedPerFile()
        let prefix = content.hasSuffix("/") ? content : content + "/"
        switch format {
        case .text:
            for diagnostic in shown { Terminal.say(diagnostic.formatted(in: language, contentPrefix: prefix)) }
            if verbosity == .verbose {
                for line in Terminal.stepLines(steps.all, language: language) { Report.line(line) }
            }
            if verbosity != .quiet {
                let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
                Report.line(LocalizedText("cli.errorSWarningS", ["errors": "\(errors)", "warnings": "\(warnings)"]).text(in: language))
            }
        case .json:
            Terminal.say(CheckJSON.encode(shown, language: language, prefix: prefix))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// `--format json`: the fields of the text form, one object per problem.
enum CheckJSON {
    struct Item: Encodable {
        let file: String
        let line: Int
        let column: Int
        let jsonPath: String?
        let severity: String
        let message: String
    }

    static func encode(_ diagnostics: [Diagnostic], language: Language, prefix: String) -> String {
        let items = diagnostics.map {
            Item(file: prefix + $0.location.file, line: $0.location.shownLine, column: $0.location.shownColumn,
                 jsonPath: $0.location.jsonPath, severity: $0.severity.rawValue, message: $0.shownMessage(in: language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(items)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
