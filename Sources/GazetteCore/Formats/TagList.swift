/// Comma-separated lists as articles write them (tags, categories).
enum TagList {
    /// Splits on commas, trims, drops empty items.
    static func split(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: true).compactMap { item in
            let trimmed = item.trimmingASCIISpaces()
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }

    /// Appends `items` not already present, comparing case-insensitively; the first spelling wins.
    static func appendUnique(_ items: [String], to list: inout [String], seen: inout Set<String>) {
        for item in items where seen.insert(item.lowercased()).inserted {
            list.append(item)
        }
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
