/// Tells a double click from two clicks: a second left press on the same cell soon after the first.
///
/// The reducer has no clock, so the run loop keeps one of these and stamps `MouseEvent.clicks`.
public struct ClickCounter: Sendable {
    /// The longest gap between the presses of a double click (GTK's and xterm's default is near this).
    public static let interval = 0.4

    private var last: (x: Int, y: Int, time: Double)?

    public init() {}

    /// `event` with `clicks` set: 2 for the second press of a double click, else 1. `time` in seconds.
    public mutating func count(_ event: MouseEvent, at time: Double) -> MouseEvent {
        guard event.kind == .press, event.button == .left else { return event }
        var counted = event
        if let last, last.x == event.x, last.y == event.y, time - last.time <= Self.interval, time >= last.time {
            counted.clicks = 2
            // A third press starts over rather than counting as another double click.
            self.last = nil
        } else {
            counted.clicks = 1
            last = (event.x, event.y, time)
        }
        return counted
    }
}
