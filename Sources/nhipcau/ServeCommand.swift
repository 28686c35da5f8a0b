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
            throw Usage.error(language, vi: "--port phải là một số từ 0 đến 65535 (0: tự chọn một cổng còn trống), ví dụ --port 8080.",
                              en: "--port must be between 0 and 65535 (0 picks a free one), e.g. --port 8080.")
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
            Report.line(language == .en ? "Cannot start the preview: \(reason.en)." : "Không chạy được máy chủ xem trước: \(reason.vi).")
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
            Terminal.say(language == .vi ? "Xem trước tại \(url)  (Ctrl-C để dừng)" : "Preview at \(url)  (Ctrl-C to stop)")
            if verbosity == .verbose {
                Terminal.say(language == .vi ? "Bản xem trước được dựng trong \(folder) (site/ không bị đụng tới)."
                    : "The preview is built in \(folder) (site/ is not touched).")
            }
        case .building(let language):
            if verbosity != .quiet { Terminal.progressLine.announce(language == .vi ? "Đang dựng trang…" : "Building…") }
        case .built(let summary):
            built(summary)
        case .failed(let lines, let language):
            for line in lines { Terminal.complain(line) }
            Terminal.complain(language == .vi
                ? "Chưa dựng lại được: có \(lines.count) lỗi cần sửa. Trình duyệt vẫn hiện bản dựng thành công gần nhất."
                : "Not rebuilt: \(lines.count) error(s) to fix. The browser keeps the last good build.")
        case .stopped(let language):
            if verbosity != .quiet { Terminal.say(language == .vi ? "Đã dừng." : "Stopped.") }
        }
    }

    private func built(_ summary: BuildSummary) {
        guard verbosity != .quiet else { return }
        for warning in summary.warnings { Terminal.complain(warning) }
        let numbers = NumberFormat(language: summary.language)
        let time = numbers.decimal(Terminal.seconds(summary.duration), fractionDigits: 2)
        let pages = numbers.integer(summary.pages)
        if summary.onlyEditedPages {
            Terminal.say(summary.language == .vi ? "Đã dựng lại \(pages) trang vừa sửa trong \(time) giây."
                : "Rebuilt \(pages) edited page(s) in \(time) s.")
        } else {
            Terminal.say(summary.language == .vi ? "Đã dựng \(pages) trang trong \(time) giây." : "Built \(pages) pages in \(time) s.")
        }
        if verbosity == .verbose {
            for line in Terminal.stepLines(summary.steps, language: summary.language) { Terminal.say(line) }
        }
    }
}
