/// Comma-separated lists as articles write them (tags, categories).
enum TagList {
    /// Splits on commas, trims, drops empty items.
    static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { buffer in
            var items: [String] = []
            forEachItem(buffer) { items.append(String(decoding: $0, as: UTF8.self)) }
            return items
        }
    }

    /// The reference definition: `Character`-wise split at "," and trim of " " and "\t".
    static func splitByCharacters(_ text: String, separator: Character = ",") -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: true).compactMap { item in
            let trimmed = item.trimmingASCIISpaces()
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }

    /// Calls `body` with the bytes of each item of the list in `value` (well-formed UTF-8), in order.
    ///
    /// Splits and trims bytes — the same as `splitByCharacters` whenever every comma, space and
    /// tab is a `Character` on its own, which only a neighbouring non-ASCII scalar can change
    /// (a combining mark after it, a prepended mark before it); lists where one does take the
    /// `Character` path.
    static func forEachItem(_ value: UnsafeBufferPointer<UInt8>, separator: UInt8 = 0x2C,
                            _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard separatorsStandAlone(value, separator: separator) else {
            let character = Character(Unicode.Scalar(separator))
            for item in splitByCharacters(String(decoding: value, as: UTF8.self), separator: character) {
                var item = item
                item.withUTF8 { body($0) }
            }
            return
        }
        let count = value.count
        var start = 0
        while start < count {
            var end = start
            while end < count, value[end] != separator { end += 1 }
            var lower = start, upper = end
            while lower < upper, value[lower] == 0x20 || value[lower] == 0x09 { lower += 1 }
            while upper > lower, value[upper - 1] == 0x20 || value[upper - 1] == 0x09 { upper -= 1 }
            if lower < upper { body(UnsafeBufferPointer(rebasing: value[lower..<upper])) }
            start = end + 1
        }
    }

    /// Whether every `separator` (ASCII), " " and "\t" in `value` is a grapheme cluster by itself.
    static func separatorsStandAlone(_ value: UnsafeBufferPointer<UInt8>, separator: UInt8 = 0x2C) -> Bool {
        let count = value.count
        for index in 0..<count {
            let byte = value[index]
            guard byte == separator || byte == 0x20 || byte == 0x09 else { continue }
            if index + 1 < count, value[index + 1] >= 0x80 {
                var end = index + 2
                while end < count, value[end] & 0xC0 == 0x80 { end += 1 }
                if !breaks(value[index..<(index + 1)], value[(index + 1)..<end]) { return false }
            }
            if index > 0, value[index - 1] >= 0x80 {
                var start = index - 1
                while start > 0, value[start] & 0xC0 == 0x80 { start -= 1 }
                if !breaks(value[start..<index], value[index..<(index + 1)]) { return false }
            }
        }
        return true
    }

    /// Whether a grapheme boundary lies between two scalars. Around an ASCII punctuation or
    /// space scalar no rule looks further than its two neighbours, so the pair decides.
    static func breaks(_ first: Slice<UnsafeBufferPointer<UInt8>>, _ second: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var pair = String(decoding: first, as: UTF8.self)
        pair += String(decoding: second, as: UTF8.self)
        return pair.count == 2
    }
}

/// Items in first-seen spelling, with later ones that differ only in case dropped
/// (`lowercased()` equality, as a `Set` of lower-cased strings would decide).
struct CaselessList {
    private(set) var items: [String] = []
    /// `items` lower-cased, kept only once an item is not pure ASCII (until then, comparing bytes
    /// without case is the same test and needs no strings).
    private var keys: [String]?
    /// The keys as a set, once the list is long enough that comparing one by one would be slow.
    private var keySet: Set<String>?

    init() {}

    /// Room for `count` more items (a list's commas tell how many are coming).
    mutating func reserve(_ count: Int) { items.reserveCapacity(items.count + count) }

    /// Appends `bytes` (well-formed UTF-8) unless an equal item is already there.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        if isASCII, keys == nil {
            for item in items where Self.asciiCaselessEqual(item, bytes) { return }
            items.append(String(decoding: bytes, as: UTF8.self))
            if items.count >= 16 { keys = items.map { $0.lowercased() } }
            return
        }
        if keys == nil { keys = items.map { $0.lowercased() } }
        let item = String(decoding: bytes, as: UTF8.self)
        let key = Self.lowercased(bytes)
        if keySet == nil, keys!.count >= 16 { keySet = Set(keys!) }
        if keySet != nil {
            guard keySet!.insert(key).inserted else { return }
        } else if keys!.contains(where: { Self.equal($0, key) }) {
            return
        }
        keys!.append(key)
        items.append(item)
    }

    /// Appends `item` unless an equal item is already there.
    mutating func append(_ item: String) {
        var item = item
        item.withUTF8 { append($0) }
    }

    /// `String(decoding: bytes).lowercased()`, made scalar by scalar as the standard library
    /// does (no context), with Unicode's tables asked only for the non-ASCII scalars.
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                folded.append(TextBuffer.lowerASCII(byte))
                index += 1
            } else {
                let (scalar, length) = UTF8Scan.scalar(bytes, at: index)
                folded.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                index += length
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// `String` equality (canonical equivalence), decided on bytes when both are made only of
    /// scalars below U+0300: those are all in normal form C and never compose, so equivalent
    /// means identical there. Other pairs ask `==`.
    private static func equal(_ left: String, _ right: String) -> Bool {
        var leftCopy = left, rightCopy = right
        let decided: Bool? = leftCopy.withUTF8 { a in
            rightCopy.withUTF8 { b in
                if a.elementsEqual(b) { return true }
                if a.allSatisfy({ $0 < 0xCC }), b.allSatisfy({ $0 < 0xCC }) { return false }
                return nil
            }
        }
        return decided ?? (left == right)
    }

    private static func asciiCaselessEqual(_ item: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard item.utf8.count == bytes.count else { return false }
        var index = 0
        for byte in item.utf8 {
            if TextBuffer.lowerASCII(byte) != TextBuffer.lowerASCII(bytes[index]) { return false }
            index += 1
        }
        return true
    }
}

extension StringProtocol {
    /// Trims spaces and tabs only: other whitespace may be meaningful text.
    func trimmingASCIISpaces() -> SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[start..<end]
    }
}
