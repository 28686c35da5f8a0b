import Foundation
import NhipCauCore
@testable import NhipCauRender
import NhipCauSite
import NhipCauWrite
import Testing

/// The sections' declarations (`SiteSections`) are the one list of what a site holds: the files a
/// build writes are exactly those they declare, and every page is reached from the home page.
@Suite struct PageRegistryTests {
    static let sampleDate = SimpleDate(iso: "2026-11-25")!

    /// The sample (every kind, feeds), the test fixture, and a small site with no plans and no `base_url`.
    static func sites() throws -> [(name: String, site: TestSite, date: SimpleDate)] {
        [("sample", try TestSite.sample(), sampleDate), ("basic", try TestSite(fixture: "basic"), testDate),
         ("minimal", try TestSite(TestSite.minimal), testDate)]
    }

    @Test func theFilesWrittenAreExactlyThoseDeclared() throws {
        for (name, site, date) in try Self.sites() {
            let outcome = site.build(date: date)
            try #require(outcome.succeeded, "\(name): \(outcome.listing)")
            let built = try #require(site.assembled(date: date), "\(name)")
            let declared = Set(built.entries.map(\.route.outputFile) + built.files.map(\.outputFile))
            // The search index's shards are named by the words of the pages, so they are declared as a
            // folder; the marker says the folder is the tool's, for the next build.
            let written = Set(fileTree(site.output).keys.filter {
                !$0.hasPrefix(Routes.searchIndex.path) && $0 != OutputDirectory.markerName
            })
            // Pictures are published as the media step's variants (`a.360.webp`, `a.1200x630.jpg`), not as
            // the officer's file: each declared picture has variants, and every variant has its picture.
            let pictures = declared.filter(MediaCatalog.isRaster)
            let variants = written.subtracting(declared).filter { path in pictures.contains { Self.isVariant(path, of: $0) } }
            #expect(pictures.allSatisfy { picture in variants.contains { Self.isVariant($0, of: picture) } }, "\(name)")
            #expect(written.subtracting(declared).subtracting(variants).sorted() == [], "\(name): written but not declared")
            #expect(declared.subtracting(written).subtracting(pictures).sorted() == [], "\(name): declared but not written")
            #expect(fileTree(site.output).keys.contains { $0.hasPrefix(Routes.searchIndex.path) }, "\(name)")
            #expect(built.allRoutes == Set(built.entries.map(\.route)).union(built.files))
        }
    }

    /// `media/a.360.webp` is a variant of `media/a.jpg`.
    static func isVariant(_ path: String, of picture: String) -> Bool {
        guard let dot = picture.lastIndex(of: ".") else { return false }
        let stem = picture[..<dot] + "."
        let rest = path.dropFirst(stem.count).split(separator: ".")
        return path.hasPrefix(stem) && rest.count == 2 && rest[0].allSatisfy { $0.isNumber || $0 == "x" }
    }

    @Test func everyPageIsReachedFromTheHomePage() throws {
        for (name, site, date) in try Self.sites() {
            try #require(site.build(date: date).succeeded, "\(name)")
            let built = try #require(site.assembled(date: date), "\(name)")
            let reached = LinkCrawler(root: site.output).crawl().reached
            // The 404 page is what a server sends for a missing address; nothing links to it.
            let pages = Set(built.entries.filter { $0.kind != .notFound }.map(\.route.outputFile))
            #expect(pages.subtracting(reached).sorted() == [], "\(name): pages no link leads to")
        }
    }

    @Test func pagesAreListedInKindOrderAndEachRouteOnce() throws {
        let site = try TestSite.sample()
        let built = try #require(site.assembled(date: Self.sampleDate))
        let order = built.entries.map { PageKind.allCases.firstIndex(of: $0.kind) ?? -1 }
        #expect(order == order.sorted())
        #expect(Set(built.entries.map(\.route)).count == built.entries.count)
        #expect(Set(built.entries.map(\.kind)) == Set(PageKind.allCases), "the sample shows every kind of page")
    }

    /// A section shows in the navigation only when it has pages; free pages join in their `menu` order.
    @Test func theNavigationFollowsTheDeclarations() throws {
        let minimal = try #require(TestSite(TestSite.minimal).assembled())
        #expect(minimal.navigation.map(\.route) == [Routes.stories, Routes.markets, Routes.policies,
                                                   Routes.page("gioi-thieu"), Routes.search])
        #expect(minimal.sectionLinks.map(\.route) == [Routes.stories, Routes.markets, Routes.policies])
        #expect(minimal.feeds.isEmpty, "no base_url, no feeds")
        let sample = try #require(TestSite.sample().assembled(date: Self.sampleDate))
        #expect(sample.sectionLinks.map(\.route) == [Routes.stories, Routes.markets, Routes.policies, Routes.events, Routes.notices,
                                                     Routes.enterprises, Routes.warnings, Routes.jobs, Routes.plans, Routes.areas])
        #expect(sample.feeds.map(\.feed.route) == [Routes.storiesFeed, Routes.policiesFeed, Routes.noticesFeed, Routes.jobsFeed, Routes.warningsFeed])
    }

    /// Every first path segment a section writes is refused as a free page's name.
    @Test func everySectionsAddressIsReserved() throws {
        let sample = try #require(TestSite.sample().assembled(date: Self.sampleDate))
        let firstSegments = Set((sample.entries.map(\.route) + sample.files).compactMap { route -> String? in
            guard let first = route.path.split(separator: "/").first.map(String.init) else { return nil }
            return route.path.contains("/") ? first : String(first.split(separator: ".").first ?? "")
        })
        let freePages = Set(sample.pages.map(\.document.slug))
        #expect(firstSegments.subtracting(freePages).subtracting(Routes.reservedTopLevel).sorted() == [])
    }

    /// Each kind's template is one of the default theme's, with the view model it receives documented.
    @Test func everyKindsTemplateShipsWithItsViewModel() throws {
        for kind in PageKind.allCases {
            #expect(TemplateViews.byTemplate[kind.template] != nil, "\(kind)")
            #expect(DefaultTheme.templates[kind.template] != nil, "\(kind)")
        }
    }

    /// The browser gate (e2e/gate.py) keeps its own copy of the reserved names and one page per kind
    /// to run axe and the Nu checker on: a kind added here without its gate line fails this test.
    @Test func theBrowserGateKnowsEveryKindAndReservedName() throws {
        let gate = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("e2e/gate.py"), encoding: .utf8)
        let reserved = try #require(gate.firstMatch(of: /RESERVED_TOP_LEVEL = \{([^}]*)\}/)?.output.1)
        let names = Set(reserved.matches(of: /"([^"]+)"/).map { String($0.output.1) })
        #expect(names == Routes.reservedTopLevel)
        let kindsBlock = try #require(gate.firstMatch(of: #/\n    kinds = \{\n((?:        "[^\n]*\n)+)    \}/#)?.output.1)
        let gateKinds = kindsBlock.matches(of: #/\n?        "([a-z0-9-]+)":/#).map { String($0.output.1) }
        #expect(gateKinds.count == PageKind.allCases.count, "gate kinds: \(gateKinds)")
    }
}
