import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// `/doanh-nghiep/`: the register of licensed enterprises as of the build date, a page each;
/// `/canh-bao/`: the warnings, newest first, a page each.
extension SiteRenderer {
    func renderEnterpriseList(page number: Int) -> RenderedPage {
        let route = Routes.enterprisesPage(number)
        let total = site.enterprisePageCount
        let view = EnterpriseListView(
            t: strings, heading: strings.enterprises,
            asOf: strings.text("enterprise.asOf", ["date": formats.date(site.today)]),
            rows: site.enterprises(onPage: number).map { enterpriseRow($0, from: route) },
            pagination: total <= 1 ? nil : PaginationView(
                current: number, total: total,
                previous: number > 1 ? href(Routes.enterprisesPage(number - 1), from: route) : nil,
                next: number < total ? href(Routes.enterprisesPage(number + 1), from: route) : nil),
            csv: href(Routes.enterprisesCSV, from: route), json: href(Routes.enterprisesJSON, from: route),
            warningsHref: site.warnings.isEmpty ? nil : href(Routes.warnings, from: route))
        var frame = PageFrame(route: route, title: number == 1 ? strings.enterprises : "\(strings.enterprises) – \(strings.pageOf) \(number)")
        if number > 1 { frame.breadcrumbs = [(strings.enterprises, Routes.enterprises)] }
        return page(frame, .enterpriseList, view: view)
    }

