/// The query language's fields, as one table (see `QueryField`).
enum QueryFields {
    /// Every field, in the order the "unknown field" message lists them.
    static let table: [QueryField] = [
        facetField(.tag, valueHelp: "a tag"),
        facetField(.category, valueHelp: "a category"),
        QueryField(
            name: "author", valueHelp: "part of a name", needsTextIndex: false,
            parse: { value, _ in .contains(TextFolding.fold(value)) },
            evaluate: { argument, context in context.store.authorBitset(argument) }
        ),
        QueryField(
            name: "year", valueHelp: "YYYY", needsTextIndex: false,
            parse: { value, _ throws(FieldValueError) in
                guard value.count <= 4, value.allSatisfy(\.isASCIIDigitCharacter), let year = Int(value), year > 0 else {
                    throw FieldValueError(message: "bad year '\(value)' (expected YYYY)")
                }
                return .exact(String(year))
            },
            evaluate: { argument, context in context.store.facetBitset(.year, argument, overlay: nil) }
        ),
        dayField("after", valueHelp: "YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y") { value, today throws(FieldValueError) in
            if let relative = DayKey.relative(value, today: today) { return .days(from: relative.value, before: nil) }
            return .days(from: try day(value).value, before: nil)
        },
        dayField("before", valueHelp: "YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y") { value, today throws(FieldValueError) in
            if let relative = DayKey.relative(value, today: today) { return .days(from: nil, before: relative.value) }
            return .days(from: nil, before: try day(value).value)
        },
        dayField("date", valueHelp: "a period (2024-03) or a range (2024-01..2024-06, either end open)") { value, _ throws(FieldValueError) in
            guard let dots = value.range(of: "..") else {
                let period = try period(value)
                return .days(from: period.start.value, before: period.end.value)
            }
            let low = String(value[..<dots.lowerBound]), high = String(value[dots.upperBound...])
            if low.isEmpty && high.isEmpty { throw FieldValueError(message: "a range needs at least one end (2024-01..)") }
            let from = low.isEmpty ? nil : try period(low).start.value
            let before = high.isEmpty ? nil : try period(high).end.value
            return .days(from: from, before: before)
        },
        QueryField(
            name: "is", valueHelp: "unread, read or starred", needsTextIndex: false,
            parse: { value, _ throws(FieldValueError) in
                guard let flag = ReaderFlag(rawValue: value.lowercased()) else {
                    throw FieldValueError(message: "unknown state 'is:\(value)' (expected unread, read or starred)")
                }
                return .flag(flag)
            },
            evaluate: { argument, context in
                guard case .flag(let flag) = argument else { return Bitset(count: context.store.count) }
                return context.store.flagBitset(flag, overlay: context.overlay)
            }
        ),
        QueryField(
            name: "thread", valueHelp: "an article id or a unique prefix of it", needsTextIndex: false,
            parse: { value, _ throws(FieldValueError) in
                guard value.count <= 16, value.allSatisfy(\.isHexDigit) else {
                    throw FieldValueError(message: "bad article id '\(value)' (expected hex digits, as `gazette list` shows)")
                }
                return .exact(value.lowercased())
            },
            evaluate: { argument, context in
                guard case .exact(let prefix) = argument else { return Bitset(count: context.store.count) }
                return context.store.threadBitset(prefix)
            }
        ),
    ]

    private static let byName: [String: QueryField] = Dictionary(uniqueKeysWithValues: table.map { ($0.name, $0) })

    /// The row named `name` (lower-case), if any.
    static func field(_ name: String) -> QueryField? { byName[name] }

    /// `tag, category, …`: what the "unknown field" message lists.
    static var knownNames: String { table.map(\.name).joined(separator: ", ") }

    /// Parses `field:value` through the table; errors name the field's or the value's column.
    static func node(field: String, value: String, column: Int, valueColumn: Int, today: DayKey) throws(QueryError) -> QueryNode {
        let name = field.lowercased()
        guard let row = byName[name] else {
            throw QueryError(column: column, message: "unknown field '\(field):' (known: \(knownNames))")
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { throw QueryError(column: column, message: "empty value for '\(name):' (expected \(row.valueHelp))") }
        do {
            return .field(FieldTerm(field: name, argument: try row.parse(trimmed, today)))
        } catch {
            throw QueryError(column: valueColumn, message: error.message)
        }
    }

    // MARK: - Row builders

    /// A facet matched exactly (case-insensitively); tags also match the reader's own tags.
    private static func facetField(_ kind: FacetKind, valueHelp: String) -> QueryField {
        QueryField(
            name: kind.rawValue, valueHelp: valueHelp, needsTextIndex: false,
            parse: { value, _ in .exact(value.lowercased()) },
            evaluate: { argument, context in context.store.facetBitset(kind, argument, overlay: context.overlay) }
        )
    }

    private static func dayField(
        _ name: String, valueHelp: String,
        parse: @escaping @Sendable (String, DayKey) throws(FieldValueError) -> FieldArgument
    ) -> QueryField {
        QueryField(
            name: name, valueHelp: valueHelp, needsTextIndex: false, parse: parse,
            evaluate: { argument, context in
                guard case .days(let from, let before) = argument else { return Bitset(count: context.store.count) }
                return context.store.dayBitset(from: from, before: before)
            }
        )
    }

    private static func day(_ text: String) throws(FieldValueError) -> DayKey {
        guard let day = DayKey(parsing: text) else {
            throw FieldValueError(message: "bad date '\(text)' (expected YYYY, YYYY-MM, YYYY-MM-DD or 7d, 2w, 6m, 1y)")
        }
        return day
    }

    private static func period(_ text: String) throws(FieldValueError) -> (start: DayKey, end: DayKey) {
        guard let period = DayKey.period(text) else {
            throw FieldValueError(message: "bad date '\(text)' (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        return period
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
