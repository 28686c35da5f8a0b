import NhipCauCore

/// Everything read from `content/`, typed and checked file by file. References between files
/// (a story's market, a policy's replacement) are checked when the site is assembled.
public struct LoadedContent: Sendable {
    public let config: SiteConfig
    public let stories: [Story]
    public let markets: [Market]
    public let policies: [Policy]
    public let pages: [Page]
    public let notices: [Notice]
    public let events: [Event]
    /// Job orders from `jobs/`.
    public var jobs: [Job] = []
    /// Licensed enterprises from `enterprises/` (`.md` files and `.csv` rows), by slug.
    public var enterprises: [Enterprise] = []
    /// Warnings from `warnings/`.
    public var warnings: [Warning] = []
    /// Target plans from `targets/*.json`, by file name.
    public let plans: [TargetPlan]
    public let media: [MediaFile]
    public let theme: [ThemeOverride]
    /// `areas.yml`, when the site has one: then the source of truth for area ids.
    public var areaTree: AreaTree?
    /// Area maps from `maps/<area-id>.geojson`.
    public var maps: [AreaMap] = []
    /// Content files (paths from the content folder) that are there under a valid name but could
    /// not be loaded for errors of their own. What refers to them is not reported again: only the
    /// file's own errors are, and the build stops on those.
    public let unusableFiles: Set<String>
    /// Each Markdown file the loader read whole (path from the content folder) → its bytes' stamp.
    public var sourceStamps: [String: SourceStamp] = [:]

    /// Every Markdown document of every kind, in `ContentKind` order.
    public var documents: [ContentDocument] {
        ContentKind.allCases.flatMap { kind -> [ContentDocument] in
            switch kind {
            case .story: stories.map(\.document)
            case .market: markets.map(\.document)
            case .policy: policies.map(\.document)
            case .page: pages.map(\.document)
            case .notice: notices.map(\.document)
            case .event: events.map(\.document)
            case .job: jobs.map(\.document)
            case .enterprise: enterprises.map(\.document)
            case .warning: warnings.map(\.document)
            }
        }
    }
}

/// Load stage: files → typed models. Reports every problem it finds, not just the first.
public enum ContentLoader {
    /// Reads one Markdown file again, split but not parsed, for `serve` to tell whether only its
    /// body changed. Fails with the same messages a full load gives.
    public static func readEdit(of file: String, from content: any ContentReading, maxBytes: Int) -> Result<BodyEdit, Diagnostic> {
        readSplit(of: file, from: content, maxBytes: maxBytes)
    }

    /// The body of a document loaded earlier, read again for rendering. Fails, naming the file,
    /// when the file changed its front matter since it was loaded (saved during the build).
    public static func readBody(of document: ContentDocument, from content: any ContentReading, maxBytes: Int) -> Result<(text: String, line: Int), Diagnostic> {
        if case .text(let text) = document.body { return .success((text, document.bodyLine)) }
        return readSplit(of: document.file, from: content, maxBytes: maxBytes).flatMap { edit in
            guard edit.frontMatterSource == document.frontMatterSource else {
                return .failure(.error(SourceLocation(file: document.file), "load.fileChangedWhileSite"))
            }
            return .success((edit.body, edit.bodyLine))
        }
    }

    private static func readSplit(of file: String, from content: any ContentReading, maxBytes: Int) -> Result<BodyEdit, Diagnostic> {
        DocumentReader(content: content, maxBytes: maxBytes).readText(file).flatMap { text in
            SplitDocument.split(text, file: file).map {
                BodyEdit(file: file, frontMatterSource: $0.frontMatter, body: $0.body, bodyLine: $0.bodyLine)
            }
        }
    }

    /// Everything, or nothing when any file has an error.
    public static func load(from content: any ContentReading) -> (content: LoadedContent?, diagnostics: Diagnostics) {
        let (readable, diagnostics) = loadReadable(from: content)
        return (diagnostics.hasErrors ? nil : readable, diagnostics)
    }

