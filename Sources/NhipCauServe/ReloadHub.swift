#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A message to the open browser pages, sent as a Server-Sent Event.
public enum ReloadEvent: Sendable, Equatable {
    /// First message on a new connection: which build is being served.
    case hello(generation: Int)
    /// A new build is served: reload the page.
    case reload(generation: Int)
    /// The last build failed: show these lines over the page.
    case errors([String])

    /// The event as written on the wire (`event:` and one `data:` line).
    public var wire: String {
        switch self {
        case .hello(let generation): "event: hello\ndata: \(generation)\n\n"
        case .reload(let generation): "event: reload\ndata: \(generation)\n\n"
        case .errors(let lines): "event: errors\ndata: \(Self.jsonArray(lines))\n\n"
        }
    }

    /// JSON never contains a raw line break, so the array fits on one `data:` line.
    static func jsonArray(_ lines: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(lines)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Everyone listening on `/__nhipcau/events`.
actor ReloadHub {
    private var listeners: [UUID: AsyncStream<ReloadEvent>.Continuation] = [:]

    /// A stream of the events sent from now on; it ends when the page goes away.
    func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    func send(_ event: ReloadEvent) {
        for listener in listeners.values { listener.yield(event) }
    }

    func closeAll() {
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    var count: Int { listeners.count }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }
}
