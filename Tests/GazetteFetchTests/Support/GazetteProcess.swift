import Foundation

/// Runs the built `gazette` binary with a private config and data directory.
struct GazetteProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    static var binary: String {
        var directory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.pathComponents.contains(where: { $0.hasSuffix(".xctest") }) { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("gazette").path
    }

    /// `gazette arguments…` with `XDG_CONFIG_HOME` inside `sandbox` (the user's own list is never touched).
    static func run(_ arguments: [String], sandbox: FetchSandbox) throws -> GazetteProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["HOME": sandbox.root, "XDG_CONFIG_HOME": sandbox.root + "/config", "LANG": "C.UTF-8", "TZ": "UTC",
                               "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.root)
        let out = sandbox.root + "/.out-\(UUID().uuidString)", err = sandbox.root + "/.err-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        return GazetteProcess(status: process.terminationStatus,
                              stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                              stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
