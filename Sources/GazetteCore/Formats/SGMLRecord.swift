import Foundation

/// One SGML record's elements, read by name: the text inside `<NAME …>` … `</NAME>` with tags
/// removed and entities decoded. Names are given in capitals and matched in any case, as SGML
/// matches them (most archives write capitals; some TREC copies are all lowercase).
struct SGMLRecord {
    let bytes: [UInt8]
    let range: Range<Int>

    /// The first `name` element's text, whitespace collapsed (or, `keepingLines`, its lines as
    /// written); nil when absent or blank.
    /// `dropping` names elements inside it whose text is left out.
    func text(_ name: String, keepingLines: Bool = false, dropping: [String] = []) -> String? {
        guard let inner = elements(name).first else { return nil }
        var kept = [inner]
        for dropped in dropping {
            for element in SGMLRecord(bytes: bytes, range: inner).elements(dropped) {
                kept = kept.flatMap { part -> [Range<Int>] in
                    guard part.overlaps(element) else { return [part] }
                    return [part.lowerBound..<max(part.lowerBound, element.lowerBound), min(part.upperBound, element.upperBound)..<part.upperBound]
                }
            }
        }
        let joined = kept.map { SGMLText.decoded(bytes[$0], keepingLines: keepingLines) }.joined()
        return Self.nonBlank(keepingLines ? joined : joined.split(separator: " ").joined(separator: " "))
    }

    /// Every `name` element's text, lines kept, one after another with a blank line between.
    func allText(_ name: String) -> String? {
        let parts = elements(name).compactMap { Self.nonBlank(SGMLText.decoded(bytes[$0], keepingLines: true)) }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// The `<D>` items of the first `name` element (Reuters' TOPICS, PLACES, …).
    func list(_ name: String) -> [String] {
        guard let inner = elements(name).first else { return [] }
        return SGMLRecord(bytes: bytes, range: inner).elements("D").compactMap {
            Self.nonBlank(SGMLText.decoded(bytes[$0], keepingLines: false))
        }
    }

    /// `NAME="value"` (or `NAME=value`) in the record's opening tag (which the range starts
    /// inside); the name is given in capitals and matched in any case (Gigaword writes `id=`).
    func attribute(_ name: String) -> String? {
        guard let tagEnd = bytes[range].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let pattern = Array(name.utf8)
        var index = range.lowerBound
        while index + pattern.count < tagEnd {
            // A name starts after a space: `NEWID=` is not `ID=`.
            guard SGMLText.isSpace(bytes[index]), SGMLText.matches(pattern, in: bytes, at: index + 1),
                  bytes[index + 1 + pattern.count] == UInt8(ascii: "=") else {
                index += 1
                continue
            }
            var start = index + 2 + pattern.count
            let quoted = start < tagEnd && bytes[start] == UInt8(ascii: "\"")
            if quoted { start += 1 }
            var end = start
            while end < tagEnd, quoted ? bytes[end] != UInt8(ascii: "\"") : !SGMLText.isSpace(bytes[end]) { end += 1 }
            return end > start ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
        }
        return nil
    }

    /// The content ranges of every `name` element, in order.
    private func elements(_ name: String) -> [Range<Int>] {
        let open = Array(name.utf8), close = Array(("</" + name + ">").utf8)
        var found: [Range<Int>] = []
        var cursor = range.lowerBound
        while let (start, _) = SGMLText.findOpening([open], in: bytes, from: cursor, before: range.upperBound) {
            guard let tagEnd = bytes[(start + 1 + open.count)..<range.upperBound].firstIndex(of: UInt8(ascii: ">")) else { break }
            let contentStart = tagEnd + 1
            let end = SGMLText.find(close, in: bytes, from: contentStart, before: range.upperBound)
            found.append(contentStart..<(end ?? range.upperBound))
            cursor = (end ?? range.upperBound) + close.count
        }
        return found
    }

    private static func nonBlank(_ text: String) -> String? {
        text.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } ? nil : text
    }
}

