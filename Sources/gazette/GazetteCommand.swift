import ArgumentParser

/// `gazette`: the news reader. Without a subcommand it opens the browser.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "A terminal news reader for a local archive of articles.",
        subcommands: [BrowseCommand.self],
        defaultSubcommand: BrowseCommand.self
    )
}
