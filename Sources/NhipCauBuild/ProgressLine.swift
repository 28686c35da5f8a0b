import Foundation
import NhipCauCore

/// One line of progress on a terminal — `Đang dựng trang 4.000/11.285` — rewritten in place with
/// `\r`, page counts at most once per `interval`, erased before any other output and at the end.
/// When the output is not a terminal (a pipe, a log file, CI) it writes nothing at all.
public final class ProgressLine: @unchecked Sendable {
    public typealias Now = @Sendable () -> ContinuousClock.Instant

    private let lock = NSLock()
    private let isTerminal: Bool
    private let interval: Duration
    private let now: Now
    private let write: @Sendable (String) -> Void
    private var lastShown: ContinuousClock.Instant?
    private var visible = false

    /// `isTerminal` and `now` are injected so that tests can drive it; `write` gets raw text.
    public init(isTerminal: Bool, interval: Duration = .milliseconds(100), now: @escaping Now = { ContinuousClock.now },
                write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.interval = interval
        self.now = now
        self.write = write
    }

    /// Shows `text` now: a new step.
    public func announce(_ text: String) { show(always: true) { text } }

    /// Erases the line if one is shown, so that the next output starts at the left margin.
    public func clear() {
        lock.withLock {
            guard visible else { return }
            visible = false
            lastShown = nil
            write("\r\u{1B}[K")
        }
    }

    /// Shows `text` unless `always` is false and the line changed less than `interval` ago (a
    /// dropped count is soon followed by a newer one). `text` is made only when it is shown: a
    /// build counts every one of its pages, and formatting each count cost a twentieth of a
    /// one-story rebuild.
    func show(always: Bool, _ text: () -> String) {
        guard isTerminal else { return }
        lock.withLock {
            let time = now()
            if !always, let lastShown, time - lastShown < interval { return }
            lastShown = time
            visible = true
            write("\r\u{1B}[K" + text())
        }
    }

    /// Feeds a build's progress to this line, in `language`; `checking` says "checking", not "building".
    public func observer(language: Language, checking: Bool = false) -> BuildProgressObserver {
        { [self] progress in
            switch progress {
            case .step(.pages):
                break // the page count that follows says it
            case .step(let step):
                show(always: true) { Self.text(for: step, language: language) }
            case .pages(let done, let total):
                show(always: done == 0) { Self.pagesText(done: done, total: total, language: language, checking: checking) }
            }
        }
    }

    static func pagesText(done: Int, total: Int, language: Language, checking: Bool) -> String {
        let numbers = NumberFormat(language: language)
        let count = "\(numbers.integer(done))/\(numbers.integer(total))"
        return LocalizedText(checking ? "build.checkingPages" : "build.buildingPages", ["count": "\(count)"]).text(in: language)
    }

    static func text(for step: BuildStep, language: Language) -> String {
        LocalizedText("build.doing." + step.rawValue).text(in: language)
    }
}
