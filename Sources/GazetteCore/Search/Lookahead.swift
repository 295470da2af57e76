/// Loads issued ahead of their use so that cache misses overlap (the index build's term lookups
/// and the merge's cursors): the values loaded are folded into a sink and handed here, where the
/// optimiser cannot see that nothing uses them and so cannot drop the loads.
enum Lookahead {
    @_optimize(none) @inline(never)
    static func keep(_ sink: UInt64) {}
}
