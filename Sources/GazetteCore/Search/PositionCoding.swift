/// Word positions in the full-text index: per (term, article) one block of delta-coded varints.
///
/// A block is `varint(byteLength)` then the positions' deltas, so a reader skips an article's
/// positions without decoding them. Positions count words from 0 in the title; each further
/// field (paragraph) starts one past the previous one's last word plus one, so no phrase spans two.
enum PositionCoding {
    @inline(__always)
    static func varintSize(_ value: UInt32) -> Int {
        value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5
    }

    @inline(__always)
    static func appendVarint(_ value: UInt32, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// Writes `value` as a varint at `offset` of a buffer sized for it; returns the offset past it.
    @inline(__always)
    static func writeVarint(_ value: UInt32, to out: SharedBuffer<UInt8>, at offset: Int) -> Int {
        var value = value, offset = offset
        while value >= 0x80 {
            out[offset] = UInt8(truncatingIfNeeded: value) | 0x80
            value >>= 7
            offset += 1
        }
        out[offset] = UInt8(value)
        return offset + 1
    }

    @inline(__always)
    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt32 {
        var value: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Appends one block for the ascending `positions`.
    static func appendBlock(_ positions: UnsafeBufferPointer<UInt32>, to out: inout [UInt8]) {
        var length: UInt32 = 0
        var previous: UInt32 = 0
        for position in positions {
            length += UInt32(varintSize(position - previous))
            previous = position
        }
        appendVarint(length, to: &out)
        previous = 0
        for position in positions {
            appendVarint(position - previous, to: &out)
            previous = position
        }
    }

    /// The offset just past the block starting at `offset`.
    @inline(__always)
    static func skipBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var offset = offset
        let length = Int(readVarint(bytes, &offset))
        return offset + length
    }

    /// Decodes the block at `offset` into `positions` (replacing its contents).
    @inline(__always)
    static func decodeBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, into positions: inout [UInt32]) {
        positions.removeAll(keepingCapacity: true)
        var offset = offset
        let end = Int(readVarint(bytes, &offset)) + offset
        var position: UInt32 = 0
        while offset < end {
            position &+= readVarint(bytes, &offset)
            positions.append(position)
        }
    }
}
