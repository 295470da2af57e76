/// The `field:value` terms of the query language and their validation.
enum QueryFields {
    static let names = ["tag", "category", "author", "year", "after", "before", "thread"]

    static func node(field: String, value: String, column: Int, valueColumn: Int) throws(QueryError) -> QueryNode {
        let name = field.lowercased()
        guard names.contains(name) else {
            throw QueryError(column: column, message: "unknown field '\(field):' (known: \(names.joined(separator: ", ")))")
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw QueryError(column: column, message: "empty value for '\(name):'") }
        switch name {
        case "tag": return .facet(.tag, trimmed.lowercased())
        case "category": return .facet(.category, trimmed.lowercased())
        case "author": return .author(TextFolding.fold(trimmed))
        case "year":
            guard trimmed.count <= 4, trimmed.allSatisfy(\.isASCIIDigitCharacter), let year = Int(trimmed), year > 0 else {
                throw QueryError(column: valueColumn, message: "bad year '\(trimmed)' (expected YYYY)")
            }
            return .facet(.year, String(year))
        case "thread":
            guard trimmed.count <= 16, trimmed.allSatisfy(\.isHexDigit) else {
                throw QueryError(column: valueColumn, message: "bad article id '\(trimmed)' (expected hex digits, as `gazette list` shows)")
            }
            return .thread(trimmed.lowercased())
        default:
            guard let day = dayKey(trimmed) else {
                throw QueryError(column: valueColumn, message: "bad date '\(trimmed)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            return name == "after" ? .after(day) : .before(day)
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as `YYYYMMDD` (missing parts are 1), or nil when invalid.
    static func dayKey(_ text: String) -> Int32? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        let year = Int(parts[0])!
        let month = parts.count > 1 ? Int(parts[1])! : 1
        let day = parts.count > 2 ? Int(parts[2])! : 1
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return Int32(year * 10000 + month * 100 + day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
