#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore
import NhipCauLoad
import NhipCauMedia
import NhipCauRender
import NhipCauSite
import NhipCauWrite

public struct BuildOptions: Sendable {
    public var content: URL
    public var output: URL
    /// "Today" for drafts, statuses and progress.
    public var today: SimpleDate
    public var includeDrafts: Bool
    /// Links end in `index.html`, for a copy opened from a folder with no web server.
    public var offline: Bool
    /// Told how long each step took (for `--verbose`); nil: no timing.
    public var stepObserver: BuildStepObserver?
    /// Told when each step starts and as pages are done (for a progress line); nil: not told.
    public var progress: BuildProgressObserver?
    /// Where processed images and the build cache are kept between builds; nil: `.nhipcau-cache`
    /// beside the content folder.
    public var cacheFolder: URL?
    /// Pages whose inputs did not change since the last build are kept, not rendered again (`BuildCache`).
    public var incremental = true
    /// The site's model is left in memory when the build returns, for a process that exits right
    /// after: freeing a large site piece by piece takes longer than the kernel takes to drop it.
    public var keepsModelAfterBuild = false
    /// How old a folder of the staging folder must be for its status to vouch for its files next
    /// time (`StagingRecord`); tests set 0 to see builds in quick succession trust them.
    var settledSeconds = StagingRecord.settledSeconds

    public init(content: URL, output: URL, today: SimpleDate, includeDrafts: Bool = false, offline: Bool = false,
                stepObserver: BuildStepObserver? = nil, progress: BuildProgressObserver? = nil) {
        self.content = content
        self.output = output
        self.today = today
        self.includeDrafts = includeDrafts
        self.offline = offline
        self.stepObserver = stepObserver
        self.progress = progress
    }

    /// Runs one step, telling the progress line it started and the step log how long it took.
    func step<T, Failure: Error>(_ step: BuildStep, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        progress?(.step(step))
        return try stepObserver.timed(step, body)
    }
}

public struct BuildReport: Sendable {
    public let pagesWritten: Int
    /// Pages kept from the previous site without being rendered again (an incremental build).
    public var pagesKept = 0
    /// How many folders of the staging folder were read entry by entry (the others were as the
    /// build cache recorded them).
    var stagingFoldersRead = 0
    public let filesCopied: Int
    /// Warnings found on the way; errors stop the build instead.
    public let diagnostics: Diagnostics
    public let language: Language
}

public enum BuildFailure: Error, Sendable {
    /// Problems in the content; the previous site is untouched.
    case content(Diagnostics, language: Language)
    case output(OutputError, language: Language)
}

/// The build as a sequence of named steps: load → assemble → theme → render and write → search
/// index → files → publish. Nothing reaches the output folder unless every step succeeds.
public enum SiteBuild {
    public static func run(_ options: BuildOptions) -> Result<BuildReport, BuildFailure> {
        Result { () throws(BuildFailure) in try build(options, remembers: false) { _, _ in } }
    }

    /// `remember` is given the prepared site and the search index once the build is published.
    static func run(_ options: BuildOptions, remember: (PreparedSite, SearchMemory) -> Void) -> Result<BuildReport, BuildFailure> {
        Result { () throws(BuildFailure) in try build(options, remembers: true, remember: remember) }
    }

