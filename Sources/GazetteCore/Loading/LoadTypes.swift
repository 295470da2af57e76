/// How far loading has got; reported every ~1000 files and once at the end.
public struct LoadProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var articles: Int

    public init(filesDone: Int, filesTotal: Int, articles: Int) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.articles = articles
    }
}

/// A data directory that cannot be loaded at all (problems inside one are warnings instead).
public enum LoadError: Error, CustomStringConvertible {
    case missingDirectory(String)
    case notADirectory(String)
    case unreadableDirectory(String, String)

    public var description: String {
        switch self {
        case .missingDirectory(let path): "data directory does not exist: \(path)"
        case .notADirectory(let path): "data directory is not a directory: \(path)"
        case .unreadableDirectory(let path, let reason): "cannot read data directory \(path): \(reason)"
        }
    }
}

/// Every article found in the data directories, duplicates removed, with the load report.
public struct LoadedArchive: Sendable {
    public var articles: [Article]
    public var report: LoadReport

    public init(articles: [Article], report: LoadReport) {
        self.articles = articles
        self.report = report
    }
}
