import Dispatch

/// Work done off the caller's thread, one request at a time, where only the newest request
/// matters: requests made while one runs replace each other, and the next run takes the
/// newest. Holding a key that asks for something slow costs one run at a time, not a queue.
public final class LatestRequest<Request: Sendable>: Sendable {
    private let pending = LockedValue<(request: Request?, running: Bool)>((nil, false))
    private let queue: DispatchQueue
    private let work: @Sendable (Request) -> Void

    /// `work` runs on a background queue for each request taken.
    public init(label: String, qos: DispatchQoS = .userInitiated, work: @escaping @Sendable (Request) -> Void) {
        queue = DispatchQueue(label: label, qos: qos)
        self.work = work
    }

    /// Asks for `request`; replaces one not yet started.
    public func request(_ request: Request) {
        let start = pending.update { state -> Bool in
            state.request = request
            guard !state.running else { return false }
            state.running = true
            return true
        }
        if start { queue.async { self.drain() } }
    }

    private func drain() {
        while let next = pending.update({ state -> Request? in
            let next = state.request
            state.request = nil
            if next == nil { state.running = false }
            return next
        }) {
            work(next)
        }
    }
}
