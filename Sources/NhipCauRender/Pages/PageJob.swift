import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// One page the build writes. The list of jobs comes from the site; each is rendered on its own,
/// on any core, and written to disk as soon as it is done.
public enum PageJob: Sendable {
    case home
    case storyList(page: Int)
    case story(Story)
    case tag(TagIndex)
    case marketList
    case market(Market)
    case policyList
    case policy(Policy)
    case page(Page)
    case notFound
    case planList
    case plan(TargetPlan)
    case area(AreaRecord)
    case search
}

/// A page ready for disk, with what the search index needs to know of it.
public struct RenderedPage: Sendable {
    public let route: Route
    public let html: String
    public let search: SearchDocument?
    public let diagnostics: [Diagnostic]
}

extension Site {
    /// Every page of the site, in a fixed order.
    public var pageJobs: [PageJob] {
        var jobs: [PageJob] = [.home, .marketList, .policyList, .notFound]
        jobs += (1...storyPageCount).map { PageJob.storyList(page: $0) }
        jobs += stories.map(PageJob.story)
        jobs += tags.map(PageJob.tag)
        jobs += markets.map(PageJob.market)
        jobs += policies.map(PageJob.policy)
        jobs += pages.map(PageJob.page)
        if !plans.isEmpty { jobs.append(.planList) }
        jobs += plans.map(PageJob.plan)
        jobs += areas.records.map(PageJob.area)
        jobs.append(.search)
        return jobs
    }
}
