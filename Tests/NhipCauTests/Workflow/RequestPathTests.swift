import Foundation
import Testing
@testable import NhipCauServe

/// The served folder sits beside a secret file; no request path may name it.
@Suite final class RequestPathTests {
    let folder: URL
    var root: URL { folder.appendingPathComponent("site") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-paths-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("site/cau-chuyen/a"), withIntermediateDirectories: true)
        try Data("home".utf8).write(to: folder.appendingPathComponent("site/index.html"))
        try Data("story".utf8).write(to: folder.appendingPathComponent("site/cau-chuyen/a/index.html"))
        try Data("marker".utf8).write(to: folder.appendingPathComponent("site/.nhipcau-site"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try manager.createSymbolicLink(at: folder.appendingPathComponent("site/link.txt"),
                                       withDestinationURL: folder.appendingPathComponent("secret.txt"))
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
        "/cau-chuyen/../../secret.txt", "/cau-chuyen/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/.%2e/secret.txt",
        "/.nhipcau-site", "/%2fsecret.txt", "/cau-chuyen%2f..%2f..%2fsecret.txt", "/a%00b", "secret.txt", "/%zz",
    ])
    func pathsThatCouldLeaveTheFolderAreForbidden(path: String) {
        #expect(RequestPath.resolve(path, in: root) == .forbidden)
    }

    @Test func symbolicLinksOutOfTheFolderAreForbidden() {
        #expect(RequestPath.resolve("/link.txt", in: root) == .forbidden)
    }

    @Test func absolutePathsStayInsideTheFolder() {
        #expect(RequestPath.resolve("//etc/passwd", in: root) == .notFound)
        #expect(RequestPath.resolve("/etc/passwd", in: root) == .notFound)
    }

    @Test func foldersServeTheirIndexAndAskForTheSlash() {
        let rootIndex = root.appendingPathComponent("index.html").standardizedFileURL.resolvingSymlinksInPath()
        #expect(RequestPath.resolve("/", in: root) == .file(rootIndex))
        guard case .file(let story) = RequestPath.resolve("/cau-chuyen/a/", in: root) else {
            Issue.record("the story folder was not served")
            return
        }
        #expect(story.path.hasSuffix("site/cau-chuyen/a/index.html"))
        #expect(RequestPath.resolve("/cau-chuyen/a", in: root) == .folder(location: "/cau-chuyen/a/"))
        #expect(RequestPath.resolve("//cau-chuyen//a", in: root) == .folder(location: "/cau-chuyen/a/"))
        #expect(RequestPath.resolve("/cau-chuyen/", in: root) == .notFound)
        #expect(RequestPath.resolve("/khong-co/", in: root) == .notFound)
    }

    @Test(arguments: [
        ("html", "text/html; charset=utf-8"), ("css", "text/css; charset=utf-8"), ("js", "text/javascript; charset=utf-8"),
        ("json", "application/json; charset=utf-8"), ("xml", "application/xml; charset=utf-8"), ("svg", "image/svg+xml"),
        ("png", "image/png"), ("jpg", "image/jpeg"), ("JPG", "image/jpeg"), ("csv", "text/csv; charset=utf-8"),
        ("bin", "application/octet-stream"),
    ])
    func contentTypes(pathExtension: String, expected: String) {
        #expect(MediaTypes.contentType(forExtension: pathExtension) == expected)
    }

    @Test func theScriptGoesBeforeTheEndOfBody() {
        let page = PreviewPages.injectingScript(into: "<html><body><p>x</p></body></html>")
        #expect(page == "<html><body><p>x</p>\(PreviewPages.scriptTag)\n</body></html>")
    }

    @Test func errorLinesAreEscapedOnTheErrorPage() {
        let page = PreviewPages.errorPage(lines: ["a.md:1: error: <script>alert(1)</script> & \"x\""], language: .en)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        #expect(!page.contains("<script>alert"))
    }
}
