/// The load report inside a snapshot's `meta` section: counts, duplicates, and the warnings that
/// belong to files (the walk's own warnings are made again by the next walk).
enum SnapshotMeta {
    /// The report as stored; `fileWarnings` are per file index, in file order.
    struct Report {
        var filesRead = 0
        var filesSkipped = 0
        var articles = 0
        var bytesRead = 0
        var duplicates: [DuplicateArticle] = []
        var fileWarnings: [(file: Int, warning: LoadWarning)] = []
    }

    static func encode(report: LoadReport, fileIndex: [String: Int], into out: inout ByteWriter) {
        out.int(report.filesRead)
        out.int(report.filesSkipped)
        out.int(report.articles)
        out.int(report.bytesRead)
        out.varint(UInt64(report.duplicates.count))
        for duplicate in report.duplicates {
            out.varint(duplicate.id.value)
            out.string(duplicate.title)
            encode(duplicate.kept, into: &out)
            encode(duplicate.dropped, into: &out)
        }
        let fileWarnings = report.warnings.compactMap { warning in fileIndex[warning.location.path].map { ($0, warning) } }
        out.varint(UInt64(fileWarnings.count))
        for (file, warning) in fileWarnings {
            out.varint(UInt64(file))
            out.int(warning.location.line)
            out.string(warning.reason)
        }
    }

    private static func encode(_ location: SourceLocation, into out: inout ByteWriter) {
        out.string(location.path)
        out.int(location.line)
    }

    /// The report, or nil when the bytes are malformed. `paths` names the files by index.
    static func decodeReport(_ input: inout ByteReader, paths: (Int) -> String?) -> Report? {
        var report = Report()
        guard let filesRead: Int = input.int(), let filesSkipped: Int = input.int(), let articles: Int = input.int(),
              let bytesRead: Int = input.int(), let duplicateCount = input.count() else { return nil }
        report.filesRead = filesRead
        report.filesSkipped = filesSkipped
        report.articles = articles
        report.bytesRead = bytesRead
        for _ in 0..<duplicateCount {
            guard let id = input.varint(), let title = input.string(), let kept = location(&input),
                  let dropped = location(&input) else { return nil }
            report.duplicates.append(DuplicateArticle(id: ArticleID(value: id), title: title, kept: kept, dropped: dropped))
        }
        guard let warningCount = input.count() else { return nil }
        for _ in 0..<warningCount {
            guard let raw = input.varint(), let file = Int(exactly: raw), let path = paths(file),
                  let line: Int = input.int(), let reason = input.string() else { return nil }
            report.fileWarnings.append((file, LoadWarning(path: path, line: line, reason: reason)))
        }
        return report
    }

    private static func location(_ input: inout ByteReader) -> SourceLocation? {
        guard let path = input.string(), let line: Int = input.int() else { return nil }
        return SourceLocation(path: path, line: line)
    }
}

/// Why a snapshot could not be used or written; the caller warns and loads from the files.
public enum SnapshotError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, String)
    case invalid(String, String)
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read snapshot \(path): \(reason)"
        case .invalid(let path, let reason): "ignoring snapshot \(path): \(reason); rebuilding it"
        case .cannotWrite(let path, let reason): "cannot write snapshot \(path): \(reason)"
        }
    }

    /// The same, as a load warning on the snapshot file (the UI lists those).
    public var warning: LoadWarning {
        switch self {
        case .unreadable(let path, let reason): LoadWarning(path: path, line: 0, reason: Self.unreadablePrefix + reason)
        case .invalid(let path, let reason): LoadWarning(path: path, line: 0, reason: Self.invalidPrefix + reason + Self.invalidSuffix)
        case .cannotWrite(let path, let reason): LoadWarning(path: path, line: 0, reason: Self.cannotWritePrefix + reason)
        }
    }

    static let unreadablePrefix = "cannot read snapshot: ", invalidPrefix = "snapshot ignored (",
               invalidSuffix = "); rebuilt from the files", cannotWritePrefix = "cannot write snapshot: "
}

extension LoadWarning {
    /// A note about the snapshot cache (`SnapshotError.warning`), not about the data files.
    public var isSnapshotNote: Bool {
        guard location.line == 0 else { return false }
        return reason.hasPrefix(SnapshotError.unreadablePrefix) || reason.hasPrefix(SnapshotError.cannotWritePrefix)
            || (reason.hasPrefix(SnapshotError.invalidPrefix) && reason.hasSuffix(SnapshotError.invalidSuffix))
    }
}
