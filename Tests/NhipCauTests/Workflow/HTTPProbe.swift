import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw HTTP/1.1 client on 127.0.0.1: sends the request path exactly as written (no URL
/// normalisation, so `/../` and `%2e%2e` reach the server as they are). Every read has a deadline.
enum HTTPProbe {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func get(port: Int, _ rawPath: String, seconds: Double = 5) throws -> Reply {
        let connection = try Connection(port: port)
        defer { connection.close() }
        try connection.send("GET \(rawPath) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let raw = connection.readUntilClosed(deadline: Date().addingTimeInterval(seconds))
        return try parse(raw)
    }

    static func parse(_ raw: String) throws -> Reply {
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure(description: "no complete reply: \(raw.prefix(200))") }
        let head = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = (head.first ?? "").split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line: \(head.first ?? "")") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(raw[split.upperBound...]))
    }

    /// `/__nhipcau/events`, read as it arrives.
    final class EventStream {
        private let connection: Connection
        private(set) var received = ""

        init(port: Int) throws {
            connection = try Connection(port: port)
            try connection.send("GET /__nhipcau/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        }

        /// Reads until `text` has arrived after everything already seen at `start`; false on timeout.
        func waitFor(_ text: String, after start: String.Index? = nil, seconds: Double = 8) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if received[(start ?? received.startIndex)...].contains(text) { return true }
                guard let chunk = connection.readSome(deadline: deadline) else { return false }
                received += chunk
            }
            return received[(start ?? received.startIndex)...].contains(text)
        }

        var end: String.Index { received.endIndex }

        func close() { connection.close() }
    }

    final class Connection {
        private let socket: Int32

        init(port: Int) throws {
            #if canImport(Glibc)
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #else
            socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
            #endif
            guard socket >= 0 else { throw Failure(description: "socket() failed") }
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                _ = closeSocket()
                throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
            }
        }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            let sent = bytes.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard sent == bytes.count else { throw Failure(description: "short write") }
        }

        /// The next bytes that arrive, nil when the peer closed or the deadline passed.
        func readSome(deadline: Date) -> String? {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
                if count > 0 { return String(decoding: buffer[..<count], as: UTF8.self) }
                if count == 0 { return nil }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { return nil }
            }
            return nil
        }

        func readUntilClosed(deadline: Date) -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
                if count > 0 { bytes += buffer[..<count]; continue }
                if count == 0 { break }
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else { break }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        private var closed = false

        func close() {
            guard !closed else { return }
            closed = true
            _ = closeSocket()
        }

        private func closeSocket() -> Int32 {
            #if canImport(Glibc)
            Glibc.close(socket)
            #else
            Darwin.close(socket)
            #endif
        }
    }
}
