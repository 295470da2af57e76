import Foundation

/// Resident memory of this process, from `/proc/self/status` (nil where there is no /proc).
public enum ResidentMemory {
    /// Peak resident set size in bytes (`VmHWM`).
    public static func peakBytes() -> Int? { field("VmHWM:") }

    /// Current resident set size in bytes (`VmRSS`).
    public static func currentBytes() -> Int? { field("VmRSS:") }

    /// Resets the peak to the current size (Linux `clear_refs` 5), so a phase's own peak can be
    /// read; false when the kernel does not allow it.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// A `kB` field of /proc/self/status, in bytes.
    static func field(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let number = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return number.map { $0 * 1024 }
        }
        return nil
    }
}
