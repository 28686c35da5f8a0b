import NhipCauCore
import NhipCauLoad

/// The enterprise register and the warnings, as the assembled site holds them.
extension SiteAssembler {
    /// Markets each enterprise names, and markets and areas each warning names, must exist.
    static func checkEnterprisesAndWarnings(_ content: LoadedContent, markets: [String: Market], areaIDs: KnownAreas) -> [Diagnostic] {
        let unusable = content.unusableFiles
        let enterpriseProblems = content.enterprises.flatMap { enterprise in
            enterprise.markets.compactMap { checkMarket($0, key: "markets", markets: markets) }
        }
        let warningProblems = content.warnings.flatMap { warning in
            warning.markets.compactMap { checkMarket($0, key: "markets", markets: markets) }
                + warning.areas.compactMap { checkArea($0, areaIDs: areaIDs) }
        }
        return (enterpriseProblems + warningProblems).filter { !$0.followsFromUnusable(unusable) }
    }
}

extension Site {
    mutating func addEnterprisesAndWarnings(_ content: LoadedContent, options: SiteAssembler.Options) {
        enterprises = content.enterprises.map { (VietnameseText.fold($0.name), $0.name, $0.document.slug, $0) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
        enterprisesBySlug = Dictionary(enterprises.map { ($0.document.slug, $0) }, uniquingKeysWith: { first, _ in first })
        warnings = content.warnings.filter { options.includeDrafts || $0.date <= options.today }
            .sorted { ($0.date, $1.document.slug) > ($1.date, $0.document.slug) }
        for warning in warnings {
            for area in Set(warning.areas.map(\.value)).sorted() { warningsByArea[area, default: []].append(warning) }
            for market in Set(warning.markets.map(\.value)).sorted() { warningsByMarket[market, default: []].append(warning) }
        }
        linkWarningsToEnterprises()
    }

    /// A warning names an enterprise when one of its names is the enterprise's name or short name
    /// (without diacritics), or its licence number in any spacing, or one of its phone numbers.
    private mutating func linkWarningsToEnterprises() {
        var byName: [String: [Int]] = [:], byLicence: [String: [Int]] = [:], byPhone: [PhoneNumber: [Int]] = [:]
        for (index, enterprise) in enterprises.enumerated() {
            for name in Set([enterprise.name, enterprise.shortName].compactMap { $0 }.map(VietnameseText.fold)) {
                byName[name, default: []].append(index)
            }
            byLicence[enterprise.licenceKey, default: []].append(index)
            for phone in Set(enterprise.phoneNumbers) { byPhone[phone, default: []].append(index) }
        }
        for warning in warnings {
            var named = Set<Int>()
            for name in warning.names {
                named.formUnion(byName[VietnameseText.fold(name)] ?? [])
                named.formUnion(byLicence[Enterprise.licenceKey(name)] ?? [])
            }
            for phone in warning.phoneNumbers { named.formUnion(byPhone[phone] ?? []) }
            guard !named.isEmpty else { continue }
            let enterprisesNamed = named.sorted().map { enterprises[$0] }
            enterprisesByWarning[warning.document.slug] = enterprisesNamed
            for enterprise in enterprisesNamed { warningsByEnterprise[enterprise.document.slug, default: []].append(warning) }
        }
    }

    /// The register lists this many enterprises a page: about 50 KB of HTML, a few screens on a phone.
    public static let enterprisesPerPage = 100

    public var enterprisePageCount: Int { max(1, (enterprises.count + Site.enterprisesPerPage - 1) / Site.enterprisesPerPage) }

    /// The enterprises listed on page `number` (1-based) of the register.
    public func enterprises(onPage number: Int) -> ArraySlice<Enterprise> {
        let start = (number - 1) * Site.enterprisesPerPage
        guard start >= 0, start < enterprises.count else { return [] }
        return enterprises[start..<min(enterprises.count, start + Site.enterprisesPerPage)]
    }

    /// The enterprise's licence on the build date.
    public func status(of enterprise: Enterprise) -> EnterpriseStatus {
        enterprise.status(on: today)
    }

    /// The enterprise named by `slug` (a job order's or event's `enterprise:`), if there is one.
    public func enterprise(_ slug: String) -> Enterprise? { enterprisesBySlug[slug] }

    /// Enterprises licensed for `market` and active on the build date.
    public func activeEnterprises(forMarket market: String) -> [Enterprise] {
        enterprises.filter { $0.marketSlugs.contains(market) && status(of: $0).isActive }
    }

    /// The newest warning of the last `days` days (90 on the home page), if any.
    public func latestWarning(withinDays days: Int = 90) -> Warning? {
        warnings.first { today.dayNumber - $0.date.dayNumber < days }
    }

    /// Warnings that name the enterprise: its name, short name, licence number or one of its phone numbers.
    public func warnings(naming enterprise: Enterprise) -> [Warning] {
        warningsByEnterprise[enterprise.document.slug] ?? []
    }

    /// Registered enterprises the warning names, in register order.
    public func enterprises(namedBy warning: Warning) -> [Enterprise] {
        enterprisesByWarning[warning.document.slug] ?? []
    }
}
