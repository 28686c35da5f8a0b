#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauLoad
import NhipCauRender
import NhipCauSite
import NhipCauWrite

/// What `serve` keeps of its last successful build, so that an edit below the front matter of
/// Markdown files re-renders just their pages instead of the whole site.
public struct BuildMemory: Sendable {
    let prepared: SiteBuild.PreparedSite
    let options: BuildOptions
    /// Content file (relative path) → the page made from it.
    let entriesByFile: [String: PageEntry]
    let search: SearchMemory

    init(prepared: SiteBuild.PreparedSite, options: BuildOptions, search: SearchMemory) {
        self.prepared = prepared
        self.options = options
        self.search = search
        var entries: [String: PageEntry] = [:]
        for entry in prepared.site.entries {
            if let file = entry.source.document?.file { entries[file] = entry }
        }
        entriesByFile = entries
    }

    public var language: Language { prepared.site.config.language }

    private init(prepared: SiteBuild.PreparedSite, options: BuildOptions, entriesByFile: [String: PageEntry], search: SearchMemory) {
        self.prepared = prepared
        self.options = options
        self.entriesByFile = entriesByFile
        self.search = search
    }

    /// A refresh changed pages since the search-index files were last written.
    public var searchIndexIsOutOfDate: Bool { search.isOutOfDate }

    /// The folder this build published: a whole build publishes a new one.
    public var output: URL { options.output }

    /// These pages, with the search-index files that `indexed` (an earlier memory of the same
    /// folder, brought up to date by `updateSearchIndex`) left on disk: what the folder holds now,
    /// so the next index update compares against the right bytes.
    public func withSearchIndex(writtenBy indexed: BuildMemory) -> BuildMemory {
        replacing([], search: search.withFiles(of: indexed.search))
    }

    func replacing(_ entries: [(file: String, entry: PageEntry)], search: SearchMemory) -> BuildMemory {
        var updated = entriesByFile
        for (file, entry) in entries { updated[file] = entry }
        return BuildMemory(prepared: prepared, options: options, entriesByFile: updated, search: search)
    }
}

public enum PageRefresh: Sendable {
    /// The edit reaches beyond page bodies (front matter, new or deleted files, data, theme):
    /// only a whole build is right.
    case needsFullBuild
    case refreshed(pages: Int, warnings: Diagnostics, memory: BuildMemory)
    case failed(BuildFailure)
}

extension SiteBuild {
    /// A whole build that also returns what `refresh` needs next time.
    public static func runRemembering(_ options: BuildOptions) -> (Result<BuildReport, BuildFailure>, BuildMemory?) {
        var memory: BuildMemory?
        let result = run(options) { memory = BuildMemory(prepared: $0, options: options, search: $1) }
        return (result, (try? result.get()) == nil ? nil : memory)
    }

    /// Re-renders the pages of `files` (paths relative to the content folder) into the folder the
    /// last build published, when each file's front matter is exactly as that build read it.
    /// Lists, feeds and other pages use only front matter, so nothing else can have changed.
    public static func refresh(_ files: [String], memory: BuildMemory) -> PageRefresh {
        let content = DiskContent(root: memory.options.content)
        let maxBytes = memory.prepared.site.config.maxFileBytes
        var edited: [(file: String, entry: PageEntry)] = []
        for file in files.sorted() {
            guard let entry = memory.entriesByFile[file],
                  case .success(let edit) = ContentLoader.readEdit(of: file, from: content, maxBytes: maxBytes),
                  edit.frontMatterSource == entry.source.document?.frontMatterSource,
                  let source = entry.source.replacingBody(with: edit)
            else { return .needsFullBuild }
            edited.append((file, PageEntry(entry.route, source)))
        }
        let pages = edited.map { memory.prepared.renderer.render($0.entry) }
        let diagnostics = Diagnostics(pages.flatMap(\.diagnostics))
        let language = memory.prepared.site.config.language
        guard !diagnostics.hasErrors else { return .failed(.content(diagnostics, language: language)) }
        let folder = PublishedFolder(root: memory.options.output)
        do {
            for page in pages { try folder.replace(page.html, at: page.route.outputFile) }
        } catch {
            return .failed(.output(error, language: language))
        }
        // The search index holds the words of the new bodies too; it is brought up to date by
        // `updateSearchIndex`, after the officer's page is on disk and the browser told to reload.
        let search = memory.search.replacing(pages.compactMap { $0.search.map { SearchIndex.page($0, offline: memory.options.offline) } })
        return .refreshed(pages: pages.count, warnings: diagnostics, memory: memory.replacing(edited, search: search))
    }

    /// Rewrites the search-index files a refresh made out of date (only those whose bytes change).
    /// `isSuperseded` is asked once the files are made, before any is written: when it says a newer
    /// refresh came meanwhile, nothing is written and the memory is returned as it was (still out of
    /// date), so the next update starts from the newer pages instead.
    public static func updateSearchIndex(_ memory: BuildMemory,
                                         isSuperseded: () -> Bool = { false }) -> Result<BuildMemory, BuildFailure> {
        guard memory.search.isOutOfDate else { return .success(memory) }
        do {
            let search = try memory.search.written(to: PublishedFolder(root: memory.options.output), isSuperseded: isSuperseded)
            return .success(memory.replacing([], search: search))
        } catch {
            return .failure(.output(error, language: memory.language))
        }
    }
}

/// The search index of a published build, kept so that a refresh rewrites only the index files
/// whose bytes changed.
struct SearchMemory: Sendable {
    let pages: [SearchIndex.Page]
    /// The index files as they are in the published folder.
    let files: [(path: String, bytes: [UInt8])]
    /// `pages` changed since `files` were made.
    let isOutOfDate: Bool

    init(pages: [SearchIndex.Page]) {
        self.init(pages: pages, files: SearchIndex.files(pages), isOutOfDate: false)
    }

    private init(pages: [SearchIndex.Page], files: [(path: String, bytes: [UInt8])], isOutOfDate: Bool) {
        self.pages = pages
        self.files = files
        self.isOutOfDate = isOutOfDate
    }

    /// These pages' entries in place of the old ones (matched by address); the files are not made yet.
    func replacing(_ changed: [SearchIndex.Page]) -> SearchMemory {
        let byAddress = Dictionary(changed.map { ($0.address, $0) }) { $1 }
        return SearchMemory(pages: pages.map { byAddress[$0.address] ?? $0 }, files: files, isOutOfDate: true)
    }

    /// These pages, with `written`'s files as what the folder holds.
    func withFiles(of written: SearchMemory) -> SearchMemory {
        SearchMemory(pages: pages, files: written.files, isOutOfDate: true)
    }

    /// Makes the files again and writes those that differ from what the folder holds; unchanged
    /// when `isSuperseded` says, once they are made, that newer pages are coming.
    func written(to folder: PublishedFolder, isSuperseded: () -> Bool = { false }) throws(OutputError) -> SearchMemory {
        let current = SearchMemory(pages: pages)
        if isSuperseded() { return self }
        let before = Dictionary(files.map { ($0.path, $0.bytes) }) { $1 }
        for file in current.files where before[file.path] != file.bytes {
            try folder.replace(file.bytes, at: file.path)
        }
        let now = Set(current.files.map(\.path))
        for path in before.keys.sorted() where !now.contains(path) {
            folder.remove(path)
        }
        return current
    }
}
