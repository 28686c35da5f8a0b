import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site folder with one example of everything, ready to build.",
        discussion: """
        Writes DIR/HUONG-DAN.md (a short guide for officers, in Vietnamese) and DIR/content/: site.yml, \
        a story, a market, a policy, a page, a target plan with two areas and quarterly results, and an \
        image. Then `cd DIR && nhipcau build` (or `nhipcau serve`) works with no options. \
        Refuses a folder that already has files in it.

        Examples:
          nhipcau init cong-thong-tin
          nhipcau init cong-thong-tin --lang en
        """)

    @Argument(help: ArgumentHelp("The new folder (created; must be empty if it exists).", valueName: "dir"))
    var folder: String

    @OptionGroup var common: CommonOptions

    var language: Language { common.flagLanguage ?? .vi }

    func validate() throws {
        try common.check(language: language)
    }

    func run() throws {
        let language = language
        let verbosity = common.verbosity
        let today = common.today
        let url = URL(fileURLWithPath: folder)
        switch SiteScaffold.create(at: url, today: today) {
        case .success(let files):
            guard verbosity != .quiet else { return }
            for file in files { Terminal.say("  " + folder + "/" + file) }
            if verbosity == .verbose {
                Terminal.say(LocalizedText("cli.folder", ["standardizedFileURLPath": "\(url.standardizedFileURL.path)"]).text(in: language))
            }
            Terminal.say(nextSteps(language))
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }

    private func nextSteps(_ language: Language) -> String {
        LocalizedText("cli.createdSampleSiteNext", ["folder": "\(folder)"]).text(in: language)
    }
}
