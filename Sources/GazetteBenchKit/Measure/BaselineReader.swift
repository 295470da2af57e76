#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import GazetteCore

/// What one pass over the data files read.
public struct ReadTotals: Sendable, Codable, Equatable {
    public var files: Int
    public var bytes: Int
    /// Files that could not be opened or read.
    public var failures: Int

    public init(files: Int = 0, bytes: Int = 0, failures: Int = 0) {
        self.files = files
        self.bytes = bytes
        self.failures = failures
    }
}

/// The I/O floor every load is compared with: read every byte of every file once, in parallel
/// on all cores, with POSIX `open`/`read` into one reused buffer per worker.
public enum BaselineReader {
    /// Reads all `files` with `workers` threads.
    public static func readAll(_ files: [String], workers: Int = ProcessInfo.processInfo.activeProcessorCount)
        -> ReadTotals
    {
        let queue = WorkQueue(count: files.count)
        let totals = LockedValue(ReadTotals())
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            let capacity = 1 << 20
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            defer { buffer.deallocate() }
            var local = ReadTotals()
            while let range = queue.next() {
                for index in range {
                    let descriptor = open(files[index], O_RDONLY | O_CLOEXEC)
                    guard descriptor >= 0 else { local.failures += 1; continue }
                    var failed = false
                    while true {
                        let count = POSIX.read(descriptor, buffer, capacity)
                        if count > 0 { local.bytes += count; continue }
                        if count < 0 && errno == EINTR { continue }
                        failed = count < 0
                        break
                    }
                    close(descriptor)
                    if failed { local.failures += 1 } else { local.files += 1 }
                }
            }
            totals.update { totals in
                totals.files += local.files
                totals.bytes += local.bytes
                totals.failures += local.failures
            }
        }
        return totals.value
    }

    /// One baseline trial: discover the files under `roots`, then read them all.
    public static func walkAndRead(_ roots: [String], discover: FileDiscovery = CorpusWalk.dataFiles) throws
        -> ReadTotals
    {
        readAll(try discover(roots))
    }
}

/// Hands out index ranges to workers, so a slow file does not hold up a whole stripe.
private struct WorkQueue: Sendable {
    private let cursor = LockedValue(0)
    private let count: Int
    private let chunk = 64

    init(count: Int) { self.count = count }

    func next() -> Range<Int>? {
        cursor.update { cursor in
            guard cursor < count else { return nil }
            let range = cursor..<min(count, cursor + chunk)
            cursor = range.upperBound
            return range
        }
    }
}
