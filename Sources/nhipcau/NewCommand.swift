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
        abstract: "Start a new content file (a story, market, policy, page, notice, event, enterprise, warning or job order) from a title, or a plan's report sheet.",
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

        A quarterly report as a spreadsheet: `nhipcau new report <plan-id> --date YYYY-MM-DD` \
        writes content/targets/<plan-id>/<date>.csv, the date being the report's date (the end of \
        the period, e.g. 2021-03-25), with one empty row per area that reports. Open it in Excel, \
        fill in `count` (workers sent in the period) and any market:<slug> / group:<id> columns, \
        save as CSV (`;` or `,` both work; numbers as 1200 or 1.200). Rows left empty are not \
        reported yet. A period is written either here or in the plan's JSON file, never both.
          nhipcau new report ninh-thuan-2021 --date 2021-03-25
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case story, market, policy, page, notice, enterprise, warning, event, job, report

        var contentKind: ContentKind? {
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
            case .report: nil
            }
        }
    }

    @Argument(help: "What to create: story, market, policy, page, notice, enterprise, warning, event, job, or report (a plan's spreadsheet for one period).")
    var kind: Kind

    @Argument(help: "The title, in Vietnamese with accents; for a report, the plan's id (its file name in targets/ without .json).")
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
        guard let contentKind = kind.contentKind else {
            return try report(site: folder, date: today, language: language)
        }
        switch NewContent.create(kind: contentKind, title: title, site: folder, today: today) {
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

    private func report(site: SiteFolder, date: SimpleDate, language: Language) throws {
        switch NewReport.create(planId: title, site: site, date: date) {
        case .success(let path):
            if common.verbosity != .quiet { Terminal.say(path) }
        case .failure(let failure):
            Report.line(failure.message(in: language))
            throw ExitCode(1)
        }
    }
}
