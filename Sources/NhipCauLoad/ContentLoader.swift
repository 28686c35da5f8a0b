import NhipCauCore

/// Everything read from `content/`, typed and checked file by file. References between files
/// (a story's market, a policy's replacement) are checked when the site is assembled.
public struct LoadedContent: Sendable {
    public let config: SiteConfig
    public let stories: [Story]
    public let markets: [Market]
    public let policies: [Policy]
    public let pages: [Page]
    /// Target plans from `targets/*.json`, by file name.
    public let plans: [TargetPlan]
    public let media: [MediaFile]
    public let theme: [ThemeOverride]
    /// Content files (paths from the content folder) that are there under a valid name but could
    /// not be loaded for errors of their own. What refers to them is not reported again: only the
    /// file's own errors are, and the build stops on those.
    public let unusableFiles: Set<String>
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
    public static func loadReadable(from content: any ContentReading) -> (content: LoadedContent?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let config = SiteConfigLoader.load(from: content, diagnostics: &diagnostics)
        let limit = config?.maxFileBytes ?? SiteConfig.defaultMaxFileBytes
        let reader = DocumentReader(content: content, maxBytes: limit)

        var unusable = Set<String>()
        let stories = loadKind(.story, reader, &diagnostics, &unusable, parse: StoryParser.parse).models
        let markets = loadKind(.market, reader, &diagnostics, &unusable, parse: MarketParser.parse)
        let policies = loadKind(.policy, reader, &diagnostics, &unusable, parse: PolicyParser.parse).models
        let pages = loadKind(.page, reader, &diagnostics, &unusable, parse: PageParser.parse).models
        // A market file with an error of its own still names a market: plans that refer to it
        // are not wrong too, so only that file's error is shown.
        let plans = loadPlans(reader, knownMarkets: markets.slugs, &diagnostics, &unusable)
        let media = loadMedia(content, &diagnostics, &unusable)
        let theme = loadTheme(content, reader, &diagnostics)
        diagnostics.append(contentsOf: unknownEntries(content))

        guard let config else { return (nil, diagnostics) }
        return (LoadedContent(config: config, stories: stories, markets: markets.models, policies: policies,
                              pages: pages, plans: plans, media: media, theme: theme, unusableFiles: unusable), diagnostics)
    }

