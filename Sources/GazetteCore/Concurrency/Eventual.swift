import Foundation

/// A value that arrives later, set once from any thread; readers may ask whether it is there
/// or wait for it (the full-text index building in the background).
final class Eventual<Value: Sendable>: @unchecked Sendable {
    // `stored` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var stored: Value?

    init(_ value: Value? = nil) { stored = value }

    /// Sets the value and wakes every waiter; later calls are ignored (the first value stands).
    func set(_ value: Value) {
        condition.lock()
        if stored == nil { stored = value }
        condition.broadcast()
        condition.unlock()
    }

    var isSet: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stored != nil
    }

    /// The value, waiting until it is set.
    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while stored == nil { condition.wait() }
        return stored!
    }
}
