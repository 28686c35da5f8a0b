import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore

/// `--lang`, `--quiet` and `--verbose`: how every command speaks, declared once.
struct MessageOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of messages: vi or en (default: the site's language, else vi).", valueName: "lang"))
    var lang: String?

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Print more: how long each step took, and which folder was used.")
    var verbose = false

    var verbosity: Verbosity { Verbosity(quiet: quiet, verbose: verbose) }

    /// The language `--lang` names, when it names one.
    var flagLanguage: Language? { lang.flatMap(Language.init(rawValue:)) }

    /// Usage errors in these options (and `date`, when the command takes one), said in `language`.
    func check(language: Language, date: String? = nil) throws {
        try Usage.validate(date: date, lang: lang, quiet: quiet, verbose: verbose, language: language)
    }
}

/// `--date` and the message options: what every command that works with a day takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The day to work as, YYYY-MM-DD (default: today): the build date for drafts, policy status and progress; the date written into new files.", valueName: "date"))
    var date: String?

    @OptionGroup var messages: MessageOptions

    var lang: String? { messages.lang }
    var verbose: Bool { messages.verbose }
    var verbosity: Verbosity { messages.verbosity }
    var flagLanguage: Language? { messages.flagLanguage }

    /// `--date`, else the real date.
    var today: SimpleDate { date.flatMap(SimpleDate.init(written:)) ?? Clock.today() }

    func check(language: Language) throws {
        try messages.check(language: language, date: date)
    }
}

/// `--content`, for the commands that work on the content folder named from where they run.
struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "content"

    /// `--lang`, else the language of this folder's site.yml, else Vietnamese.
    func language(_ common: CommonOptions) -> Language {
        MessageLanguage.resolve(flag: common.lang, content: content)
    }
}

/// `--cache`, for the commands that process images (build, check).
struct CacheOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Where processed images are kept between builds (default: .nhipcau-cache beside the content folder).", valueName: "dir"))
    var cache: String?

    var folder: URL? { cache.map { URL(fileURLWithPath: $0) } }
}

/// `--content` for the commands that find their site upwards from the current folder (new, theme).
struct SiteLookupOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder (default: content/ of the site this folder is in).", valueName: "dir"))
    var content: String?

    var site: Result<SiteFolder, SiteFolder.Failure> {
        SiteFolder.locate(content: content, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}

extension Result where Success == SiteFolder, Failure == SiteFolder.Failure {
    /// The site found, or its failure said in `language` and exit status 1.
    func orExit(language: Language) throws -> SiteFolder {
        switch self {
        case .success(let folder): return folder
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }
}
