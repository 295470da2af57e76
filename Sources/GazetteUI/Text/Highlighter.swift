import Foundation
import GazetteCore

/// Finds the ranges of search hits in a piece of text (supplied by the query layer).
public typealias Highlighter = @Sendable (String) -> [Range<String.Index>]

/// Turning highlighted ranges into styled spans.
public enum Highlighting {
    /// `text` as spans in `base`, with the ranges `highlighter` finds drawn in `hit` over `base`.
    public static func spans(_ text: String, base: Style, highlighter: Highlighter?, hit: Style? = nil) -> [StyledSpan] {
        guard let highlighter, !text.isEmpty else { return text.isEmpty ? [] : [StyledSpan(text, base)] }
        var hitStyle = hit ?? base
        if hit == nil {
            hitStyle.role = .highlight
            hitStyle.underline = true
        }
        hitStyle.searchHit = true
        let ranges = highlighter(text)
            .filter { $0.lowerBound >= text.startIndex && $0.upperBound <= text.endIndex && !$0.isEmpty }
            .sorted { $0.lowerBound < $1.lowerBound }
        var spans: [StyledSpan] = []
        var cursor = text.startIndex
        for range in ranges where range.upperBound > cursor {
            let start = max(range.lowerBound, cursor)
            if cursor < start { spans.append(StyledSpan(String(text[cursor..<start]), base)) }
            spans.append(StyledSpan(String(text[start..<range.upperBound]), hitStyle))
            cursor = range.upperBound
        }
        if cursor < text.endIndex { spans.append(StyledSpan(String(text[cursor...]), base)) }
        return spans
    }

    /// A simple highlighter: case-insensitive occurrences of any of `terms`.
    ///
    /// Compared character by character after folding, not with Foundation's case- and
    /// diacritic-insensitive `range(of:)`, which traps on some inputs (a needle with NUL after
    /// U+FFFD; found by the `render` fuzz target).
    public static func terms(_ terms: [String]) -> Highlighter? {
        let needles = terms.filter { !$0.isEmpty }.map { $0.map(folded) }
        guard !needles.isEmpty else { return nil }
        return { text in
            let starts = Array(text.indices)
            let characters = text.map(folded)
            var ranges: [Range<String.Index>] = []
            for needle in needles {
                var start = 0
                while start + needle.count <= characters.count {
                    guard characters[start..<(start + needle.count)].elementsEqual(needle) else {
                        start += 1
                        continue
                    }
                    let end = start + needle.count
                    ranges.append(starts[start]..<(end < starts.count ? starts[end] : text.endIndex))
                    start = end
                }
            }
            return ranges
        }
    }

    private static func folded(_ character: Character) -> String {
        TextFolding.fold(Substring(String(character)))
    }
}
