#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore

/// What is being served right now: the last good build and the errors of the latest one.
actor PreviewState {
    /// The folder of the last successful build; nil until one succeeds.
    private(set) var servedRoot: URL?
    /// The latest build's errors, empty when it succeeded.
    private(set) var errorLines: [String] = []
    /// Counts successful builds; a page compares it to notice a restarted server.
    private(set) var generation = 0
    /// The language of messages and of the error page.
    private(set) var language: Language
    private var buildCount = 0
    /// What the last successful whole build left for page refreshes; nil after a failed one, so
    /// the next edit builds everything again until the whole site is sound.
    private(set) var memory: BuildMemory?
    /// Files whose last refresh failed: refreshed again with the next edit until they pass.
    private(set) var failingFiles: Set<String> = []
    /// Counts page refreshes, readable without waiting for the actor: index work started before
    /// the latest refresh is superseded by it.
    nonisolated let refreshes = RefreshCounter()
    /// Search-index work is running (`claimIndexWork` … `indexWritten`/`indexFailed`).
    private var indexing = false

    init(language: Language) {
        self.language = language
    }

    /// A fresh folder name for the next build, so the served one is never written to.
    func nextBuildFolder(in workspace: URL) -> URL {
        buildCount += 1
        return workspace.appendingPathComponent("build-\(buildCount)")
    }

    /// Serves `root` from now on and returns the folder it replaces.
    func succeeded(root: URL, language: Language) -> URL? {
        let replaced = servedRoot
        servedRoot = root
        errorLines = []
        generation += 1
        self.language = language
        return replaced
    }

    func failed(lines: [String], language: Language) {
        errorLines = lines
        self.language = language
        memory = nil
        failingFiles = []
    }

    func remember(_ memory: BuildMemory) {
        self.memory = memory
        failingFiles = []
    }

    /// Some pages of the served folder were rendered again.
    func refreshed(_ memory: BuildMemory) {
        // Index work may have written files since the refresh began: keep what the folder holds.
        if let current = self.memory, current.output == memory.output {
            self.memory = memory.withSearchIndex(writtenBy: current)
        } else {
            self.memory = memory
        }
        refreshes.increment()
        failingFiles = []
        errorLines = []
        generation += 1
    }

    /// The memory to bring the search index up to date from, and the refresh it reflects; nil when
    /// the index is current or other index work is running (that work looks again when it ends).
    func claimIndexWork() -> (memory: BuildMemory, refresh: Int)? {
        guard !indexing, let memory, memory.searchIndexIsOutOfDate else { return nil }
        indexing = true
        return (memory, refreshes.value)
    }

    /// Index work for `refresh` wrote `indexed`'s files. Pages refreshed since keep their newer
    /// words (still out of date, for the next run); a whole build or a failure since drops it.
    func indexWritten(_ indexed: BuildMemory, refresh: Int) {
        indexing = false
        guard let memory, memory.output == indexed.output else { return }
        self.memory = refresh == refreshes.value ? indexed : memory.withSearchIndex(writtenBy: indexed)
    }

    func indexFailed() {
        indexing = false
    }

    /// Whether `output` is still the folder being served and refreshed.
    func isCurrent(output: URL) -> Bool {
        memory?.output == output
    }

    func refreshFailed(files: Set<String>, lines: [String]) {
        failingFiles = files
        errorLines = lines
    }
}