    /// Reads and parses every `.md` file of one kind on all cores, then checks slugs are unique.
    /// `slugs` names every file with a valid name, parsed or not, so that references to a file
    /// with an error of its own are not reported as well.
    private static func loadKind<Model: Sendable>(
        _ kind: ContentKind, _ reader: DocumentReader, _ diagnostics: inout Diagnostics, _ unusable: inout Set<String>,
        parse: @escaping @Sendable (inout FrontMatter, ContentDocument) -> Model?
    ) -> (models: [Model], slugs: Set<String>) {
        let files: [String]
        do {
            files = try reader.content.files(in: kind.folder)
        } catch {
            diagnostics.append(.error(SourceLocation(file: kind.folder), "load.cannotReadFolder", ["error": .message(SystemReason.of(error))]))
            return ([], [])
        }
        let results = files.parallelMap { file -> (Model?, [Diagnostic]) in
            switch reader.readDocument(file, kind: kind) {
            case .failure(let problem):
                return (nil, [problem])
            case .success(let (parsedFrontMatter, document)):
                var frontMatter = parsedFrontMatter
                let model = parse(&frontMatter, document)
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
    private static func loadPlans(_ reader: DocumentReader, knownMarkets: Set<String>, _ diagnostics: inout Diagnostics,
                                  _ unusable: inout Set<String>) -> [TargetPlan] {
        let files = (try? reader.content.files(in: "targets")) ?? []
        let results = files.parallelMap { file -> (TargetPlan?, [Diagnostic]) in
            if let problem = reader.entryProblem(file) { return (nil, [problem]) }
            guard file.hasSuffix(".json") else {
                return (nil, [.error(SourceLocation(file: file), "load.targetsFolderHoldsOnly")])
            }
            let id = String((file.split(separator: "/").last ?? "").dropLast(".json".count))
            switch reader.readBytes(file) {
            case .failure(let problem): return (nil, [problem])
            case .success(let bytes): return TargetPlanLoader.load(id: id, file: file, data: bytes, knownMarkets: knownMarkets)
            }
        }
        for (_, problems) in results { diagnostics.append(contentsOf: problems) }
        unusable.formUnion(zip(files, results).filter { $0.1.0 == nil && $0.0.hasSuffix(".json") }.map(\.0))
        let plans = results.compactMap(\.0)
        diagnostics.append(contentsOf: TargetPlanLoader.crossCheck(plans))
        diagnostics.append(contentsOf: duplicateSlugs(files.filter { $0.hasSuffix(".json") }))
        return plans
    }

    private static func duplicateSlugs(_ files: [String]) -> [Diagnostic] {
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

    static let knownEntries: Set<String> = ["site.yml", "stories", "markets", "policies", "pages", "targets", "media", "theme"]

    /// A folder named `storys/` or a stray file at the top is probably a mistake: say so rather than ignore it.
    private static func unknownEntries(_ content: any ContentReading) -> [Diagnostic] {
        let topLevel = Set(((try? content.files(in: "")) ?? []).map { String($0.split(separator: "/")[0]) })
        return topLevel.subtracting(knownEntries).sorted().map { name in
            .warning(SourceLocation(file: name),
                "load.notPartOfContent", ["name": "\(name)", "known": "\(knownEntries.sorted().joined(separator: ", "))"])
        }
    }
}

/// Reads one content file with every guard an officer's folder needs: size, binary, encoding, links
/// out of the folder or to folders, named pipes and other special files.
struct DocumentReader: Sendable {
    let content: any ContentReading
    let maxBytes: Int

    /// The file name without its extension: the page's or plan's address.
    static func slug(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".md", ".json"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    static func entryError(_ file: String, _ problem: ContentEntryProblem) -> Diagnostic {
        let location = SourceLocation(file: file)
        switch problem {
        case .linkOutside:
            return .error(location, "load.symbolicLinkPointingOutside")
        case .linkDangling:
            return .error(location, "load.symbolicLinkFileDoes")
        case .linkToFolder:
            return .error(location, "load.symbolicLinkFolderFolder")
        case .notAFile:
            return .error(location, "load.notRegularFileBut")
        }
    }

    /// The error for a link or special file at `file`, nil for a file that may be read.
    func entryProblem(_ file: String) -> Diagnostic? {
        content.entryProblem(file).map { Self.entryError(file, $0) }
    }

    func readBytes(_ file: String) -> Result<[UInt8], Diagnostic> {
        if let problem = entryProblem(file) { return .failure(problem) }
        if let size = content.size(of: file), size > maxBytes {
            return .failure(.error(SourceLocation(file: file), "load.fileTooLargeKb", ["size": .integer(Self.kilobytes(size)), "maxBytes": .integer(Self.kilobytes(maxBytes))]))
        }
        do {
            return .success(try content.read(file))
        } catch {
            return .failure(.error(SourceLocation(file: file), "load.cannotReadFile", ["error": .message(SystemReason.of(error))]))
        }
    }

    /// Rounded up, so a file one byte over the limit never reads as the limit itself.
    /// Whole kilobytes, rounded up: a file one byte over the limit is not shown as being at it.
    static func kilobytes(_ bytes: Int) -> Int {
        (bytes + 1023) / 1024
    }

    func readText(_ file: String) -> Result<String, Diagnostic> {
        readBytes(file).flatMap { SourceText.decode($0, file: file) }
    }

    func readDocument(_ file: String, kind: ContentKind) -> Result<(FrontMatter, ContentDocument), Diagnostic> {
        if let problem = entryProblem(file) { return .failure(problem) }
        guard file.hasSuffix(".md") else {
            return .failure(.error(SourceLocation(file: file), "load.folderHoldsOnlyMarkdown", ["folder": "\(kind.folder)"]))
        }
        let slug = Self.slug(of: file)
        guard VietnameseText.isValidSlug(slug) else {
            let suggestion = VietnameseText.slug(slug)
            let rename: MessageArgument = suggestion.isEmpty ? "" : .message(LocalizedText("load.renameTo", ["suggestion": "\(suggestion)"]))
            return .failure(.error(SourceLocation(file: file), "load.fileNameLettersOnly", ["slug": "\(slug)", "rename": rename]))
        }
        return readText(file).flatMap { text in
            if text.isBlank {
                return .failure(.error(SourceLocation(file: file), "load.fileEmptyCopySample"))
            }
            return SplitDocument.split(text, file: file).flatMap { split in
                FrontMatter.parse(split.frontMatter, file: file, firstLine: split.frontMatterLine, closingLine: split.closingLine).map { frontMatter in
                    var frontMatter = frontMatter
                    let updated = frontMatter.date("updated")
                    let document = ContentDocument(kind: kind, slug: slug, file: file, body: .inFile,
                                                   bodyLine: split.bodyLine, frontMatterSource: split.frontMatter,
                                                   updated: updated,
                                                   updatedLocation: updated.map { _ in frontMatter.location(of: "updated") })
                    return (frontMatter, document)
                }
            }
        }
    }
}
