import NhipCauTemplates
import NhipCauCore

/// Every word the theme itself writes, in the site's language. Templates read them as `{{t.name}}`.
public struct UIStrings: Sendable, Encodable {
    /// Which table this is; templates may read it as `{{t.language}}`.
    let language: Language
    let skipToContent: String
    let menu: String
    let home: String
    let stories: String
    let markets: String
    let policies: String
    let plans: String
    let areas: String
    let search: String
    let contact: String
    let hotline: String
    let email: String
    let address: String
    let breadcrumb: String
    let latestStories: String
    let allStories: String
    let allMarkets: String
    let allPolicies: String
    let published: String
    let updated: String
    let person: String
    let market: String
    let area: String
    let tags: String
    let relatedStories: String
    let storiesOfMarket: String
    let country: String
    let income: String
    let incomePerMonth: String
    let cost: String
    let costNote: String
    let contract: String
    let sectors: String
    let requirements: String
    let policyNumber: String
    let issuer: String
    let issued: String
    let effective: String
    let expires: String
    let status: String
    let replacedBy: String
    let replaces: String
    let previousPage: String
    let nextPage: String
    let pageOf: String
    let pagination: String
    let noStories: String
    let notFoundTitle: String
    let notFoundText: String
    let storiesTagged: String
    let marketsTableCaption: String
    let policiesTableCaption: String
    let progress: String
    let footerNote: String
    let sampleData: String
    let period: String
    let target: String
    let achieved: String
    let percentOfTarget: String
    let remaining: String
    let plan: String
    let plansIntro: String
    let plansTableCaption: String
    let downloadData: String
    let storiesOfArea: String
    let workersByPlan: String
    let workers: String
    let seePlan: String
    let storyKind: String
    let policyKind: String
    let pageKind: String
    let searchIntro: String
    let searchLabel: String
    let searchButton: String
    /// `{q}` is replaced by the words typed, `{n}` by the number of pages found.
    let searchFound: String
    let searchNone: String
    /// The heading over pages that hold all the words but one.
    let searchNear: String
    /// `{m}` is replaced by the number of pages holding all the words but one.
    let searchFoundNear: String
    let searchNoneNear: String
    let searchMore: String
    let searchFailed: String
    let searchNoScript: String
    let searchBrowse: String
    /// The home page's `h1`: what the portal is about, beside the site's name in the header.
    let homeHeading: String
    let willBeReplacedBy: String
    /// Before a date: "từ 01/01/2022".
    let fromDay: String
    let sampleStory: String
    let sampleStoryNote: String
    let notices: String
    let noticeKind: String
    let currentNotices: String
    let expiredNotices: String
    let allNotices: String
    let validUntil: String
    let noticeExpired: String
    let sampleNotice: String
    let sampleNoticeNote: String

    public static func forLanguage(_ language: Language) -> UIStrings {
        language == .vi ? vietnamese : english
    }

    /// Every page shows `t`; encoding its seventy strings once per page was a tenth of rendering.
    private static let encoded = (
        vi: TemplateEncoder.encodeFields(of: vietnamese), en: TemplateEncoder.encodeFields(of: english))

