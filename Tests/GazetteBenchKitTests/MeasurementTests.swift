import Foundation
import Testing
@testable import GazetteBenchKit

@Suite("Measurement toolkit")
struct MeasurementTests {
    @Test("the baseline reads exactly the bytes of the data files, with the loader's walk rules")
    func baselineReadsEveryByte() throws {
        let out = TemporaryDirectory()
        let summary = try CorpusGenerator(articles: 250, seed: 4).write(to: out.path)
        // Not data: hidden files and folders, other extensions, a directory named *.txt.
        try FileManager.default.createDirectory(atPath: out.child(".hidden"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: out.child(".hidden/a.txt")))
        try Data("x".utf8).write(to: URL(fileURLWithPath: out.child(".b.txt")))
        try Data("x".utf8).write(to: URL(fileURLWithPath: out.child("notes.md")))
        try FileManager.default.createDirectory(atPath: out.child("dir.txt"), withIntermediateDirectories: true)
        // A symlink loop is walked once.
        try FileManager.default.createSymbolicLink(atPath: out.child("0000/loop"), withDestinationPath: out.path)

        let files = try CorpusWalk.dataFiles([out.path])
        #expect(files.count == 250)
        let onDisk = try files.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: $1)[.size] as! Int) }
        #expect(onDisk == summary.bytes)
        let totals = try BaselineReader.walkAndRead([out.path])
        #expect(totals == ReadTotals(files: 250, bytes: summary.bytes, failures: 0))
        #expect(BaselineReader.readAll(files, workers: 1) == totals)
    }

    @Test("median and p95 of a sample")
    func sampleStatistics() {
        let odd = Sample(seconds: [5, 1, 3, 2, 4])
        #expect(odd.median == 3 && odd.p95 == 5 && odd.minimum == 1)
        let even = Sample(seconds: [4, 1, 3, 2])
        #expect(even.median == 2.5)
        let many = Sample(seconds: (1...100).map(Double.init))
        #expect(many.p95 == 95 && many.percentile(50) == 50)
    }

    @Test("trials time each repetition after the warm-up, and only those")
    func trials() {
        var calls = 0
        // Warm-ups sleep 0.4 s, measured repetitions 20 ms: each measured time is at least the
        // 20 ms slept and far below a warm-up's 0.4 s (a lower bound and a 20× margin, not a timing target).
        let sample = Trials.measure(repetitions: 3, warmup: 2) {
            calls += 1
            usleep(calls <= 2 ? 400_000 : 20_000)
        }
        #expect(calls == 5 && sample.seconds.count == 3)
        #expect(sample.seconds.allSatisfy { $0 >= 0.02 }, "\(sample.seconds)")
        #expect(sample.seconds.allSatisfy { $0 < 0.4 }, "warm-ups are not measured: \(sample.seconds)")
    }

    @Test("resident memory is read from /proc and the peak is at least the current size")
    func residentMemory() throws {
        let current = try #require(ResidentMemory.currentBytes())
        let peak = try #require(ResidentMemory.peakBytes())
        #expect(current > 1 << 20 && peak >= current)
    }

    @Test("the report's table and JSON show ratios to the baseline and verdicts")
    func report() throws {
        let baseline = Sample(seconds: [1.0, 1.0, 1.0])
        let report = BenchReport(
            machine: MachineInfo(cores: 2, memoryBytes: 1 << 30),
            corpus: CorpusInfo(roots: ["/c"], files: 10, bytes: 1000, articles: 10),
            baseline: baseline,
            figures: [
                Figure("load", .time(Sample(seconds: [1.2, 1.4, 1.3])), target: .ratioAtMost(1.5)),
                Figure("search ready", .time(Sample(seconds: [3.0])), target: .ratioAtMost(2.5)),
                Figure("peak memory", .bytes(900), target: .bytesAtMost(1000)),
            ])
        let lines = report.table().split(separator: "\n")
        #expect(lines[1].contains("figure") && lines[1].contains("× base"))
        #expect(lines[2].contains("load") && lines[2].contains("1.30") && lines[2].hasSuffix("pass"))
        #expect(lines[3].contains("search ready") && lines[3].hasSuffix("FAIL"))
        #expect(lines[4].contains("900 B") && lines[4].hasSuffix("pass"))
        #expect(!report.allPass)
        let json = try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as! [String: Any]
        let figures = json["figures"] as! [[String: Any]]
        #expect(figures[0]["ratioToBaseline"] as? Double == 1.3)
        #expect(figures[1]["pass"] as? Bool == false)
    }
}
