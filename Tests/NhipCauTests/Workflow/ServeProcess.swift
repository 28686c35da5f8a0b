import Foundation

/// `nhipcau serve --port 0` running as the built binary, in a test's site folder.
/// Its output is collected as it comes; `stop()` sends SIGINT like Ctrl-C. Always ends the process.
final class ServeProcess: @unchecked Sendable {
    let process: Spawned
    /// Where the process's standard output and error go, read whole whenever asked.
    private let files: TemporaryFolder
    /// The port from the printed `http://127.0.0.1:PORT/` line.
    private(set) var port = 0

    init(in folder: URL, arguments: [String] = []) throws {
        files = try TemporaryFolder("serve")
        process = try Spawned(CLI.binary.path, ["serve", "--port", "0", "--date", "2021-06-30"] + arguments, in: folder,
                              stdout: .file(files.file("out")), stderr: .file(files.file("err")))
        port = try waitForPort(seconds: 20)
    }

    deinit { stop() }

    var stdout: String { Spawned.text(of: files.file("out")) }
    var stderr: String { Spawned.text(of: files.file("err")) }

    private func waitForPort(seconds: Double) throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let match = stdout.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.output.1) { return port }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.end()
        throw HTTPProbe.Failure(description: "no URL printed; stdout: \(stdout) stderr: \(stderr)")
    }

    /// Waits until `condition` holds, polling; false after `seconds`.
    static func eventually(seconds: Double = 8, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }

    /// Ctrl-C; true when the process ended within `seconds`. Else it is ended (SIGTERM, then
    /// SIGKILL): every wait is bounded, also when a regression keeps `serve` from stopping.
    @discardableResult
    func stop(seconds: Double = 8) -> Bool {
        guard process.isRunning else { return true }
        process.send(SIGINT)
        let stopped = Self.eventually(seconds: seconds) { !process.isRunning }
        if !stopped { process.end() }
        return stopped
    }
}