    /// Unless they are remembered, no page's search entry is kept once it is in the index.
    private static func build(_ options: BuildOptions, remembers: Bool,
                              remember: (PreparedSite, SearchMemory) -> Void) throws(BuildFailure) -> BuildReport {
        OutputDirectory.repairInterruptedPublish(output: options.output)
        let cacheFile = BuildCache.file(cacheFolder: options.cacheFolder ?? MediaCache.defaultFolder(for: options.content),
                                        output: options.output)
        let opening = OutputOpening(output: options.output, content: options.content, cacheFile: options.incremental ? cacheFile : nil,
                                    settledSeconds: options.settledSeconds)
        let prepared: PreparedSite
        do {
            prepared = try prepare(options)
        } catch {
            opening.abandon()
            throw error
        }
        let language = prepared.site.config.language
        let inputs = options.incremental
            ? options.step(.changes) { InputFingerprint.scan(prepared.site, stamps: prepared.sourceStamps, options: options) }
            : nil
        let output: OutputDirectory
        let cache: BuildCache?
        do {
            (output, cache) = try options.stepObserver.timed(.changes) { () throws(OutputError) in
                let taken = try opening.output()
                return (taken.directory, taken.cache)
            }
        } catch {
            // A refused output folder (a home folder, a folder of other files): nothing is left anywhere.
            prepared.frontMatterCache?.discard()
            throw .output(error, language: language)
        }
        options.stepObserver.timed(.changes) { prepared.frontMatterCache?.finish() }
        // A build that remembers every page's search entry (`serve`'s) renders every page.
        let reuse = remembers ? nil : inputs.flatMap { PageReuse(inputs: $0, cache: cache, publishedSiteExists: output.publishedSiteExists) }
        var saving: BuildCacheSaving?
        do throws(BuildFailure) {
            let written = try write(prepared, options: options, to: output, reuse: reuse, inputs: inputs, remembers: remembers)
            // Written while the site is published; in place only once it is. The site published
            // before this one is the staging folder then.
            saving = inputs.map { inputs in
                let (structure, pages, search) = (inputs.structure, written.cached, written.searchSnapshot)
                return BuildCacheSaving(to: cacheFile) {
                    var saved = BuildCache(structure: structure, pages: pages, staging: cache?.pages.map { ($0.path, $0.output) } ?? [], search: search)
                    saved.allFrontMatter = inputs.allFrontMatter
                    saved.stagingRecordBytes = cache?.publishedRecordBytes
                    saved.publishedRecordBytes = output.publishedRecord().encoded
                    return saved
                }
            }
            do throws(OutputError) { try publish(output, saving: saving, options: options) } catch { throw .output(error, language: language) }
            if let search = written.search { remember(written.prepared, search) }
            if options.keepsModelAfterBuild { ProcessLifetime.keep((prepared, written, cache, inputs, reuse, output)) }
            var report = BuildReport(pagesWritten: written.pages, filesCopied: written.files,
                                     diagnostics: written.diagnostics, language: language)
            report.pagesKept = written.kept
            report.stagingFoldersRead = output.stagingFoldersRead
            return report
        } catch {
            saving?.cancel()
            output.discard {
                // The published site is as the cache says; what the staging folder holds is not known.
                if let cache {
                    var kept = BuildCache(structure: cache.structure, pages: cache.pages, staging: [], search: cache.search)
                    kept.allFrontMatter = cache.allFrontMatter
                    kept.publishedRecordBytes = cache.publishedRecordBytes
                    kept.save(cacheFile)
                }
            }
            throw error
        }
    }

    /// Puts the new site in place, then the build cache that describes it, before another build
    /// can take the output folder. Each is timed as its own step.
    private static func publish(_ output: OutputDirectory, saving: BuildCacheSaving?, options: BuildOptions) throws(OutputError) {
        options.progress?(.step(.publish))
        let started = ContinuousClock.now
        var saved = Duration.zero
        try output.publish {
            let committing = ContinuousClock.now
            if let saving {
                options.progress?(.step(.remember))
                saving.commit()
            }
            saved = ContinuousClock.now - committing
        }
        options.stepObserver?(.publish, ContinuousClock.now - started - saved)
        if saving != nil { options.stepObserver?(.remember, saved) }
    }

    /// What the write steps put in the staging folder.
    private struct Written {
        /// The prepared site, its renderer showing the processed pictures.
        let prepared: PreparedSite
        let pages: Int
        let files: Int
        /// Every page's search entry, for a build that remembers them; else nil.
        let search: SearchMemory?
        /// The index before it was written, for a build that keeps a cache; else nil.
        let searchSnapshot: SearchIndex.Snapshot?
        /// The prepared site's warnings, the pictures' and the pages'.
        let diagnostics: Diagnostics
        /// What the build cache keeps of each page; empty when the build keeps no cache.
        let cached: [BuildCache.Page]
        /// Pages kept from the previous site.
        let kept: Int
    }

