import NhipCauCore
import NhipCauLoad

/// Where a published job order stands on the build date, in the words the pages use.
public enum JobStatus: Sendable, Hashable {
    /// Đang nhận hồ sơ: posted, not past `apply_by`, and its enterprise may operate today.
    case open
    /// Hết hạn nhận hồ sơ: past `apply_by`.
    case closed
    /// Tạm dừng: not past `apply_by`, but its enterprise is suspended or has lost its licence today.
    case paused(EnterpriseStatus)

    public var code: String {
        switch self {
        case .open: "open"
        case .closed: "closed"
        case .paused: "paused"
        }
    }

    /// The key of its words in the theme's wording (`job.open`: "Đang nhận hồ sơ").
    public var wordingKey: String { "job." + code }
}

/// The published job orders (dated on or before the build date), each with its status, and the
/// lists the pages show. Built once when the site is assembled.
public struct JobIndex: Sendable {
    /// Every published order: open ones by closing date, then paused, then closed (latest closing first).
    public let all: [Job]
    public let open: [Job]
    public let paused: [Job]
    public let closed: [Job]
    public let statuses: [String: JobStatus]
    /// Open orders by market slug and by area id; every published order by enterprise slug.
    public let openByMarket: [String: [Job]]
    public let openByArea: [String: [Job]]
    public let byEnterprise: [String: [Job]]
    /// Orders dated after the build date exist: the list page is there (saying none is open yet), so
    /// links to it, such as a home page shortcut, hold on every build date.
    public var hasScheduled = false
    /// Whether `/don-hang/` and its downloads are published.
    public var isListed: Bool { !all.isEmpty || hasScheduled }

    public static let empty = JobIndex(jobs: [], today: SimpleDate(year: 2000, month: 1, day: 1)!, status: { _ in .closed })

    /// Twenty closed orders a page: a few screens on a phone.
    public static let closedPerPage = 20

    public var closedPageCount: Int { max(1, (closed.count + Self.closedPerPage - 1) / Self.closedPerPage) }

    public func status(of job: Job) -> JobStatus { statuses[job.document.slug] ?? .closed }

    init(jobs: [Job], today: SimpleDate, status: (Job) -> JobStatus) {
        var statuses: [String: JobStatus] = [:]
        for job in jobs { statuses[job.document.slug] = status(job) }
        let bySlug = { (job: Job) in statuses[job.document.slug] ?? .closed }
        let soonestFirst = { (a: Job, b: Job) in (a.applyBy, a.title, a.document.slug) < (b.applyBy, b.title, b.document.slug) }
        open = jobs.filter { bySlug($0) == .open }.sorted(by: soonestFirst)
        paused = jobs.filter { if case .paused = bySlug($0) { true } else { false } }.sorted(by: soonestFirst)
        closed = jobs.filter { bySlug($0) == .closed }
            .sorted { ($0.applyBy, $1.title, $1.document.slug) > ($1.applyBy, $0.title, $0.document.slug) }
        all = open + paused + closed
        self.statuses = statuses
        openByMarket = Dictionary(grouping: open) { $0.market.value }
        var byArea: [String: [Job]] = [:]
        for job in open {
            for area in Set(job.areas.map(\.value)).sorted() { byArea[area, default: []].append(job) }
        }
        openByArea = byArea
        byEnterprise = Dictionary(grouping: all) { $0.enterprise.value }
    }
}

extension SiteAssembler {
    /// The status of `job` on `today` given its enterprise's status that day.
    static func jobStatus(_ job: Job, today: SimpleDate, enterprise: EnterpriseStatus?) -> JobStatus {
        if job.applyBy < today { return .closed }
        if let enterprise, !enterprise.isActive { return .paused(enterprise) }
        return .open
    }

    /// Orders dated after the build date: published from that day, linked to as text until then.
    static func scheduledJobs(_ content: LoadedContent, options: Options) -> [(Route, Unpublished)] {
        content.jobs.filter { !options.includeDrafts && $0.date > options.today }.map { job in
            (Routes.job(job.document.slug), Unpublished.scheduled(job.date))
        }
    }

    static func jobIndex(_ content: LoadedContent, options: Options, enterprises: [String: Enterprise]) -> JobIndex {
        let published = content.jobs.filter { options.includeDrafts || $0.date <= options.today }
        var index = JobIndex(jobs: published, today: options.today) { job in
            jobStatus(job, today: options.today, enterprise: enterprises[job.enterprise.value]?.status(on: options.today))
        }
        index.hasScheduled = published.count < content.jobs.count
        return index
    }

