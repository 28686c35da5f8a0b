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
        charts.css), the search script (theme/assets/search.js) and the site's words \
        (theme/i18n/vi.yml, en.yml). A build uses each file of \
        content/theme/ in place of the default of the same name: edit the ones you want to change \
        and delete the others, so they keep following NhipCau's updates. docs/content.md lists each \
        template's fields. Refuses to overwrite a file that is already there, unless --force.

        Examples:
          nhipcau theme
          nhipcau theme --content content --force
        """)

    @OptionGroup var lookup: SiteLookupOption

    @Flag(name: .long, help: "Overwrite theme files that are already there.")
    var force = false

    @OptionGroup var messages: MessageOptions

    private var site: Result<SiteFolder, SiteFolder.Failure> { lookup.site }

    func validate() throws {
        try messages.check(language: MessageLanguage.resolve(flag: messages.lang, site: site))
    }

    func run() throws {
        let site = site
        let language = MessageLanguage.resolve(flag: messages.lang, site: site)
        let verbosity = messages.verbosity
        let folder = try site.orExit(language: language)
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