    /// Pictures, then pages, then the search index, then every other file, into the staging folder.
    private static func write(_ unprocessed: PreparedSite, options: BuildOptions, to output: OutputDirectory,
                              reuse: PageReuse?, inputs: InputFingerprint?, remembers: Bool) throws(BuildFailure) -> Written {
        let language = unprocessed.site.config.language
        let media = options.step(.media) { processMedia(unprocessed, options: options, output: output) }
        if let error = media.result.writeError as? OutputError { throw .output(error, language: language) }
        let prepared = media.prepared
        let entries = prepared.site.entries
        // The render workers put each page's words into the index as they go, unless the pages' entries
        // are remembered, or the kept pages' words are carried over from the last build's index.
        let index = remembers || reuse != nil ? nil : SearchIndex.SharedBuilder(positions: entries.count)
        releaseFreedMemory()
        let pages = try options.step(.pages) { () throws(BuildFailure) in
            try writePages(entries, renderer: prepared.renderer, offline: options.offline, to: output,
                           progress: PageCounter(total: entries.count, observer: options.progress), language: language,
                           reuse: reuse, inputs: inputs, index: index)
        }
        releaseFreedMemory()
        var diagnostics = prepared.diagnostics
        diagnostics.append(contentsOf: media.result.diagnostics)
        diagnostics.append(contentsOf: pages.diagnostics)
        diagnostics.append(contentsOf: unreferencedFailures(media.result.catalog, found: diagnostics))
        guard !diagnostics.hasErrors else { throw .content(diagnostics, language: language) }
        let search = try options.step(.search) {
            () throws(BuildFailure) -> (memory: SearchMemory?, snapshot: SearchIndex.Snapshot?, cached: [BuildCache.Page]) in
            var builder: SearchIndex.Builder
            if let index {
                builder = index.finished()
            } else if let reuse {
                builder = carriedIndex(reuse.search, entries: entries, pages: pages)
            } else {
                let search = SearchMemory(pages: pages.searchPages.map(\.page))
                _ = try writeSearchIndex(search.files, to: output, language: language, reuse: nil, remembers: false)
                return (search, nil, [])
            }
            let snapshot = inputs == nil ? nil : builder.snapshot(paths: entries.map(\.route.outputFile))
            var cached: [BuildCache.Page] = []
            let keep = reuse.map { reuse in
                { (path: String, fingerprint: UInt64) -> Bool in
                    guard let kept = reuse.published(path: path, output: fingerprint),
                          output.keep(path, stagingHolds: reuse.stagingHolds(kept)) else { return false }
                    cached.append(kept)
                    return true
                }
            }
            try builder.write(keep: keep) { (files) throws(BuildFailure) in
                cached += try writeSearchIndex(files, to: output, language: language, reuse: reuse, remembers: inputs != nil)
            }
            return (nil, snapshot?.with(shards: builder.shardsWritten), cached)
        }
        // The index's tables were made on the workers' heaps.
        releaseFreedMemory()
        let files = try options.step(.files) { () throws(BuildFailure) in
            do throws(OutputError) {
                var made = MadeFiles(output: output, reuse: reuse, inputs: inputs)
                let count = try writeFiles(prepared, themeAssets: media.result.themeAssets, options: options, to: &made)
                return (count, made.cached)
            } catch {
                throw .output(error, language: language)
            }
        }
        return Written(prepared: prepared, pages: entries.count, files: files.0 + media.result.filesWritten, search: search.memory,
                       searchSnapshot: search.snapshot, diagnostics: diagnostics, cached: pages.cached + search.cached + files.1,
                       kept: pages.keptPositions.count)
    }

    /// The last build's index with the kept pages' words at their places in this build, and the
    /// words of the pages rendered again added.
    private static func carriedIndex(_ snapshot: SearchIndex.Snapshot, entries: [PageEntry], pages: WrittenPages) -> SearchIndex.Builder {
        var builder: SearchIndex.Builder
        if snapshot.paths.count == entries.count, zip(snapshot.paths, entries).allSatisfy({ $0 == $1.route.outputFile }) {
            // The same pages in the same order (an edit that changed no page list): a kept page keeps its position.
            var isKept = [Bool](repeating: false, count: entries.count)
            for position in pages.keptPositions { isKept[position] = true }
            builder = SearchIndex.Builder(carrying: snapshot, positions: entries.count, newPosition: { old, _ in isKept[old] ? old : nil })
        } else {
            let keptPosition = Dictionary(pages.keptPositions.map { (entries[$0].route.outputFile, $0) }, uniquingKeysWith: { first, _ in first })
            builder = SearchIndex.Builder(carrying: snapshot, positions: entries.count, newPosition: { _, path in keptPosition[path] })
        }
        for (position, page) in pages.searchPages { builder.add(page, at: position) }
        return builder
    }

