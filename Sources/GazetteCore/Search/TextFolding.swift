import Foundation

/// Case- and diacritic-insensitive word folding, identical for the index, queries and highlighting.
public enum TextFolding {
    /// Lower-cases and strips diacritics: "Zürich" → "zurich".
    public static func fold(_ word: Substring) -> String {
        var copy = String(word)
        let folded: String? = copy.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            return String(decoding: bytes.lazy.map(asciiLower), as: UTF8.self)
        }
        return folded ?? foldUnicode(copy)
    }

    /// Folds a whole string (titles, author names) the same way as words.
    static func fold(_ text: String) -> String { fold(text[...]) }

    static func foldUnicode(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    @inline(__always)
    static func asciiLower(_ byte: UInt8) -> UInt8 {
        (byte &- 0x41) < 26 ? byte | 0x20 : byte
    }

    /// The words of `text` with their ranges and folded forms (same tokenizer as the index).
    public static func words(in text: String) -> [(range: Range<String.Index>, folded: String)] {
        var result: [(range: Range<String.Index>, folded: String)] = []
        let utf8 = text.utf8
        var copy = text
        copy.withUTF8 { bytes in
            Tokenizer.scan(bytes) { start, end, ascii in
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                let upper = utf8.index(utf8.startIndex, offsetBy: end)
                let folded: String
                if ascii {
                    folded = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]).lazy.map(asciiLower), as: UTF8.self)
                } else {
                    folded = foldUnicode(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                result.append((lower..<upper, folded))
            }
        }
        return result
    }

    /// Just the folded words of `text`, for query terms.
    static func foldedWords(in text: String) -> [String] {
        words(in: text).map(\.folded)
    }
}
