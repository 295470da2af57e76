import ArgumentParser
import GazetteCore
import GazetteUI

/// `gazette check`: the load report; exit 0 clean, 1 when anything was skipped (a duplicate too) or warned, 2 when a directory is bad.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load every data directory and report files, articles, duplicates and warnings.",
        discussion: "Exit status: 0 clean, 1 when a file or article was skipped or warned, 2 when a data directory is missing or unreadable."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        ignoreBrokenPipeSignal()
        let archive = try data.loadArchive()
        let report = archive.report
        StandardOutput.write(LoadReportText.render(report))
        StandardOutput.flush()
        // A dropped duplicate is an article skipped, as the discussion above promises.
        if !report.warnings.isEmpty || report.filesSkipped > 0 || !report.duplicates.isEmpty {
            throw ExitCode(1)
        }
    }
}
