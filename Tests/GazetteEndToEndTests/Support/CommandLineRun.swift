import Foundation

/// Runs the built `gazette` binary to completion, capturing stdout, stderr and the exit status.
struct CommandLineRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data

    /// The built `gazette` executable next to the test bundle.
    static var gazettePath: String {
        TmuxSession.builtProductsDirectory().appendingPathComponent("gazette").path
    }

    /// Runs `gazette arguments…` with stdin from /dev/null; `environment` replaces the inherited one when given.
    static func gazette(
        _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil
    ) throws -> CommandLineRun {
        try run(gazettePath, arguments, environment: environment, directory: directory)
    }

    /// Runs `/bin/sh -c script` (for pipelines such as `gazette list | head -1`).
    static func shell(_ script: String, environment: [String: String]? = nil) throws -> CommandLineRun {
        try run("/bin/sh", ["-c", script], environment: environment, directory: nil)
    }

    private static func run(
        _ path: String, _ arguments: [String], environment: [String: String]?, directory: String?
    ) throws -> CommandLineRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        env["TZ"] = "UTC"
        // Snapshots go to a private cache, never the user's ~/.cache.
        env["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"] ?? TmuxSession.testCacheDirectory
        env.removeValue(forKey: "GAZETTE_DATA") // tests opt in explicitly
        if let explicit = environment?["GAZETTE_DATA"] { env["GAZETTE_DATA"] = explicit }
        // Never the runner's own reading state: a fresh (absent) state directory unless a test names
        // one; read-only commands never create it, so there is nothing to clean up.
        if environment?["XDG_STATE_HOME"] == nil {
            env["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("gz-state-\(UUID().uuidString)").path
        }
        process.environment = env
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Files, not pipes: nothing can deadlock on a full pipe buffer.
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("gz-out-\(UUID().uuidString)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("gz-err-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil)
        else { throw CocoaError(.fileWriteUnknown) }
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: outURL)
        let errData = try Data(contentsOf: errURL)
        return CommandLineRun(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            stdoutBytes: outData
        )
    }
}

/// A temporary data directory written at test time, removed when the test ends.
final class TemporaryArchive {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var path: String { root.path }

    /// Writes `text` to `relativePath` (folders created as needed).
    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}
