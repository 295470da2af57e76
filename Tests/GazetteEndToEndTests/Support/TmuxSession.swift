import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A detached tmux session on a private socket, for driving Gazette's terminal UI from tests.
///
/// tmux is started with `posix_spawn` + `waitpid` (Foundation.Process hangs on `new-session -d`
/// because the server inherits a descriptor). Output of each tmux command goes through an
/// unlinked temporary file, so no pipe can be held open by the server. The status line is off
/// (the pane is exactly `width`×`height`) and `remain-on-exit` is on, so the last screen stays
/// readable after the command ends. Tests learn exit statuses by having the shell print them
/// (`…; echo "exit=$?"`): tmux 3.3a sometimes marks a pane dead without ever recording the status.
final class TmuxSession {
    /// What a tmux client command printed and returned.
    struct CommandResult {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// A tmux command exited non-zero.
    struct CommandError: Error, CustomStringConvertible {
        var arguments: [String]
        var result: CommandResult
        var description: String {
            "tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.errorOutput)"
        }
    }

    static let sessionName = "gazette"
    let socketPath: String
    private let tmuxPath: String
    private var isKilled = false

    /// The absolute path of `tmux` from PATH, or nil when it is not installed.
    static let executablePath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/tmux"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }()

    /// True when tmux is installed; end-to-end suites use it with `.enabled(if:)`.
    static var isAvailable: Bool { executablePath != nil }

    /// Starts `command` (run by `sh -c`) in a new detached `width`×`height` session with `TERM=term`.
    ///
    /// `environment` adds variables for the command; `directory` is its working directory.
    init(
        command: String, width: Int = 120, height: Int = 40, term: String = "xterm-256color",
        environment: [String: String] = [:], directory: String? = nil
    ) throws {
        guard let tmuxPath = TmuxSession.executablePath else {
            throw CommandError(arguments: ["(not installed)"], result: CommandResult(status: 127, output: "", errorOutput: "tmux not found in PATH"))
        }
        self.tmuxPath = tmuxPath
        socketPath = "/tmp/gazette-\(UUID().uuidString).sock"
        var newSession = ["new-session", "-d", "-s", TmuxSession.sessionName, "-x", "\(width)", "-y", "\(height)"]
        // Snapshots go to a private cache, never the user's ~/.cache. The reader's state and the
        // config are private to the session unless a test names them: never the runner's own
        // (~/.local/state/gazette, ~/.config/gazette), and never one store shared by the browsers
        // that parallel tests start at once (they queue on its lock while creating it).
        var environment = environment
        environment["XDG_CACHE_HOME"] = environment["XDG_CACHE_HOME"] ?? TmuxSession.testCacheDirectory
        let privateHome = TmuxSession.testCacheDirectory + "/session-" + UUID().uuidString
        environment["XDG_STATE_HOME"] = environment["XDG_STATE_HOME"] ?? privateHome + "/state"
        environment["XDG_CONFIG_HOME"] = environment["XDG_CONFIG_HOME"] ?? privateHome + "/config"
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { newSession += ["-e", "\(key)=\(value)"] }
        if let directory { newSession += ["-c", directory] }
        newSession.append(command)
        // Options first, in the same client invocation: a fast command must not exit before
        // remain-on-exit is set, and the status line would take a row.
        // default-terminal sets TERM inside the pane (new-session -e TERM=… is overridden by it).
        try run(["set-option", "-g", "status", "off", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                 "set-option", "-g", "default-terminal", term, ";"] + newSession)
    }

    deinit { kill() }

