import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end the way a shell does (`posix_spawn`, read its output, `wait4`),
/// for timing the CLI. Not `Foundation.Process`: its `waitUntilExit` polls a run loop every
/// 50 ms on Linux, which added ~45 ms to every timed `gazette list`/`show` (the gap between the
/// bench's figures and a small driver's, noted in BENCHMARKS.md's fourth round).
enum TimedSpawn {
    struct Run {
        var output: String
        var status: Int32
        /// Wall time from spawn to reaped.
        var seconds: Double
        /// The child's user + system time (its own `rusage`, from `wait4`).
        var cpu: Double
    }

    /// Runs `executable arguments…` with `environment`, stdin and stderr on /dev/null.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Run {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(ends[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let start = MonotonicClock.nanoseconds()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(ends[1])
        guard spawned == 0 else { throw POSIXError(.init(rawValue: spawned) ?? .EIO) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { POSIX.read(ends[0], $0.baseAddress!, $0.count) }
            if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let end = MonotonicClock.nanoseconds()
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(output: String(decoding: output, as: UTF8.self), status: exit, seconds: BenchSuite.seconds(start, end), cpu: cpu)
    }
}
