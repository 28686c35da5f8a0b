#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NhipCauCore

/// What a link written in Markdown points at.
public enum LinkTarget: Equatable, Sendable {
    /// A page or file of this site, plus any `#fragment` or `?query` the officer wrote.
    case route(Route, suffix: String)
    /// Another website, an e-mail address, a phone number, or an anchor on the same page.
    case unchanged
    /// `javascript:`, `data:` and similar: never written to the output.
    case unsafe
    /// Points inside the site at nothing that exists.
    case missing(LocalizedText)
    /// Points at a story this build leaves out (a draft, or dated later): written as its text alone.
    case unpublished(LocalizedText)
    /// Points at a file that failed to load: written as its text alone, and not reported, since the
    /// file's own errors are.
    case unusable
}

extension Site {
    /// Resolves a link from the Markdown of `file` (a path relative to the content folder).
    /// Officers may link to the content file (`../markets/nhat-ban.md`, which also works in
    /// editors' previews) or to the published path (`/thi-truong/nhat-ban/`).
    public func resolveLink(_ raw: String, from file: String) -> LinkTarget {
        let url = raw.trimmingCharacters(in: .whitespaces)
        if url.isEmpty || url.hasPrefix("#") { return .unchanged }
        if let scheme = LinkScheme.of(url) {
            return LinkScheme.safe.contains(scheme) ? .unchanged : .unsafe
        }
        if url.hasPrefix("//") { return .unchanged }
        let (path, suffix) = splitSuffix(url)
        if path.hasPrefix("/") { return resolveSitePath(path, suffix: suffix) }
        return resolveContentPath(path, suffix: suffix, from: file)
    }

    private func splitSuffix(_ url: String) -> (String, String) {
        guard let index = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }

    private func resolveSitePath(_ path: String, suffix: String) -> LinkTarget {
        let trimmed = String((path.removingPercentEncoding ?? path).drop { $0 == "/" })
        var candidates = [Route(trimmed)]
        if !trimmed.isEmpty && !trimmed.hasSuffix("/") { candidates.append(Route(trimmed + "/")) }
        if trimmed.hasSuffix("index.html") { candidates.append(Route(String(trimmed.dropLast("index.html".count)))) }
        if let route = candidates.first(where: { allRoutes.contains($0) }) { return .route(route, suffix: suffix) }
        if let route = candidates.first(where: { unpublished[$0] != nil }), let why = unpublished[route] {
            return .unpublished(Self.unpublishedReason(path, why))
        }
        if candidates.contains(where: unusableRoutes.contains) { return .unusable }
        return .missing(LocalizedText("assemble.linkLeadsNoPage", ["path": "\(path)"]))
    }

    private func resolveContentPath(_ path: String, suffix: String, from file: String) -> LinkTarget {
        let decoded = path.removingPercentEncoding ?? path
        let folder = file.split(separator: "/").dropLast().map(String.init)
        guard let target = Self.normalize(folder + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)) else {
            return .missing(LocalizedText("assemble.linkPointsOutsideContent", ["path": "\(path)"]))
        }
        if let route = routesByContentFile[target] {
            if let why = unpublished[route] { return .unpublished(Self.unpublishedReason(path, why)) }
            return .route(route, suffix: suffix)
        }
        if unusableFiles.contains(target) { return .unusable }
        return .missing(LocalizedText("assemble.linkPointsButContent", ["path": "\(path)", "target": "\(target)"]))
    }

    /// Said, as a warning, where the link is written.
    private static func unpublishedReason(_ link: String, _ why: Unpublished) -> LocalizedText {
        switch why {
        case .draft:
            LocalizedText("assemble.linkPointsDraftDraft", ["link": "\(link)"])
        case .scheduled(let day):
            LocalizedText("assemble.linkPointsStoryScheduled", ["link": "\(link)", "day": .date(day)])
        }
    }

    /// Joins path segments, resolving `.` and `..`; nil when `..` climbs above the content folder.
    static func normalize(_ segments: [String]) -> String? {
        var stack: [String] = []
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            default: stack.append(segment)
            }
        }
        return stack.joined(separator: "/")
    }
}

/// URL schemes, judged the way browsers read them (case and stray control characters ignored).
enum LinkScheme {
    static let safe: Set<String> = ["http", "https", "mailto", "tel", "sms", "zalo"]

    static func of(_ url: String) -> String? {
        let cleaned = url.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = String(cleaned[..<colon]).lowercased()
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme
    }
}
