import Foundation
import NhipCauCore

/// The named steps of a build, reported with their duration when someone asks (`--verbose`).
public enum BuildStep: String, Sendable, CaseIterable {
    case load, assemble, theme, media, pages, search, files, publish

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.load, .vi): "đọc nội dung"
        case (.load, .en): "read content"
        case (.assemble, .vi): "ghép trang"
        case (.assemble, .en): "assemble pages"
        case (.theme, .vi): "giao diện"
        case (.theme, .en): "theme"
        case (.media, .vi): "xử lý ảnh"
        case (.media, .en): "process images"
        case (.pages, .vi): "dựng và ghi trang"
        case (.pages, .en): "render and write pages"
        case (.search, .vi): "chỉ mục tìm kiếm"
        case (.search, .en): "search index"
        case (.files, .vi): "chép tệp, nguồn tin, sitemap"
        case (.files, .en): "copy files, feeds, sitemap"
        case (.publish, .vi): "xuất bản"
        case (.publish, .en): "publish"
        }
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
