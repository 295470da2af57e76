import Foundation

/// Sets up the C allocator for a process that loads a large archive on all cores (called first
/// thing by the executables).
///
/// glibc gives each thread that allocates an arena of its own and grows it a few pages at a
/// time, with one `mprotect` call per growth (its `top_pad` only applies to the main arena). A
/// cold load keeps ~1 GB that its parse workers allocated, so 7% of its CPU went to those calls
/// and the kernel's locking around them. One arena grown by `sbrk` 32 MB at a time instead costs
/// a little lock traffic (small blocks are served from per-thread caches without the lock).
/// Address space reserved this way becomes resident only when it is written.
public enum AllocatorTuning {
    /// How far the heap grows past each request.
    static let topPad: Int32 = 32 << 20

    /// Applies the settings; true when the allocator took them (always false off glibc).
    @discardableResult
    public static func apply() -> Bool {
        #if canImport(Glibc)
        // `<malloc.h>` is not part of the Glibc module: the function is looked up by name, and
        // the two parameters are glibc's `M_ARENA_MAX` (-8) and `M_TOP_PAD` (-2).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        return mallopt(-8, 1) == 1 && mallopt(-2, topPad) == 1
        #else
        return false
        #endif
    }
}
