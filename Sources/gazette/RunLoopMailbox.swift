import Foundation
import GazetteCore
import GazetteUI

/// Messages from background work (index ready, a reload finished) to the run loop: queued under
/// a lock, with a byte written to a pipe the loop waits on beside the terminal, so the loop sleeps
/// until a key or a message arrives and never polls.
final class RunLoopMailbox: Sendable {
    private let queue = LockedValue<[Action]>([])
    /// Read end: the run loop waits on it.
    let descriptor: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        // Non-blocking both ways: a full pipe already means "wake up", and draining must not wait.
        for end in ends { _ = fcntl(end, F_SETFL, O_NONBLOCK); _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        descriptor = ends[0]
        writeEnd = ends[1]
    }

    /// Queues `action` for the run loop and wakes it (from any thread).
    func post(_ action: Action) {
        queue.update { $0.append(action) }
        wake()
    }

    /// Wakes the run loop with no message: something it reads itself changed (the load's
    /// progress, the state store on disk).
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Every queued action, oldest first; empties the pipe too.
    func drain() -> [Action] {
        clearWakeUps()
        return queue.update { queued in
            defer { queued = [] }
            return queued
        }
    }

    /// Empties the pipe, leaving queued actions queued (they are drained once the browser runs).
    func clearWakeUps() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    deinit {
        close(descriptor)
        close(writeEnd)
    }
}
