import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Write the default theme into content/theme/, to start changing how the site looks.",
        discussion: """
        Writes every template (theme/templates/*.mustache), the stylesheets (theme/assets/style.css, \
        charts.css) and the search script (theme/assets/search.js). A build uses each file of \
        content/theme/ in place of the default of the same name: edit the ones you want to change \
        and delete the others, so they keep following NhipCau's updates. docs/content.md lists each \
        template's fields. Refuses to overwrite a file that is already there, unless --force.

        Examples:
          nhipcau theme
          nhipcau theme --content content --force
        """)

    @Option(name: .long, help: ArgumentHelp("The content folder (default: content/ of the site this folder is in).", valueName: "dir"))
    var content: String?

    @Flag(name: .long, help: "Overwrite theme files that are already there.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Language of messages: vi or en (default: the site's language).", valueName: "lang"))
    var lang: String?

    @Flag(name: .long, help: "Print only errors (not the files written).")
    var quiet = false

    @Flag(name: .long, help: "Also print which site the theme was written to.")
    var verbose = false

    private var site: Result<SiteFolder, SiteFolder.Failure> {
        SiteFolder.locate(content: content, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    func validate() throws {
        try Usage.validate(date: nil, lang: lang, quiet: quiet, verbose: verbose,
                           language: MessageLanguage.resolve(flag: lang, site: site))
    }

    func run() throws {
        let site = site
        let language = MessageLanguage.resolve(flag: lang, site: site)
        let verbosity = Verbosity(quiet: quiet, verbose: verbose)
        let folder: SiteFolder
        switch site {
        case .success(let found): folder = found
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
        switch ThemeExport.write(into: folder, force: force) {
        case .success(let paths):
            guard verbosity != .quiet else { return }
            if verbosity == .verbose {
                Terminal.say(LocalizedText("cli.site", ["contentPath": "\(folder.content.path)"]).text(in: language))
            }
            for path in paths { Terminal.say("  " + path) }
            Terminal.say(LocalizedText("cli.wroteThemeFilesEdit", ["pathsCount": "\(paths.count)"]).text(in: language))
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }
}
