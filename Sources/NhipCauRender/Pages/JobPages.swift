import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// `/don-hang/`: open job orders by closing date, paused ones, a link to the closed ones
/// (`/don-hang/da-het-han/`, paginated); one order's page with its costs, the market's service fee
/// cap and what a worker never pays; and the order blocks of market, area, enterprise and home pages.
extension SiteRenderer {
    func renderJobList() -> RenderedPage {
        let route = Routes.jobs
        let jobs = site.jobs
        let view = JobListView(
            t: strings, open: jobList(jobs.open, from: route), paused: jobList(jobs.paused, from: route),
            closedHref: jobs.closed.isEmpty ? nil : href(Routes.closedJobsPage(1), from: route),
            closedCount: jobs.closed.isEmpty ? nil : formats.numbers.integer(jobs.closed.count),
            downloads: [DownloadView(label: "CSV (Excel)", href: href(Routes.jobsCSV, from: route)),
                        DownloadView(label: "JSON", href: href(Routes.jobsJSON, from: route))])
        return page(PageFrame(route: route, title: strings.jobs, description: strings.jobsLead), .jobList, view: view)
    }

    func renderClosedJobList(page number: Int) -> RenderedPage {
        let route = Routes.closedJobsPage(number)
        let total = site.jobs.closedPageCount
        let jobs = site.jobs.closed.dropFirst((number - 1) * JobIndex.closedPerPage).prefix(JobIndex.closedPerPage)
        let view = JobClosedListView(
            t: strings, heading: strings.closedJobs, list: jobList(Array(jobs), from: route), openHref: href(Routes.jobs, from: route),
            pagination: total <= 1 ? nil : PaginationView(
                current: number, total: total,
                previous: number > 1 ? href(Routes.closedJobsPage(number - 1), from: route) : nil,
                next: number < total ? href(Routes.closedJobsPage(number + 1), from: route) : nil))
        var frame = PageFrame(route: route, title: number > 1 ? "\(strings.closedJobs) (\(number)/\(total))" : strings.closedJobs)
        frame.breadcrumbs = [(strings.jobs, Routes.jobs)]
        return page(frame, .closedJobList, view: view)
    }

