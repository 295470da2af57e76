/// Where each key of a TOML text is written, so a problem found after parsing can name its line.
///
/// TOMLKit gives line numbers only for syntax errors; its tables forget where a key came from
/// (and list keys sorted, not in file order). This reads the text once more, line by line, for
/// table headers and `key =` starts only: values are never interpreted here.
struct KeyLocator {
    /// Full dotted path (`keys.list.J`) → first line it is written on.
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        var inMultiline: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if let delimiter = inMultiline {
                if line.contains(delimiter) { inMultiline = nil }
                continue
            }
            if line.hasPrefix("[") {
                let isArray = line.hasPrefix("[[")
                var rest = Substring(line.dropFirst(isArray ? 2 : 1))
                guard let parts = Self.dottedKey(&rest) else { continue }
                table = parts
                record(parts, line: number)
                continue
            }
            var rest = Substring(line)
            guard let parts = Self.dottedKey(&rest) else { continue }
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "=" else { continue }
            record(table + parts, line: number)
            let value = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) && !value.dropFirst(3).contains(delimiter) {
                inMultiline = delimiter
            }
        }
    }

    private mutating func record(_ path: [String], line: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = line }
    }

    /// The line `path` is written on, else the line of its nearest enclosing table.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    /// Reads `a.b."c d".'e'` from the start of `text`, leaving the rest; nil when no key starts there.
    static func dottedKey(_ text: inout Substring) -> [String]? {
        var parts: [String] = []
        while true {
            text = text.drop { $0 == " " || $0 == "\t" }
            guard let first = text.first else { return nil }
            if first == "\"" || first == "'" {
                text = text.dropFirst()
                var part = ""
                var escaped = false
                while let character = text.first {
                    text = text.dropFirst()
                    if escaped {
                        part.append(character)
                        escaped = false
                    } else if first == "\"" && character == "\\" {
                        escaped = true
                    } else if character == first {
                        break
                    } else {
                        part.append(character)
                    }
                }
                parts.append(part)
            } else {
                let bare = text.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                text = text.dropFirst(bare.count)
            }
            text = text.drop { $0 == " " || $0 == "\t" }
            guard text.first == "." else { return parts }
            text = text.dropFirst()
        }
    }
}
