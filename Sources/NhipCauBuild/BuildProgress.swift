import Foundation
import NhipCauCore

/// What a build tells a progress line while it runs.
public enum BuildProgress: Sendable, Equatable {
    /// A step starts.
    case step(BuildStep)
    /// `done` of `total` pages are rendered (and, in a build, written).
    case pages(done: Int, total: Int)
}

/// Called from any of the build's threads; must be cheap (it is called once per page).
public typealias BuildProgressObserver = @Sendable (BuildProgress) -> Void

/// Counts finished pages across the render workers.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let observer: BuildProgressObserver

    /// Nil when nobody listens, so a build without a progress line does no counting at all.
    init?(total: Int, observer: BuildProgressObserver?) {
        guard let observer else { return nil }
        self.total = total
        self.observer = observer
        observer(.pages(done: 0, total: total))
    }

    func oneDone() {
        let now = lock.withLock { done += 1; return done }
        observer(.pages(done: now, total: total))
    }
}
