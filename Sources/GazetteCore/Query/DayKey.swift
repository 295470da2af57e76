import Foundation

/// A calendar day as the `YYYYMMDD` integer the store's day keys use, with the arithmetic the
/// query language's dates need (periods, `7d`/`2w`/`6m`/`1y` ago).
public struct DayKey: Sendable, Hashable, Comparable {
    /// `YYYYMMDD`.
    public let value: Int32

    /// A day from its parts; nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        value = Int32(year * 10000 + month * 100 + day)
    }

    var year: Int { Int(value) / 10000 }
    var month: Int { Int(value) / 100 % 100 }
    var day: Int { Int(value) % 100 }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the first day it names (missing parts are 1).
    public init?(parsing text: String) {
        guard let period = Self.period(text) else { return nil }
        self = period.start
    }

    /// Today in UTC (the clock the query language's relative dates count from).
    public static func today(_ now: Date = Date()) -> DayKey {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return DayKey(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The days `text` names, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as `[start, end)`.
    static func period(_ text: String) -> (start: DayKey, end: DayKey)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }) else { return nil }
        let year = Int(parts[0])!
        let month = parts.count > 1 ? Int(parts[1])! : 1
        let day = parts.count > 2 ? Int(parts[2])! : 1
        guard let start = DayKey(year: year, month: month, day: day) else { return nil }
        let end: DayKey
        switch parts.count {
        case 1: end = DayKey(year: year + 1, month: 1, day: 1) ?? DayKey.max
        case 2: end = start.addingMonths(1)
        default: end = start.addingDays(1)
        }
        return (start, end)
    }

    /// `7d`, `2w`, `6m` or `1y`: that long before `today` (elfeed's `@6-months-ago`); nil when not of that form.
    static func relative(_ text: String, today: DayKey) -> DayKey? {
        guard let unit = text.last, text.count >= 2 else { return nil }
        let digits = text.dropLast()
        guard digits.count <= 5, digits.allSatisfy(\.isASCIIDigitCharacter), let amount = Int(digits) else { return nil }
        switch unit.lowercased() {
        case "d": return today.addingDays(-amount)
        case "w": return today.addingDays(-7 * amount)
        case "m": return today.addingMonths(-amount)
        case "y": return today.addingMonths(-12 * amount)
        default: return nil
        }
    }

    private static let max = DayKey(year: 9999, month: 12, day: 31)!
    private static let min = DayKey(year: 1, month: 1, day: 1)!

    /// The same day `months` later (earlier when negative), clamped to the month's length.
    func addingMonths(_ months: Int) -> DayKey {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12, newMonth = total % 12 + 1
        guard newYear >= 1 else { return Self.min }
        guard newYear <= 9999 else { return Self.max }
        return DayKey(year: newYear, month: newMonth, day: Swift.min(day, Self.daysIn(month: newMonth, year: newYear)))!
    }

    /// `days` later (earlier when negative).
    func addingDays(_ days: Int) -> DayKey {
        let (y, m, d) = Self.civil(fromDays: Self.days(year: year, month: month, day: day) + days)
        return DayKey(year: y, month: m, day: d) ?? (days < 0 ? Self.min : Self.max)
    }

    // Howard Hinnant's days-from-civil and back: exact for the proleptic Gregorian calendar.
    /// Days since 1970-01-01 of a proleptic Gregorian date (any year, no range check).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The proleptic Gregorian (year, month, day) `z` days after 1970-01-01.
    public static func civil(fromDays z: Int) -> (year: Int, month: Int, day: Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: DayKey, rhs: DayKey) -> Bool { lhs.value < rhs.value }
}
