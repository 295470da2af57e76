import Foundation

/// Loads every article file under the data directories, in parallel, into one deduplicated list.
public enum ArchiveLoader {
    /// Files per unit of parallel work: large enough to amortise scheduling, small enough to balance.
    static let chunkSize = 32

    /// Walks, reads and parses every article file; the same article (same `ArticleIdentity`)
    /// found twice is kept once (the first, in sorted path order) and listed in
    /// `report.duplicates`; different articles whose short ids collide get long ids.
    public static func load(
        directories: [String], progress: (@Sendable (LoadProgress) -> Void)? = nil
    ) throws(LoadError) -> LoadedArchive {
        try load(directories: directories, progress: progress, partsAbove: LargeMailbox.partSize)
    }

    /// `load`, with mailboxes larger than `partsAbove` read in parts (`LargeMailbox.readsInParts`).
    static func load(directories: [String], progress: (@Sendable (LoadProgress) -> Void)?, partsAbove: Int) throws(LoadError) -> LoadedArchive {
        let (files, discoveryWarnings) = try discoverFiles(in: directories)
        // The merge runs while the files are parsed (each chunk as soon as it is in), so it no
        // longer adds its serial time after the parse.
        let outcomes = startParsing(files, progress: progress, partsAbove: partsAbove)
        return assemble(files: files, discoveryWarnings: discoveryWarnings, directories: directories,
                        capacity: files.count) { outcomes.take($0) }
    }

    /// The archive from each file's outcome, in file order: the same article found twice is kept
    /// once (the first) and listed in `report.duplicates`. `outcome(i)` is asked once per file;
    /// `kept(file, k)` is told, in order, of each article kept (the `k`th of file `file`).
    static func assemble(files: [String], discoveryWarnings: [LoadWarning], directories: [String], capacity: Int,
                         outcome: (Int) -> Outcome, kept: (Int, Int) -> Void = { _, _ in }) -> LoadedArchive {
        var report = LoadReport()
        report.directories = directories
        report.warnings = discoveryWarnings
        report.filesSkipped = discoveryWarnings.count
        var articles: [Article] = []
        articles.reserveCapacity(capacity)
        var dedupe = IdentityDedupe(capacity: capacity)
        // Serial, but it only moves values: each outcome and article is taken out of its slot
        // rather than copied (a copy would retain every string and array of every article).
        for (index, path) in files.enumerated() {
            switch outcome(index) {
            case .failed(let reason):
                report.filesSkipped += 1
                report.warnings.append(LoadWarning(path: path, line: 0, reason: reason))
            case .parsed(var parsed, let byteCount):
                report.filesRead += 1
                report.bytesRead += byteCount
                report.warnings.append(contentsOf: parsed.warnings)
                parsed.articles.withUnsafeMutableBufferPointer { found in
                    for slot in found.indices {
                        switch dedupe.admit(&found[slot], among: &articles) {
                        case .duplicate(let first, let conflict):
                            var duplicate = DuplicateArticle(
                                id: articles[first].id, title: articles[first].title, kept: articles[first].source,
                                dropped: found[slot].source)
                            duplicate.conflictBasis = conflict?.basis
                            report.duplicates.append(duplicate)
                        case .keep:
                            kept(index, slot)
                            let article = (found.baseAddress! + slot).move()
                            (found.baseAddress! + slot).initialize(to: Self.movedOut)
                            articles.append(article)
                        }
                    }
                }
            }
        }
        // A news spool files a crossposted article once per group, as hard links of one file:
        // the same file read twice, not a duplicate worth reporting.
        report.duplicates.removeAll { isHardLink($0.kept.path, $0.dropped.path) }
        report.articles = articles.count
        return LoadedArchive(articles: articles, report: report)
    }