    /// One per test process, removed when it exits: test runs leave no snapshots behind in /tmp.
    static let testCacheDirectory: String = {
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "gazette-e2e-cache-\(getpid())") }
        return NSTemporaryDirectory() + "gazette-e2e-cache-\(getpid())"
    }()

    /// Runs one tmux client command against this session's server; throws if it fails.
    @discardableResult
    func run(_ arguments: [String]) throws -> CommandResult {
        let result = TmuxSession.spawn(tmuxPath, ["tmux", "-S", socketPath, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else { throw CommandError(arguments: arguments, result: result) }
        return result
    }

    /// Sends keys by tmux name (`"Enter"`, `"Escape"`, `"C-c"`, `"Up"`, `"q"`); unknown names go as text.
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", TmuxSession.sessionName] + keys)
    }

    /// Types `text` literally (no key-name lookup).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", TmuxSession.sessionName, "-l", text])
    }

    /// The visible pane, one string per row (tmux trims trailing spaces).
    ///
    /// With `scrollback`, the history above the screen comes first. Note: when the command
    /// exits, tmux 3.3a writes "Pane is dead …" and the earlier screen may move into history.
    func capture(scrollback: Bool = false) throws -> [String] {
        let range = scrollback ? ["-S", "-"] : []
        let output = try run(["capture-pane", "-p", "-t", TmuxSession.sessionName] + range).output
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Polls the pane every ~20 ms until `predicate` holds; false after `timeout`.
    func waitUntil(timeout: Duration = .seconds(30), _ predicate: ([String]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        var last = "nothing captured"
        while true {
            do {
                let lines = try capture()
                if predicate(lines) { return true }
                last = lines.joined(separator: "\n")
            } catch {
                last = "capture failed: \(error)"
            }
            if ContinuousClock.now >= deadline {
                // Say what the pane showed, so a failure in CI can be understood from its log.
                FileHandle.standardError.write(Data("TmuxSession \(socketPath): gave up waiting; last capture:\n\(last)\n".utf8))
                return false
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Polls until some row of the pane contains `text`; false after `timeout`.
    func waitFor(text: String, timeout: Duration = .seconds(30)) async -> Bool {
        await waitUntil(timeout: timeout) { lines in lines.contains { $0.contains(text) } }
    }

    /// Resizes the window (and the pane, the only one) to `width`×`height`.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", TmuxSession.sessionName, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Ends the tmux server and deletes the socket file (tmux 3.3a leaves it behind).
    func kill() {
        guard !isKilled else { return }
        isKilled = true
        let serverPID = (try? run(["display-message", "-p", "#{pid}"]))
            .flatMap { pid_t($0.output.trimmingCharacters(in: .whitespacesAndNewlines)) }
        _ = TmuxSession.spawn(tmuxPath, ["tmux", "-S", socketPath, "-f", "/dev/null", "kill-server"])
        unlink(socketPath)
        // A server that ignores kill-server must not outlive the test run.
        guard let serverPID, serverPID > 1 else { return }
        let deadline = ContinuousClock.now + .seconds(2)
        while TmuxSession.isAlive(serverPID), ContinuousClock.now < deadline { usleep(10_000) }
        if TmuxSession.isAlive(serverPID) { Glibc.kill(serverPID, SIGKILL) }
    }

    /// True while `pid` runs (a zombie waiting for its parent to reap it counts as gone).
    private static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// Whether the socket file exists (false after `kill()`).
    var socketExists: Bool { access(socketPath, F_OK) == 0 }

    /// The directory holding the built products (`gazette`, …): where the test runner itself lives.
    static func builtProductsDirectory() -> URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // On macOS the runner sits inside a .xctest bundle (Contents/MacOS); climb out of it.
        while directory.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) {
            directory.deleteLastPathComponent()
        }
        return directory
    }

    /// `text` quoted for `sh` (single quotes, embedded quotes escaped).
    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: - Spawning

    /// Runs `path` with `arguments` (argv[0] included), stdin /dev/null, output via temp files.
    private static func spawn(_ path: String, _ arguments: [String]) -> CommandResult {
        let outFile = temporaryDescriptor()
        let errFile = temporaryDescriptor()
        defer { close(outFile); close(errFile) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outFile, 1)
        posix_spawn_file_actions_adddup2(&actions, errFile, 2)

        // Inside a developer's tmux, TMUX would point the client elsewhere or refuse nesting.
        let environment = ProcessInfo.processInfo.environment
            .filter { $0.key != "TMUX" && $0.key != "TMUX_PANE" }
            .map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }

        // Test runner threads (libdispatch workers) block most signals and the mask is
        // inherited: the tmux server would never see SIGCHLD (no exit status) and the program
        // under test no SIGWINCH. Start with an empty mask and default dispositions.
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
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            return CommandResult(status: 127, output: "", errorOutput: "posix_spawn failed: \(spawned)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED/WEXITSTATUS are macros; decode the wait status by hand.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return CommandResult(status: exitStatus, output: readAll(outFile), errorOutput: readAll(errFile))
    }

    /// An unlinked, close-on-exec temporary file: nothing to clean up, nothing for tmux to keep open.
    private static func temporaryDescriptor() -> Int32 {
        var template = Array("/tmp/gazette-tmux-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return descriptor }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    private static func readAll(_ descriptor: Int32) -> String {
        guard descriptor >= 0 else { return "" }
        lseek(descriptor, 0, SEEK_SET)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }
}
