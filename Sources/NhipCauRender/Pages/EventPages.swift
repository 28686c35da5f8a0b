import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// `/su-kien/`: events coming up and under way; `/su-kien/da-dien-ra/`: past ones, a page of ten at a
/// time; and one event's page, with its status on the build date at the top and schema.org `Event` data.
extension SiteRenderer {
    func renderEventList() -> RenderedPage {
        let route = Routes.events
        let view = EventListView(
            t: strings, current: eventList(site.currentEvents, from: route),
            pastHref: site.pastEvents.isEmpty ? nil : href(Routes.pastEventsPage(1), from: route),
            calendarHref: href(Routes.eventCalendar, from: route))
        return page(PageFrame(route: route, title: strings.events), .eventList, view: view)
    }

    func renderPastEventList(page number: Int) -> RenderedPage {
        let route = Routes.pastEventsPage(number)
        let total = site.pastEventPageCount
        let events = site.pastEvents.dropFirst((number - 1) * Site.storiesPerPage).prefix(Site.storiesPerPage)
        let view = PastEventListView(
            t: strings, list: eventList(Array(events), from: route),
            pagination: total <= 1 ? nil : PaginationView(
                current: number, total: total,
                previous: number > 1 ? href(Routes.pastEventsPage(number - 1), from: route) : nil,
                next: number < total ? href(Routes.pastEventsPage(number + 1), from: route) : nil))
        var frame = PageFrame(route: route, title: number == 1 ? strings.pastEvents : "\(strings.pastEvents) – \(strings.pageOf) \(number)")
        frame.breadcrumbs = [(strings.events, Routes.events)] + (number > 1 ? [(strings.pastEvents, Routes.pastEventsPage(1))] : [])
        return page(frame, .pastEventList, view: view)
    }

    func renderEvent(_ event: Event) -> RenderedPage {
        let route = Routes.event(event.document.slug)
        let body = body(of: event.document, at: route)
        let status = event.status(on: site.today)
        let view = EventView(
            t: strings, title: event.title, status: strings.word(status.wordingKey), statusKey: status.rawValue,
            kind: event.kind.map { strings.word($0.wordingKey) }, when: when(event), startISO: event.start.iso,
            place: event.place, address: event.address, area: event.area.map { areaLink($0.value, from: route) },
            organiser: event.organiser, enterprise: event.enterprise.map { enterpriseLink($0.value, from: route) },
            markets: .nonEmpty(event.markets.compactMap { site.marketsBySlug[$0.value] }.map { market in
                LinkView(label: market.title, href: href(Routes.market(market.document.slug), from: route))
            }),
            register: event.register, cost: event.cost, summary: event.summary, sample: event.sample,
            calendarHref: href(Routes.eventICS(event.document.slug), from: route),
            updated: event.document.updated.map(formats.date), body: body.html,
            structuredData: EventStructuredData.script(event, url: absoluteURL(route), areaName: event.area.flatMap { site.areas[$0.value]?.name }))
        var frame = PageFrame(route: route, title: event.title, description: event.summary)
        frame.breadcrumbs = [(strings.events, Routes.events)]
        let context = [event.place] + (event.area.map { [site.areas[$0.value]?.name ?? $0.value] } ?? [])
        return page(frame, .event, view: view,
                    search: SearchFields(title: event.title, summary: event.summary ?? "", context: context, text: body.plainText),
                    diagnostics: body.diagnostics)
    }

    /// The enterprise an event names, linked to its page in the register (the assembler checked it is there).
    func enterpriseLink(_ slug: String, from route: Route) -> LinkView {
        guard let enterprise = site.enterprise(slug) else { return LinkView(label: slug, href: nil) }
        return LinkView(label: enterprise.displayName, href: href(Routes.enterprise(slug), from: route))
    }

    func eventCard(_ event: Event, from route: Route) -> EventCardView {
        let status = event.status(on: site.today)
        return EventCardView(title: event.title, href: href(Routes.event(event.document.slug), from: route),
                             when: when(event), startISO: event.start.iso, place: event.place,
                             kind: event.kind.map { strings.word($0.wordingKey) },
                             status: strings.word(status.wordingKey), statusKey: status.rawValue, sample: event.sample)
    }

    func eventList(_ events: [Event], from route: Route) -> ListView<EventCardView>? {
        .nonEmpty(events.map { eventCard($0, from: route) })
    }

    /// `08:00 – 11:30, 20/12/2026`; `20/12/2026 (cả ngày)`; `20/12/2026 – 22/12/2026`; `08:00, 20/12/2026 – 17:00, 22/12/2026`.
    func when(_ event: Event) -> String {
        let start = event.start
        guard let end = event.end, end != start else {
            return start.clock.map { "\($0), \(formats.date(start.day))" } ?? "\(formats.date(start.day)) (\(strings.eventAllDay))"
        }
        switch (start.clock, end.clock) {
        case (let from?, let to?) where start.day == end.day:
            return "\(from) – \(to), \(formats.date(start.day))"
        case (nil, nil):
            return start.day == end.day ? "\(formats.date(start.day)) (\(strings.eventAllDay))"
                : "\(formats.date(start.day)) – \(formats.date(end.day))"
        default:
            return "\(moment(start)) – \(moment(end))"
        }
    }

    private func moment(_ time: EventTime) -> String {
        time.clock.map { "\($0), \(formats.date(time.day))" } ?? formats.date(time.day)
    }
}

/// schema.org `Event` as JSON-LD, for search engines and apps that show events. Only what the file
/// says: no `isAccessibleForFree` unless `cost` says plainly that it is free.
enum EventStructuredData {
    static func script(_ event: Event, url: String?, areaName: String?) -> String {
        let address = JSONOut.object([("@type", .string("PostalAddress")), ("streetAddress", .string(event.address ?? event.place))]
            + (areaName.map { [("addressRegion", JSONOut.string($0))] } ?? []) + [("addressCountry", .string("VN"))])
        return JSONLD.script(JSONLD.thing("Event", [
            ("name", .string(event.title)),
            ("startDate", .string(event.start.iso)),
            ("endDate", event.end.map { .string($0.iso) }),
            // Whether it takes place as planned, not whether it is over: events have no "cancelled" key.
            ("eventStatus", .string("https://schema.org/EventScheduled")),
            ("eventAttendanceMode", .string("https://schema.org/OfflineEventAttendanceMode")),
            ("location", .object([("@type", .string("Place")), ("name", .string(event.place)), ("address", address)])),
            ("organizer", event.organiser.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("description", event.summary.map { .string($0) }),
            ("url", url.map { .string($0) }),
            ("isAccessibleForFree", event.cost.flatMap { isPlainlyFree($0) ? .bool(true) : nil }),
        ]))
    }

    /// `Miễn phí`, `Không mất phí`, `free`: the whole of `cost`, nothing more (not "miễn phí cho hộ nghèo").
    static func isPlainlyFree(_ cost: String) -> Bool {
        var folded = VietnameseText.fold(cost).trimmed
        while folded.hasSuffix(".") || folded.hasSuffix("!") { folded = String(folded.dropLast()).trimmed }
        return ["mien phi", "khong mat phi", "khong thu phi", "free", "free of charge"].contains(folded)
    }
}
