#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import GazetteCore

/// What a generated corpus holds; also written to `OUT/.gazette-corpus` (hidden, so no loader
/// or baseline walk reads it) for `gazette-bench run` to find the article count.
public struct CorpusSummary: Sendable, Codable, Equatable {
    public var format: CorpusFormat
    public var seed: UInt64
    public var files: Int
    public var directories: Int
    /// Articles written, planted duplicates included (what `--articles` asked for).
    public var entries: Int
    /// Of those, verbatim repeats of an article from an earlier file.
    public var duplicates: Int
    /// Distinct articles a loader should find: `entries - duplicates`.
    public var articles: Int { entries - duplicates }
    /// Bytes written to the data files.
    public var bytes: Int

    /// The name of the summary file inside the output directory.
    public static let fileName = ".gazette-corpus"
}

/// Why a corpus could not be written.
public enum CorpusGeneratorError: Error, CustomStringConvertible, Equatable {
    case outputNotEmpty(String)
    case outputNotDirectory(String)
    case system(operation: String, path: String, errno: Int32)

    public var description: String {
        switch self {
        case .outputNotEmpty(let path): "\(path) is not empty (use --force to replace a generated corpus there)"
        case .outputNotDirectory(let path): "\(path) exists and is not a directory"
        case let .system(operation, path, code): "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// Writes a deterministic synthetic corpus: the same seed, count and format give the same
/// bytes in the same files, however many cores write them.
public struct CorpusGenerator: Sendable {
    public let layout: CorpusLayout
    public let composer: ArticleComposer
    let renderer: ArticleRenderer

    /// A generator of `articles` entries (planted duplicates included) in `format`.
    public init(articles: Int, seed: UInt64 = 1, format: CorpusFormat = .canonical) {
        let lexicon = Lexicon(seed: seed)
        let facets = FacetVocabulary(seed: seed, lexicon: lexicon)
        layout = CorpusLayout(format: format, seed: seed, entries: max(0, articles))
        composer = ArticleComposer(seed: seed, lexicon: lexicon, facets: facets)
        renderer = ArticleRenderer(facets: facets)
    }

    /// The bytes of data file `file`, appended to `out`; returns how many entries are duplicates.
    @discardableResult
    public func render(file: Int, into out: inout [UInt8]) -> Int {
        var duplicates = 0
        for entry in layout.entries(inFile: file) {
            let source = layout.duplicateSource(ofEntry: entry)
            if source != nil { duplicates += 1 }
            let article = composer.compose(index: source ?? entry)
            switch layout.format {
            case .canonical: renderer.appendCanonical(article, to: &out)
            case .dump: renderer.appendDumpPost(article, to: &out)
            }
        }
        if layout.format == .dump && SplitMix64.mix(layout.seed, Stream.fileEnding, UInt64(file)) % 10 == 0 {
            // Like the seed, some dumps end without a final newline.
            while out.last == 0x0A { out.removeLast() }
        }
        return duplicates
    }

    /// Writes the corpus into `directory` (created if missing, its parent must exist).
    /// Refuses a non-empty directory unless `force`, which first removes a corpus generated there
    /// before (its numbered directories and summary file) and nothing else.
    public func write(to directory: String, force: Bool = false) throws -> CorpusSummary {
        try prepare(directory, force: force)
        for index in 0..<layout.directoryCount {
            let path = directory + "/" + layout.relativeDirectory(index)
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw CorpusGeneratorError.system(operation: "create", path: path, errno: errno)
            }
        }
        // Units of work: a dump file each, or a run of canonical files.
        let filesPerUnit = layout.format == .dump ? 1 : 250
        let units = (layout.fileCount + filesPerUnit - 1) / filesPerUnit
        let totals = LockedValue(Totals())
        DispatchQueue.concurrentPerform(iterations: units) { unit in
            var buffer = [UInt8]()
            buffer.reserveCapacity(1 << 20)
            var bytes = 0, duplicates = 0
            do {
                for file in (unit * filesPerUnit)..<min(layout.fileCount, (unit + 1) * filesPerUnit) {
                    buffer.removeAll(keepingCapacity: true)
                    duplicates += render(file: file, into: &buffer)
                    try Self.writeFile(directory + "/" + layout.relativePath(ofFile: file), buffer)
                    bytes += buffer.count
                }
                totals.update { totals in
                    totals.bytes += bytes
                    totals.duplicates += duplicates
                }
            } catch {
                totals.update { totals in if totals.firstError == nil { totals.firstError = error } }
            }
        }
        let result = totals.value
        if let error = result.firstError { throw error }
        let summary = CorpusSummary(
            format: layout.format, seed: layout.seed, files: layout.fileCount,
            directories: layout.directoryCount, entries: layout.entries, duplicates: result.duplicates,
            bytes: result.bytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try Self.writeFile(directory + "/" + CorpusSummary.fileName, Array(try encoder.encode(summary)) + [0x0A])
        return summary
    }

    private func prepare(_ directory: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        let files = FileManager.default
        guard files.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            if mkdir(directory, 0o755) != 0 {
                throw CorpusGeneratorError.system(operation: "create", path: directory, errno: errno)
            }
            return
        }
        guard isDirectory.boolValue else { throw CorpusGeneratorError.outputNotDirectory(directory) }
        let contents = try files.contentsOfDirectory(atPath: directory)
        guard !contents.isEmpty else { return }
        guard force else { throw CorpusGeneratorError.outputNotEmpty(directory) }
        for name in contents where name == CorpusSummary.fileName || (!name.isEmpty && name.allSatisfy(\.isASCIIDigit)) {
            try files.removeItem(atPath: directory + "/" + name)
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CorpusGeneratorError.system(operation: "create", path: path, errno: errno) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = POSIX.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CorpusGeneratorError.system(operation: "write", path: path, errno: errno)
                }
                offset += written
            }
        }
    }
}

/// Totals gathered from parallel workers.
private struct Totals: Sendable {
    var bytes = 0
    var duplicates = 0
    var firstError: Error?
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
