import NhipCauLoad
import NhipCauSite

/// What a page shows of Markdown files other than its own: an incremental build keeps the page
/// when none of their front matter changed, nor its own file, nor what every page shows.
public struct PageReads: Sendable, Equatable {
    /// These files' front matter (paths relative to the content folder), in the order shown.
    public let files: [String]
    /// Every file of these kinds; nil: of every kind.
    public let kinds: Set<ContentKind>?

    public init(files: [String], kinds: Set<ContentKind>?) {
        self.files = files
        self.kinds = kinds
    }
}

extension SiteRenderer {
    /// A story shows the stories `related(to:)` picks, and a page of the story list its ten; both
    /// show market names (cards, charts in the text). Every other page: its kind's declaration.
    /// The files are those picked in this build, so a story that joins or leaves a list changes
    /// the list's reads as surely as an edit to a story on it.
    public func reads(_ entry: PageEntry) -> PageReads {
        switch entry.source {
        case .story(let story):
            PageReads(files: related(to: story).map(\.document.file), kinds: [.market])
        case .storyList(let number):
            PageReads(files: storiesOnListPage(number).map(\.document.file), kinds: [.market])
        default:
            PageReads(files: [], kinds: entry.kind.declaration.reads)
        }
    }
}
