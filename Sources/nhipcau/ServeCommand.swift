import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore
import NhipCauServe

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; it rebuilds and reloads when a file is saved.",
        discussion: """
        Builds content/ into a private temporary folder (site/ is never touched), serves it at \
        http://127.0.0.1:PORT/ on this computer only, and watches content/ (theme/ included). When a file \
        changes the site is rebuilt and open pages reload. If the content has an error, the browser shows \
        the list of errors and keeps the last good site. Stop with Ctrl-C.

        Examples:
          nhipcau serve
          nhipcau serve --drafts --port 8000
        """)

    @Option(name: .long, help: "The port to listen on, 1–65535; 0 picks a free one.")
    var port = 8080

    @OptionGroup var folder: ContentOption

    @Flag(name: .long, help: "Include drafts and stories dated after --date.")
    var drafts = false

    @OptionGroup var common: CommonOptions

    var content: String { folder.content }
    var language: Language { folder.language(common) }

    func validate() throws {
        let language = language
        try ContentFolder.validate(content, language: language)
        try common.check(language: language)
        if !(0...65535).contains(port) {
            throw Usage.error(language, "cli.portBetweenPicksFree")
        }
    }

    func run() throws {
        let verbosity = common.verbosity
        let flagLanguage = common.flagLanguage
        let showProgress: @Sendable (Language) -> BuildProgressObserver = { language in
            Terminal.progressLine.observer(language: language)
        }
        let progress = verbosity == .quiet ? nil : showProgress
        let options = ServeOptions(content: URL(fileURLWithPath: content), contentShownAs: content, port: port,
                                   today: common.today,
                                   includeDrafts: drafts, language: flagLanguage, timeSteps: common.verbose, progress: progress)
        let reporter = ServeReporter(verbosity: verbosity)
        signal(SIGPIPE, SIG_IGN) // a closed terminal or pipe: keep serving, clean up on exit
        let outcome = AsyncOutcome()
        Task {
            do {
                try await PreviewServer.run(options, report: reporter.report)
            } catch {
                outcome.fail(error)
            }
            outcome.done()
        }
        guard let error = outcome.wait() else { return }
        let language = language
        if let failure = error as? ServeFailure {
            Report.line(failure.message(in: language))
        } else {
            let reason = SystemReason.of(error)
            Report.line(LocalizedText("cli.cannotStartPreview", ["reason": .message(reason)]).text(in: language))
        }
        throw ExitCode(1)
    }
}

/// Waits on the main thread for the server task (the command line itself is synchronous).
final class AsyncOutcome: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var error: (any Error)?

    func fail(_ error: any Error) { lock.withLock { self.error = error } }
    func done() { finished.signal() }

    func wait() -> (any Error)? {
        finished.wait()
        return lock.withLock { error }
    }
}

/// Turns what the server reports into lines for the officer, in the site's language.
struct ServeReporter: Sendable {
    let verbosity: Verbosity

    func report(_ event: ServeEvent) {
        switch event {
        case .listening(let url, let folder, let language):
            Terminal.say(LocalizedText("cli.previewCtrlCStop", ["url": "\(url)"]).text(in: language))
            if verbosity == .verbose {
                Terminal.say(LocalizedText("cli.previewBuiltSiteNot", ["folder": "\(folder)"]).text(in: language))
            }
        case .building(let language):
            if verbosity != .quiet { Terminal.progressLine.announce(LocalizedText("cli.building").text(in: language)) }
        case .built(let summary):
            built(summary)
        case .failed(let lines, let language):
            for line in lines { Terminal.complain(line) }
            Terminal.complain(LocalizedText("cli.notRebuiltErrorS", ["linesCount": "\(lines.count)"]).text(in: language))
        case .stopped(let language):
            if verbosity != .quiet { Terminal.say(LocalizedText("cli.stopped").text(in: language)) }
        }
    }

    private func built(_ summary: BuildSummary) {
        guard verbosity != .quiet else { return }
        for warning in summary.warnings { Terminal.complain(warning) }
        let numbers = NumberFormat(language: summary.language)
        let time = numbers.decimal(Terminal.seconds(summary.duration), fractionDigits: 2)
        let pages = numbers.integer(summary.pages)
        if summary.onlyEditedPages {
            Terminal.say(LocalizedText("cli.rebuiltEditedPageS", ["pages": "\(pages)", "time": "\(time)"]).text(in: summary.language))
        } else {
            Terminal.say(LocalizedText("cli.builtPagesS", ["pages": "\(pages)", "time": "\(time)"]).text(in: summary.language))
        }
        if verbosity == .verbose {
            for line in Terminal.stepLines(summary.steps, language: summary.language) { Terminal.say(line) }
        }
    }
}
