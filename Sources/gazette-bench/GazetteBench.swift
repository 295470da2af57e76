import ArgumentParser

/// The benchmark harness: generate a corpus, then measure Gazette on it.
@main
struct GazetteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench",
        abstract: "Generate synthetic article corpora and measure Gazette on them.",
        subcommands: [Generate.self, Run.self, Profile.self, WarmProbeCommand.self, Feeds.self])
}
