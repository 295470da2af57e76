/// Sorts the walk's file paths into `String` order (the order duplicates are resolved in).
///
/// A cold load sorts every path on one core before the merge can start; comparing 100k
/// `String`s that share a long root was a third of the load's serial time. ASCII paths (nearly
/// all) sort by bytes, which is `String` order for ASCII: each path becomes two words packed
/// from the 16 bytes after the prefix every path shares, and only paths whose words tie are
/// compared as strings. Any other path sends the whole list through `String` comparison.
enum PathOrder {
    /// `paths` in ascending `String` order (`paths.sort()`'s answer).
    static func sort(_ paths: inout [String]) {
        guard paths.count > 1, let shared = sharedASCIIPrefix(&paths) else { return paths.sort() }
        struct Key { var high: UInt64; var low: UInt64; var index: Int32 }
        var keys: [Key] = []
        keys.reserveCapacity(paths.count)
        for index in paths.indices {
            var high: UInt64 = 0, low: UInt64 = 0
            paths[index].withUTF8 { bytes in
                // Big-endian, so integer order is byte order; missing bytes are 0, below every
                // byte a path can hold (no path holds NUL), so a shorter path sorts first.
                for k in 0..<min(16, bytes.count - shared) {
                    let byte = UInt64(bytes[shared + k])
                    if k < 8 { high |= byte << (56 - 8 * k) } else { low |= byte << (120 - 8 * k) }
                }
            }
            keys.append(Key(high: high, low: low, index: Int32(index)))
        }
        let original = paths
        keys.sort { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return original[Int(a.index)] < original[Int(b.index)]
        }
        paths = keys.map { original[Int($0.index)] }
    }

    /// The length of the prefix every path shares, or nil when a path is not plain ASCII
    /// (a byte of 0 or 0x80 and above: its `String` order is not its byte order).
    private static func sharedASCIIPrefix(_ paths: inout [String]) -> Int? {
        var first = paths[0]
        return first.withUTF8 { first -> Int? in
            var shared = first.count
            for index in paths.indices {
                let plain = paths[index].withUTF8 { bytes -> Bool in
                    for byte in bytes where byte == 0 || byte >= 0x80 { return false }
                    var k = 0
                    while k < min(shared, bytes.count), bytes[k] == first[k] { k += 1 }
                    shared = k
                    return true
                }
                guard plain else { return nil }
            }
            return shared
        }
    }
}
