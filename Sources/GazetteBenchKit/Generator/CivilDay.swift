import GazetteCore

/// A proleptic Gregorian day, computed with integer arithmetic only (no `Date`, no time zone).
public struct CivilDay: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    /// English month names, January first.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    /// Three-letter day names, Sunday first (RFC 2822).
    public static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// The day `days` after 1970-01-01 (the arithmetic is Core's `DayKey`).
    public init(daysSinceEpoch days: Int) {
        (year, month, day) = DayKey.civil(fromDays: days)
        daysSinceEpoch = days
    }

    /// The day for a calendar date.
    public init(year: Int, month: Int, day: Int) {
        self.init(daysSinceEpoch: DayKey.days(year: year, month: month, day: day))
    }

    /// 0 = Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }

    /// `2025-01-21`.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `January 21, 2025` (the dump's dateline).
    public var monthDayYear: String { "\(Self.monthNames[month - 1]) \(day), \(year)" }
    /// `21 January 2025` (the dump's footer).
    public var dayMonthYear: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }
    /// `Tue, 21 Jan 2025` (the date part of RFC 2822).
    public var rfc2822Day: String {
        "\(Self.weekdayNames[weekday]), \(day) \(Self.monthNames[month - 1].prefix(3)) \(year)"
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }
}

/// Zero-pads a non-negative number to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
