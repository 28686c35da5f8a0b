import Foundation
import NhipCauCore

/// Debian's Chromium, headless, reading a page after its scripts ran (`--dump-dom`).
/// `make test` installs it; without it the browser tests fail rather than skip.
enum Chromium {
    static let binary: URL? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init) + ["/usr/bin"]
        for folder in folders {
            for name in ["chromium", "chromium-browser"] {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
            }
        }
        return nil
    }()

    static let missing = "Debian's `chromium` is needed for the browser tests: `apt-get install chromium` (make test installs it)."

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The DOM of `url` once scripts, fetches and timers settled (virtual time), as HTML.
    static func dom(_ url: String, seconds: Double = 60) throws -> String {
        guard let binary else { throw Failure(description: missing) }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("nhipcau-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=\(profile.path)", "--virtual-time-budget=10000"]
        let output = try Spawned.run(binary.path, arguments + ["--dump-dom", url], seconds: seconds)
        guard output.status == 0, output.stdout.contains("</html>") else {
            throw Failure(description: "chromium exited \(output.status) for \(url): \(output.stderr.suffix(2000))")
        }
        return output.stdout
    }
}

/// Python's `http.server` on a free port of 127.0.0.1, serving one folder. It stops when the value
/// goes away, and also when the test process dies, since it exits when its standard input closes.
final class StaticServer {
    private let process: Spawned
    private let files: TemporaryFolder
    let port: Int

    static let script = """
    import functools, http.server, sys, threading
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    """

    init(serving folder: URL) throws {
        files = try TemporaryFolder("server")
        let printed = files.file("out"), complaints = files.file("err")
        let server = try Spawned("/usr/bin/env", ["python3", "-c", Self.script, folder.path], stdin: .pipe,
                                 stdout: .file(printed), stderr: .file(complaints))
        var line = ""
        _ = ServeProcess.eventually(seconds: 20) {
            line = Spawned.text(of: printed)
            return line.hasSuffix("\n") || !server.isRunning
        }
        process = server
        guard let port = Int(line.trimmed) else {
            server.closeInput()
            server.end()
            throw Chromium.Failure(description: "the test web server did not start (python3 missing?): \(line) \(Spawned.text(of: complaints))")
        }
        self.port = port
    }

    /// The server exits when its input closes; `end` only if it does not within a few seconds.
    deinit {
        process.closeInput()
        if !ServeProcess.eventually(seconds: 5, { !process.isRunning }) { process.end() }
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }
}

/// What the search page shows once its script ran: the status line and the result links, those
/// holding every word and, under their heading, those holding all but one.
struct SearchPageState {
    struct Result: Equatable, CustomStringConvertible {
        let href: String
        let title: String
        let kind: String
        let snippet: String
        /// The words shown in `<mark>`, title then snippet.
        let marked: [String]
        var description: String { "\(href) [\(kind)]" }
    }

    let status: String
    let results: [Result]
    let nearHeading: String?
    let nearResults: [Result]
    let moreButtonShown: Bool
    let noScriptNoteShown: Bool
    let browseLinks: [String]

    init(dom: String) {
        status = dom.firstMatch(of: /id="search-status"[^>]*>([^<]*)</).map { Self.text($0.output.1) } ?? ""
        let list = dom.firstMatch(of: /<ol id="search-results"[^>]*>(.*?)<\/ol>/.dotMatchesNewlines()).map { String($0.output.1) } ?? ""
        results = Self.results(in: list)
        let near = dom.firstMatch(of: /<\/ol><h2( hidden="")?>([^<]*)<\/h2><ol class="search-results"[^>]*>(.*?)<\/ol>/.dotMatchesNewlines())
        nearHeading = near.flatMap { $0.output.1 == nil ? Self.text($0.output.2) : nil }
        nearResults = near.map { Self.results(in: String($0.output.3)) } ?? []
        moreButtonShown = dom.contains("</ol><button type=\"button\">")
        noScriptNoteShown = dom.contains("<p id=\"search-no-script\">")
        let browse = dom.firstMatch(of: /<section class="search-browse".*?<\/section>/.dotMatchesNewlines()).map { String($0.output) } ?? ""
        browseLinks = browse.matches(of: /<a href="([^"]*)">/).map { String($0.output.1) }
    }

    static func results(in list: String) -> [Result] {
        list.matches(of: /<li><a href="([^"]*)">(.*?)<\/a> <span class="search-kind">([^<]*)<\/span>(?:<p>(.*?)<\/p>)?<\/li>/).map {
            let title = String($0.output.2), snippet = $0.output.4.map(String.init) ?? ""
            let marked = (title + snippet).matches(of: /<mark>([^<]*)<\/mark>/).map { text($0.output.1) }
            return Result(href: text($0.output.1), title: text(title.replacing(/<\/?mark>/, with: "")[...]),
                          kind: text($0.output.3), snippet: text(snippet.replacing(/<\/?mark>/, with: "")[...]), marked: marked)
        }
    }

    static func text(_ html: Substring) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
