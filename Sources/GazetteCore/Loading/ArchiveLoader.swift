import Foundation

/// Loads every article file under the data directories, in parallel, into one deduplicated list.
public enum ArchiveLoader {
    /// Files per unit of parallel work: large enough to amortise scheduling, small enough to balance.
    static let chunkSize = 32

    /// Walks, reads and parses every `.txt` file; the same article found twice is kept once
    /// (the first, in sorted path order) and listed in `report.duplicates`.
    public static func load(
        directories: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil
    ) throws(LoadError) -> LoadedArchive {
        let (files, discoveryWarnings) = try discoverFiles(in: directories)
        let outcomes = parseAll(files, progress: progress)

        var report = LoadReport()
        report.directories = directories
        report.warnings = discoveryWarnings
        report.filesSkipped = discoveryWarnings.count
        var articles: [Article] = []
        articles.reserveCapacity(files.count)
        var kept: [ArticleID: SourceLocation] = [:]
        for (path, outcome) in zip(files, outcomes) {
            switch outcome {
            case .failed(let reason):
                report.filesSkipped += 1
                report.warnings.append(LoadWarning(path: path, line: 0, reason: reason))
            case .parsed(let parsed, let byteCount):
                report.filesRead += 1
                report.bytesRead += byteCount
                report.warnings.append(contentsOf: parsed.warnings)
                for article in parsed.articles {
                    if let first = kept[article.id] {
                        report.duplicates.append(DuplicateArticle(
                            id: article.id, title: article.title, kept: first, dropped: article.source))
                    } else {
                        kept[article.id] = article.source
                        articles.append(article)
                    }
                }
            }
        }
        report.articles = articles.count
        return LoadedArchive(articles: articles, report: report)
    }

    /// Every article file under `directories`, sorted, plus a warning per entry skipped on the way.
    public static func discoverFiles(in directories: [String]) throws(LoadError) -> (files: [String], warnings: [LoadWarning]) {
        var discovery = FileDiscovery()
        for directory in directories { try discovery.add(root: directory) }
        // String order is Unicode order, not the locale's: the same on every machine.
        var files = discovery.files
        files.sort()
        var warnings = discovery.warnings
        warnings.sort { $0.location.path < $1.location.path }
        return (files, warnings)
    }

    enum Outcome: Sendable {
        case parsed(ParsedFile, bytes: Int)
        case failed(String)
    }

    /// Reads and parses `files` on all cores; the outcomes come back in file order.
    static func parseAll(_ files: [String], progress: (@Sendable (LoadProgress) -> Void)?) -> [Outcome] {
        let slots = OutcomeSlots(count: files.count)
        let tracker = ProgressTracker(total: files.count, report: progress)
        let chunks = (files.count + chunkSize - 1) / chunkSize
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(files.count, (chunk + 1) * chunkSize)
            var articles = 0
            for index in range {
                let path = files[index]
                let outcome: Outcome
                switch FileReading.read(path) {
                case .success(let bytes):
                    let parsed = ArticleFileParser.parse(bytes: bytes, path: path)
                    articles += parsed.articles.count
                    outcome = .parsed(parsed, bytes: bytes.count)
                case .failure(let failure):
                    outcome = .failed(failure.reason)
                }
                slots.set(index, outcome)
            }
            tracker.add(files: range.count, articles: articles)
        }
        tracker.finish()
        return slots.collect()
    }
}

/// One write-once slot per file, filled from many threads (each index by exactly one).
private final class OutcomeSlots: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<ArchiveLoader.Outcome?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ outcome: ArchiveLoader.Outcome) { storage[index] = outcome }

    func collect() -> [ArchiveLoader.Outcome] {
        (0..<count).map { storage[$0] ?? .failed("not read") }
    }
}

/// Counts finished files across threads and reports progress each time another ~1000 are done.
private final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let report: (@Sendable (LoadProgress) -> Void)?
    private var files = 0
    private var articles = 0
    private var lastReported = 0

    init(total: Int, report: (@Sendable (LoadProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    func add(files count: Int, articles found: Int) {
        guard let report else { return }
        lock.lock()
        files += count
        articles += found
        var snapshot: LoadProgress?
        if files - lastReported >= 1000 {
            lastReported = files
            snapshot = LoadProgress(filesDone: files, filesTotal: total, articles: articles)
        }
        lock.unlock()
        if let snapshot { report(snapshot) }
    }

    func finish() {
        guard let report else { return }
        lock.lock()
        let snapshot = LoadProgress(filesDone: total, filesTotal: total, articles: articles)
        lock.unlock()
        report(snapshot)
    }
}