    func renderEnterprise(_ enterprise: Enterprise) -> RenderedPage {
        let route = Routes.enterprise(enterprise.document.slug)
        let body = body(of: enterprise.document, at: route)
        let status = site.status(of: enterprise)
        let markets = enterprise.marketSlugs.compactMap { site.marketsBySlug[$0] }
        let view = EnterpriseView(
            t: strings, name: enterprise.name, shortName: enterprise.shortName, licence: enterprise.licence,
            statusCode: status.code, status: statusText(status), statusReason: statusReason(status), flagged: !status.isActive,
            history: licenceHistory(enterprise),
            markets: .nonEmpty(markets.map { LinkView(label: $0.title, href: href(Routes.market($0.document.slug), from: route)) }),
            address: enterprise.address,
            phones: .nonEmpty(enterprise.phones.map { written in
                PhoneNumber(written).map { PhoneView(label: $0.grouped, href: $0.telURI) } ?? PhoneView(label: written, href: nil)
            }),
            email: enterprise.email, emailHref: enterprise.email.map { "mailto:" + $0 },
            website: enterprise.website, websiteHref: enterprise.website.map(webAddress),
            taxCode: enterprise.taxCode,
            warnings: warningList(site.warnings(naming: enterprise), from: route),
            jobs: enterpriseJobs(enterprise.document.slug, from: route), sample: enterprise.sample, updated: enterprise.document.updated.map(formats.date), body: body.html,
            jsonLD: organizationJSONLD(enterprise, route: route))
        var frame = PageFrame(route: route, title: enterprise.name, description: "\(enterprise.licence) · \(statusText(status))")
        frame.breadcrumbs = [(strings.enterprises, Routes.enterprises)]
        let context = [enterprise.shortName, enterprise.licence].compactMap { $0 }
            + enterprise.phoneNumbers.flatMap(searchForms)
        return page(frame, .enterprise, view: view,
                    search: SearchFields(title: enterprise.name, summary: "\(statusText(status)) · \(strings.licence) \(enterprise.licence)",
                                         context: context, text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    func enterpriseRow(_ enterprise: Enterprise, from route: Route) -> EnterpriseRowView {
        let status = site.status(of: enterprise)
        return EnterpriseRowView(
            name: enterprise.name, shortName: enterprise.shortName, href: href(Routes.enterprise(enterprise.document.slug), from: route),
            licence: enterprise.licence, statusCode: status.code, status: statusText(status), flagged: !status.isActive,
            markets: enterprise.marketSlugs.map { site.marketsBySlug[$0]?.title ?? $0 }.joined(separator: ", "),
            sample: enterprise.sample)
    }

    /// The status in the register's words: "Đang hoạt động", "Tạm đình chỉ đến 31/01/2027",
    /// "Đã thu hồi giấy phép", "Chưa có giấy phép".
    func statusText(_ status: EnterpriseStatus) -> String {
        strings.text(status.wordingKey, ["date": status.day.map(formats.date) ?? ""])
    }

    /// Why, in a sentence: the decision that suspended or revoked the licence, or the day it starts.
    func statusReason(_ status: EnterpriseStatus) -> String? {
        switch status {
        case .active: nil
        case .suspended(let suspension):
            suspension.decision.map { strings.text("enterprise.suspendedReasonDecision", ["from": formats.date(suspension.from), "to": formats.date(suspension.to), "decision": $0]) }
                ?? strings.text("enterprise.suspendedReason", ["from": formats.date(suspension.from), "to": formats.date(suspension.to)])
        case .revoked(let revocation):
            revocation.decision.map { strings.text("enterprise.revokedReasonDecision", ["date": formats.date(revocation.date), "decision": $0]) }
                ?? strings.text("enterprise.revokedReason", ["date": formats.date(revocation.date)])
        case .unlicensed(let from):
            strings.text("enterprise.unlicensedReason", ["date": formats.date(from)])
        }
    }

    /// Issue, each suspension, revocation: one sentence each, in date order.
    func licenceHistory(_ enterprise: Enterprise) -> [String] {
        var lines = [strings.text("enterprise.historyIssued", ["licence": enterprise.licence, "date": formats.date(enterprise.licenceIssued)])]
        for suspension in enterprise.suspensions {
            let days = ["from": formats.date(suspension.from), "to": formats.date(suspension.to)]
            lines.append(suspension.decision.map { strings.text("enterprise.historySuspendedDecision", days.merging(["decision": $0]) { $1 }) }
                ?? strings.text("enterprise.historySuspended", days))
        }
        if let revoked = enterprise.revoked {
            let day = formats.date(revoked.date)
            lines.append(revoked.decision.map { strings.text("enterprise.historyRevokedDecision", ["date": day, "decision": $0]) }
                ?? strings.text("enterprise.historyRevoked", ["date": day]))
        }
        return lines
    }

    /// How a phone number is written for search: the query's words must all be on the page, so the
    /// number is there in the forms people type it in: `0912345678`, `0912 345 678` (also what
    /// `0912.345.678` and `0912-345-678` give) and `+84 912 345 678`.
    func searchForms(_ phone: PhoneNumber) -> [String] {
        let international = phone.telURI.hasPrefix("tel:+84") ? ["+84 " + phone.grouped.dropFirst()] : []
        return [phone.digits, phone.grouped] + international
    }

    /// `www.example.vn` as a link: an address written without a scheme is taken as https.
    func webAddress(_ written: String) -> String {
        let lower = written.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? written : "https://" + written
    }

    func organizationJSONLD(_ enterprise: Enterprise, route: Route) -> String {
        let phones = enterprise.phoneNumbers
        return JSONLD.script(JSONLD.thing("Organization", [
            ("name", .string(enterprise.name)),
            ("alternateName", enterprise.shortName.map { .string($0) }),
            ("url", absoluteURL(route).map { .string($0) }),
            ("sameAs", enterprise.website.map { .string(webAddress($0)) }),
            ("identifier", .string(enterprise.licence)),
            ("taxID", enterprise.taxCode.map { .string($0) }),
            ("address", enterprise.address.map { .object([("@type", .string("PostalAddress")), ("streetAddress", .string($0)), ("addressCountry", .string("VN"))]) }),
            ("telephone", phones.first.map { .string("+84" + $0.digits.dropFirst()) }),
            ("email", enterprise.email.map { .string($0) }),
        ]))
    }

    func renderWarningList() -> RenderedPage {
        let route = Routes.warnings
        let view = WarningListView(t: strings, list: warningList(site.warnings, from: route))
        return page(PageFrame(route: route, title: strings.warnings), .warningList, view: view)
    }

    func renderWarning(_ warning: Warning) -> RenderedPage {
        let route = Routes.warning(warning.document.slug)
        let body = body(of: warning.document, at: route)
        let named = site.enterprises(namedBy: warning)
        let view = WarningView(
            t: strings, title: warning.title, date: formats.date(warning.date), dateISO: warning.date.iso, source: warning.source,
            names: .nonEmpty(warning.names.map { PhoneNumber($0)?.grouped ?? $0 }),
            enterprises: .nonEmpty(named.map { enterpriseRow($0, from: route) }),
            summary: warning.summary, sample: warning.sample,
            areas: .nonEmpty(warning.areas.map { areaLink($0.value, from: route) }),
            markets: .nonEmpty(warning.markets.compactMap { site.marketsBySlug[$0.value] }.map { market in
                LinkView(label: market.title, href: href(Routes.market(market.document.slug), from: route))
            }),
            updated: warning.document.updated.map(formats.date), body: body.html)
        var frame = PageFrame(route: route, title: warning.title, description: warning.summary)
        frame.breadcrumbs = [(strings.warnings, Routes.warnings)]
        let statuses = named.map { "\($0.displayName): \(statusText(site.status(of: $0)))" }
        let context = warning.names + warning.phoneNumbers.flatMap(searchForms)
        // The result line starts with the registered enterprises it names and their status today (it is cut at 140 characters).
        let summary = (statuses + [warning.summary ?? warning.source]).joined(separator: " · ")
        return page(frame, .warning, view: view,
                    search: SearchFields(title: warning.title, summary: summary,
                                         context: context, text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    func warningCard(_ warning: Warning, from route: Route) -> WarningCardView {
        WarningCardView(title: warning.title, href: href(Routes.warning(warning.document.slug), from: route),
                        date: formats.date(warning.date), dateISO: warning.date.iso, source: warning.source,
                        summary: warning.summary, sample: warning.sample)
    }

    func warningList(_ warnings: [Warning], from route: Route) -> ListView<WarningCardView>? {
        .nonEmpty(warnings.map { warningCard($0, from: route) })
    }

    /// The enterprises a market page lists: licensed for it and active on the build date.
    func marketEnterprises(_ market: Market, from route: Route) -> MarketEnterprisesView? {
        let active = site.activeEnterprises(forMarket: market.document.slug)
        guard !active.isEmpty else { return nil }
        return MarketEnterprisesView(items: active.map { enterpriseRow($0, from: route) }, registerHref: href(Routes.enterprises, from: route))
    }

    func homeWarning(from route: Route) -> HomeWarningView? {
        site.latestWarning(withinDays: 90).map { HomeWarningView(card: warningCard($0, from: route), allHref: href(Routes.warnings, from: route)) }
    }
}
