import Foundation
import Testing
import NhipCauBuild
import NhipCauCore
import NhipCauLoad
import NhipCauSite
import NhipCauWrite

/// Paths of the package, found from this file rather than from a bundle.
enum TestPaths {
    /// `Tests/NhipCauTests/`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    static let golden = testsFolder.appendingPathComponent("Golden")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }
}

/// The build date every test uses, so nothing depends on the day the tests run.
let testDate = SimpleDate(iso: "2021-06-30")!

/// A folder of its own in the system's temporary folder, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let url: URL

    /// `purpose` names the folder (`nhipcau-PURPOSE-…`), for whoever finds one left by a killed test.
    init(_ purpose: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// A whole site written into a fresh temporary folder: `content/` from a dictionary of
/// path → text (or a fixture folder), built into `site/` next to it. The folder is removed when
/// the value goes away.
final class TestSite {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("site") }

    /// A small site with one file of each kind that builds without errors or warnings.
    static let minimal: [String: String] = [
        "site.yml": "title: \"Cổng thử\"\n",
        "markets/nhat-ban.md": "---\ntitle: \"Nhật Bản\"\ncountry: \"Nhật Bản\"\n---\n\nThị trường.\n",
        "policies/luat-69-2020.md": "---\ntitle: \"Luật 69\"\nnumber: \"69/2020/QH14\"\nissuer: \"Quốc hội\"\nissued: 2020-11-13\n---\n\nLuật.\n",
        "pages/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\nmenu: 1\n---\n\nGiới thiệu.\n",
        "stories/chi-lan.md": "---\ntitle: \"Chị Lan\"\ndate: 2021-01-05\nmarket: nhat-ban\n---\n\nCâu chuyện.\n",
    ]

    init(_ files: [String: String] = [:], bytes: [String: [UInt8]] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("nhipcau-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
        for (path, data) in bytes { try write(path, bytes: data) }
    }

    /// A copy of `Tests/NhipCauTests/Fixtures/<name>` as the content folder.
    convenience init(fixture name: String) throws {
        try self.init()
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: TestPaths.fixture(name), to: content)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    func build(drafts: Bool = false, offline: Bool = false, date: SimpleDate = testDate, into output: URL? = nil) -> BuildOutcome {
        let options = BuildOptions(content: content, output: output ?? self.output, today: date,
                                   includeDrafts: drafts, offline: offline)
        return BuildOutcome(result: SiteBuild.run(options))
    }

    /// A file of the built site as text, nil when it was not written.
    func read(_ path: String, in folder: URL? = nil) -> String? {
        guard let data = FileManager.default.contents(atPath: (folder ?? output).appendingPathComponent(path).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func exists(_ path: String, in folder: URL? = nil) -> Bool {
        FileManager.default.fileExists(atPath: (folder ?? output).appendingPathComponent(path).path)
    }
}

/// Every file below `folder` (hidden ones included), relative path → bytes.
func fileTree(_ folder: URL) -> [String: [UInt8]] {
    var tree: [String: [UInt8]] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
    let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        let relative = String(path.dropFirst(base.count + 1))
        tree[relative] = [UInt8](FileManager.default.contents(atPath: url.path) ?? Data())
    }
    return tree
}

/// What `SiteBuild.run` returned, with helpers for finding diagnostics.
struct BuildOutcome {
    let result: Result<BuildReport, BuildFailure>

    var succeeded: Bool {
        if case .success = result { return true }
        return false
    }

    var report: BuildReport? {
        if case .success(let report) = result { return report }
        return nil
    }

    var diagnostics: [Diagnostic] {
        switch result {
        case .success(let report): report.diagnostics.items
        case .failure(.content(let diagnostics, _)): diagnostics.items
        case .failure(.output): []
        }
    }

    var outputError: OutputError? {
        if case .failure(.output(let error, _)) = result { return error }
        return nil
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The diagnostics of `severity` in `file` whose English message contains `fragment`.
    func find(_ severity: Severity, in file: String, containing fragment: String) -> [Diagnostic] {
        diagnostics.filter { $0.severity == severity && $0.location.file == file && $0.message.en.contains(fragment) }
    }

    /// All diagnostics, one per line, for failure messages.
    var listing: String {
        diagnostics.map { $0.formatted(in: .en) }.joined(separator: "\n")
            + (outputError.map { "\noutput: " + $0.message.en } ?? "")
    }
}

/// Follows relative links between the built pages the way a browser under any sub-path would.
struct LinkCrawler {
    let root: URL

    struct Link: Hashable, CustomStringConvertible {
        let file: String
        let href: String
        var description: String { "\(file): \(href)" }
    }

    /// Every `href="…"` and `src="…"` value in the HTML, entities `&amp;` decoded.
    static func links(in html: String) -> [String] {
        let pattern = /(?:href|src)="([^"]*)"/
        return html.matches(of: pattern).map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func isExternal(_ href: String) -> Bool {
        href.hasPrefix("#") || href.hasPrefix("//") || href.wholeMatch(of: /[A-Za-z][A-Za-z0-9+.\-]*:.*/) != nil
    }

    /// The output file a relative link from `file` leads to; nil when it climbs above the site's root.
    static func resolve(_ href: String, from file: String) -> String? {
        var path = href
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        var stack = file.split(separator: "/").dropLast().map(String.init)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..":
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            default: stack.append(segment)
            }
        }
        if path.isEmpty || path.hasSuffix("/") || segments.last == "." || segments.last == ".." {
            stack.append("index.html")
        }
        return stack.joined(separator: "/")
    }

    func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    func html(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data(), as: UTF8.self)
    }

    /// Pages reached from `start` by following links, and every internal link that leads nowhere.
    func crawl(from start: String = "index.html") -> (reached: Set<String>, broken: [Link], absolute: [Link]) {
        var reached: Set<String> = [start]
        var queue = [start]
        var broken: [Link] = []
        var absolute: [Link] = []
        while let file = queue.popLast() {
            for href in Self.links(in: html(file)) where !Self.isExternal(href) {
                if href.hasPrefix("/") { absolute.append(Link(file: file, href: href)); continue }
                guard let target = Self.resolve(href, from: file), isFile(target) else {
                    broken.append(Link(file: file, href: href))
                    continue
                }
                if target.hasSuffix(".html"), reached.insert(target).inserted { queue.append(target) }
            }
        }
        return (reached, broken, absolute)
    }

    /// Every `.html` file written, relative to the root.
    func htmlFiles() -> Set<String> {
        Set(fileTree(root).keys.filter { $0.hasSuffix(".html") })
    }
}

extension TestSite {
    /// The site as the build assembles it from this content on `date` (nil when some file has errors).
    func assembled(date: SimpleDate = testDate) -> Site? {
        guard let loaded = ContentLoader.load(from: DiskContent(root: content)).content else { return nil }
        return SiteAssembler.assemble(loaded, options: .init(today: date)).site
    }
}
