import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Limits one HTTP fetch works within.
public struct FetchLimits: Sendable {
    /// Seconds without a byte (connecting included) before giving up.
    public var idleTimeout: TimeInterval = 20
    /// Seconds for the whole exchange, however steadily a server trickles.
    public var totalTimeout: TimeInterval = 60
    /// Bytes kept of a response body; the rest is cut off with a warning.
    public var maxBytes: Int = 50 * 1024 * 1024
    public var maxRedirects: Int = 5

    public init() {}
}

/// What came back from one GET.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: [UInt8]
    /// Where the body really came from (after redirects).
    public var finalURL: URL
    /// The new address when every redirect on the way was permanent (301/308).
    public var movedPermanentlyTo: URL?
    /// The body was cut off at `FetchLimits.maxBytes`.
    public var truncated: Bool
}

/// Why a fetch failed, in words for the user.
public struct FetchFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// GETs over `URLSession` (FoundationNetworking's libcurl underneath on Linux), blocking the
/// calling thread: the fetch runner calls it from a bounded set of worker threads.
///
/// libcurl asks for and undoes gzip/deflate itself (`Accept-Encoding: deflate, gzip, br, zstd`);
/// redirects pass through the delegate so they are counted, loops stopped and permanent moves
/// noticed; the body is collected by the delegate so it can be cut off at the size cap.
public final class HTTPClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private final class Exchange {
        var body: [UInt8] = []
        var truncated = false
        var redirects = 0
        var visited: Set<String> = []
        var permanent: URL?
        var allPermanent = true
        var failure: FetchFailure?
        var timedOut = false
        let done = DispatchSemaphore(value: 0)
        var error: Error?
    }

    private let limits: FetchLimits
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]
    private var session: URLSession!
    public static let userAgent = "Gazette/0.1 (+feed reader; terminal)"

    public init(limits: FetchLimits = FetchLimits()) {
        self.limits = limits
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = limits.idleTimeout
        configuration.timeoutIntervalForResource = limits.totalTimeout
        configuration.httpMaximumConnectionsPerHost = 4
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// Ends the session once its tasks are done. URLSession keeps its delegate (this client)
    /// alive until then, so without this each client and its session would leak.
    public func invalidate() { session.finishTasksAndInvalidate() }

    /// GETs `url`, conditionally when `etag` / `lastModified` are given.
    public func get(_ url: URL, etag: String? = nil, lastModified: String? = nil) -> Result<HTTPResponse, FetchFailure> {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure(FetchFailure("not an http(s) URL"))
        }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.idleTimeout)
        request.setValue(HTTPClient.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8",
                         forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let exchange = Exchange()
        exchange.visited.insert(url.absoluteString)
        let task = session.dataTask(with: request)
        lock.withLock { exchanges[task.taskIdentifier] = exchange }
        task.resume()
        // The total deadline, enforced here too: a server trickling a byte a second never trips
        // the idle timeout.
        if exchange.done.wait(timeout: .now() + limits.totalTimeout + 1) == .timedOut {
            lock.withLock { exchange.timedOut = true }
            task.cancel()
            exchange.done.wait()
        }
        lock.withLock { _ = exchanges.removeValue(forKey: task.taskIdentifier) }
        if let failure = exchange.failure { return .failure(failure) }
        if exchange.timedOut { return .failure(FetchFailure("timed out after \(Int(limits.totalTimeout)) s")) }
        if let error = exchange.error, !exchange.truncated { return .failure(FetchFailure(describe(error))) }
        guard let response = task.response as? HTTPURLResponse else { return .failure(FetchFailure("no HTTP response")) }
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return .success(HTTPResponse(
            status: response.statusCode, headers: headers, body: exchange.body, finalURL: response.url ?? url,
            movedPermanentlyTo: exchange.allPermanent ? exchange.permanent : nil, truncated: exchange.truncated))
    }

    private func exchange(_ task: URLSessionTask) -> Exchange? {
        lock.withLock { exchanges[task.taskIdentifier] }
    }

    // MARK: URLSessionDataDelegate

    public func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                           newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard let exchange = exchange(task), let target = request.url else { return completionHandler(nil) }
        let verdict: URLRequest? = lock.withLock {
            exchange.redirects += 1
            if !exchange.visited.insert(target.absoluteString).inserted {
                exchange.failure = FetchFailure("redirect loop at \(target.absoluteString)")
                return nil
            }
            if exchange.redirects > limits.maxRedirects {
                exchange.failure = FetchFailure("too many redirects (more than \(limits.maxRedirects))")
                return nil
            }
            if let scheme = target.scheme?.lowercased(), scheme != "http", scheme != "https" {
                exchange.failure = FetchFailure("redirect to a non-http URL")
                return nil
            }
            if response.statusCode == 301 || response.statusCode == 308 {
                if exchange.allPermanent { exchange.permanent = target }
            } else {
                exchange.allPermanent = false
            }
            return request
        }
        completionHandler(verdict)
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let exchange = exchange(dataTask) else { return }
        let over: Bool = lock.withLock {
            let room = limits.maxBytes - exchange.body.count
            if data.count > room {
                exchange.body.append(contentsOf: data.prefix(max(0, room)))
                exchange.truncated = true
                return true
            }
            exchange.body.append(contentsOf: data)
            return false
        }
        if over { dataTask.cancel() }
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let exchange = exchange(task) else { return }
        lock.withLock { exchange.error = error }
        exchange.done.signal()
    }

    private func describe(_ error: Error) -> String {
        let nsError = error as NSError
        switch nsError.code {
        case NSURLErrorTimedOut: return "timed out (no data for \(Int(limits.idleTimeout)) s)"
        case NSURLErrorCannotConnectToHost: return "connection refused"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "host not found"
        case NSURLErrorNetworkConnectionLost: return "connection lost"
        case NSURLErrorNotConnectedToInternet: return "not connected to the network"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate:
            return "TLS failed (\(nsError.localizedDescription))"
        default: return nsError.localizedDescription.isEmpty ? "network error \(nsError.code)" : nsError.localizedDescription
        }
    }
}
