import Foundation

/// A goal a figure is checked against.
public enum BenchTarget: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Median at most this multiple of the baseline median.
    case ratioAtMost(Double)
    /// 95th percentile at most this many seconds.
    case p95AtMost(seconds: Double)
    /// A byte figure at most this many bytes.
    case bytesAtMost(Int)

    public var description: String {
        switch self {
        case .ratioAtMost(let ratio): "≤ \(Self.format(ratio))× base"
        case .p95AtMost(let seconds): "p95 ≤ \(Self.format(seconds * 1000)) ms"
        case .bytesAtMost(let bytes): "≤ \(BenchReport.formatBytes(bytes))"
        }
    }

    static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.0f", value) }
}

/// One measured figure: a timing sample or a byte count, with its target.
public struct Figure: Sendable, Codable, Equatable {
    public enum Value: Sendable, Codable, Equatable {
        case time(Sample)
        case bytes(Int)
    }

    public var name: String
    public var value: Value
    public var target: BenchTarget?

    public init(_ name: String, _ value: Value, target: BenchTarget? = nil) {
        self.name = name
        self.value = value
        self.target = target
    }

    /// Median over the baseline's median; nil for byte figures or without a baseline.
    public func ratio(to baseline: Sample?) -> Double? {
        guard case .time(let sample) = value, let baseline, baseline.median > 0 else { return nil }
        return sample.median / baseline.median
    }

    /// Whether the target is met; nil when there is no target (or nothing to compare with).
    public func passes(baseline: Sample?) -> Bool? {
        switch (target, value) {
        case (nil, _): return nil
        case (.ratioAtMost(let limit)?, .time): return ratio(to: baseline).map { $0 <= limit }
        case (.p95AtMost(let limit)?, .time(let sample)): return sample.p95 <= limit
        case (.bytesAtMost(let limit)?, .bytes(let bytes)): return bytes <= limit
        default: return nil
        }
    }
}

/// The machine a run was measured on.
public struct MachineInfo: Sendable, Codable, Equatable {
    public var cores: Int
    public var memoryBytes: Int

    /// This machine.
    public static var current: MachineInfo {
        MachineInfo(cores: ProcessInfo.processInfo.activeProcessorCount,
                    memoryBytes: Int(clamping: ProcessInfo.processInfo.physicalMemory))
    }
}

/// The corpus a run measured.
public struct CorpusInfo: Sendable, Codable, Equatable {
    public var roots: [String]
    public var files: Int
    public var bytes: Int
    /// Distinct articles, when known (from the generator's summary, later from the loader).
    public var articles: Int?
}

/// The outcome of `gazette-bench run`: a table for people, JSON for machines.
public struct BenchReport: Sendable, Codable, Equatable {
    public var machine: MachineInfo
    public var corpus: CorpusInfo
    public var baseline: Sample?
    public var figures: [Figure]

    public init(machine: MachineInfo, corpus: CorpusInfo, baseline: Sample?, figures: [Figure]) {
        self.machine = machine
        self.corpus = corpus
        self.baseline = baseline
        self.figures = figures
    }

    /// True when no figure with a target misses it.
    public var allPass: Bool { figures.allSatisfy { $0.passes(baseline: baseline) != false } }

    /// A fixed-width table: figure, median, p95, ratio to baseline, target, pass/fail.
    public func table() -> String {
        var rows = [["figure", "median", "p95", "× base", "target", "ok"]]
        for figure in figures {
            var row = [figure.name]
            switch figure.value {
            case .time(let sample): row += [Self.formatSeconds(sample.median), Self.formatSeconds(sample.p95)]
            case .bytes(let bytes): row += [Self.formatBytes(bytes), ""]
            }
            row.append(figure.ratio(to: baseline).map { String(format: "%.2f", $0) } ?? "")
            row.append(figure.target?.description ?? "")
            row.append(figure.passes(baseline: baseline).map { $0 ? "pass" : "FAIL" } ?? "")
            rows.append(row)
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let header = "corpus: \(corpus.files) files, \(Self.formatBytes(corpus.bytes))"
            + (corpus.articles.map { ", \($0) articles" } ?? "")
            + " · machine: \(machine.cores) cores, \(Self.formatBytes(machine.memoryBytes))"
        let lines = rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    /// Pretty-printed JSON with sorted keys; each figure carries its ratio and verdict.
    public func json() throws -> String {
        struct Row: Encodable {
            let name: String
            let medianSeconds: Double?, p95Seconds: Double?, seconds: [Double]?, bytes: Int?
            let ratioToBaseline: Double?, target: String?, pass: Bool?
        }
        struct Document: Encodable {
            let machine: MachineInfo, corpus: CorpusInfo, baselineMedianSeconds: Double?, figures: [Row]
        }
        let rows = figures.map { figure -> Row in
            var sample: Sample?, bytes: Int?
            switch figure.value {
            case .time(let value): sample = value
            case .bytes(let value): bytes = value
            }
            return Row(name: figure.name, medianSeconds: sample?.median, p95Seconds: sample?.p95,
                       seconds: sample?.seconds, bytes: bytes, ratioToBaseline: figure.ratio(to: baseline),
                       target: figure.target?.description, pass: figure.passes(baseline: baseline))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(machine: machine, corpus: corpus, baselineMedianSeconds: baseline?.median,
                                figures: rows)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    static func formatSeconds(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds)
            : seconds >= 0.001 ? String(format: "%.1f ms", seconds * 1000)
            : String(format: "%.0f µs", seconds * 1_000_000)
    }

    static func formatBytes(_ bytes: Int) -> String {
        let value = Double(bytes)
        return bytes >= 1 << 30 ? String(format: "%.2f GiB", value / 1_073_741_824)
            : bytes >= 1 << 20 ? String(format: "%.1f MiB", value / 1_048_576)
            : bytes >= 1 << 10 ? String(format: "%.1f KiB", value / 1024)
            : "\(bytes) B"
    }
}
