import ArgumentParser
import Foundation
import GazetteBenchKit

/// `gazette-bench run`: measures the suite on a corpus and prints the table (or JSON).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Gazette on a corpus: medians over repeated trials, as ratios to the I/O baseline.")

    @Argument(help: "Corpus directory (for example one written by `generate`).")
    var directory: String

    @Option(help: "Timed trials per figure.")
    var repetitions: Int = 5

    @Option(help: "Timed trials per keystroke action (p95 needs a few dozen).")
    var keystrokeTrials: Int = 40

    @Flag(help: "Print JSON instead of the table.")
    var json = false

    func validate() throws {
        guard repetitions > 0, keystrokeTrials > 0 else { throw ValidationError("--repetitions and --keystroke-trials must be positive") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ValidationError("\(directory) is not a directory") }
    }

    @Flag(help: "Skip the warm-start figures (snapshot written to a private cache, warm starts, refresh, CLI).")
    var noWarm = false

    @Option(help: ArgumentHelp("Run only these steps, by name, comma-separated (e.g. baseline,pipeline,warm).", valueName: "NAMES"))
    var steps: String?

    @Flag(help: ArgumentHelp(
        "Time the keystroke, related and reader-state steps on a warm store (mapped from the snapshot in $XDG_CACHE_HOME/gazette-bench, written once per build of the bench) instead of the cold-loaded one; step name warm-store."))
    var warmStore = false

    func run() throws {
        var suite = BenchSuite.standard(keystrokeTrials: keystrokeTrials)
        if !noWarm { suite.steps.append(BenchSuite.warm(probe: Self.probe())) }
        if warmStore, let keys = suite.steps.firstIndex(where: { $0.name == "keystrokes" }) {
            suite.steps.insert(BenchSuite.warmStore(), at: keys)
        }
        if let steps {
            let names = Set(steps.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            suite.steps = suite.steps.filter { names.contains($0.name) }
        }
        let report = try suite.run(
            roots: [directory], articles: generatedSummary()?.articles, repetitions: repetitions)
        print(json ? try report.json() : report.table(), terminator: "")
    }

    /// This executable and `gazette` beside it (same build directory), for the warm process figures.
    static func probe() -> WarmProbe? {
        guard let bench = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let gazette = (bench as NSString).deletingLastPathComponent + "/gazette"
        return WarmProbe(bench: bench, gazette: FileManager.default.isExecutableFile(atPath: gazette) ? gazette : nil)
    }

    /// The generator's summary, when the corpus came from `generate`.
    private func generatedSummary() -> CorpusSummary? {
        guard let data = FileManager.default.contents(atPath: directory + "/" + CorpusSummary.fileName) else {
            return nil
        }
        return try? JSONDecoder().decode(CorpusSummary.self, from: data)
    }
}
