import Foundation
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
        return .missing(LocalizedText(
            vi: "Liên kết `\(path)` không dẫn tới trang nào của trang web. Kiểm tra lại địa chỉ, hoặc liên kết tới tệp nội dung, ví dụ `../markets/nhat-ban.md`.",
            en: "The link `\(path)` leads to no page of this site. Check the address, or link to the content file, e.g. `../markets/nhat-ban.md`."))
    }

    private func resolveContentPath(_ path: String, suffix: String, from file: String) -> LinkTarget {
        let decoded = path.removingPercentEncoding ?? path
        let folder = file.split(separator: "/").dropLast().map(String.init)
        guard let target = Self.normalize(folder + decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)) else {
            return .missing(LocalizedText(
                vi: "Liên kết `\(path)` trỏ ra ngoài thư mục nội dung.",
                en: "The link `\(path)` points outside the content folder."))
        }
        if let route = routesByContentFile[target] {
            guard allRoutes.contains(route) else {
                return .missing(LocalizedText(
                    vi: "Liên kết `\(path)` trỏ tới `\(target)`, nhưng bài này chưa được đăng (bản nháp hoặc ngày đăng sau ngày dựng trang). Bỏ liên kết, hoặc đăng bài đó trước.",
                    en: "The link `\(path)` points at `\(target)`, which is not published (a draft, or dated after the build date). Remove the link, or publish that story first."))
            }
            return .route(route, suffix: suffix)
        }
        return .missing(LocalizedText(
            vi: "Liên kết `\(path)` trỏ tới `\(target)`, nhưng không có tệp đó trong thư mục nội dung. Kiểm tra tên tệp (chữ thường, không dấu).",
            en: "The link `\(path)` points at `\(target)`, but the content folder has no such file. Check the file name."))
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
