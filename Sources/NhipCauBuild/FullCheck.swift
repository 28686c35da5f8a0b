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

extension SiteBuild {
    /// What load → assemble → theme made of the content, as far as it got: files with errors
    /// are left out, the rest is assembled anyway, so their links and images can be checked too.
    struct Attempt {
        let content: DiskContent
        /// Nil only when site.yml could not be read.
        let loaded: LoadedContent?
        let site: Site?
        /// The officer's theme; nil when an override has an error.
        let theme: Theme?
        let loadProblems: Diagnostics
        /// What assembling and the theme found.
        let laterProblems: Diagnostics
        let language: Language
        /// Where the front matter read is kept for the next build; finished or discarded by the build.
        var frontMatterCache: FrontMatterCache?

        var diagnostics: Diagnostics {
            var all = loadProblems
            all.append(contentsOf: laterProblems)
            return all
        }
    }

    /// `keepsFrontMatter`: front matter parsed by the last build is read from the cache folder, and
    /// this build's is kept there for the next.
    static func attempt(_ options: BuildOptions, keepsFrontMatter: Bool = false) -> Attempt {
        let content = DiskContent(root: options.content)
        let frontMatterCache = keepsFrontMatter ? FrontMatterCache(file: frontMatterCacheFile(options), identity: InputFingerprint.toolIdentity()) : nil
        let (loaded, loadProblems) = options.step(.load) { ContentLoader.loadReadable(from: content, frontMatterCache: frontMatterCache) }
        let language = loaded?.config.language ?? SiteLanguage.declared(in: content) ?? .vi
        guard let loaded else {
            return Attempt(content: content, loaded: nil, site: nil, theme: nil, loadProblems: loadProblems,
                           laterProblems: Diagnostics(), language: language, frontMatterCache: frontMatterCache)
        }
        var later = Diagnostics()
        // The theme needs none of the site: it is made on a thread of its own beside the assembly
        // (which runs on all cores itself), and timed on its own.
        let making = BackgroundWork { () -> (theme: Theme?, diagnostics: [Diagnostic], time: Duration) in
            let started = ContinuousClock.now
            let made = Theme.make(overrides: loaded.theme, language: loaded.config.language,
                                  languageAt: SourceLocation(file: "site.yml", line: loaded.config.languageLine))
            return (made.theme, made.diagnostics, ContinuousClock.now - started)
        }
        let (site, siteProblems) = options.step(.assemble) {
            SiteAssembler.assembleReadable(loaded, options: .init(today: options.today, includeDrafts: options.includeDrafts))
        }
        let made = making.wait()
        options.progress?(.step(.theme))
        options.stepObserver?(.theme, made.time)
        let (theme, themeProblems) = (made.theme, made.diagnostics)
        later.append(contentsOf: siteProblems)
        later.append(contentsOf: themeProblems)
        return Attempt(content: content, loaded: loaded, site: site, theme: theme, loadProblems: loadProblems,
                       laterProblems: later, language: language, frontMatterCache: frontMatterCache)
    }

    /// One front matter cache for each content folder.
    static func frontMatterCacheFile(_ options: BuildOptions) -> URL {
        let folder = options.cacheFolder ?? MediaCache.defaultFolder(for: options.content)
        let key = Fingerprint.of(options.content.standardizedFileURL.path)
        return folder.appendingPathComponent("front-matter-" + String(key, radix: 16) + ".bin")
    }

    /// Every problem of the attempt plus those found by rendering every page that did load (with
    /// the default theme if the officer's has an error), and `check`'s reminders when asked.
    /// A reference to a file that failed to load is not reported a second time.
    static func everyProblem(_ attempt: Attempt, options: BuildOptions, reminders: Bool) -> Diagnostics {
        guard let loaded = attempt.loaded, let site = attempt.site else { return attempt.loadProblems }
        var later = attempt.laterProblems
        let theme = attempt.theme
            ?? Theme.make(overrides: [], language: Wording.shipped(loaded.config.language) == nil ? .en : loaded.config.language).theme
        if let theme {
            var renderer = SiteRenderer(site: site, theme: theme, content: attempt.content, offline: options.offline)
            // `check` makes the pictures too (into the cache, not the site), so it finds what a build would.
            var media: ProcessedMedia?
            if reminders {
                let prepared = PreparedSite(site: site, theme: theme, renderer: renderer, diagnostics: Diagnostics())
                let processed = options.step(.media) { processMedia(prepared, options: options, output: nil) }
                renderer = processed.prepared.renderer
                later.append(contentsOf: processed.result.diagnostics)
                media = processed
            }
            let entries = site.entries
            let pageRenderer = renderer
            let counter = PageCounter(total: entries.count, observer: options.progress)
            let pageProblems = options.step(.pages) {
                entries.parallelMap { entry in
                    defer { counter?.oneDone() }
                    return pageRenderer.render(entry).diagnostics
                }
            }
            later.append(contentsOf: pageProblems.flatMap { $0 })
            if let media { later.append(contentsOf: unreferencedFailures(media.result.catalog, found: later)) }
        }
        if reminders { later.append(contentsOf: ContentLint.reminders(site)) }
        // What points at a file that failed to load is not said again: the file's own errors are.
        var seen = Set<Diagnostic>()
        let all = (attempt.loadProblems.items + later.items.filter { !$0.followsFromUnusable(loaded.unusableFiles) })
            .filter { seen.insert($0).inserted }
        return Diagnostics(all)
    }
}

