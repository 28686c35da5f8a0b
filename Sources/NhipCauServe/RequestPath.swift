import Foundation

/// What a request path names inside the served folder. Decides from the path alone, before any
/// file is touched, so `..`, encoded dots and slashes, backslashes and hidden names never reach the disk.
public enum RequestTarget: Equatable, Sendable {
    case file(URL)
    /// A folder asked for without the final `/`: relative links need it, so redirect to `location`.
    case folder(location: String)
    case notFound
    case forbidden
}

public enum RequestPath {
    /// `rawPath` is the path of the request line as sent (still percent-encoded, no query).
    public static func resolve(_ rawPath: String, in root: URL) -> RequestTarget {
        guard rawPath.hasPrefix("/") else { return .forbidden }
        guard let segments = safeSegments(rawPath) else { return .forbidden }
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        let target = segments.reduce(root) { $0.appendingPathComponent($1) }
        guard isInside(target, root: root) else { return .forbidden }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return .notFound }
        guard isDirectory.boolValue else { return .file(target) }
        guard rawPath.hasSuffix("/") else {
            return .folder(location: "/" + rawPath.split(separator: "/").joined(separator: "/") + "/")
        }
        let index = target.appendingPathComponent("index.html")
        return FileManager.default.fileExists(atPath: index.path) ? .file(index) : .notFound
    }

    /// The decoded path segments, or nil when any of them could step outside the folder.
    static func safeSegments(_ rawPath: String) -> [String]? {
        var segments: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(raw).removingPercentEncoding, isSafe(decoded) else { return nil }
            segments.append(decoded)
        }
        return segments
    }

    /// A plain name: not `.`/`..`/hidden, no separators or control characters once decoded.
    static func isSafe(_ segment: String) -> Bool {
        !segment.isEmpty && !segment.hasPrefix(".")
            && !segment.contains("/") && !segment.contains("\\")
            && !segment.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// True when `target`, symbolic links resolved, is `root` or below it.
    static func isInside(_ target: URL, root: URL) -> Bool {
        let resolved = target.resolvingSymlinksInPath().path
        return resolved == root.path || resolved.hasPrefix(root.path + "/")
    }
}

/// The Content-Type of a served file, from its extension.
public enum MediaTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "csv": "text/csv; charset=utf-8",
        "ics": "text/calendar; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
    ]

    public static func contentType(forExtension pathExtension: String) -> String {
        byExtension[pathExtension.lowercased()] ?? "application/octet-stream"
    }
}
