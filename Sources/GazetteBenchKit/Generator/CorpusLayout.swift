/// Which entries go into which file, and which entries are planted duplicates.
///
/// An *entry* is one article written out; `entries` is what `--articles` asks for. About 1% of
/// entries (never in the first file) repeat an article of an earlier file verbatim — same
/// title, date and text — so a loader finds `entries - duplicates` distinct articles.
public struct CorpusLayout: Sendable {
    public let format: CorpusFormat
    public let seed: UInt64
    public let entries: Int
    /// Index of each file's first entry, ascending; `fileStarts.count` is the number of files.
    public let fileStarts: [Int]

    /// Files per directory (`out/0000/000123.txt`).
    public static let filesPerDirectory = 1000
    /// Planted duplicates per thousand entries.
    public static let duplicatePerMille = 10

    /// The layout of `entries` entries in `format`.
    public init(format: CorpusFormat, seed: UInt64, entries: Int) {
        self.format = format
        self.seed = seed
        self.entries = entries
        switch format {
        case .canonical:
            fileStarts = Array(0..<entries)
        case .dump:
            var starts = [Int]()
            var next = 0
            while next < entries {
                starts.append(next)
                // 150–250 posts per file.
                next += 150 + Int(SplitMix64.mix(seed, Stream.layout, UInt64(starts.count)) % 101)
            }
            fileStarts = starts
        }
    }

    public var fileCount: Int { fileStarts.count }
    public var directoryCount: Int { (fileCount + Self.filesPerDirectory - 1) / Self.filesPerDirectory }

    /// The entries written into `file`.
    public func entries(inFile file: Int) -> Range<Int> {
        fileStarts[file]..<(file + 1 < fileStarts.count ? fileStarts[file + 1] : entries)
    }

    /// The file that holds `entry`.
    public func file(ofEntry entry: Int) -> Int {
        if format == .canonical { return entry }
        var low = 0, high = fileStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if fileStarts[mid] <= entry { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The entry whose article `entry` repeats, or nil when `entry` is an original.
    public func duplicateSource(ofEntry entry: Int) -> Int? {
        guard let first = directSource(entry, fileStart: fileStarts[file(ofEntry: entry)]) else { return nil }
        var source = first
        while let earlier = directSource(source, fileStart: fileStarts[file(ofEntry: source)]) { source = earlier }
        return source
    }

    private func directSource(_ entry: Int, fileStart: Int) -> Int? {
        guard fileStart > 0 else { return nil }
        var random = DeterministicRandom(seed: seed, stream: Stream.duplicate, index: UInt64(entry))
        guard random.perMille(Self.duplicatePerMille) else { return nil }
        return Int(random.below(UInt64(fileStart)))
    }

    /// `0000/000123.txt`: directories of at most `filesPerDirectory` files.
    public func relativePath(ofFile file: Int) -> String {
        let fileDigits = max(6, String(max(0, fileCount - 1)).count)
        let directoryDigits = max(4, String(max(0, directoryCount - 1)).count)
        return pad(file / Self.filesPerDirectory, directoryDigits) + "/" + pad(file, fileDigits) + ".txt"
    }

    /// The directory part of `relativePath(ofFile:)` for directory `index`.
    public func relativeDirectory(_ index: Int) -> String {
        pad(index, max(4, String(max(0, directoryCount - 1)).count))
    }
}
