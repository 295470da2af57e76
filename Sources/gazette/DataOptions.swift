import ArgumentParser
import Foundation
import GazetteCore

/// `--data DIR` (repeatable), shared by every subcommand.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "A data directory (repeatable). Default: $GAZETTE_DATA, ./Data, ~/.local/share/gazette.")
    var directories: [String] = []

    /// The directories to load, after the environment and defaults are applied.
    func resolvedDirectories() -> [String] {
        DataDirectories.resolve(
            explicit: directories, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }
}
