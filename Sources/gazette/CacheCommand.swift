import ArgumentParser
import Foundation
import GazetteCore
import GazetteUI

/// `gazette cache info|clear`: the snapshot that makes start-up instant.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or remove the snapshot of the data directories (in $XDG_CACHE_HOME/gazette).",
        subcommands: [CacheInfoCommand.self, CacheClearCommand.self],
        defaultSubcommand: CacheInfoCommand.self
    )
}

/// `gazette cache info`: path, size, articles and age of the snapshot for the data directories.
struct CacheInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Describe the snapshot for the data directories.")

    @OptionGroup var data: DataOptions

    func run() throws {
        guard let path = data.snapshotPath(evenWithNoCache: true) else {
            StandardError.write("gazette: no cache directory (set HOME or XDG_CACHE_HOME)\n")
            throw ExitCode(2)
        }
        guard let info = SnapshotCache.info(path: path) else {
            StandardOutput.write("Snapshot: none yet (\(TerminalSafeText.sanitize(path)))\nThe next load writes it.\n")
            return StandardOutput.flush()
        }
        var out = "Snapshot: \(TerminalSafeText.sanitize(path))\nSize: \(Self.size(info.bytes))\n"
        if let problem = info.problem {
            out += "Status: unusable (\(problem)); the next load rebuilds it\n"
        } else {
            out += "Articles: \(info.articles ?? 0)\n"
            if let written = info.writtenAt {
                out += "Written: \(Self.age(Date().timeIntervalSince(written))) ago\n"
            }
            out += "Directories: \(info.directories.map(TerminalSafeText.sanitize).joined(separator: ", "))\n"
        }
        StandardOutput.write(out)
        StandardOutput.flush()
    }

    static func size(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }

    static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 86400 { return "\(s / 3600) h \(s % 3600 / 60) min" }
        return "\(s / 86400) d"
    }
}

/// `gazette cache clear`: removes every snapshot in the cache directory.
struct CacheClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clear", abstract: "Remove every Gazette snapshot.")

    func run() throws {
        guard let directory = SnapshotCache.directory(environment: ProcessInfo.processInfo.environment) else {
            StandardError.write("gazette: no cache directory (set HOME or XDG_CACHE_HOME)\n")
            throw ExitCode(2)
        }
        let (removed, failed) = SnapshotCache.clear(cacheDirectory: directory)
        StandardOutput.write("Removed \(removed) snapshot file\(removed == 1 ? "" : "s") from \(TerminalSafeText.sanitize(directory))\n")
        StandardOutput.flush()
        for failure in failed {
            StandardError.write("gazette: cannot remove \(TerminalSafeText.sanitize(failure.path)): \(failure.reason)\n")
        }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}