    /// Everything a build does except writing: every page is rendered (so links and chart blocks
    /// are checked) and thrown away, also when some files have errors, plus reminders. For `nhipcau check`.
    public static func check(_ options: BuildOptions) -> (diagnostics: Diagnostics, language: Language) {
        let attempt = attempt(options)
        return (everyProblem(attempt, options: options, reminders: true), attempt.language)
    }

    struct PreparedSite: Sendable {
        let site: Site
        let theme: Theme
        let renderer: SiteRenderer
        let diagnostics: Diagnostics
        /// The Markdown files' stamps, as the loader read them.
        var sourceStamps: [String: SourceStamp] = [:]
        /// The front matter read, to be kept once the output folder is known to be writable.
        var frontMatterCache: FrontMatterCache?
    }

    /// Load → assemble → theme: the steps that read content and can fail on it. On failure, the
    /// problems of every file that could be read, not only those of the first step that failed.
    static func prepare(_ options: BuildOptions) throws(BuildFailure) -> PreparedSite {
        let attempt = attempt(options, keepsFrontMatter: options.incremental)
        guard !attempt.diagnostics.hasErrors, let site = attempt.site, let theme = attempt.theme else {
            // What did parse is kept: the officer's next try reads only the files they fixed.
            attempt.frontMatterCache?.finish()
            throw .content(everyProblem(attempt, options: options, reminders: false), language: attempt.language)
        }
        let renderer = SiteRenderer(site: site, theme: theme, content: attempt.content, offline: options.offline)
        if options.keepsModelAfterBuild { ProcessLifetime.keep(attempt) }
        return PreparedSite(site: site, theme: theme, renderer: renderer, diagnostics: attempt.diagnostics,
                            sourceStamps: attempt.loaded?.sourceStamps ?? [:], frontMatterCache: attempt.frontMatterCache)
    }

    struct WrittenPages {
        let diagnostics: [Diagnostic]
        /// What the search index needs of each page rendered and not put into an index, in page order.
        let searchPages: [(position: Int, page: SearchIndex.Page)]
        /// What the build cache keeps of each page; empty when the build keeps no cache.
        let cached: [BuildCache.Page]
        /// The positions of the pages kept from the published site.
        let keptPositions: [Int]
    }

    /// Every page's result is held until the last page is done: what is kept of a page is boxed
    /// (8 bytes, not some 230), and nil when nothing is (a `--full` build).
    private struct PageResult: Sendable {
        var diagnostics: [Diagnostic] = []
        var error: OutputError?
        private let keeps: Keeps?
        let kept: Bool

        private final class Keeps: Sendable {
            let search: SearchIndex.Page?
            let cached: BuildCache.Page?

            init(search: SearchIndex.Page?, cached: BuildCache.Page?) {
                self.search = search
                self.cached = cached
            }
        }

        init(diagnostics: [Diagnostic] = [], search: SearchIndex.Page?, cached: BuildCache.Page?, kept: Bool = false) {
            self.diagnostics = diagnostics
            keeps = search == nil && cached == nil ? nil : Keeps(search: search, cached: cached)
            self.kept = kept
        }

        var search: SearchIndex.Page? { keeps?.search }
        var cached: BuildCache.Page? { keeps?.cached }
    }

    /// Renders every page on all cores, writing each to disk as soon as it is done; only the
    /// page's words and result line are kept for the search index, or, given an `index`, the
    /// words go into it. A page `reuse` says is unchanged is kept from the published site instead.
    private static func writePages(_ entries: [PageEntry], renderer: SiteRenderer, offline: Bool, to output: OutputDirectory,
                                   progress: PageCounter?, language: Language, reuse: PageReuse?, inputs: InputFingerprint?,
                                   index: SearchIndex.SharedBuilder?) throws(BuildFailure) -> WrittenPages {
        let results = Array(entries.indices).parallelMap { position -> PageResult in
            let entry = entries[position]
            defer { progress?.oneDone() }
            let path = entry.route.outputFile
            let file = entry.source.document?.file
            let reads = inputs.map { reuse?.unchangedReads(path: path) ?? $0.reads(renderer.reads(entry)) } ?? 0
            if let reuse, let kept = reuse.kept(path: path, file: file, reads: reads),
               output.keep(path, stagingHolds: reuse.stagingHolds(kept)) {
                return PageResult(search: nil, cached: kept, kept: true)
            }
            let page = renderer.render(entry)
            let search = page.search.map { SearchIndex.page($0, offline: offline) }
            if let index, let search { index.add(search, at: position) }
            let cached = inputs.map { inputs in
                BuildCache.Page(path: page.route.outputFile, output: Fingerprint.of(page.html), body: file.flatMap { inputs.bodies[$0] } ?? 0,
                                reads: reads, hadDiagnostics: !page.diagnostics.isEmpty)
            }
            var result = PageResult(diagnostics: page.diagnostics, search: index == nil ? search : nil, cached: cached)
            do throws(OutputError) {
                try output.write(page.html, to: page.route.outputFile)
            } catch {
                result.error = error
            }
            return result
        }
        if let error = results.lazy.compactMap(\.error).first { throw .output(error, language: language) }
        return WrittenPages(diagnostics: results.flatMap(\.diagnostics),
                            searchPages: results.enumerated().compactMap { position, result in result.search.map { (position, $0) } },
                            cached: inputs == nil ? [] : results.compactMap(\.cached),
                            keptPositions: results.indices.filter { results[$0].kept })
    }

