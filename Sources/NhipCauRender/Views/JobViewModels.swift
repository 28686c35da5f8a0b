/// Job orders (`jobs/`): the views of `/don-hang/`, its closed list, one order's page, and the
/// blocks market, area, enterprise and home pages show.

struct JobCardView: Codable {
    let title: String
    let href: String
    /// Đang nhận hồ sơ / Hết hạn nhận hồ sơ / Tạm dừng.
    let status: String
    /// `open`, `closed`, `paused`: for a CSS class.
    let statusCode: String
    let enterprise: String
    let market: String
    let occupation: String
    let positions: String
    let salary: String?
    let applyBy: String
    let applyByISO: String
    let sample: Bool
}

struct JobListView: Codable {
    let t: Wording
    let open: ListView<JobCardView>?
    let paused: ListView<JobCardView>?
    /// The closed orders' list and how many there are, when there are any.
    let closedHref: String?
    let closedCount: String?
    let downloads: [DownloadView]
}

struct JobClosedListView: Codable {
    let t: Wording
    let heading: String
    let list: ListView<JobCardView>?
    let openHref: String
    let pagination: PaginationView?
}

struct JobCostView: Codable {
    let item: String
    let amount: String
    let note: String?
    let isServiceFee: Bool
}

struct JobFactView: Codable {
    let label: String
    let value: String
    let href: String?
}

struct JobView: Codable {
    let t: Wording
    let title: String
    let status: String
    let statusCode: String
    /// Why a paused order is paused, in words, shown at the top.
    let pausedReason: String?
    let date: String
    let dateISO: String
    let applyBy: String
    let applyByISO: String
    let sample: Bool
    let summary: String?
    let facts: [JobFactView]
    let costs: ListView<JobCostView>?
    let total: String?
    let deposit: String?
    /// The market's service fee cap for this order, in words with its figures; nil without one.
    let feeCap: String?
    let feeCapBasis: String?
    let body: String
    let updated: String?
    /// schema.org `JobPosting`, only while the order is open.
    let jsonLD: String?
    let listHref: String
}

/// The open orders of a market or an area, on its page.
struct JobsBlockView: Codable {
    let list: ListView<JobCardView>
    let allHref: String
}

/// The home page's line: how many orders are open, linked to the list.
struct HomeJobsView: Codable {
    let sentence: String
    let href: String
}

/// An enterprise's orders on its page: open (or paused) ones, then past ones.
struct EnterpriseJobsView: Codable {
    let t: Wording
    let current: ListView<JobCardView>?
    let past: ListView<JobCardView>?
    let allHref: String
}
