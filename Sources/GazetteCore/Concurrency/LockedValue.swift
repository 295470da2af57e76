import Foundation

/// A value shared between threads, every access under one lock: the house's mutex box.
public final class LockedValue<Value: Sendable>: @unchecked Sendable {
    // `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    /// The current value.
    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// Replaces the value.
    public func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }

    /// Changes the value in place and returns what `body` returns, atomically.
    @discardableResult
    public func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }
}