    static let vietnamese = UIStrings(
        language: .vi,
        skipToContent: "Bỏ qua, đến nội dung chính", menu: "Danh mục", home: "Trang chủ",
        stories: "Câu chuyện thành công", markets: "Thị trường", policies: "Chính sách", plans: "Chỉ tiêu",
        areas: "Địa bàn", search: "Tìm kiếm", contact: "Liên hệ", hotline: "Đường dây nóng", email: "Thư điện tử",
        address: "Địa chỉ", breadcrumb: "Bạn đang ở", latestStories: "Câu chuyện mới", allStories: "Xem tất cả câu chuyện",
        allMarkets: "So sánh các thị trường", allPolicies: "Xem tất cả văn bản", published: "Ngày đăng", updated: "Cập nhật",
        person: "Nhân vật", market: "Thị trường", area: "Địa bàn", tags: "Chủ đề", relatedStories: "Câu chuyện liên quan",
        storiesOfMarket: "Câu chuyện từ thị trường này", country: "Quốc gia", income: "Thu nhập", incomePerMonth: "Thu nhập mỗi tháng",
        cost: "Chi phí tối đa", costNote: "số tiền nhiều nhất người lao động phải trả", contract: "Thời hạn hợp đồng", sectors: "Ngành nghề",
        requirements: "Điều kiện", policyNumber: "Số hiệu", issuer: "Cơ quan ban hành", issued: "Ngày ban hành",
        effective: "Ngày có hiệu lực", expires: "Ngày hết hiệu lực", status: "Tình trạng", replacedBy: "Được thay thế bởi",
        replaces: "Thay thế cho", previousPage: "Trang trước", nextPage: "Trang sau", pageOf: "Trang", pagination: "Phân trang",
        noStories: "Chưa có câu chuyện nào.", notFoundTitle: "Không tìm thấy trang",
        notFoundText: "Trang bạn tìm không có hoặc đã được chuyển đi. Mời bạn về trang chủ hoặc xem các mục dưới đây.",
        storiesTagged: "Câu chuyện về chủ đề", marketsTableCaption: "So sánh các thị trường lao động (mức tham khảo)",
        policiesTableCaption: "Danh mục văn bản chính sách", progress: "Tiến độ thực hiện chỉ tiêu",
        footerNote: "Thông tin chính thức về đưa người lao động đi làm việc ở nước ngoài theo hợp đồng.",
        sampleData: "số liệu mẫu", period: "Thời gian", target: "Chỉ tiêu", achieved: "Đã thực hiện",
        percentOfTarget: "Tỷ lệ so với chỉ tiêu", remaining: "Còn lại", plan: "Kế hoạch",
        plansIntro: "Chỉ tiêu đưa người lao động đi làm việc ở nước ngoài theo hợp đồng và kết quả thực hiện, tính đến ngày cập nhật trang.",
        plansTableCaption: "Các kế hoạch và kết quả thực hiện", downloadData: "Tải số liệu",
        storiesOfArea: "Câu chuyện ở địa bàn này", workersByPlan: "Số lao động đi thị trường này theo từng kế hoạch",
        workers: "Số lao động", seePlan: "Xem chi tiết kế hoạch",
        storyKind: "Câu chuyện", policyKind: "Văn bản chính sách", pageKind: "Trang thông tin",
        searchIntro: "Gõ từ cần tìm, có dấu hay không dấu đều được, ví dụ: nhat ban, vay von.",
        searchLabel: "Từ cần tìm", searchButton: "Tìm",
        searchFound: "Kết quả cho “{q}”: {n} trang.",
        searchNone: "Không có trang nào chứa “{q}”. Hãy thử từ khác, hoặc xem theo danh mục bên dưới.",
        searchNear: "Trang có gần đủ các từ (thiếu một từ)",
        searchFoundNear: "Kết quả cho “{q}”: {n} trang có đủ các từ, {m} trang có gần đủ.",
        searchNoneNear: "Không có trang nào chứa đủ các từ “{q}”; {m} trang có gần đủ (thiếu một từ).",
        searchMore: "Xem thêm kết quả",
        searchFailed: "Không tải được dữ liệu tìm kiếm (có thể trang đang được mở từ tệp trên máy, không qua máy chủ web). Hãy xem theo danh mục bên dưới.",
        searchNoScript: "Ô tìm kiếm chạy ngay trong trình duyệt và cần JavaScript. Nếu trình duyệt của bạn không chạy được, mọi trang vẫn có trong các danh mục dưới đây.",
        searchBrowse: "Xem theo danh mục",
        homeHeading: "Thông tin chính thống về đi làm việc ở nước ngoài theo hợp đồng",
        willBeReplacedBy: "Sẽ được thay thế bởi", fromDay: "từ",
        sampleStory: "Câu chuyện minh họa",
        sampleStoryNote: "Nhân vật được đặt tên giả định, các chi tiết được dựng để minh họa cho cổng thông tin.",
        notices: "Thông báo", noticeKind: "Thông báo", currentNotices: "Thông báo đang có hiệu lực",
        expiredNotices: "Thông báo đã hết hạn", allNotices: "Tất cả thông báo", validUntil: "Có hiệu lực đến",
        noticeExpired: "Thông báo này đã hết hạn.", sampleNotice: "Thông báo mẫu",
        sampleNoticeNote: "Thông báo này được soạn để minh họa cho cổng thông tin, không phải thông báo thật.")