    /// Returns to the system what the steps before freed, on the workers' heaps too (glibc keeps it
    /// otherwise, and the main thread's steps after the pages cannot use it): the build's peak is
    /// at the pages step's end and in the steps after it.
    private static func releaseFreedMemory() {
        #if canImport(Glibc)
        // `malloc_trim` is in <malloc.h>, which the Glibc module leaves out.
        typealias Trim = @convention(c) (Int) -> Int32
        if let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
        #endif
    }

    /// The index's files (some 5,000 for 10,000 stories, 40,000 for 100,000) written on all cores.
    /// A file with the bytes it was published with is kept as a page is: nothing is done when the
    /// build cache knows the staging folder holds them too, instead of reading the file to compare.
    /// What the build cache keeps of each file is returned when `remembers`.
    private static func writeSearchIndex(_ files: [(path: String, bytes: [UInt8])], to output: OutputDirectory,
                                         language: Language, reuse: PageReuse?, remembers: Bool) throws(BuildFailure) -> [BuildCache.Page] {
        let results = files.parallelMap { file -> (error: OutputError?, cached: BuildCache.Page?) in
            let bytes = remembers ? Fingerprint.of(file.bytes) : 0
            if let reuse, let kept = reuse.published(path: file.path, output: bytes),
               output.keep(file.path, stagingHolds: reuse.stagingHolds(kept)) {
                return (nil, kept)
            }
            do throws(OutputError) {
                try output.write(file.bytes, to: file.path)
                return (nil, remembers ? BuildCache.Page(path: file.path, output: bytes, body: 0, reads: 0, hadDiagnostics: false) : nil)
            } catch {
                return (error, nil)
            }
        }
        if let error = results.lazy.compactMap(\.error).first { throw .output(error, language: language) }
        return results.compactMap(\.cached)
    }

    /// Media other than pictures (those are written by the media step), theme assets, plan downloads,
    /// feeds, sitemap and robots.txt; returns how many files.
    private static func writeFiles(_ prepared: PreparedSite, themeAssets: [String: [UInt8]], options: BuildOptions,
                                   to output: inout MadeFiles) throws(OutputError) -> Int {
        let site = prepared.site
        let copied = site.media.filter { !MediaCatalog.isRaster($0.path) }
        for file in copied {
            try output.copy(options.content.appendingPathComponent(file.path), to: file.path)
        }
        for (path, bytes) in themeAssets.sorted(by: { $0.key < $1.key }) {
            try output.write(bytes, to: path)
        }
        for plan in site.plans {
            try output.write(to: Routes.planCSV(plan.id).path, reads: [.market]) { PlanData.csv(plan, in: site, words: prepared.theme.wording.words) }
            try output.copy(options.content.appendingPathComponent(plan.sourceFile), to: Routes.planJSON(plan.id).path)
        }
        let words = prepared.theme.wording.words
        if !site.events.isEmpty {
            try output.write(to: Routes.eventCalendar.path, reads: [.event]) { EventCalendar.subscription(for: site, words: words) }
            for event in site.events {
                try output.write(to: Routes.eventICS(event.document.slug).path, reads: [.event]) { EventCalendar.file(for: event, in: site, words: words) }
            }
        }
        if !site.enterprises.isEmpty {
            try output.write(to: Routes.enterprisesCSV.path, reads: PageKind.registerReads) { EnterpriseData.csv(site, words: prepared.theme.wording.words) }
            try output.write(to: Routes.enterprisesJSON.path, reads: PageKind.registerReads) { EnterpriseData.json(site, words: prepared.theme.wording.words) }
        }
        let jobFiles = site.jobs.isListed ? 2 : 0
        if site.jobs.isListed {
            try output.write(to: Routes.jobsCSV.path, reads: PageKind.registerReads) { JobData.csv(site, words: prepared.theme.wording.words) }
            try output.write(to: Routes.jobsJSON.path, reads: PageKind.registerReads) { JobData.json(site, words: prepared.theme.wording.words) }
        }
        if !site.plans.isEmpty {
            let words = prepared.theme.wording.words
            try output.write(to: Routes.dataCSV.path, reads: []) { DataPackage.csv(site) }
            try output.write(to: Routes.dataJSON.path, reads: []) { DataPackage.json(site) }
            try output.write(to: Routes.dataDescriptor.path, reads: []) { DataPackage.descriptor(site, words: { words[$0] ?? $0 }) }
        }
        let machinePaths = MachineFiles.paths(for: site)
        var machineFiles = machinePaths.count
        if !output.keepAll(machinePaths, reads: nil) {
            machineFiles = try MachineFiles.each(for: site, word: prepared.renderer.word) { (path, text) throws(OutputError) in
                try output.write(text, to: path, reads: nil)
            }
        }
        return copied.count + themeAssets.count + site.plans.count * 2 + (site.enterprises.isEmpty ? 0 : 2) + jobFiles
            + machineFiles + (site.events.isEmpty ? 0 : 1 + site.events.count)
            + (site.plans.isEmpty ? 0 : 3)
    }
}