    /// Whatever could be read, also when some files have errors (nil only without a usable
    /// site.yml), so that `check` can go on to look at links and images in the files that did load.
    /// `frontMatterCache`: front matter parsed by earlier builds; told what this one parsed. The caller
    /// finishes it (`FrontMatterCache.finish`), or discards it.
    public static func loadReadable(from content: any ContentReading,
                                    frontMatterCache: FrontMatterCache? = nil) -> (content: LoadedContent?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let config = SiteConfigLoader.load(from: content, diagnostics: &diagnostics)
        let limit = config?.maxFileBytes ?? SiteConfig.defaultMaxFileBytes
        let stamps = SourceStampLog()
        var reader = DocumentReader(content: content, maxBytes: limit, stamps: stamps)
        reader.frontMatterCache = frontMatterCache

        var unusable = Set<String>()
        let stories = loadKind(.story, reader, &diagnostics, &unusable, codec: .story, parse: StoryParser.parse).models
        let markets = loadKind(.market, reader, &diagnostics, &unusable, parse: MarketParser.parse)
        let policies = loadKind(.policy, reader, &diagnostics, &unusable, parse: PolicyParser.parse).models
        let pages = loadKind(.page, reader, &diagnostics, &unusable, parse: PageParser.parse).models
        let notices = loadKind(.notice, reader, &diagnostics, &unusable, parse: NoticeParser.parse).models
        let areaTree = AreaTreeLoader.load(from: content, maxBytes: limit, diagnostics: &diagnostics, unusable: &unusable)
        let events = loadKind(.event, reader, &diagnostics, &unusable, parse: EventParser.parse).models
        let jobs = loadKind(.job, reader, &diagnostics, &unusable, codec: .job, parse: JobParser.parse).models
        let enterprises = EnterpriseLoader.load(reader, &diagnostics, &unusable)
        let warnings = loadKind(.warning, reader, &diagnostics, &unusable, parse: WarningParser.parse).models
        // A market file with an error of its own still names a market: plans that refer to it
        // are not wrong too, so only that file's error is shown.
        let plans = loadPlans(reader, knownMarkets: markets.slugs, treeNames: areaTree?.names, &diagnostics, &unusable)
        let media = loadMedia(content, &diagnostics, &unusable)
        let theme = loadTheme(content, reader, &diagnostics)
        diagnostics.append(contentsOf: unknownEntries(content))

        let maps = loadMaps(reader, &diagnostics, &unusable)

        guard let config else { return (nil, diagnostics) }
        var loaded = LoadedContent(config: config, stories: stories, markets: markets.models, policies: policies,
                                   pages: pages, notices: notices, events: events, plans: plans, media: media, theme: theme, unusableFiles: unusable)
        loaded.areaTree = areaTree
        loaded.jobs = jobs
        loaded.enterprises = enterprises
        loaded.warnings = warnings
        loaded.maps = maps
        loaded.sourceStamps = stamps.all
        return (loaded, diagnostics)
    }

    /// Reads and parses every `.md` file of one kind on all cores, then checks slugs are unique.
    /// `slugs` names every file with a valid name, parsed or not, so that references to a file
    /// with an error of its own are not reported as well.
    private static func loadKind<Model: Sendable>(
        _ kind: ContentKind, _ reader: DocumentReader, _ diagnostics: inout Diagnostics, _ unusable: inout Set<String>,
        codec: ModelCodec<Model>? = nil, parse: @escaping @Sendable (inout FrontMatter, ContentDocument) -> Model?
    ) -> (models: [Model], slugs: Set<String>) {
        let files: [String]
        do {
            files = try reader.content.files(in: kind.folder)
        } catch {
            diagnostics.append(.error(SourceLocation(file: kind.folder), "load.cannotReadFolder", ["error": .message(SystemReason.of(error))]))
            return ([], [])
        }
        let results = files.parallelMap { file -> (Model?, [Diagnostic]) in
            if let codec, let model = reader.cachedModel(file, kind: kind, codec: codec) { return (model, []) }
            switch reader.readParsed(file, kind: kind) {
            case .failure(let problem):
                return (nil, [problem])
            case .success(let parsed):
                var frontMatter = parsed.frontMatter
                let model = parse(&frontMatter, parsed.document)
                // A file whose front matter says anything is parsed again next time, so that every build says it.
                let kept = reader.frontMatterCache != nil && frontMatter.diagnostics.isEmpty ? model.flatMap { codec?.encoded($0) } : nil
                reader.keep(parsed.fresh, of: file, model: kept ?? [])
                return (model, frontMatter.diagnostics)
            }
        }
        for (_, problems) in results { diagnostics.append(contentsOf: problems) }
        diagnostics.append(contentsOf: duplicateSlugs(files))
        let named = files.filter { $0.hasSuffix(".md") && VietnameseText.isValidSlug(DocumentReader.slug(of: $0)) }
        unusable.formUnion(zip(files, results).filter { $0.1.0 == nil && named.contains($0.0) }.map(\.0))
        return (results.compactMap(\.0), Set(named.map(DocumentReader.slug(of:))))
    }

