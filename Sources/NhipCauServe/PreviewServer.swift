import Foundation
import Hummingbird
import Logging
import NIOCore
import NhipCauBuild
import NhipCauCore
import ServiceLifecycle

/// `nhipcau serve`: builds the content into a private folder, serves it on 127.0.0.1, rebuilds
/// when a file under the content folder changes and tells open pages to reload.
/// Returns when SIGINT (Ctrl-C) or SIGTERM arrives, or when the calling task is cancelled.
public enum PreviewServer {
    public static func run(_ options: ServeOptions, report: @escaping @Sendable (ServeEvent) -> Void) async throws {
        let workspace = FileManager.default.temporaryDirectory
            .appendingPathComponent("nhipcau-serve-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)

        let state = PreviewState(language: options.language ?? SiteFolder.declaredLanguage(options.content))
        let hub = ReloadHub()
        let builder = PreviewBuilder(options: options, workspace: workspace, state: state, hub: hub, report: report)
        // Taken before the first build, so a file saved while it runs still triggers a rebuild.
        let beforeFirstBuild = ContentSnapshot.take(of: options.content)
        await builder.rebuild()

        let app = Application(
            responder: PreviewResponder(state: state, hub: hub),
            configuration: .init(address: .hostname(ServeOptions.host, port: options.port), serverName: nil),
            services: [ContentWatcher(options: options, builder: builder, hub: hub, seen: beforeFirstBuild)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                report(.listening(url: "http://\(ServeOptions.host):\(port)/", folder: workspace.path, language: await state.language))
            },
            logger: quietLogger())
        defer { try? FileManager.default.removeItem(at: workspace) }
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ServeFailure.portInUse(port: options.port)
        }
        try? FileManager.default.removeItem(at: workspace)
        report(.stopped(language: await state.language))
    }

    /// Hummingbird's own log lines would drown the officer's messages; keep only real failures.
    static func quietLogger() -> Logger {
        var logger = Logger(label: "nhipcau-serve")
        logger.logLevel = .critical
        return logger
    }
}

/// Why the preview could not start.
public enum ServeFailure: Error, Sendable {
    case portInUse(port: Int)

    public func message(in language: Language) -> String {
        switch self {
        case .portInUse(let port):
            LocalizedText("serve.portUsedAnotherProgram", ["port": "\(port)", "port2": "\(port + 1)"]).text(in: language)
        }
    }
}

/// Watches the content folder and updates the preview when anything changed: on Linux woken by
/// inotify within milliseconds of a save, elsewhere by comparing modification times every
/// `pollInterval`, which works on every system.
struct ContentWatcher: Service {
    let options: ServeOptions
    let builder: PreviewBuilder
    let hub: ReloadHub
    /// The content as it was when the last build started.
    let seen: ContentSnapshot

    func run() async throws {
        try? await cancelWhenGracefulShutdown { try await watch() }
        await hub.closeAll()
    }

    private func watch() async throws {
        var seen = seen
        if let events = ContentEvents(root: options.content) {
            var lastWalk: ContinuousClock.Instant? // nil: look at once, for edits saved during the first build
            while !Task.isCancelled {
                // A walk every few seconds as well, in case the system drops events.
                let due = lastWalk.map { ContinuousClock.now - $0 > .seconds(3) } ?? true
                guard events.takeChange() || due else {
                    try await Task.sleep(for: .milliseconds(10))
                    continue
                }
                lastWalk = ContinuousClock.now
                let (now, filesAddedOrRemoved) = await look(since: seen)
                if filesAddedOrRemoved { events.watchFolders() }
                seen = now
            }
            return
        }
        var lastWalk = Duration.zero
        while !Task.isCancelled {
            // On a large site a walk costs milliseconds: keep watching under a fifth of a core.
            try await Task.sleep(for: max(options.pollInterval, lastWalk * 4))
            let started = ContinuousClock.now
            seen = await look(since: seen).snapshot
            lastWalk = ContinuousClock.now - started
        }
    }

    /// Compares the content folder with `seen` and updates the preview when it changed.
    private func look(since seen: ContentSnapshot) async -> (snapshot: ContentSnapshot, filesAddedOrRemoved: Bool) {
        let now = ContentSnapshot.take(of: options.content)
        guard now != seen else { return (seen, false) }
        let saved = now.savedFiles(since: seen)
        await builder.update(saved: saved)
        return (now, saved == nil)
    }
}
