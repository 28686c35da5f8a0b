import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// The pages `areas.yml` adds: `/dia-ban/`, and on each area's page its contacts, its bank office
/// and where a former unit went.
extension SiteRenderer {
    func renderAreaList() -> RenderedPage {
        let route = Routes.areas
        let index = site.areas
        let units = index.tree?.allAreas ?? []
        let current = units.filter { !index.isFormer($0.id) }
        let groups = current.filter { unit in
            index[unit.id]?.parentId == nil || unit.areas.contains { !index.isFormer($0.id) }
        }.map { parent in
            AreaGroupView(unit: areaItem(parent, from: route),
                          members: .nonEmpty(parent.areas.filter { !index.isFormer($0.id) }.map { areaItem($0, from: route) }))
        }
        let former = units.filter { $0.mergedInto != nil }.map { unit in
            FormerUnitView(name: unit.name, href: href(Routes.area(unit.id), from: route), merger: merger(of: unit, named: false, from: route),
                           members: .nonEmpty(unit.allSubAreas.filter { index.formerAncestor(of: $0.id)?.id == unit.id }
                               .map { LinkView(label: $0.name, href: href(Routes.area($0.id), from: route)) }))
        }
        let view = AreaListView(t: strings, current: groups, former: .nonEmpty(former), sample: units.contains(where: \.sample))
        return page(PageFrame(route: route, title: strings.areas), .areaList, view: view)
    }

    private func areaItem(_ unit: TreeArea, from route: Route) -> AreaItemView {
        AreaItemView(name: unit.name, href: href(Routes.area(unit.id), from: route),
                     contacts: contactsView(unit), bank: bankView(unit))
    }

    func contactsView(_ unit: TreeArea) -> AreaContactsView? {
        guard !unit.contacts.isEmpty else { return nil }
        return AreaContactsView(items: unit.contacts.map { contact in
            AreaContactView(role: contact.role, name: contact.name,
                            phone: contact.phoneNumber?.grouped ?? contact.phone, tel: contact.phoneNumber?.telURI,
                            email: contact.email, mailto: contact.email.map { "mailto:" + $0 },
                            address: contact.address, hours: contact.hours)
        }, sample: unit.sample)
    }

    func bankView(_ unit: TreeArea) -> BankOfficeView? {
        unit.bank.map { bank in
            BankOfficeView(name: bank.name, phone: bank.phoneNumber?.grouped ?? bank.phone, tel: bank.phoneNumber?.telURI,
                           address: bank.address, sample: unit.sample)
        }
    }

    /// "Từ 01/07/2025 sáp nhập vào" (or, `named`, "Từ 01/07/2025, Huyện Ninh Sơn sáp nhập vào") and the link.
    func merger(of unit: TreeArea, named: Bool, from route: Route) -> AreaMergerView? {
        guard let into = unit.mergedInto?.value, let day = unit.mergedOn else { return nil }
        let values = ["date": formats.date(day), "name": unit.name]
        return AreaMergerView(sentence: named ? strings.text("area.unitMergedInto", values) : strings.text("area.mergedInto", values),
                              into: areaLink(into, from: route))
    }

    /// The tree's blocks of an area's page; the page is as without the tree when the area is not in it.
    func withTree(_ view: AreaView, _ record: AreaRecord, from route: Route) -> AreaView {
        guard let unit = record.unit else { return view }
        var view = view
        if let former = site.areas.formerAncestor(of: record.id)?.unit {
            view.former = merger(of: former, named: true, from: route)
        }
        view.partOf = record.parentId.map { areaLink($0, from: route) }
        view.sampleUnit = unit.sample
        view.contacts = contactsView(unit)
        view.bank = bankView(unit)
        view.units = .nonEmpty(unit.areas.map { areaLink($0.id, from: route) })
        view.mergedHere = .nonEmpty(site.areas.mergedInto(record.id).compactMap { mergedUnit($0, from: route) })
        view.allAreasHref = href(Routes.areas, from: route)
        return view
    }

    /// Every story an area's page lists: its own (`renderArea`), and those of the former units
    /// merged into it (`mergedUnit`, for each that has a merger date).
    func storiesOnAreaPage(_ record: AreaRecord) -> [Story] {
        ([record] + site.areas.mergedInto(record.id)).flatMap { site.storiesByArea[$0.id] ?? [] }
    }

    private func mergedUnit(_ record: AreaRecord, from route: Route) -> MergedUnitView? {
        guard let unit = record.unit, let day = unit.mergedOn else { return nil }
        let plans = record.appearances.map(\.planId).reduce(into: [String]()) { ids, id in if !ids.contains(id) { ids.append(id) } }
            .compactMap { site.plan(id: $0) }
            .map { LinkView(label: $0.title, href: href(Routes.plan($0.id), from: route)) }
        let stories = (site.storiesByArea[record.id] ?? []).map {
            LinkView(label: $0.title, href: href(Routes.story($0.document.slug), from: route))
        }
        return MergedUnitView(name: record.name, href: href(Routes.area(record.id), from: route),
                              when: strings.text("area.mergedHereOn", ["date": formats.date(day)]),
                              planLinks: .nonEmpty(plans), storyLinks: .nonEmpty(stories))
    }
}
