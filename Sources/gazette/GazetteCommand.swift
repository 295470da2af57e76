import ArgumentParser
import GazetteCore

/// `gazette`: browse and script archives of plain-text articles.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "A terminal news reader for archives of plain-text articles.",
        discussion: """
            Data directories: --data DIR (repeatable), else $GAZETTE_DATA (colon-separated), \
            else ./Data if it exists, else $XDG_DATA_HOME/gazette (~/.local/share/gazette).
            """,
        version: GazetteVersion.current,
        subcommands: [
            BrowseCommand.self, ListCommand.self, TagsCommand.self, ShowCommand.self, CheckCommand.self,
            TagCommand.self, MarkCommand.self, StateCommand.self, ViewCommand.self, CacheCommand.self,
            FeedsCommand.self, FetchCommand.self, ConfigCommand.self, WatchCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    /// Parses with the common options accepted before the subcommand too (see `GlobalOptions`).
    static func main() {
        AllocatorTuning.apply()
        main(GlobalOptions.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst()), subcommands: commands(of: self)))
    }

    /// The tree of subcommand names under `command`.
    static func commands(of command: ParsableCommand.Type) -> GlobalOptions.Commands {
        var tree = GlobalOptions.Commands()
        for child in command.configuration.subcommands {
            tree.children[child._commandName] = commands(of: child)
        }
        return tree
    }
}

enum GazetteVersion {
    static let current = "0.1.0"
}