    /// Each order's enterprise, market and areas exist; the enterprise was licensed on the posting
    /// day; the service fee is within the market's cap.
    static func checkJobs(_ content: LoadedContent, markets: [String: Market], enterprises: [String: Enterprise],
                          areaIDs: KnownAreas) -> [Diagnostic] {
        content.jobs.flatMap { job -> [Diagnostic] in
            var problems = [checkMarket(job.market, key: "market", markets: markets)].compactMap { $0 }
                + job.areas.compactMap { checkArea($0, areaIDs: areaIDs) }
            if job.document.slug == Routes.closedJobsName {
                problems.append(.error(SourceLocation(file: job.document.file), "assemble.jobSlugReserved", ["slug": "\(Routes.closedJobsName)"]))
            }
            if let enterprise = enterprises[job.enterprise.value] {
                problems += [checkLicence(job, enterprise: enterprise)].compactMap { $0 }
            } else {
                problems.append(Diagnostic.error(job.enterprise.location, "assemble.jobUnknownEnterprise",
                                                 ["enterprise": "\(job.enterprise.value)", "list": "\(list(enterprises.keys))"])
                    .following(ContentKind.enterprise.folder + "/" + job.enterprise.value + ".md"))
            }
            if let market = markets[job.market.value] { problems += [checkFeeCap(job, market: market)].compactMap { $0 } }
            return problems
        }
    }

    private static func checkLicence(_ job: Job, enterprise: Enterprise) -> Diagnostic? {
        let status = enterprise.status(on: job.date)
        let decision = { (text: String?) -> MessageArgument in
            text.map { .message(LocalizedText("assemble.jobDecision", ["decision": "\($0)"])) } ?? ""
        }
        let reason: LocalizedText
        switch status {
        case .active: return nil
        case .unlicensed(let from): reason = LocalizedText("assemble.jobReasonNotYetLicensed", ["issued": .date(from)])
        case .suspended(let suspension):
            reason = LocalizedText("assemble.jobReasonSuspended", ["from": .date(suspension.from), "to": .date(suspension.to),
                                                                    "decision": decision(suspension.decision)])
        case .revoked(let revocation):
            reason = LocalizedText("assemble.jobReasonRevoked", ["revoked": .date(revocation.date), "decision": decision(revocation.decision)])
        }
        return .error(job.dateLocation, "assemble.jobEnterpriseNotLicensed",
                      ["date": .date(job.date), "enterprise": "\(job.enterprise.value)", "reason": .message(reason)])
    }

    private static func checkFeeCap(_ job: Job, market: Market) -> Diagnostic? {
        guard let cap = market.serviceFeeCap, let fee = job.serviceFee else { return nil }
        let feeVND = job.costs.filter(\.isServiceFee).reduce(0) { $0 + $1.vnd }
        guard let salary = job.salaryVND, let months = job.contractMonths else {
            return .error(fee.location, "assemble.jobServiceFeeNeedsSalary", ["path": "\(fee.keyPath)", "market": "\(market.document.slug)"])
        }
        let capVND = cap.vnd(monthlySalary: salary.lowerBound, contractMonths: months)
        guard feeVND > capVND else { return nil }
        let basis = [market.document.file, cap.basis].compactMap { $0 }.joined(separator: ": ")
        return .error(fee.location, "assemble.jobServiceFeeOverCap", [
            "fee": .integer(feeVND), "path": "\(fee.keyPath)", "cap": .integer(capVND), "market": "\(market.document.slug)",
            "months": monthsArgument(cap.months(forContract: months)), "salary": .integer(salary.lowerBound),
            "perYear": monthsArgument(cap.monthsPer12), "contractMonths": .integer(months),
            "maximum": cap.maxMonths.map { .message(LocalizedText("assemble.jobFeeCapAtMost", ["max": monthsArgument($0)])) } ?? "",
            "basis": "\(basis)",
        ])
    }

    /// 3 months, or 1,5 months: decimals only when there are any.
    static func monthsArgument(_ months: Double) -> MessageArgument {
        let hundredths = (months * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return .integer(Int(hundredths / 100)) }
        return .decimal(hundredths / 100, fractionDigits: hundredths.truncatingRemainder(dividingBy: 10) == 0 ? 1 : 2)
    }
}
