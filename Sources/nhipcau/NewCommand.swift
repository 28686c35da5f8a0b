import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauBuild
import NhipCauCore
import NhipCauLoad

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new story, market, policy or page from a title.",
        discussion: """
        Writes content/<folder>/<slug>.md with its front matter filled in: the file name is made \
        from the Vietnamese title (Đà Nẵng → da-nang, at most 80 characters), the date is today. \
        A new story starts as a draft. Never overwrites an existing file.

        Works from anywhere inside the site's folder (also from content/ or content/stories/): the \
        site is the nearest folder above holding content/site.yml, unless --content names one.

        Examples:
          nhipcau new story "Chị Lan và ba năm ở Nhật Bản"
          nhipcau new market "Hàn Quốc"
          nhipcau new policy "Nghị định 112/2021/NĐ-CP"
          nhipcau new page "Hỏi đáp"
          nhipcau new notice "Lịch tư vấn tháng 12"
          nhipcau new job "Tuyển 20 thực tập sinh chế biến thực phẩm"
          nhipcau new enterprise "Công ty Cổ phần Cung ứng Nhân lực Mẫu A"
          nhipcau new warning "Cảnh báo tuyển lao động đi Hàn Quốc trái phép"
          nhipcau new event "Hội nghị tư vấn tại Ninh Sơn"
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case story, market, policy, page, notice, enterprise, warning, event, job

        var contentKind: ContentKind {
            switch self {
            case .story: .story
            case .market: .market
            case .policy: .policy
            case .page: .page
            case .notice: .notice
            case .enterprise: .enterprise
            case .warning: .warning
            case .event: .event
            case .job: .job
            }
        }
    }

    @Argument(help: "What to create: story, market, policy, page, notice, enterprise, warning, event or job.")
    var kind: Kind

    @Argument(help: "The title, in Vietnamese with accents.")
    var title: String

    @OptionGroup var lookup: SiteLookupOption

    @OptionGroup var common: CommonOptions

    private var site: Result<SiteFolder, SiteFolder.Failure> { lookup.site }

    func validate() throws {
        try common.check(language: MessageLanguage.resolve(flag: common.lang, site: site))
    }

    func run() throws {
        let site = site
        let language = MessageLanguage.resolve(flag: common.lang, site: site)
        let verbosity = common.verbosity
        let today = common.today
        let folder = try site.orExit(language: language)
        switch NewContent.create(kind: kind.contentKind, title: title, site: folder, today: today) {
        case .success(let path):
            if verbosity == .verbose {
                Terminal.say(LocalizedText("cli.site", ["contentPath": "\(folder.content.path)"]).text(in: language))
            }
            if verbosity != .quiet { Terminal.say(path) }
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }
}
