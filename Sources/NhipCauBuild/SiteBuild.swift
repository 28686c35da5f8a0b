import Foundation
import NhipCauCore
import NhipCauLoad
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

/// The build as a sequence of named steps: load → assemble → theme → render and write → publish.
/// Nothing reaches the output folder unless every step succeeds.
public enum SiteBuild {
    public static func run(_ options: BuildOptions) -> Result<BuildReport, BuildFailure> {
        run(options) { _, _ in }
    }

    /// `remember` is given the prepared site and the search index once the build is published.
    static func run(_ options: BuildOptions, remember: (PreparedSite, SearchMemory) -> Void) -> Result<BuildReport, BuildFailure> {
        OutputDirectory.repairInterruptedPublish(output: options.output)
        let prepared: PreparedSite
        switch prepare(options) {
        case .success(let value): prepared = value
        case .failure(let failure): return .failure(failure)
        }
        let language = prepared.site.config.language
        var diagnostics = prepared.diagnostics

        let output: OutputDirectory
        do {
            output = try OutputDirectory(output: options.output, content: options.content)
        } catch {
            return .failure(.output(error, language: language))
        }
        let written = options.step(.pages) {
            writePages(prepared.site.pageJobs, renderer: prepared.renderer, offline: options.offline, to: output,
                       progress: PageCounter(total: prepared.site.pageJobs.count, observer: options.progress))
        }
        diagnostics.append(contentsOf: written.diagnostics)
        if let error = written.error {
            output.discard()
            return .failure(.output(error, language: language))
        }
        guard !diagnostics.hasErrors else {
            output.discard()
            return .failure(.content(diagnostics, language: language))
        }
        let search = SearchMemory(pages: written.searchPages)
        if let error = options.step(.search, { writeSearchIndex(search.files, to: output) }) {
            output.discard()
            return .failure(.output(error, language: language))
        }
        let copied: Int
        switch options.step(.files, { writeFiles(prepared, pages: written.routes, options: options, to: output) }) {
        case .success(let count): copied = count
        case .failure(let error):
            output.discard()
            return .failure(.output(error, language: language))
        }
        do {
            try options.step(.publish) { () throws(OutputError) in try output.publish() }
        } catch {
            return .failure(.output(error, language: language))
        }
        remember(prepared, search)
        return .success(BuildReport(pagesWritten: written.count, filesCopied: copied, diagnostics: diagnostics, language: language))
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
    }

    /// Load → assemble → theme: the steps that read content and can fail on it. On failure, the
    /// problems of every file that could be read, not only those of the first step that failed.
    static func prepare(_ options: BuildOptions) -> Result<PreparedSite, BuildFailure> {
        let attempt = attempt(options)
        guard !attempt.diagnostics.hasErrors, let site = attempt.site, let theme = attempt.theme else {
            return .failure(.content(everyProblem(attempt, options: options, reminders: false), language: attempt.language))
        }
        let renderer = SiteRenderer(site: site, theme: theme, content: attempt.content, offline: options.offline)
        return .success(PreparedSite(site: site, theme: theme, renderer: renderer, diagnostics: attempt.diagnostics))
    }

    struct WrittenPages {
        let routes: [Route]
        var count: Int { routes.count }
        let diagnostics: [Diagnostic]
        let error: OutputError?
        /// What the search index needs of each page, in page order.
        let searchPages: [SearchIndex.Page]
    }

    /// Renders every page on all cores, writing each to disk as soon as it is done; only the
    /// page's words and result line are kept for the search index.
    private static func writePages(_ jobs: [PageJob], renderer: SiteRenderer, offline: Bool, to output: OutputDirectory,
                                   progress: PageCounter?) -> WrittenPages {
        let results = jobs.parallelMap { job -> (Route, [Diagnostic], OutputError?, SearchIndex.Page?) in
            defer { progress?.oneDone() }
            let page = renderer.render(job)
            let search = page.search.map { SearchIndex.page($0, offline: offline) }
            do throws(OutputError) {
                try output.write(page.html, to: page.route.outputFile)
                return (page.route, page.diagnostics, nil, search)
            } catch {
                return (page.route, page.diagnostics, error, search)
            }
        }
        return WrittenPages(routes: results.map(\.0), diagnostics: results.flatMap(\.1),
                            error: results.compactMap(\.2).first, searchPages: results.compactMap(\.3))
    }

    /// The index is merged on one core, then its files (a thousand or so for 10,000 stories) written on all.
    private static func writeSearchIndex(_ files: [(path: String, bytes: [UInt8])], to output: OutputDirectory) -> OutputError? {
        let problems = files.parallelMap { file -> OutputError? in
            do throws(OutputError) {
                try output.write(file.bytes, to: file.path)
                return nil
            } catch {
                return error
            }
        }
        return problems.compactMap { $0 }.first
    }

    /// Media, theme assets, plan downloads, feeds, sitemap and robots.txt.
    private static func writeFiles(_ prepared: PreparedSite, pages: [Route], options: BuildOptions,
                                   to output: OutputDirectory) -> Result<Int, OutputError> {
        let site = prepared.site
        do {
            for file in site.media {
                try output.copy(options.content.appendingPathComponent(file.path), to: file.path)
            }
            for (path, bytes) in prepared.theme.assets.sorted(by: { $0.key < $1.key }) {
                try output.write(bytes, to: path)
            }
            for plan in site.plans {
                try output.write(PlanData.csv(plan, in: site, words: prepared.theme.wording.words), to: Routes.planCSV(plan.id).path)
                try output.copy(options.content.appendingPathComponent(plan.sourceFile), to: Routes.planJSON(plan.id).path)
            }
            let machineFiles = MachineFiles.files(for: site, pages: pages, words: prepared.theme.wording.words)
            for file in machineFiles { try output.write(file.text, to: file.path) }
            return .success(site.media.count + prepared.theme.assets.count + site.plans.count * 2 + machineFiles.count)
        } catch {
            return .failure(error)
        }
    }
}
