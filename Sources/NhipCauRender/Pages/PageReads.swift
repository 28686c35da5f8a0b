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
    /// Pages that show stories read those stories' files rather than every story: a story the
    /// stories `related(to:)` picks, a page of the story list its ten, a tag, market or area page
    /// the stories it lists. Story cards show market names, so these read every market too.
    /// Every other page: its kind's declaration. The files are those picked in this build, so a
    /// story that joins or leaves a list changes the list's reads as surely as an edit to a story on it.
    public func reads(_ entry: PageEntry) -> PageReads {
        switch entry.source {
        case .story(let story):
            PageReads(files: files(of: related(to: story)), kinds: [.market])
        case .storyList(let number):
            PageReads(files: files(of: storiesOnListPage(number)), kinds: [.market])
        case .tag(let tag):
            PageReads(files: files(of: tag.stories), kinds: [.market])
        case .market(let market):
            // Its job orders, enterprises and warnings too.
            PageReads(files: files(of: storiesOnMarketPage(market)), kinds: PageKind.registerReads)
        case .area(let area):
            // Everything else placed in the area: job orders, warnings, events, notices.
            PageReads(files: files(of: storiesOnAreaPage(area)), kinds: Set(ContentKind.allCases).subtracting([.story]))
        default:
            PageReads(files: [], kinds: entry.kind.declaration.reads)
        }
    }

    private func files(of stories: [Story]) -> [String] {
        stories.map(\.document.file)
    }
}
