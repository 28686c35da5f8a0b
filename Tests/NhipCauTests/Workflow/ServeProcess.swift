import Foundation

/// `nhipcau serve --port 0` running as the built binary, in a test's site folder.
/// Its output is collected as it comes; `stop()` sends SIGINT like Ctrl-C. Always ends the process.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""
    /// The port from the printed `http://127.0.0.1:PORT/` line.
    private(set) var port = 0

    init(in folder: URL, arguments: [String] = []) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--date", "2021-06-30"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            let text = String(decoding: data, as: UTF8.self)
            self?.lock.withLock { self?.stdoutText += text }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil; return }
            let text = String(decoding: data, as: UTF8.self)
            self?.lock.withLock { self?.stderrText += text }
        }
        try process.run()
        port = try waitForPort(seconds: 20)
    }

    deinit {
        if process.isRunning { process.interrupt(); process.terminate() }
    }

    var stdout: String { lock.withLock { stdoutText } }
    var stderr: String { lock.withLock { stderrText } }

    private func waitForPort(seconds: Double) throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let match = stdout.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.output.1) { return port }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
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

    /// Ctrl-C; true when the process ended within `seconds`.
    @discardableResult
    func stop(seconds: Double = 8) -> Bool {
        guard process.isRunning else { return true }
        process.interrupt()
        let stopped = Self.eventually(seconds: seconds) { !process.isRunning }
        if !stopped { process.terminate() }
        return stopped
    }
}