    /// Whether two different paths name one file (same device and inode).
    static func isHardLink(_ a: String, _ b: String) -> Bool {
        guard a != b else { return false }
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// What an article taken out of a parsed file leaves behind: no heap storage to release.
    private static let movedOut = Article(id: ArticleID(value: 0), title: "", source: SourceLocation(path: "", line: 0))

    /// Every article file under `directories`, sorted, plus a warning per entry skipped on the way.
    public static func discoverFiles(in directories: [String]) throws(LoadError) -> (files: [String], warnings: [LoadWarning]) {
        var discovery = FileDiscovery()
        for directory in directories { try discovery.add(root: directory) }
        // String order is Unicode order, not the locale's: the same on every machine.
        var files = discovery.files
        PathOrder.sort(&files)
        var warnings = discovery.warnings
        warnings.sort { $0.location.path < $1.location.path }
        return (files, warnings)
    }

    enum Outcome: Sendable {
        case parsed(ParsedFile, bytes: Int)
        case failed(String)
    }

    /// Reads and parses `files` on all cores; the outcomes are taken out in file order.
    static func parseAll(_ files: [String], progress: (@Sendable (LoadProgress) -> Void)?) -> OutcomeSlots {
        let slots = OutcomeSlots(count: files.count, chunkSize: chunkSize)
        parse(files, into: slots, progress: progress, partsAbove: LargeMailbox.partSize)
        return slots
    }

    /// Like `parseAll`, but returns at once: the files are parsed on other threads, and taking an
    /// outcome waits until its file's chunk is parsed (chunks finish roughly in file order).
    static func startParsing(_ files: [String], progress: (@Sendable (LoadProgress) -> Void)?,
                             partsAbove: Int = LargeMailbox.partSize) -> OutcomeSlots {
        let slots = OutcomeSlots(count: files.count, chunkSize: chunkSize)
        // A thread of its own, not a dispatch queue: the caller may be a dispatch worker about to
        // wait for these outcomes, and a pool with no thread left would never start the parse.
        // (`concurrentPerform` works on the calling thread too, so the parse always progresses.)
        let thread = Thread { parse(files, into: slots, progress: progress, partsAbove: partsAbove) }
        thread.stackSize = 8 << 20
        thread.start()
        return slots
    }

    private static func parse(_ files: [String], into slots: OutcomeSlots, progress: (@Sendable (LoadProgress) -> Void)?, partsAbove: Int) {
        let tracker = ProgressTracker(total: files.count, report: progress)
        let ranges = Parallel.ranges(files.count, size: chunkSize)
        Parallel.forEach(ranges.count) { chunk in
            let range = ranges[chunk]
            var articles = 0
            var reportedEarly = 0  // articles of large files already told to `tracker` part by part
            for index in range {
                let path = files[index]
                let outcome: Outcome
                switch FileReading.readArticleFile(path, partsAbove: partsAbove) {
                case .success(let file):
                    var parsed = file.members.map { ArticleFileParser.parse(members: $0, path: path) }
                        ?? ArticleFileParser.parse(bytes: file.text, path: path)
                    if let note = file.note { parsed.warnings.insert(LoadWarning(path: path, line: 0, reason: note), at: 0) }
                    articles += parsed.articles.count
                    outcome = .parsed(parsed, bytes: file.diskBytes)
                case .failure(let failure) where failure.tooLarge && LargeMailbox.qualifies(path):
                    switch LargeMailbox.parse(path, progress: { tracker.add(articles: $0) }) {
                    case .success(let read):
                        articles += read.parsed.articles.count
                        reportedEarly += read.parsed.articles.count
                        outcome = .parsed(read.parsed, bytes: read.diskBytes)
                    case .failure(let failure):
                        outcome = .failed(failure.reason)
                    }
                case .failure(let failure):
                    outcome = .failed(failure.reason)
                }
                slots.set(index, outcome)
            }
            slots.finish(chunk: chunk, articles: articles)
            tracker.add(files: range.count, articles: articles - reportedEarly)
        }
        tracker.finish()
    }
}

/// One write-once slot per file, filled from many threads (each index by exactly one), then
/// emptied on one thread by moving each outcome out, each chunk's as soon as it is finished.
final class OutcomeSlots: Sendable {
    private let slots: SlotArray<ArchiveLoader.Outcome>
    private let chunkSize: Int
    /// Per chunk of files: whether its slots are all filled; and the articles in finished chunks.
    /// The lock also publishes a chunk's slots to the thread that takes them.
    private let finished: ConditionValue<(chunks: [Bool], articles: Int)>

    init(count: Int, chunkSize: Int) {
        slots = SlotArray(count: count)
        self.chunkSize = max(1, chunkSize)
        finished = ConditionValue(([Bool](repeating: false, count: (count + self.chunkSize - 1) / self.chunkSize), 0))
    }

    /// Articles in the finished chunks (all of them, a capacity for the merged list, once parsed).
    var articleCount: Int { finished.update { $0.articles } }

    func set(_ index: Int, _ outcome: ArchiveLoader.Outcome) { slots.set(index, outcome) }

    /// Marks chunk `chunk` filled (its `articles` counted), waking a taker waiting for it.
    func finish(chunk: Int, articles: Int) {
        finished.update {
            $0.chunks[chunk] = true
            $0.articles += articles
        }
    }

    /// The outcome of file `index`, moved out of its slot (which is left empty); waits until its chunk is finished.
    func take(_ index: Int) -> ArchiveLoader.Outcome {
        let chunk = index / chunkSize
        finished.wait { $0.chunks[chunk] ? () : nil }
        return slots.takeIfSet(index) ?? .failed("not read")
    }
}

/// Counts finished files across threads and reports progress each time another ~1000 are done.
private final class ProgressTracker: Sendable {
    private let total: Int
    private let report: (@Sendable (LoadProgress) -> Void)?
    /// (files done, articles found, files done at the last report, articles at the last report
    /// from inside a large file)
    private let counts = LockedValue((files: 0, articles: 0, lastReported: 0, articlesReported: 0))

    init(total: Int, report: (@Sendable (LoadProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    func add(files count: Int, articles found: Int) {
        guard let report else { return }
        let snapshot = counts.update { counts -> LoadProgress? in
            counts.files += count
            counts.articles += found
            guard counts.files - counts.lastReported >= 1000 else { return nil }
            counts.lastReported = counts.files
            return LoadProgress(filesDone: counts.files, filesTotal: total, articles: counts.articles)
        }
        if let snapshot { report(snapshot) }
    }

    /// Articles found part by part inside one large file (a many-GB mailbox is one file for
    /// minutes): reported every 10,000.
    func add(articles found: Int) {
        guard let report else { return }
        let snapshot = counts.update { counts -> LoadProgress? in
            counts.articles += found
            guard counts.articles - counts.articlesReported >= 10_000 else { return nil }
            counts.articlesReported = counts.articles
            return LoadProgress(filesDone: counts.files, filesTotal: total, articles: counts.articles)
        }
        if let snapshot { report(snapshot) }
    }

    func finish() {
        guard let report else { return }
        report(LoadProgress(filesDone: total, filesTotal: total, articles: counts.value.articles))
    }
}
