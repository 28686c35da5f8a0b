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

    public init(content: URL, output: URL, today: SimpleDate, includeDrafts: Bool = false, offline: Bool = false) {
        self.content = content
        self.output = output
        self.today = today
        self.includeDrafts = includeDrafts
        self.offline = offline
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
        var diagnostics = Diagnostics()
        let contentReader = DiskContent(root: options.content)

        let (loaded, loadProblems) = ContentLoader.load(from: contentReader)
        diagnostics.append(contentsOf: loadProblems)
        let language = loaded?.config.language ?? .vi
        guard let loaded else { return .failure(.content(diagnostics, language: language)) }

        let (assembled, siteProblems) = SiteAssembler.assemble(
            loaded, options: .init(today: options.today, includeDrafts: options.includeDrafts))
        diagnostics.append(contentsOf: siteProblems)
        let (theme, themeProblems) = Theme.make(overrides: loaded.theme, extraCSS: ChartStyles.css)
        diagnostics.append(contentsOf: themeProblems)
        guard let site = assembled, let theme else { return .failure(.content(diagnostics, language: language)) }

        let output: OutputDirectory
        do {
            output = try OutputDirectory(output: options.output, content: options.content)
        } catch {
            return .failure(.output(error, language: language))
        }

        let renderer = SiteRenderer(site: site, theme: theme, offline: options.offline)
        let written = writePages(site.pageJobs, renderer: renderer, to: output)
        diagnostics.append(contentsOf: written.diagnostics)
        var copied = 0
        if !diagnostics.hasErrors {
            switch copyFiles(site: site, theme: theme, options: options, to: output)
                .flatMap({ count in writeMachineFiles(site: site, pages: written.routes, to: output).map { count + $0 } }) {
            case .success(let count): copied = count
            case .failure(let error):
                output.discard()
                return .failure(.output(error, language: language))
            }
        }
        if let error = written.error {
            output.discard()
            return .failure(.output(error, language: language))
        }
        guard !diagnostics.hasErrors else {
            output.discard()
            return .failure(.content(diagnostics, language: language))
        }
        do {
            try output.publish()
        } catch {
            return .failure(.output(error, language: language))
        }
        return .success(BuildReport(pagesWritten: written.count, filesCopied: copied, diagnostics: diagnostics, language: language))
    }

    struct WrittenPages {
        let routes: [Route]
        var count: Int { routes.count }
        let diagnostics: [Diagnostic]
        let error: OutputError?
        /// What the search index needs of each page, in page order.
        let searchDocuments: [SearchDocument]
    }

    /// Renders every page on all cores, writing each to disk as soon as it is done;
    /// only the small search record of each page is kept in memory.
    private static func writePages(_ jobs: [PageJob], renderer: SiteRenderer, to output: OutputDirectory) -> WrittenPages {
        let results = jobs.parallelMap { job -> (Route, [Diagnostic], OutputError?, SearchDocument?) in
            let page = renderer.render(job)
            do throws(OutputError) {
                try output.write(page.html, to: page.route.outputFile)
                return (page.route, page.diagnostics, nil, page.search)
            } catch {
                return (page.route, page.diagnostics, error, page.search)
            }
        }
        return WrittenPages(routes: results.map(\.0), diagnostics: results.flatMap(\.1),
                            error: results.compactMap(\.2).first, searchDocuments: results.compactMap(\.3))
    }

    /// Feeds, sitemap and robots.txt.
    private static func writeMachineFiles(site: Site, pages: [Route], to output: OutputDirectory) -> Result<Int, OutputError> {
        let files = MachineFiles.files(for: site, pages: pages)
        do {
            for file in files { try output.write(file.text, to: file.path) }
            return .success(files.count)
        } catch {
            return .failure(error)
        }
    }

    private static func copyFiles(site: Site, theme: Theme, options: BuildOptions, to output: OutputDirectory) -> Result<Int, OutputError> {
        do {
            for file in site.media {
                try output.copy(options.content.appendingPathComponent(file.path), to: file.path)
            }
            for (path, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
                try output.write(bytes, to: path)
            }
            for plan in site.plans {
                try output.write(PlanData.csv(plan), to: Routes.planCSV(plan.id).path)
                try output.copy(options.content.appendingPathComponent(plan.sourceFile), to: Routes.planJSON(plan.id).path)
            }
            return .success(site.media.count + theme.assets.count + site.plans.count * 2)
        } catch {
            return .failure(error)
        }
    }
}
