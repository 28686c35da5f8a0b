import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn content/ into a complete static website in site/.",
        discussion: """
        The previous site stays in place until the new one is complete: a build with errors \
        changes nothing. Errors name the file, line and column, and say what to change; every \
        problem of every file is listed at once.

        Examples:
          nhipcau build
          nhipcau build --content content --output site --date 2026-11-25
          nhipcau build --drafts        (preview drafts and future-dated stories)
          nhipcau build --lang en       (messages in English)
          nhipcau build --full          (render every page, as after deleting site/)
        """)

    @OptionGroup var folder: ContentOption

    @Option(name: .long, help: ArgumentHelp("Where to write the site. Replaced as a whole on success.", valueName: "dir"))
    var output = "site"

    @Flag(name: .long, help: "Include drafts and stories dated after --date.")
    var drafts = false

    @Flag(name: .long, help: "Write links ending in index.html, so the site works opened from a folder or USB stick with no web server.")
    var offline = false

    @Flag(name: .long, help: "Render every page again, not only those whose content changed since the last build.")
    var full = false

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
        let today = common.today
        let verbosity = common.verbosity
        let started = ContinuousClock.now
        let steps = BuildStepLog()
        var options = BuildOptions(content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: output),
                                   today: today, includeDrafts: drafts, offline: offline,
                                   stepObserver: verbosity == .verbose ? steps.observer : nil,
                                   progress: verbosity == .quiet ? nil : Terminal.progressLine.observer(language: language))
        options.cacheFolder = images.folder
        options.incremental = !full
        options.keepsModelAfterBuild = true
        let result = SiteBuild.run(options)
        Terminal.progressLine.clear()
        switch result {
        case .success(let report):
            guard verbosity != .quiet else { return }
            Report.diagnostics(report.diagnostics, language: language, contentFolder: content)
            if verbosity == .verbose {
                for line in Terminal.stepLines(steps.all, language: language) { Terminal.say(line) }
                Terminal.say(LocalizedText("cli.pagesRenderedAndKept", ["rendered": .integer(report.pagesWritten - report.pagesKept),
                                                                       "kept": .integer(report.pagesKept)]).text(in: language))
            }
            Report.summary(report, language: language, output: output, seconds: Terminal.seconds(ContinuousClock.now - started))
        case .failure(.content(let diagnostics, _)):
            Report.diagnostics(diagnostics, language: language, contentFolder: content)
            Report.failed(errorCount: diagnostics.errors.count, language: language, output: output)
            throw ExitCode(1)
        case .failure(.output(let error, _)):
            Report.line(OneLine.escaped(error.message.text(in: language)))
            throw ExitCode(1)
        }
    }
}

enum Clock {
    /// The real date, in the machine's time zone: the only place the tool reads the clock.
    static func today() -> SimpleDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return SimpleDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? SimpleDate(iso: "1970-01-01")!
    }
}

enum Report {
    static func line(_ text: String) {
        Terminal.complain(text)
    }

    /// Every problem, sorted by file, line and column.
    static func diagnostics(_ diagnostics: Diagnostics, language: Language, contentFolder: String, onlyErrors: Bool = false) {
        let prefix = contentFolder.hasSuffix("/") ? contentFolder : contentFolder + "/"
        for diagnostic in diagnostics.sorted.filter({ !onlyErrors || $0.severity == .error }).cappedPerFile() {
            line(diagnostic.formatted(in: language, contentPrefix: prefix))
        }
    }

    static func failed(errorCount: Int, language: Language, output: String) {
        line(LocalizedText("cli.notPublishedErrorS", ["errorCount": "\(errorCount)", "output": "\(output)"]).text(in: language))
    }

    static func summary(_ report: BuildReport, language: Language, output: String, seconds: Double) {
        let numbers = NumberFormat(language: language)
        let time = numbers.decimal(seconds, fractionDigits: 2)
        let warnings = report.diagnostics.warnings.count
        let ending: MessageArgument = warnings > 0 ? .message(LocalizedText("cli.wroteWithWarnings", ["warnings": "\(warnings)"])) : "."
        let text = LocalizedText("cli.wrotePagesAndFiles", ["pages": .integer(report.pagesWritten), "files": .integer(report.filesCopied),
                                                            "output": "\(output)", "time": "\(time)", "ending": ending]).text(in: language)
        Terminal.say(text)
    }
}
