import Foundation
import NhipCauCore
import NhipCauLoad
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

        var diagnostics: Diagnostics {
            var all = loadProblems
            all.append(contentsOf: laterProblems)
            return all
        }
    }

    static func attempt(_ options: BuildOptions) -> Attempt {
        let content = DiskContent(root: options.content)
        let (loaded, loadProblems) = options.step(.load) { ContentLoader.loadReadable(from: content) }
        let language = loaded?.config.language ?? SiteLanguage.declared(in: content) ?? .vi
        guard let loaded else {
            return Attempt(content: content, loaded: nil, site: nil, theme: nil, loadProblems: loadProblems,
                           laterProblems: Diagnostics(), language: language)
        }
        var later = Diagnostics()
        let (site, siteProblems) = options.step(.assemble) {
            SiteAssembler.assembleReadable(loaded, options: .init(today: options.today, includeDrafts: options.includeDrafts))
        }
        later.append(contentsOf: siteProblems)
        let (theme, themeProblems) = options.step(.theme) {
            Theme.make(overrides: loaded.theme, extraCSS: ChartStyles.css, language: loaded.config.language)
        }
        later.append(contentsOf: themeProblems)
        return Attempt(content: content, loaded: loaded, site: site, theme: theme, loadProblems: loadProblems,
                       laterProblems: later, language: language)
    }

    /// Every problem of the attempt plus those found by rendering every page that did load (with
    /// the default theme if the officer's has an error), and `check`'s reminders when asked.
    /// A reference to a file that failed to load is not reported a second time.
    static func everyProblem(_ attempt: Attempt, options: BuildOptions, reminders: Bool) -> Diagnostics {
        guard let loaded = attempt.loaded, let site = attempt.site else { return attempt.loadProblems }
        var later = attempt.laterProblems
        let theme = attempt.theme
            ?? Theme.make(overrides: [], extraCSS: ChartStyles.css, language: loaded.config.language).theme
        if let theme {
            let renderer = SiteRenderer(site: site, theme: theme, content: attempt.content, offline: options.offline)
            let jobs = site.pageJobs
            let counter = PageCounter(total: jobs.count, observer: options.progress)
            let pageProblems = options.step(.pages) {
                jobs.parallelMap { job in
                    defer { counter?.oneDone() }
                    return renderer.render(job).diagnostics
                }
            }
            later.append(contentsOf: pageProblems.flatMap { $0 })
        }
        if reminders { later.append(contentsOf: ContentLint.reminders(site)) }
        let failed = FailedFiles(loaded: loaded, loadProblems: attempt.loadProblems)
        var seen = Set<Diagnostic>()
        let all = (attempt.loadProblems.items + later.items.filter { !failed.explains($0) }).filter { seen.insert($0).inserted }
        return Diagnostics(all)
    }
}

/// Files that have an error and gave nothing to the site. Their own error is reported; a story's
/// `market:`, a link or a chart that names one of them is not reported again as "no such file".
/// (When the loader registers failed files itself, nothing is left for this to explain.)
struct FailedFiles {
    /// Paths relative to the content folder: `markets/han-quoc.md`, `targets/ke-hoach.json`.
    private var paths: Set<String> = []
    /// Where they would have been published, e.g. `thi-truong/han-quoc/`.
    private var routes: Set<String> = []
    private var slugs: [ContentKind: Set<String>] = [:]
    /// Which areas a broken plan had is unknown: then no area reference is judged.
    private var aPlanFailed = false
    /// Front matter values (`market:`, `area:`, `image:`, `replaced_by:`) naming a failed file.
    private var explainedReferences: Set<SourceLocation> = []

    init(loaded: LoadedContent, loadProblems: Diagnostics) {
        var loadedFiles = Set<String>()
        for document in loaded.stories.map(\.document) + loaded.markets.map(\.document)
            + loaded.policies.map(\.document) + loaded.pages.map(\.document) {
            loadedFiles.insert(document.file)
        }
        loadedFiles.formUnion(loaded.plans.map(\.sourceFile))
        loadedFiles.formUnion(loaded.media.map(\.path))
        for file in Set(loadProblems.errors.map(\.location.file)) where !loadedFiles.contains(file) {
            register(file)
        }
        guard !paths.isEmpty else { return }
        for story in loaded.stories {
            if let market = story.market, slugs[.market]?.contains(market.value) == true { explainedReferences.insert(market.location) }
            if let area = story.area, aPlanFailed { explainedReferences.insert(area.location) }
            if let image = story.image, paths.contains(image.value) { explainedReferences.insert(image.location) }
        }
        for policy in loaded.policies {
            if let replacement = policy.replacedBy, slugs[.policy]?.contains(replacement.value) == true {
                explainedReferences.insert(replacement.location)
            }
        }
    }

    private mutating func register(_ file: String) {
        let parts = file.split(separator: "/").map(String.init)
        guard parts.count >= 2, let name = parts.last else { return }
        if let kind = ContentKind(rawValue: parts[0]) {
            let slug = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
            paths.insert(file)
            slugs[kind, default: []].insert(slug)
            routes.insert(Self.route(kind, slug).path)
        } else if parts[0] == "targets" {
            let id = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
            paths.insert(file)
            aPlanFailed = true
            routes.formUnion([Routes.plan(id), Routes.planCSV(id), Routes.planJSON(id)].map(\.path))
        } else if parts[0] == "media" {
            paths.insert(file)
            routes.insert(Routes.media(file).path)
        }
    }

    private static func route(_ kind: ContentKind, _ slug: String) -> Route {
        switch kind {
        case .story: Routes.story(slug)
        case .market: Routes.market(slug)
        case .policy: Routes.policy(slug)
        case .page: Routes.page(slug)
        }
    }

    /// True when `diagnostic` only says that a failed file is missing.
    func explains(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.severity == .error, !paths.isEmpty else { return false }
        if explainedReferences.contains(diagnostic.location) { return true }
        let english = diagnostic.message.en
        if aPlanFailed, english.hasPrefix("A chart block needs `plan:`") { return true }
        if let link = Self.linkNamed(in: english) { return leadsToFailedFile(link, from: diagnostic.location.file) }
        return false
    }

    /// The link as written, from the renderer's "The link `…` …" messages about missing targets.
    private static func linkNamed(in english: String) -> String? {
        let opening = "The link `"
        guard english.hasPrefix(opening) else { return nil }
        let rest = english.dropFirst(opening.count)
        return rest.firstIndex(of: "`").map { String(rest[..<$0]) }
    }

    /// Resolves the link the way the site does (content file or published path).
    private func leadsToFailedFile(_ link: String, from file: String) -> Bool {
        var path = link
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("/") {
            let trimmed = String(path.drop { $0 == "/" })
            var candidates = [trimmed, trimmed + "/"]
            if trimmed.hasSuffix("index.html") { candidates.append(String(trimmed.dropLast("index.html".count))) }
            if aPlanFailed, trimmed.hasPrefix(Routes.areas.path) { return true }
            return candidates.contains(where: routes.contains)
        }
        var stack = file.split(separator: "/").dropLast().map(String.init)
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "", ".": continue
            case "..": if !stack.isEmpty { stack.removeLast() }
            default: stack.append(String(segment))
            }
        }
        return paths.contains(stack.joined(separator: "/"))
    }
}
