/// The article files under the data directories in load (sorted path) order, with the stat each
/// had before it was read: what a load reads and what its snapshot records.
struct FileListing: Sendable, Equatable {
    var files: [String]
    /// `stat` taken before reading, so a file changed while it is read looks changed next time.
    var stats: [FileStat]
    /// Entries the walk skipped, each with its reason.
    var discoveryWarnings: [LoadWarning]

    /// The full walk (`ArchiveLoader.discoverFiles`), then a `stat` per file.
    static func walk(_ directories: [String]) throws(LoadError) -> FileListing {
        let (files, warnings) = try ArchiveLoader.discoverFiles(in: directories)
        return FileListing(files: files, stats: FileStat.of(files), discoveryWarnings: warnings)
    }
}