/// Byte search and entity decoding for SGML text.
enum SGMLText {
    /// The first offset of `needle` in `bytes[from..<before]`, its capital letters matching
    /// either case (`memchr` to each candidate first byte, which must not be a letter, then a
    /// byte compare: the files run to megabytes).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, before: Int) -> Int? {
        guard let first = needle.first, before - from >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            let base = haystack.baseAddress!
            let last = before - needle.count
            var index = from
            while index <= last, let hit = memchr(base + index, Int32(first), last - index + 1) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if matches(needle, in: haystack, at: at) { return at }
                index = at + 1
            }
            return nil
        }
    }

    /// The first opening tag `<NAME` (followed by `>` or a space) of one of `names` (capitals,
    /// matched in any case) in `bytes[from..<before]`: its offset and which name it is. One pass
    /// whatever the number of names (`<DOC>` is not `<DOCNO>`, `<TEXT>` not `<TEXTILES>`).
    static func findOpening(_ names: [[UInt8]], in bytes: [UInt8], from: Int, before: Int) -> (offset: Int, which: Int)? {
        bytes.withUnsafeBufferPointer { haystack in
            let base = haystack.baseAddress!
            var index = from
            while index < before, let hit = memchr(base + index, Int32(UInt8(ascii: "<")), before - index) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                for (which, name) in names.enumerated() {
                    let after = at + 1 + name.count
                    guard after < before, matches(name, in: haystack, at: at + 1) else { continue }
                    let next = haystack[after]
                    if next == UInt8(ascii: ">") || isSpace(next) { return (at, which) }
                }
                index = at + 1
            }
            return nil
        }
    }

    /// Whether `pattern` (its letters in capitals) is at `bytes[at...]`, letters in any case.
    static func matches<Bytes: RandomAccessCollection<UInt8>>(_ pattern: [UInt8], in bytes: Bytes, at: Int) -> Bool
        where Bytes.Index == Int
    {
        guard at >= bytes.startIndex, at + pattern.count <= bytes.endIndex else { return false }
        for (offset, expected) in pattern.enumerated() {
            let actual = bytes[at + offset]
            guard actual == expected || (expected &- UInt8(ascii: "A") < 26 && actual == expected | 0x20) else { return false }
        }
        return true
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// The text of `bytes`: tags dropped, `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and numeric
    /// references decoded (control characters among them dropped: Reuters ends stories with
    /// `&#3;`); whitespace collapsed unless `keepingLines`.
    static func decoded(_ bytes: ArraySlice<UInt8>, keepingLines: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let end = tagEnd(bytes, index) {
                index = end
                continue
            }
            if byte == UInt8(ascii: "&"), let (scalar, end) = entity(bytes, index) {
                if let scalar, scalar.value >= 0x20, scalar.value != 0x7F, !(0x80...0x9F).contains(scalar.value) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                } else if scalar?.value == 0x0A || scalar?.value == 0x09 {
                    out.append(UInt8(scalar!.value))
                }
                index = end
                continue
            }
            out.append(byte)
            index += 1
        }
        let text = String(decoding: out, as: UTF8.self)
        guard !keepingLines else { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The end of a tag starting at `start` (`<` then a letter, `/` or `!`, closed on the same line).
    private static func tagEnd(_ bytes: ArraySlice<UInt8>, _ start: Int) -> Int? {
        let next = start + 1
        guard next < bytes.endIndex else { return nil }
        let first = bytes[next]
        guard (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") || first == UInt8(ascii: "/") || first == UInt8(ascii: "!") else { return nil }
        var index = next
        while index < bytes.endIndex, index - start < 256 {
            switch bytes[index] {
            case UInt8(ascii: ">"): return index + 1
            case 0x0A: return nil
            default: index += 1
            }
        }
        return nil
    }

    /// A character reference at `start`: its scalar (nil for one that names no character) and
    /// where it ends; nil when `&` does not begin a known reference (it is then text).
    private static func entity(_ bytes: ArraySlice<UInt8>, _ start: Int) -> (Unicode.Scalar?, Int)? {
        guard let semicolon = bytes[start..<min(bytes.endIndex, start + 12)].firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let name = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
        if let scalar = named[name] { return (scalar, semicolon + 1) }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value else { return nil }
        return (Unicode.Scalar(value), semicolon + 1)
    }
}
