import Foundation
import NhipCauBuild
import NhipCauCore

/// Builds the content into a new private folder and, on success, serves it instead of the last one.
struct PreviewBuilder: Sendable {
    let options: ServeOptions
    /// Private to this server: never the officer's `site/`.
    let workspace: URL
    let state: PreviewState
    let hub: ReloadHub
    let report: @Sendable (ServeEvent) -> Void

    /// After files were saved: re-renders only their pages when nothing but Markdown bodies
    /// changed, otherwise builds everything. `saved` is nil when files were added or removed.
    func update(saved: [String]?) async {
        guard let saved, let memory = await state.memory else { return await rebuild() }
        let files = Set(saved).union(await state.failingFiles)
        let started = ContinuousClock.now
        let outcome = await Self.offCooperativePool { SiteBuild.refresh(Array(files), memory: memory) }
        let duration = ContinuousClock.now - started
        let language = options.language ?? memory.language
        switch outcome {
        case .needsFullBuild:
            await rebuild()
        case .refreshed(let pages, let warnings, let newMemory):
            await state.refreshed(newMemory)
            var summary = BuildSummary(pages: pages, files: 0, warnings: format(warnings.warnings, in: language),
                                       duration: duration, steps: [], language: language)
            summary.onlyEditedPages = true
            report(.built(summary))
            await hub.send(.reload(generation: await state.generation))
            Task { await bringSearchIndexUpToDate(language: language) }
        case .failed(let failure):
            let lines = lines(for: failure)
            await state.refreshFailed(files: files, lines: lines)
            report(.failed(lines: lines, language: language))
            await hub.send(.errors(lines))
        }
    }

    /// Rewrites the search-index files after refreshes, off the watcher's path so the next save
    /// is rendered at once. One run at a time: saves that land meanwhile are folded into the next
    /// run (a run a newer refresh overtook writes nothing), and runs go on until the index holds
    /// the last refresh's words.
    private func bringSearchIndexUpToDate(language: Language) async {
        let refreshes = state.refreshes
        while let (memory, refresh) = await state.claimIndexWork() {
            let result = await Self.offCooperativePool {
                SiteBuild.updateSearchIndex(memory, isSuperseded: { refreshes.value != refresh })
            }
            switch result {
            case .success(let indexed):
                await state.indexWritten(indexed, refresh: refresh)
            case .failure(let failure):
                await state.indexFailed()
                if await state.isCurrent(output: memory.output) { await fail(lines: lines(for: failure), language: language) }
                return
            }
        }
    }

    private func lines(for failure: BuildFailure) -> [String] {
        switch failure {
        case .content(let diagnostics, let siteLanguage):
            format(diagnostics.sorted, in: options.language ?? siteLanguage)
        case .output(let error, let siteLanguage):
            [error.message.text(in: options.language ?? siteLanguage)]
        }
    }

    func rebuild() async {
        let output = await state.nextBuildFolder(in: workspace)
        let language = await state.language
        report(.building(language: language))
        let steps = BuildStepLog()
        let observer: BuildStepObserver? = options.timeSteps ? steps.observer : nil
        var buildOptions = BuildOptions(content: options.content, output: output, today: options.today,
                                        includeDrafts: options.includeDrafts, stepObserver: observer,
                                        progress: options.progress?(language))
        // Each preview build writes a new folder, and edits reach it through `refresh`: no build cache.
        buildOptions.incremental = false
        let started = ContinuousClock.now
        let (result, memory) = await Self.offCooperativePool { [buildOptions] in SiteBuild.runRemembering(buildOptions) }
        let duration = ContinuousClock.now - started
        switch result {
        case .success(let built):
            if let memory { await state.remember(memory) }
            await serve(output, built: built, duration: duration, steps: steps.all)
        case .failure(.content(let diagnostics, let siteLanguage)):
            let language = options.language ?? siteLanguage
            await fail(lines: format(diagnostics.sorted, in: language), language: language)
        case .failure(.output(let error, let siteLanguage)):
            let language = options.language ?? siteLanguage
            await fail(lines: [error.message.text(in: language)], language: language)
        }
    }

    private func serve(_ output: URL, built: BuildReport, duration: Duration, steps: [(BuildStep, Duration)]) async {
        let language = options.language ?? built.language
        if let replaced = await state.succeeded(root: output, language: language) {
            try? FileManager.default.removeItem(at: replaced)
        }
        report(.built(BuildSummary(pages: built.pagesWritten, files: built.filesCopied,
                                   warnings: format(built.diagnostics.warnings, in: language),
                                   duration: duration, steps: steps, language: language)))
        await hub.send(.reload(generation: await state.generation))
    }

    private func fail(lines: [String], language: Language) async {
        await state.failed(lines: lines, language: language)
        report(.failed(lines: lines, language: language))
        await hub.send(.errors(lines))
    }

    private func format(_ diagnostics: [Diagnostic], in language: Language) -> [String] {
        let prefix = options.contentShownAs.hasSuffix("/") ? options.contentShownAs : options.contentShownAs + "/"
        return diagnostics.cappedPerFile().map { $0.formatted(in: language, contentPrefix: prefix) }
    }

    /// A build blocks its thread and uses every core; keep it off the threads that serve requests.
    static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}

/// A counter read and bumped from any thread.
final class RefreshCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() {
        lock.withLock { count += 1 }
    }
}
