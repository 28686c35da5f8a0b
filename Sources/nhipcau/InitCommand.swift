import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site folder with one example of everything, ready to build.",
        discussion: """
        Writes DIR/HUONG-DAN.md (a short guide for officers, in Vietnamese) and DIR/content/: site.yml,
        a story, a market, a policy, a page, a target plan with two areas and quarterly results, and an
        image. Then `cd DIR && nhipcau build` (or `nhipcau serve`) works with no options.
        Refuses a folder that already has files in it.

        Examples:
          nhipcau init cong-thong-tin
          nhipcau init cong-thong-tin --lang en
        """)

    @Argument(help: ArgumentHelp("The new folder (created; must be empty if it exists).", valueName: "dir"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The date of the example story, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: "Language of messages: vi or en.")
    var lang: String = "vi"

    func validate() throws {
        if let date, SimpleDate(iso: date) == nil {
            throw ValidationError("--date must be a real day written YYYY-MM-DD (got '\(date)').")
        }
        if Language(rawValue: lang) == nil { throw ValidationError("--lang must be vi or en.") }
    }

    func run() throws {
        let language = Language(rawValue: lang) ?? .vi
        let today = date.flatMap(SimpleDate.init(iso:)) ?? Clock.today()
        switch SiteScaffold.create(at: URL(fileURLWithPath: folder), today: today) {
        case .success(let files):
            for file in files { Terminal.say("  " + folder + "/" + file) }
            Terminal.say(nextSteps(language))
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }

    private func nextSteps(_ language: Language) -> String {
        language == .vi
            ? "Đã tạo trang mẫu trong \(folder)/. Tiếp theo: cd \(folder) && nhipcau serve — rồi đọc \(folder)/HUONG-DAN.md."
            : "Created a sample site in \(folder)/. Next: cd \(folder) && nhipcau serve — then read \(folder)/HUONG-DAN.md."
    }
}