    func renderJob(_ job: Job) -> RenderedPage {
        let route = Routes.job(job.document.slug)
        let body = body(of: job.document, at: route)
        let status = site.jobs.status(of: job)
        let enterprise = site.enterprise(job.enterprise.value)
        let market = site.marketsBySlug[job.market.value]
        let cap = feeCap(job, market: market)
        let view = JobView(
            t: strings, title: job.title, status: jobStatusWords(status), statusCode: status.code,
            pausedReason: pausedReason(status, enterprise: enterprise),
            date: formats.date(job.date), dateISO: job.date.iso, applyBy: formats.date(job.applyBy), applyByISO: job.applyBy.iso,
            sample: job.sample, summary: job.summary, facts: jobFacts(job, enterprise: enterprise, market: market, from: route),
            costs: .nonEmpty(job.costs.map { cost in
                JobCostView(item: cost.item, amount: formats.numbers.money(cost.vnd), note: cost.note, isServiceFee: cost.isServiceFee)
            }),
            total: job.costs.isEmpty ? nil : formats.numbers.money(job.totalCostVND),
            deposit: job.depositVND.map(formats.numbers.money),
            feeCap: cap?.sentence, feeCapBasis: cap?.basis,
            body: body.html, updated: job.document.updated.map(formats.date),
            jsonLD: status == .open ? JobPostingData.jsonLD(job, enterprise: enterprise, market: market, body: body.plainText,
                                                            pageURL: absoluteURL(route), enterpriseURL: absoluteURL(Routes.enterprise(job.enterprise.value)))
                : nil,
            listHref: href(Routes.jobs, from: route))
        var frame = PageFrame(route: route, title: job.title, description: job.summary)
        frame.breadcrumbs = [(strings.jobs, Routes.jobs)]
        let context = [enterprise?.name, enterprise?.shortName, market?.title, job.occupation, jobStatusWords(status)].compactMap { $0 }
        return page(frame, .job, view: view,
                    search: SearchFields(title: job.title, summary: job.summary ?? job.occupation, context: context, text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    func jobStatusWords(_ status: JobStatus) -> String {
        switch status {
        case .open: strings.jobStatusOpen
        case .closed: strings.jobStatusClosed
        case .paused: strings.jobStatusPaused
        }
    }

    /// Why an order is paused, in a sentence: its enterprise's suspension or revocation, with the decision.
    private func pausedReason(_ status: JobStatus, enterprise: Enterprise?) -> String? {
        guard case .paused(let enterpriseStatus) = status else { return nil }
        let name = enterprise?.name ?? ""
        let decision = enterpriseStatus.decision.map { strings.text("jobPausedDecision", ["decision": $0]) } ?? ""
        switch enterpriseStatus {
        case .suspended(let suspension):
            return strings.text("jobPausedSuspended", ["name": name, "to": formats.date(suspension.to), "decision": decision])
        case .revoked(let revocation):
            return strings.text("jobPausedRevoked", ["name": name, "date": formats.date(revocation.date), "decision": decision])
        case .unlicensed(let from):
            return strings.text("jobPausedUnlicensed", ["name": name, "date": formats.date(from)])
        case .active:
            return nil
        }
    }

    private func jobFacts(_ job: Job, enterprise: Enterprise?, market: Market?, from route: Route) -> [JobFactView] {
        var facts: [JobFactView] = []
        if let enterprise {
            let status = site.status(of: enterprise)
            facts.append(JobFactView(label: strings.jobEnterprise, value: enterprise.name,
                                     href: href(Routes.enterprise(enterprise.document.slug), from: route)))
            facts.append(JobFactView(label: strings.jobLicence, value: "\(enterprise.licence) · \(strings.word(status.wordingKey))", href: nil))
        }
        if let market {
            facts.append(JobFactView(label: strings.market, value: market.title, href: href(Routes.market(market.document.slug), from: route)))
        }
        facts.append(JobFactView(label: strings.jobOccupation, value: job.occupation, href: nil))
        facts.append(JobFactView(label: strings.jobPositions, value: formats.numbers.integer(job.positions), href: nil))
        if let salary = job.salaryVND {
            let note = job.salaryNote.map { " (\($0))" } ?? ""
            facts.append(JobFactView(label: strings.jobSalary, value: formats.moneyRange(salary) + note, href: nil))
        } else if let note = job.salaryNote {
            facts.append(JobFactView(label: strings.jobSalary, value: note, href: nil))
        }
        let contract = [job.contract, job.contractMonths.map { strings.text("jobContractMonths", ["months": formats.numbers.integer($0)]) }]
            .compactMap { $0 }.joined(separator: " · ")
        if !contract.isEmpty { facts.append(JobFactView(label: strings.contract, value: contract, href: nil)) }
        for area in job.areas {
            let link = areaLink(area.value, from: route)
            facts.append(JobFactView(label: strings.jobAreas, value: link.label, href: link.href))
        }
        if let approval = job.approval {
            let day = approval.date.map { " · " + formats.date($0) } ?? ""
            facts.append(JobFactView(label: strings.jobApproval, value: approval.number + day, href: nil))
        }
        if let requirements = job.requirements { facts.append(JobFactView(label: strings.requirements, value: requirements, href: nil)) }
        return facts
    }

    /// The market's cap for this order, as a sentence with its figures.
    private func feeCap(_ job: Job, market: Market?) -> (sentence: String, basis: String?)? {
        guard let cap = market?.serviceFeeCap else { return nil }
        guard let salary = job.salaryVND, let months = job.contractMonths else {
            return (strings.text("jobFeeCapRule", ["perYear": monthsText(cap.monthsPer12)])
                    + (cap.maxMonths.map { strings.text("jobFeeCapAtMost", ["max": monthsText($0)]) } ?? "") + ".", cap.basis)
        }
        let amount = cap.vnd(monthlySalary: salary.lowerBound, contractMonths: months)
        let sentence = strings.text("jobFeeCapAmount", [
            "cap": formats.numbers.money(amount), "months": monthsText(cap.months(forContract: months)),
            "salary": formats.numbers.money(salary.lowerBound), "perYear": monthsText(cap.monthsPer12),
            "contractMonths": formats.numbers.integer(months),
        ]) + (cap.maxMonths.map { strings.text("jobFeeCapAtMost", ["max": monthsText($0)]) } ?? "") + "."
        return (sentence, cap.basis)
    }

    private func monthsText(_ months: Double) -> String {
        let hundredths = (months * 100).rounded()
        if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return formats.numbers.integer(Int(hundredths / 100)) }
        return formats.numbers.decimal(hundredths / 100, fractionDigits: hundredths.truncatingRemainder(dividingBy: 10) == 0 ? 1 : 2)
    }

    func jobCard(_ job: Job, from route: Route) -> JobCardView {
        let status = site.jobs.status(of: job)
        return JobCardView(
            title: job.title, href: href(Routes.job(job.document.slug), from: route), status: jobStatusWords(status),
            statusCode: status.code, enterprise: site.enterprise(job.enterprise.value)?.displayName ?? job.enterprise.value,
            market: site.marketsBySlug[job.market.value]?.title ?? job.market.value, occupation: job.occupation,
            positions: formats.numbers.integer(job.positions), salary: job.salaryVND.map(formats.moneyRange),
            applyBy: formats.date(job.applyBy), applyByISO: job.applyBy.iso, sample: job.sample)
    }

    func jobList(_ jobs: [Job], from route: Route) -> ListView<JobCardView>? {
        .nonEmpty(jobs.map { jobCard($0, from: route) })
    }

    /// A market's or an area's open orders, with a link to all orders.
    func jobsBlock(_ jobs: [Job], from route: Route) -> JobsBlockView? {
        jobList(jobs, from: route).map { JobsBlockView(list: $0, allHref: href(Routes.jobs, from: route)) }
    }

    /// "3 job orders are open", linked to `/don-hang/`; nil on a site without orders.
    func homeJobs(from route: Route) -> HomeJobsView? {
        guard !site.jobs.all.isEmpty else { return nil }
        return HomeJobsView(sentence: strings.text("jobsOpenCount", ["count": formats.numbers.integer(site.jobs.open.count)]),
                            href: href(Routes.jobs, from: route))
    }

    /// An enterprise's orders, drawn by `enterprise-jobs` for the enterprise page's `jobs`: those not
    /// yet closed (open or paused), then closed ones; nil when it has none.
    func enterpriseJobs(_ slug: String, from route: Route) -> String? {
        let jobs = site.jobs.byEnterprise[slug] ?? []
        guard !jobs.isEmpty else { return nil }
        let isClosed = { (job: Job) in site.jobs.status(of: job) == .closed }
        let view = EnterpriseJobsView(t: strings, current: jobList(jobs.filter { !isClosed($0) }, from: route),
                                      past: jobList(jobs.filter(isClosed), from: route), allHref: href(Routes.jobs, from: route))
        return theme.render(view, template: "enterprise-jobs")
    }
}
