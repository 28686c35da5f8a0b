import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// `/thong-bao/`: notices still in force, then expired ones; and one notice's page.
extension SiteRenderer {
    func renderNoticeList() -> RenderedPage {
        let route = Routes.notices
        let live = site.liveNotices
        let expired = site.notices.filter { !$0.isLive(on: site.today) }
        let view = NoticeListView(t: strings, live: noticeList(live, from: route), expired: noticeList(expired, from: route))
        return page(PageFrame(route: route, title: strings.notices), .noticeList, view: view)
    }

    func renderNotice(_ notice: Notice) -> RenderedPage {
        let route = Routes.notice(notice.document.slug)
        let body = body(of: notice.document, at: route)
        let view = NoticeView(
            t: strings, title: notice.title, date: formats.date(notice.date), dateISO: notice.date.iso,
            expires: notice.expires.map(formats.date), expired: !notice.isLive(on: site.today), summary: notice.summary,
            sample: notice.sample,
            areas: .nonEmpty(notice.areas.map { areaLink($0.value, from: route) }),
            markets: .nonEmpty(notice.markets.compactMap { site.marketsBySlug[$0.value] }.map { market in
                LinkView(label: market.title, href: href(Routes.market(market.document.slug), from: route))
            }),
            updated: notice.document.updated.map(formats.date), body: body.html)
        var frame = PageFrame(route: route, title: notice.title, description: notice.summary)
        frame.breadcrumbs = [(strings.notices, Routes.notices)]
        return page(frame, .notice, view: view,
                    search: SearchFields(title: notice.title, summary: notice.summary ?? "",
                                         context: notice.areas.map { site.areas[$0.value]?.name ?? $0.value }, text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    func noticeCard(_ notice: Notice, from route: Route) -> NoticeCardView {
        NoticeCardView(title: notice.title, href: href(Routes.notice(notice.document.slug), from: route),
                       date: formats.date(notice.date), dateISO: notice.date.iso, expires: notice.expires.map(formats.date),
                       summary: notice.summary, sample: notice.sample)
    }

    func noticeList(_ notices: [Notice], from route: Route) -> ListView<NoticeCardView>? {
        .nonEmpty(notices.map { noticeCard($0, from: route) })
    }
}