    /// Reads every `targets/*.json` on all cores, then runs the checks that need all plans at once.
    private static func loadPlans(_ reader: DocumentReader, knownMarkets: Set<String>, treeNames: [String: String]?, _ diagnostics: inout Diagnostics,
                                  _ unusable: inout Set<String>) -> [TargetPlan] {
        let allFiles = (try? reader.content.files(in: "targets")) ?? []
        // Spreadsheet reports sit in a folder per plan: targets/<plan-id>/<YYYY-MM-DD>.csv.
        let reportFiles = allFiles.filter { ReportCSV.reportPath($0) != nil }
        let files = allFiles.filter { ReportCSV.reportPath($0) == nil }
        let results = files.parallelMap { file -> (TargetPlan?, [Diagnostic]) in
            if let problem = reader.entryProblem(file) { return (nil, [problem]) }
            guard file.hasSuffix(".json") else {
                return (nil, [.error(SourceLocation(file: file), "load.targetsFolderHoldsOnly")])
            }
            let id = String((file.split(separator: "/").last ?? "").dropLast(".json".count))
            switch reader.readBytes(file) {
            case .failure(let problem): return (nil, [problem])
            case .success(let bytes): return TargetPlanLoader.load(id: id, file: file, data: bytes, knownMarkets: knownMarkets, treeNames: treeNames)
            }
        }
        for (_, problems) in results { diagnostics.append(contentsOf: problems) }
        unusable.formUnion(zip(files, results).filter { $0.1.0 == nil && $0.0.hasSuffix(".json") }.map(\.0))
        let reports = reportFiles.parallelMap { file -> (ReportTable?, [Diagnostic]) in
            switch reader.readBytes(file) {
            case .failure(let problem): return (nil, [problem])
            case .success(let bytes): return ReportCSV.read(file: file, bytes: bytes)
            }
        }
        for (_, problems) in reports { diagnostics.append(contentsOf: problems) }
        let failedPlans = Set(zip(files, results).filter { $0.1.0 == nil }.map { DocumentReader.slug(of: $0.0) })
        let merged = ReportMerge.apply(reports.compactMap(\.0), to: results.compactMap(\.0), knownMarkets: knownMarkets,
                                       unusablePlanIds: failedPlans)
        diagnostics.append(contentsOf: merged.diagnostics)
        let plans = merged.plans
        diagnostics.append(contentsOf: TargetPlanLoader.crossCheck(plans))
        diagnostics.append(contentsOf: duplicateSlugs(files.filter { $0.hasSuffix(".json") }))
        return plans
    }

    /// Reads every `maps/*.geojson`: the boundaries plan and area pages colour by share of target.
    private static func loadMaps(_ reader: DocumentReader, _ diagnostics: inout Diagnostics, _ unusable: inout Set<String>) -> [AreaMap] {
        let files = (try? reader.content.files(in: "maps")) ?? []
        let results = files.parallelMap { file -> (AreaMap?, [Diagnostic]) in
            if let problem = reader.entryProblem(file) { return (nil, [problem]) }
            guard file.hasSuffix(".geojson") else { return (nil, [.error(SourceLocation(file: file), "map.folderHoldsOnlyGeojson")]) }
            let id = String((file.split(separator: "/").last ?? "").dropLast(".geojson".count))
            switch reader.readBytes(file) {
            case .failure(let problem): return (nil, [problem])
            case .success(let bytes): return AreaMapLoader.load(id: id, file: file, data: bytes)
            }
        }
        for (_, problems) in results { diagnostics.append(contentsOf: problems) }
        unusable.formUnion(zip(files, results).filter { $0.1.0 == nil }.map(\.0))
        return results.compactMap(\.0)
    }

    static func duplicateSlugs(_ files: [String]) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            let slug = DocumentReader.slug(of: file)
            if let other = firstFile[slug] {
                problems.append(.error(SourceLocation(file: file), "load.nameAlreadyUsedBoth", ["slug": "\(slug)", "other": "\(other)"]))
            } else {
                firstFile[slug] = file
            }
        }
        return problems
    }

    private static func loadMedia(_ content: any ContentReading, _ diagnostics: inout Diagnostics,
                                  _ unusable: inout Set<String>) -> [MediaFile] {
        let files = (try? content.files(in: "media")) ?? []
        var media: [MediaFile] = []
        for file in files {
            if let problem = content.entryProblem(file) {
                diagnostics.append(DocumentReader.entryError(file, problem))
                unusable.insert(file)
            } else {
                media.append(MediaFile(path: file))
            }
        }
        return media
    }

    private static func loadTheme(_ content: any ContentReading, _ reader: DocumentReader, _ diagnostics: inout Diagnostics) -> [ThemeOverride] {
        let files = (try? content.files(in: "theme")) ?? []
        var overrides: [ThemeOverride] = []
        for file in files {
            switch reader.readBytes(file) {
            case .success(let bytes):
                overrides.append(ThemeOverride(name: String(file.dropFirst("theme/".count)), bytes: bytes, file: file))
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        return overrides
    }

    /// What may stand at the top of the content folder: site.yml, each Markdown kind's folder, and the rest.
    static let knownEntries = Set(ContentKind.allCases.map(\.folder)).union(["site.yml", "targets", "media", "theme", AreaTree.file, "maps"])

    /// A folder named `storys/` or a stray file at the top is probably a mistake: say so rather than ignore it.
    private static func unknownEntries(_ content: any ContentReading) -> [Diagnostic] {
        Set(content.topLevelNames()).subtracting(knownEntries).sorted().map { name in
            .warning(SourceLocation(file: name),
                "load.notPartOfContent", ["name": "\(name)", "known": "\(knownEntries.sorted().joined(separator: ", "))"])
        }
    }
}