/// Values never freed, for as long as the process lives (`BuildOptions.keepsModelAfterBuild`).
enum ProcessLifetime {
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}

/// The files step's writes. A file made from the site's structure alone (front matter, data,
/// options: downloads, calendars, feeds, sitemap) is kept from the published site when `reuse`
/// holds (the structure is the one the cache saw), instead of being made again.
struct MadeFiles {
    let output: OutputDirectory
    let reuse: PageReuse?
    /// This build's inputs, when it keeps a cache: then each made file is remembered in `cached`.
    private let inputs: InputFingerprint?
    private(set) var cached: [BuildCache.Page] = []

    init(output: OutputDirectory, reuse: PageReuse?, inputs: InputFingerprint?) {
        self.output = output
        self.reuse = reuse
        self.inputs = inputs
    }

    mutating func copy(_ source: URL, to path: String) throws(OutputError) {
        try output.copy(source, to: path)
    }

    mutating func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try output.write(bytes, to: path)
    }

    /// Writes what `make` makes at `path`, or keeps the published file when the front matter of
    /// the `kinds` it reads (nil: every kind) did not change.
    mutating func write(to path: String, reads kinds: Set<ContentKind>?, make: () -> String) throws(OutputError) {
        let reads = fingerprint(kinds)
        if keep(path, reads: reads) { return }
        try store(make(), at: path, reads: reads)
    }

    /// Keeps the published files at `paths` when every one of them can be kept; false when they must be made.
    mutating func keepAll(_ paths: [String], reads kinds: Set<ContentKind>?) -> Bool {
        guard let reuse, let reads = fingerprint(kinds),
              paths.allSatisfy({ reuse.kept(path: $0, file: nil, reads: reads) != nil }) else { return false }
        return paths.allSatisfy { keep($0, reads: reads) }
    }

    mutating func write(_ text: String, to path: String, reads kinds: Set<ContentKind>?) throws(OutputError) {
        try store(text, at: path, reads: fingerprint(kinds))
    }

    /// What a file reading the front matter of `kinds` reads, when the build keeps a cache.
    private func fingerprint(_ kinds: Set<ContentKind>?) -> UInt64? {
        inputs?.reads(PageReads(files: [], kinds: kinds))
    }

    private mutating func keep(_ path: String, reads: UInt64?) -> Bool {
        guard let reuse, let reads, let kept = reuse.kept(path: path, file: nil, reads: reads),
              output.keep(path, stagingHolds: reuse.stagingHolds(kept)) else { return false }
        cached.append(kept)
        return true
    }

    private mutating func store(_ text: String, at path: String, reads: UInt64?) throws(OutputError) {
        try output.write(text, to: path)
        if let reads {
            cached.append(BuildCache.Page(path: path, output: Fingerprint.of(text), body: 0, reads: reads, hadDiagnostics: false))
        }
    }
}
