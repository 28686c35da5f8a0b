import NhipCauCore
import NhipCauLoad
import NhipCauSite

/// A page ready for disk, with what the search index needs to know of it.
public struct RenderedPage: Sendable {
    public let route: Route
    public let html: String
    public let search: SearchDocument?
    public let diagnostics: [Diagnostic]
}

/// Both values, when both are there.
func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
