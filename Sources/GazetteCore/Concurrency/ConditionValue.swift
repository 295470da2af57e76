import Foundation

/// A value behind a lock that threads can wait on: `LockedValue` for when a thread must sleep
/// until another one's change lets it through (a scheduler handing out work as slots free up).
public final class ConditionValue<Value: Sendable>: @unchecked Sendable {
    // `stored` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    /// Changes the value in place, wakes every waiter to look again, and returns what `body` returns.
    @discardableResult
    public func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&stored)
    }

    /// Calls `body` on the value (which it may change) until it returns an answer, sleeping
    /// between tries until another thread's `update`; returns that answer.
    public func wait<R>(until body: (inout Value) -> R?) -> R {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let answer = body(&stored) {
                condition.broadcast()
                return answer
            }
            condition.wait()
        }
    }
}
