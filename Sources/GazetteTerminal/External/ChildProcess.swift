import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Starting other programs: a browser in the background, a pipe or an editor in the foreground.
///
/// `posix_spawn`, never `Foundation.Process` (which hangs on a child that outlives it here, and
/// cannot start a new session). Children start with an empty signal mask and default
/// dispositions: Gazette's UI thread may block or ignore signals a shell command relies on.
public enum ChildProcess {
    /// The outcome of a command: its exit status (128 + signal when killed), or why it never ran.
    public enum Outcome: Sendable, Equatable {
        case exited(Int32)
        case failedToStart(String)
    }

    /// Starts `arguments` in a new session with stdio on /dev/null and returns at once;
    /// `finished` is called on another thread with the outcome when it ends (or fails to start).
    public static func startDetached(_ arguments: [String], environment: [String: String]? = nil,
                                     finished: @escaping @Sendable (Outcome) -> Void) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A new session: no controlling terminal, so the browser can neither draw over the UI
        // nor be stopped with Gazette by Ctrl-Z or killed by a hang-up.
        let spawned = spawn(arguments, actions: &actions, extraFlags: spawnSetSID, environment: environment)
        switch spawned {
        case .failure(let reason):
            finished(.failedToStart(reason))
        case .success(let pid):
            Thread.detachNewThread { finished(.exited(wait(for: pid))) }
        }
    }

    /// Runs `arguments` on the terminal and waits; `input`, when given, is written to its stdin.
    ///
    /// Gazette ignores SIGINT and SIGQUIT meanwhile, as `system(3)` does: Ctrl-C in the
    /// command stops the command, not the reader. SIGPIPE too: a command that exits without
    /// reading everything (`head -1`) ends the writing with EPIPE instead of killing Gazette.
    public static func runInForeground(_ arguments: [String], input: [UInt8]? = nil,
                                       environment: [String: String]? = nil) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if input != nil {
            guard pipe(&pipeEnds) == 0 else { return .failedToStart(String(cString: strerror(errno))) }
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        }
        let ignored = ignore([SIGINT, SIGQUIT, SIGPIPE])
        defer { restore(ignored) }
        let spawned = spawn(arguments, actions: &actions, extraFlags: 0, environment: environment)
        if input != nil { close(pipeEnds[0]) }
        guard case .success(let pid) = spawned else {
            if input != nil { close(pipeEnds[1]) }
            if case .failure(let reason) = spawned { return .failedToStart(reason) }
            return .failedToStart("")
        }
        if let input {
            // On its own thread: a command that stops reading (`head -1`) must not block Gazette,
            // and one that never reads must still be waited for. EPIPE just ends the writing.
            let writeEnd = pipeEnds[1]
            let written = DispatchSemaphore(value: 0)
            let writer = Thread { writeAll(input, to: writeEnd); close(writeEnd); written.signal() }
            writer.start()
            let status = wait(for: pid)
            // Once the command is gone its end of the pipe is closed: the writer stops at once.
            written.wait()
            return .exited(status)
        }
        return .exited(wait(for: pid))
    }

    /// glibc's `POSIX_SPAWN_SETSID` (2.26+): `spawn.h` declares it only under `_GNU_SOURCE`,
    /// which Swift's Glibc module is not built with.
    private static let spawnSetSID: Int16 = 0x80

    private enum Spawned { case success(pid_t), failure(String) }

    private static func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t, extraFlags: Int16,
                              environment: [String: String]?) -> Spawned {
        guard let program = arguments.first else { return .failure("no command") }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | extraFlags)
        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        guard result == 0 else { return .failure("\(program): \(String(cString: strerror(result)))") }
        return .success(pid)
    }

    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return 127 }
        }
        // WIFEXITED/WEXITSTATUS are macros Swift cannot import.
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    private static func ignore(_ signals: [Int32]) -> [(Int32, sigaction)] {
        signals.map { signal in
            var ignore = sigaction()
            ignore.__sigaction_handler.sa_handler = SIG_IGN
            sigemptyset(&ignore.sa_mask)
            var previous = sigaction()
            sigaction(signal, &ignore, &previous)
            return (signal, previous)
        }
    }

    private static func restore(_ saved: [(Int32, sigaction)]) {
        for (signal, action) in saved {
            var action = action
            sigaction(signal, &action, nil)
        }
    }
}
