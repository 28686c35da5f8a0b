import Foundation
import NhipCauCore

/// The named steps of a build, reported with their duration when someone asks (`--verbose`).
public enum BuildStep: String, Sendable, CaseIterable {
    /// `changes` (what changed since the last build) and `remember` (the build cache written) run
    /// only in a build that keeps a cache: not with `--full`.
    case load, assemble, theme, changes, media, pages, search, files, publish, remember

    public func name(in language: Language) -> String {
        LocalizedText("build.step." + rawValue).text(in: language)
    }
}

/// Called once per finished step, from the thread that ran the build.
public typealias BuildStepObserver = @Sendable (BuildStep, Duration) -> Void

extension Optional where Wrapped == BuildStepObserver {
    /// Runs `body`, telling the observer (if any) how long it took.
    func timed<T, Failure: Error>(_ step: BuildStep, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        guard let observer = self else { return try body() }
        let started = ContinuousClock.now
        defer { observer(step, ContinuousClock.now - started) }
        return try body()
    }
}

/// Collects step durations from the build's threads; read them once the build returned.
public final class BuildStepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var steps: [(BuildStep, Duration)] = []

    public init() {}

    public var observer: BuildStepObserver {
        { @Sendable step, duration in self.lock.withLock { self.steps.append((step, duration)) } }
    }

    public var all: [(BuildStep, Duration)] { lock.withLock { steps } }
}