    static let english = UIStrings(
        language: .en,
        skipToContent: "Skip to main content", menu: "Menu", home: "Home",
        stories: "Success stories", markets: "Markets", policies: "Policies", plans: "Targets",
        areas: "Areas", search: "Search", contact: "Contact", hotline: "Hotline", email: "E-mail",
        address: "Address", breadcrumb: "You are here", latestStories: "Latest stories", allStories: "All stories",
        allMarkets: "Compare markets", allPolicies: "All policies", published: "Published", updated: "Updated",
        person: "Person", market: "Market", area: "Area", tags: "Topics", relatedStories: "Related stories",
        storiesOfMarket: "Stories from this market", country: "Country", income: "Income", incomePerMonth: "Monthly income",
        cost: "Maximum cost", costNote: "the most a worker pays", contract: "Contract length", sectors: "Sectors",
        requirements: "Requirements", policyNumber: "Number", issuer: "Issued by", issued: "Issued",
        effective: "In force from", expires: "Expires", status: "Status", replacedBy: "Replaced by",
        replaces: "Replaces", previousPage: "Previous page", nextPage: "Next page", pageOf: "Page", pagination: "Pagination",
        noStories: "No stories yet.", notFoundTitle: "Page not found",
        notFoundText: "The page you are looking for does not exist or has moved. Go to the home page or one of the sections below.",
        storiesTagged: "Stories about", marketsTableCaption: "Labour markets compared (reference figures)",
        policiesTableCaption: "Register of policy documents", progress: "Progress toward targets",
        footerNote: "Official information about working abroad under contract.",
        sampleData: "sample data", period: "Period", target: "Target", achieved: "Achieved",
        percentOfTarget: "Share of target", remaining: "Remaining", plan: "Plan",
        plansIntro: "Targets for placing workers abroad under contract, and what has been achieved, as of this site's last update.",
        plansTableCaption: "Plans and results", downloadData: "Download the data",
        storiesOfArea: "Stories from this area", workersByPlan: "Workers who went to this market, by plan",
        workers: "Workers", seePlan: "See the plan in detail",
        storyKind: "Story", policyKind: "Policy document", pageKind: "Information page",
        searchIntro: "Type what you are looking for, with or without Vietnamese accents, for example: nhat ban, vay von.",
        searchLabel: "Search for", searchButton: "Search",
        searchFound: "Pages found for “{q}”: {n}.",
        searchNone: "No page contains “{q}”. Try other words, or browse the sections below.",
        searchNear: "Pages with all the words but one",
        searchFoundNear: "Pages found for “{q}”: {n} with every word, {m} with all the words but one.",
        searchNoneNear: "No page contains every word of “{q}”; {m} pages contain all but one.",
        searchMore: "More results",
        searchFailed: "The search data could not be loaded (the page may have been opened from a file rather than through a web server). Browse the sections below.",
        searchNoScript: "The search box runs in your browser and needs JavaScript. If it does not work, every page is also listed in the sections below.",
        searchBrowse: "Browse by section",
        homeHeading: "Official information on working abroad under contract",
        willBeReplacedBy: "To be replaced by", fromDay: "from",
        sampleStory: "Sample story",
        sampleStoryNote: "The person's name is made up and the details are put together to illustrate this portal.",
        notices: "Notices", noticeKind: "Notice", currentNotices: "Current notices", expiredNotices: "Expired notices",
        allNotices: "All notices", validUntil: "Valid until", noticeExpired: "This notice has expired.",
        sampleNotice: "Sample notice",
        sampleNoticeNote: "This notice was written to illustrate the portal; it announces nothing real.")
}

extension UIStrings {
    /// The word named `key` (a field's name, as templates write it in `{{t.key}}`); the key itself
    /// when there is no such word, so a declaration naming a missing word shows up on the page and in tests.
    func word(_ key: String) -> String {
        guard case .object(let words) = templateValue, case .string(let word)? = words[key] else { return key }
        return word
    }
}

extension UIStrings: TemplateValueConvertible {
    public var templateValue: TemplateValue {
        language == .vi ? Self.encoded.vi : Self.encoded.en
    }
}
