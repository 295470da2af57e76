import GazetteTerminal
import GazetteUI

/// The one place the run loop sleeps, for loading and browsing alike: until a key, a message or
/// wake-up in the mailbox, a signal (a resize), or a deadline the caller names. Nothing polls.
struct RunLoopInput {
    let screen: TerminalScreen
    let mailbox: RunLoopMailbox

    enum Event {
        /// A key (or mouse event) was read.
        case key(Key)
        /// The mailbox was written to, a signal arrived or the deadline passed: look around.
        case woken
        /// Standard input ended: the program should end.
        case inputClosed
    }

    /// The next key if one is waiting; otherwise sleeps until something happens.
    /// `timeoutMilliseconds` -1 sleeps until a key or the mailbox (no timed wake-up).
    func next(timeoutMilliseconds: Int32 = -1) -> Event {
        if let key = screen.readKey(timeoutMilliseconds: 0) { return .key(key) }
        if screen.isInputClosed { return .inputClosed }
        _ = screen.waitForInput(orWake: mailbox.descriptor, timeoutMilliseconds: timeoutMilliseconds)
        return .woken
    }
}
