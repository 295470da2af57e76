import Foundation

/// One SGML record's elements, read by name: the text inside `<NAME …>` … `</NAME>` with tags
/// removed and entities decoded. Element names are matched as written (these archives write
/// them in capitals).
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

    /// `NAME="value"` in the record's opening tag (which the range starts inside).
    func attribute(_ name: String) -> String? {
        guard let tagEnd = bytes[range].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let tag = String(decoding: bytes[range.lowerBound..<tagEnd], as: UTF8.self)
        guard let found = tag.range(of: name + "=\"") else { return nil }
        let value = tag[found.upperBound...].prefix { $0 != "\"" }
        return value.isEmpty ? nil : String(value)
    }

    /// The content ranges of every `name` element, in order.
    private func elements(_ name: String) -> [Range<Int>] {
        let open = Array(("<" + name).utf8), close = Array(("</" + name + ">").utf8)
        var found: [Range<Int>] = []
        var cursor = range.lowerBound
        while let start = SGMLText.find(open, in: bytes, from: cursor, before: range.upperBound) {
            let afterName = start + open.count
            guard afterName < range.upperBound else { break }
            let next = bytes[afterName]
            // `<TEXT>` or `<TEXT TYPE="BRIEF">`, not `<TEXTILES>`.
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") else {
                cursor = afterName
                continue
            }
            guard let tagEnd = bytes[afterName..<range.upperBound].firstIndex(of: UInt8(ascii: ">")) else { break }
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
    /// The first offset of `needle` in `bytes[from..<before]` (`memchr` to each candidate
    /// first byte, then `memcmp`: the files run to megabytes).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int, before: Int) -> Int? {
        guard let first = needle.first, before - from >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in
                let base = haystack.baseAddress!
                let last = before - pattern.count
                var index = from
                while index <= last, let hit = memchr(base + index, Int32(first), last - index + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
                    index = at + 1
                }
                return nil
            }
        }
    }

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
