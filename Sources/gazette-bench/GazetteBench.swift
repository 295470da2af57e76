import ArgumentParser
import GazetteCore

/// The benchmark harness: generate a corpus, then measure Gazette on it.
@main
struct GazetteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette-bench",
        abstract: "Generate synthetic article corpora and measure Gazette on them.",
        subcommands: [Generate.self, Run.self, Profile.self, WarmProbeCommand.self, Feeds.self])

    /// Sets up the allocator as `gazette` does, so the figures are the app's.
    static func main() {
        AllocatorTuning.apply()
        main(nil)
    }
}
