import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 and a free port, started and stopped by the tests and
/// benchmarks that use it (never part of the app). One thread per connection, one request per
/// connection (`Connection: close`).
public final class LoopbackServer: @unchecked Sendable {
    /// A request as received.
    public struct Request: Sendable {
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
    }

    /// What to answer.
    public struct Response: Sendable {
        public var status: Int = 200
        public var headers: [(String, String)] = []
        public var body: [UInt8] = []
        /// Write the body a byte at a time with this many seconds between bytes.
        public var trickle: Double?
        /// Send nothing at all until the server stops.
        public var hang = false

        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], trickle: Double? = nil, hang: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.trickle = trickle
            self.hang = hang
        }

        public static func ok(_ body: [UInt8], type: String = "application/rss+xml", headers: [(String, String)] = []) -> Response {
            Response(status: 200, headers: [("Content-Type", type)] + headers, body: body)
        }

        public static func redirect(_ status: Int, to location: String) -> Response {
            Response(status: status, headers: [("Location", location)])
        }

        public static let notFound = Response(status: 404, body: Array("no such feed".utf8))
    }

    public let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var stopping = false
    private var requestLog: [Request] = []
    private var active = 0
    private var mostAtOnce = 0
    private let finished = DispatchGroup()

    /// Starts listening at once; `handler` answers each request (from any thread).
    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 128) == 0 else { close(listener); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
        finished.enter()
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT/path`.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Every request received so far, in order.
    public var requests: [Request] { lock.withLock { requestLog } }

    /// The most requests that were being answered at the same time.
    public var maxConcurrent: Int { lock.withLock { mostAtOnce } }

    /// Stops accepting, ends hanging responses and waits for the accept loop to finish.
    public func stop() {
        let first: Bool = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        finished.wait()
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop() {
        defer { finished.leave() }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if isStopping { return }
                if errno == EINTR { continue }
                return
            }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(sequence: [13, 10, 13, 10]) {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            received.append(contentsOf: buffer[0..<count])
            if received.count > 65_536 { return }
        }
        let head = String(decoding: received, as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(path: String(parts[1]), headers: headers)
        lock.withLock {
            requestLog.append(request)
            active += 1
            mostAtOnce = max(mostAtOnce, active)
        }
        defer { lock.withLock { active -= 1 } }
        let response = handler(request)
        if response.hang {
            while !isStopping { usleep(20_000) }
            return
        }
        var text = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        guard send(Array(text.utf8), client) else { return }
        if let trickle = response.trickle {
            for byte in response.body {
                if isStopping || !send([byte], client) { return }
                usleep(UInt32(trickle * 1_000_000))
            }
        } else {
            _ = send(response.body, client)
        }
    }

    private func send(_ bytes: [UInt8], _ client: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }

    private func reason(_ status: Int) -> String {
        [200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 307: "Temporary Redirect",
         308: "Permanent Redirect", 404: "Not Found", 500: "Internal Server Error"][status] ?? "Status"
    }
}

private extension Array where Element == UInt8 {
    func contains(sequence: [UInt8]) -> Bool {
        guard count >= sequence.count else { return false }
        for start in 0...(count - sequence.count) where self[start..<(start + sequence.count)].elementsEqual(sequence) { return true }
        return false
    }
}
