import ArgumentParser
import Foundation
import NhipCauBuild
import NhipCauCore
import NhipCauLoad

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new story, market, policy or page from a title.",
        discussion: """
        Writes content/<folder>/<slug>.md with its front matter filled in: the file name is made
        from the Vietnamese title (Đà Nẵng → da-nang), the date is today. A new story starts as a
        draft. Never overwrites an existing file.

        Examples:
          nhipcau new story "Chị Lan và ba năm ở Nhật Bản"
          nhipcau new market "Hàn Quốc"
          nhipcau new policy "Nghị định 112/2021/NĐ-CP"
          nhipcau new page "Hỏi đáp"
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case story, market, policy, page

        var contentKind: ContentKind {
            switch self {
            case .story: .story
            case .market: .market
            case .policy: .policy
            case .page: .page
            }
        }
    }

    @Argument(help: "What to create: story, market, policy or page.")
    var kind: Kind

    @Argument(help: "The title, in Vietnamese with accents.")
    var title: String

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The date to write, YYYY-MM-DD (default: today).", valueName: "date"))
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
        switch NewContent.create(kind: kind.contentKind, title: title, content: URL(fileURLWithPath: content), today: today) {
        case .success(let path):
            print(path)
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }
}
