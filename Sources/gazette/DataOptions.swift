import ArgumentParser
import Foundation
import GazetteCore

/// `--data DIR`, shared by every subcommand, and loading the archive it names.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A data directory (repeatable).", valueName: "DIR"))
    var directories: [String] = []

    /// The directories to load, after the environment and defaults are applied.
    func resolvedDirectories() -> [String] {
        DataDirectories.resolve(
            explicit: directories,
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath
        )
    }

    /// Loads the archive or exits with status 2 and a message naming the directory.
    func loadArchive(progress: (@Sendable (LoadProgress) -> Void)? = nil) throws -> LoadedArchive {
        do {
            return try ArchiveLoader.load(directories: resolvedDirectories(), progress: progress)
        } catch {
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Loads the archive and builds the store; the full-text index builds in the background,
    /// so commands whose query has no words never wait for it.
    func loadStore() throws -> (ArticleStore, LoadReport) {
        let archive = try loadArchive()
        return (ArticleStore(articles: archive.articles, textIndexInBackground: true), archive.report)
    }
}

/// Parses query words given on the command line, or exits with status 2 pointing at the problem.
func parseQuery(_ words: [String]) throws -> Query {
    let text = words.joined(separator: " ")
    do {
        return try Query.parse(text)
    } catch {
        StandardError.write("gazette: bad query: \(error)\n  \(text)\n  \(String(repeating: " ", count: max(0, error.column - 1)))^\n")
        throw ExitCode(2)
    }
}
