/// Appends values as compact bytes: unsigned LEB128 varints, zigzag for signed, length-prefixed bytes.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    mutating func int(_ value: Int) { int(Int64(value)) }

    mutating func data(_ data: some Collection<UInt8>) {
        varint(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func string(_ string: String) { data(string.utf8) }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }

    mutating func strings(_ list: [String]) {
        varint(UInt64(list.count))
        for item in list { string(item) }
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and returns nil past the end
/// or on a malformed value, so hostile bytes can never read outside the buffer.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 64 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func int() -> Int64? {
        guard let raw = varint() else { return nil }
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func int() -> Int? { (int() as Int64?).flatMap { Int(exactly: $0) } }

    /// A count of items, each at least one byte long: larger than what is left means corrupt.
    mutating func count() -> Int? {
        guard let raw = varint(), raw <= UInt64(bytes.count - offset) else { return nil }
        return Int(raw)
    }

    mutating func data() -> UnsafeRawBufferPointer? {
        guard let length = count() else { return nil }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
    }

    mutating func string() -> String? { data().map { String(decoding: $0, as: UTF8.self) } }

    mutating func flag() -> Bool? {
        guard offset < bytes.count, bytes[offset] <= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    /// A value written by `ByteWriter.optional`: `.some(nil)` when absent, nil when malformed.
    mutating func optional<T>(_ read: (inout ByteReader) -> T?) -> T?? {
        guard let present = flag() else { return nil }
        guard present else { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count {
            guard let item = string() else { return nil }
            list.append(item)
        }
        return list
    }
}
