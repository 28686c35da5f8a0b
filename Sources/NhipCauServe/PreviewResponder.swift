#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Answers every request: the preview's own paths under `/__nhipcau/`, otherwise files of the
/// last good build (HTML with the live-reload script added).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewState
    let hub: ReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text("405 Method Not Allowed\n", status: .methodNotAllowed)
        }
        let path = request.uri.path
        if path.hasPrefix(PreviewPages.prefix) { return await previewResponse(path) }
        guard let root = await state.servedRoot else { return await errorPage(status: .serviceUnavailable) }
        switch RequestPath.resolve(path, in: root) {
        case .file(let file): return Self.file(file, status: .ok)
        case .folder(let location): return Self.redirect(to: location)
        case .forbidden: return Self.text("403 Forbidden\n", status: .forbidden)
        case .notFound: return Self.notFound(root: root)
        }
    }

    private func previewResponse(_ path: String) async -> Response {
        switch path {
        case PreviewPages.scriptPath:
            return Self.bytes(Array(PreviewPages.script(language: await state.language).utf8),
                              contentType: MediaTypes.contentType(forExtension: "js"), status: .ok)
        case PreviewPages.eventsPath: return await events()
        case PreviewPages.errorsPath: return await errorPage(status: .ok)
        default: return Self.text("404 Not Found\n", status: .notFound)
        }
    }

    /// Server-Sent Events: a `hello`, the current errors if any, then whatever the builder sends,
    /// until the page closes or the server stops.
    private func events() async -> Response {
        let stream = await hub.subscribe()
        let greeting: [ReloadEvent] = [.hello(generation: await state.generation)]
            + (await state.errorLines.isEmpty ? [] : [.errors(await state.errorLines)])
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for event in greeting { try await writer.write(ByteBuffer(string: event.wire)) }
            for await event in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.wire))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    private func errorPage(status: HTTPResponse.Status) async -> Response {
        let html = PreviewPages.errorPage(lines: await state.errorLines, language: await state.language)
        return Self.bytes(Array(html.utf8), contentType: MediaTypes.contentType(forExtension: "html"), status: status)
    }

    static func notFound(root: URL) -> Response {
        let page = root.appendingPathComponent("404.html")
        guard FileManager.default.fileExists(atPath: page.path) else { return text("404 Not Found\n", status: .notFound) }
        return file(page, status: .notFound)
    }

    static func file(_ url: URL, status: HTTPResponse.Status) -> Response {
        guard let data = FileManager.default.contents(atPath: url.path) else { return text("404 Not Found\n", status: .notFound) }
        let contentType = MediaTypes.contentType(forExtension: url.pathExtension)
        guard url.pathExtension.lowercased() == "html" else { return bytes([UInt8](data), contentType: contentType, status: status) }
        let page = PreviewPages.injectingScript(into: String(decoding: data, as: UTF8.self))
        return bytes(Array(page.utf8), contentType: contentType, status: status)
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .movedPermanently, headers: headers)
    }

    static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        bytes(Array(text.utf8), contentType: MediaTypes.contentType(forExtension: "txt"), status: status)
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
