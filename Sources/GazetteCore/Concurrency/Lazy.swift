/// A value made on first use, once, from any thread: a second caller waits for the first build
/// rather than repeating it (orders, thread tables, facet entries nobody may ask for).
final class Lazy<Value: Sendable>: Sendable {
    private let value: LockedValue<Value?>
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        value = LockedValue(nil)
        self.make = make
    }

    /// Already made (read from a snapshot, say): `make` is never called.
    init(made: Value) {
        value = LockedValue(made)
        make = { made }
    }

    var wrapped: Value {
        value.update { value in
            if let value { return value }
            let built = make()
            value = built
            return built
        }
    }
}
