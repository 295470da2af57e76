import ArgumentParser

/// `gazette browse`: the terminal UI (wired in by the UI work).
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "Browse the archive in the terminal UI (the default).")

    @OptionGroup var data: DataOptions

    func run() throws {
        StandardError.write("gazette: the terminal UI is not built yet; use gazette list\n")
        throw ExitCode(2)
    }
}
