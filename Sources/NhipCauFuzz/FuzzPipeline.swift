import NhipCauCore
import NhipCauLoad
import NhipCauRender
import NhipCauSite

/// What one fuzz input goes through: the stages of `nhipcau build`, in memory.
///
/// The bytes are read as a story, a market, a policy and a free page (source text decoding, front
/// matter split, YAML, model decoding), as a target plan (JSON parser, `TargetPlanLoader`), and as
/// Markdown (cmark, links, `table` and `chart` blocks). Whenever they make a valid file of some
/// kind, a whole site with that file is assembled and its pages rendered with the default theme.
/// The bytes are also an officer's template override (`story.mustache`, `story-list.mustache`):
/// parsed, and when they parse, used to render the base site's pages.
/// Every problem must come back as a diagnostic; a crash, a sanitizer report or a hang is a finding.
enum FuzzPipeline {
    static let today = SimpleDate(year: 2021, month: 6, day: 30)!
    static let theme: Theme? = Theme.make(overrides: [], language: .vi).theme
    static let placements = ["stories/fuzz.md", "markets/fuzz.md", "policies/fuzz.md", "pages/fuzz.md"]

    static let templateOverrides = ["templates/story.mustache", "templates/story-list.mustache"]

    /// The base site, assembled once.
    static let baseSite: Site? = assemble(FuzzBase.files)

    /// Renders the input as Markdown the way a page body is rendered.
    static let baseRenderer: SiteRenderer? = {
        guard let baseSite, let theme else { return nil }
        return SiteRenderer(site: baseSite, theme: theme, content: MemoryContent(entries: FuzzBase.files))
    }()

    static func run(_ input: [UInt8]) {
        var valid: [String] = []
        for placement in placements {
            let alone = MemoryContent(entries: ["site.yml": FuzzBase.siteYML, placement: input])
            if ContentLoader.load(from: alone).content != nil { valid.append(placement) }
        }
        if TargetPlanLoader.load(id: "fuzz-2021", file: "targets/fuzz-2021.json", data: input, knownMarkets: FuzzBase.markets).plan != nil {
            valid.append("targets/fuzz-2021.json")
        }
        let text = String(validating: input, as: UTF8.self) ?? String(decoding: input, as: UTF8.self)
        _ = baseRenderer?.renderMarkdown(text, file: "pages/fuzz.md", firstLine: 1, page: Routes.page("fuzz"))
        for placement in valid {
            renderPagesHoldingInput(FuzzBase.files.merging([placement: input]) { $1 })
        }
        renderBaseSite(withTemplate: input)
    }

    private static func renderBaseSite(withTemplate input: [UInt8]) {
        guard let baseSite else { return }
        for name in templateOverrides {
            let override = ThemeOverride(name: name, bytes: input, file: "theme/" + name)
            guard let theme = Theme.make(overrides: [override], language: .vi).theme else { continue }
            let renderer = SiteRenderer(site: baseSite, theme: theme, content: MemoryContent(entries: FuzzBase.files))
            for entry in baseSite.entries where uses(name, entry.source) {
                _ = renderer.render(entry)
            }
        }
    }

    private static func uses(_ template: String, _ source: PageSource) -> Bool {
        switch source {
        case .story: template == "templates/story.mustache"
        case .home, .storyList, .tag: template == "templates/story-list.mustache"
        default: false
        }
    }

    private static func assemble(_ files: [String: [UInt8]]) -> Site? {
        guard let loaded = ContentLoader.load(from: MemoryContent(entries: files)).content else { return nil }
        return SiteAssembler.assemble(loaded, options: .init(today: today, includeDrafts: true)).site
    }

    private static func renderPagesHoldingInput(_ files: [String: [UInt8]]) {
        guard let site = assemble(files), let theme else { return }
        let renderer = SiteRenderer(site: site, theme: theme, content: MemoryContent(entries: files))
        for entry in site.entries where holdsInput(entry.source) {
            _ = renderer.render(entry)
        }
    }

    private static func holdsInput(_ source: PageSource) -> Bool {
        switch source {
        case .story(let story): story.document.slug == "fuzz"
        case .market(let market): market.document.slug == "fuzz"
        case .policy(let policy): policy.document.slug == "fuzz"
        case .page(let page): page.document.slug == "fuzz"
        case .plan(let plan): plan.id == "fuzz-2021"
        case .tag: true // a tag page lists the story's card: title, summary, image
        default: false
        }
    }
}

/// A content folder held in memory.
struct MemoryContent: ContentReading {
    let entries: [String: [UInt8]]

    func files(in folder: String) throws -> [String] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return entries.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    func read(_ path: String) throws -> [UInt8] { entries[path] ?? [] }
    func fileExists(_ path: String) -> Bool { entries[path] != nil }
    func directoryExists(_ path: String) -> Bool { entries.keys.contains { $0.hasPrefix(path + "/") } }
    func size(of path: String) -> Int? { entries[path]?.count }
    func entryProblem(_ path: String) -> ContentEntryProblem? { nil }
}
