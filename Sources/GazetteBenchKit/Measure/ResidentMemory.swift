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

    /// This process's memory split as `/proc/self/smaps_rollup` gives it: resident, proportional
    /// (shared pages divided among their users), private dirty and anonymous, in bytes.
    public struct Rollup: Sendable, Equatable {
        public var resident: Int
        public var proportional: Int
        public var privateDirty: Int
        public var anonymous: Int
    }

    /// The rollup now; nil where there is no smaps_rollup.
    public static func rollup() -> Rollup? {
        guard let text = try? String(contentsOfFile: "/proc/self/smaps_rollup", encoding: .utf8) else { return nil }
        func value(_ name: String) -> Int? {
            for line in text.split(separator: "\n") where line.hasPrefix(name) {
                return line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }.map { $0 * 1024 }
            }
            return nil
        }
        guard let rss = value("Rss:"), let pss = value("Pss:"), let dirty = value("Private_Dirty:"), let anonymous = value("Anonymous:")
        else { return nil }
        return Rollup(resident: rss, proportional: pss, privateDirty: dirty, anonymous: anonymous)
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
