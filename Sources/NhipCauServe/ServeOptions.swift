#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore

/// What `nhipcau serve` was asked to do.
public struct ServeOptions: Sendable {
    /// The content folder that is built and watched (including `theme/`).
    public var content: URL
    /// The content folder as the officer typed it, for `file:line:` messages.
    public var contentShownAs: String
    /// 0 picks a free port.
    public var port: Int
    public var today: SimpleDate
    public var includeDrafts: Bool
    /// The language of messages; nil: the site's language.
    public var language: Language?
    /// Report each build step's duration.
    public var timeSteps: Bool
    /// How often the content folder is looked at for changes.
    public var pollInterval: Duration
    /// Makes the observer of a whole build's progress, in the language of messages; nil: none.
    public var progress: (@Sendable (Language) -> BuildProgressObserver)?

    public init(content: URL, contentShownAs: String, port: Int, today: SimpleDate, includeDrafts: Bool = false,
                language: Language? = nil, timeSteps: Bool = false, pollInterval: Duration = .milliseconds(100),
                progress: (@Sendable (Language) -> BuildProgressObserver)? = nil) {
        self.progress = progress
        self.content = content
        self.contentShownAs = contentShownAs
        self.port = port
        self.today = today
        self.includeDrafts = includeDrafts
        self.language = language
        self.timeSteps = timeSteps
        self.pollInterval = pollInterval
    }

    /// The only address the preview listens on: never reachable from another machine.
    public static let host = "127.0.0.1"
}

/// What the preview server tells whoever started it; the command line turns these into sentences.
public enum ServeEvent: Sendable {
    /// The server is listening; `folder` is where the preview is built.
    case listening(url: String, folder: String, language: Language)
    /// A change was seen and a build started.
    case building(language: Language)
    /// A build succeeded and is now served.
    case built(BuildSummary)
    /// A build failed; the last good site stays served. One `file:line: error: message` per line.
    case failed(lines: [String], language: Language)
    case stopped(language: Language)
}

public struct BuildSummary: Sendable {
    public let pages: Int
    public let files: Int
    /// Warnings, formatted `file:line: warning: message`.
    public let warnings: [String]
    public let duration: Duration
    public let steps: [(BuildStep, Duration)]
    public let language: Language
    /// Only the pages of edited Markdown bodies were rendered again.
    public var onlyEditedPages = false
}
