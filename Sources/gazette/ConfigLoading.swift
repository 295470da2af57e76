import ArgumentParser
import Foundation
import GazetteConfig
import GazetteUI

extension DataOptions {
    /// The config file (`--config FILE`, else the default one if it exists) merged over the
    /// defaults; an error in it ends the program with status 2 and `path:line: key: reason`.
    func loadConfig() throws -> LoadedConfig {
        do {
            return try ConfigFile.load(explicit: configFile, environment: ProcessInfo.processInfo.environment)
        } catch {
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(2)
        }
    }
}

/// `gazette config`: check the config file, or print the default one.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file, or print the default one (--default).",
        discussion: "The file is $XDG_CONFIG_HOME/gazette/config.toml (~/.config/gazette/config.toml) or --config FILE."
    )

    @Option(name: .customLong("config"), help: ArgumentHelp("The config file to check.", valueName: "FILE"))
    var configFile: String?

    @Flag(name: .customLong("default"), help: "Print the default configuration, commented, to start a file from.")
    var printDefault = false

    func run() throws {
        if printDefault {
            print(DefaultConfig.text(), terminator: "")
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let loaded: LoadedConfig
        do {
            loaded = try ConfigFile.load(explicit: configFile, environment: environment)
        } catch {
            StandardError.write("gazette: \(error)\n")
            throw ExitCode(2)
        }
        for warning in loaded.warnings { StandardError.write("gazette: warning: \(warning)\n") }
        if let path = loaded.path {
            print("\(path): OK" + (loaded.warnings.isEmpty ? "" : " (\(loaded.warnings.count) ignored)"))
        } else {
            print("No config file (\(ConfigFile.defaultPath(environment: environment) ?? "no home directory")); the defaults apply.")
        }
    }
}
