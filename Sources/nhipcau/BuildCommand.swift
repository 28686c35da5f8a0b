import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn content/ into a complete static website in site/.",
        discussion: """
        The previous site stays in place until the new one is complete: a build with errors
        changes nothing. Errors name the file and line, and say what to change.

        Examples:
          nhipcau build
          nhipcau build --content content --output site --date 2026-11-25
          nhipcau build --drafts        (preview drafts and future-dated stories)
        """)

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Where to write the site. Replaced as a whole on success.", valueName: "dir"))
    var output = "site"

    @Option(name: .long, help: ArgumentHelp("The day to build as, YYYY-MM-DD (default: today). Drafts, policy status and progress depend on it.", valueName: "date"))
    var date: String?

    @Flag(name: .long, help: "Include drafts and stories dated after --date.")
    var drafts = false

    @Flag(name: .long, help: "Write links ending in index.html, so the site works opened from a folder or USB stick with no web server.")
    var offline = false

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Also print how long each build step took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
        if let date, SimpleDate(iso: date) == nil {
            throw ValidationError("--date must be a real day written YYYY-MM-DD, e.g. --date 2026-11-25 (got '\(date)').")
        }
    }

    func run() throws {
        let today = date.flatMap(SimpleDate.init(iso:)) ?? Clock.today()
        let verbosity = Verbosity(quiet: quiet, verbose: verbose)
        let started = ContinuousClock.now
        let steps = BuildStepLog()
        let options = BuildOptions(content: URL(fileURLWithPath: content), output: URL(fileURLWithPath: output),
                                   today: today, includeDrafts: drafts, offline: offline,
                                   stepObserver: verbosity == .verbose ? steps.observer : nil)
        Terminal.progress("…")
        let result = SiteBuild.run(options)
        Terminal.progress("")
        switch result {
        case .success(let report):
            guard verbosity != .quiet else { return }
            Report.diagnostics(report.diagnostics, language: report.language, contentFolder: content)
            if verbosity == .verbose {
                for line in Terminal.stepLines(steps.all, language: report.language) { print(line) }
            }
            Report.summary(report, output: output, seconds: Terminal.seconds(ContinuousClock.now - started))
        case .failure(.content(let diagnostics, let language)):
            Report.diagnostics(diagnostics, language: language, contentFolder: content)
            Report.failed(errorCount: diagnostics.errors.count, language: language, output: output)
            throw ExitCode(1)
        case .failure(.output(let error, let language)):
            Report.line(error.message.text(in: language))
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
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func diagnostics(_ diagnostics: Diagnostics, language: Language, contentFolder: String) {
        let prefix = contentFolder.hasSuffix("/") ? contentFolder : contentFolder + "/"
        for diagnostic in diagnostics.sorted.cappedPerFile() {
            line(diagnostic.formatted(in: language, contentPrefix: prefix))
        }
    }

    static func failed(errorCount: Int, language: Language, output: String) {
        line(language == .vi
            ? "Không xuất bản: có \(errorCount) lỗi cần sửa. Trang web cũ trong \(output)/ vẫn giữ nguyên."
            : "Not published: \(errorCount) error(s) to fix. The previous site in \(output)/ is unchanged.")
    }

    static func summary(_ report: BuildReport, output: String, seconds: Double) {
        let numbers = NumberFormat(language: report.language)
        let time = numbers.decimal(seconds, fractionDigits: 2)
        let warnings = report.diagnostics.warnings.count
        let text = report.language == .vi
            ? "Đã viết \(numbers.integer(report.pagesWritten)) trang và \(numbers.integer(report.filesCopied)) tệp vào \(output)/ trong \(time) giây" + (warnings > 0 ? " (\(warnings) cảnh báo)." : ".")
            : "Wrote \(numbers.integer(report.pagesWritten)) pages and \(numbers.integer(report.filesCopied)) files to \(output)/ in \(time) s" + (warnings > 0 ? " (\(warnings) warnings)." : ".")
        print(text)
    }
}
