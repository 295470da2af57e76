import Foundation

/// Sets up the C allocator for a process that loads a large archive on all cores (called first
/// thing by the executables).
///
/// glibc grows the heap a few pages at a time, and its `top_pad` (grow further than asked) is
/// the only knob for that: 32 MB here, so a cold load's ~1 GB is not thousands of small growths.
/// Arenas are capped at two per core, so each parse worker, the merge and the main thread
/// usually allocate from an arena of their own. One arena for the whole process (the third cold
/// round's choice) made every allocation above the per-thread cache's 1 KB limit (bodies, file
/// buffers) take one lock: on a quiet 2-core machine 22% of a cold load's time went to waking
/// and waiting on it, and the load took 3.1 s instead of 1.9 s. Address space reserved this
/// way becomes resident only when it is written.
public enum AllocatorTuning {
    /// How far the heap grows past each request.
    static let topPad: Int32 = 32 << 20

    /// At most this many arenas: two per core.
    static var arenaLimit: Int32 { Int32(clamping: max(2, 2 * ProcessInfo.processInfo.activeProcessorCount)) }

    /// Applies the settings; true when the allocator took them (always false off glibc).
    @discardableResult
    public static func apply() -> Bool {
        #if canImport(Glibc)
        // `<malloc.h>` is not part of the Glibc module: the function is looked up by name, and
        // the two parameters are glibc's `M_ARENA_MAX` (-8) and `M_TOP_PAD` (-2).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        return mallopt(-8, arenaLimit) == 1 && mallopt(-2, topPad) == 1
        #else
        return false
        #endif
    }

    /// Gives the allocator's free pages back to the system (`malloc_trim`): after a large store
    /// is let go, glibc keeps its freed small blocks (article bodies) resident otherwise.
    public static func releaseFreeMemory() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }
}
