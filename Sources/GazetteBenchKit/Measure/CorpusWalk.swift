import GazetteCore

/// Finds the data files under some roots; the benchmark uses the loader's own walk
/// (`ArchiveLoader.discoverFiles`), so the baseline reads exactly the files a load reads.
public typealias FileDiscovery = @Sendable ([String]) throws -> [String]

public enum CorpusWalk {
    /// The data files under `roots`, found by the loader's walk (sorted, hidden skipped, loops cut).
    public static let dataFiles: FileDiscovery = { roots in try ArchiveLoader.discoverFiles(in: roots).files }
}
