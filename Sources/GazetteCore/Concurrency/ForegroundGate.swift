import Foundation

/// Lets work a person is waiting for take the cores from a background build that would
/// otherwise share them: the build passes `checkpoint()` between small units of work and sleeps
/// there while any foreground work runs. (A word typed while the index builds is read from the
/// articles at full speed; the build resumes where it stopped when the answer is in.)
public final class ForegroundGate: Sendable {
    /// How many foreground jobs are running.
    private let running = ConditionValue(0)

    public init() {}

    /// Runs `body` with the background work held at its next checkpoint.
    public func foreground<R>(_ body: () throws -> R) rethrows -> R {
        running.update { $0 += 1 }
        defer { running.update { $0 -= 1 } }
        return try body()
    }

    /// Returns at once unless foreground work is running; then as soon as none is.
    public func checkpoint() {
        running.wait { $0 == 0 ? () : nil }
    }
}
