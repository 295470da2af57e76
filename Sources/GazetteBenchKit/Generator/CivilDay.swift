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

    /// The day `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
        daysSinceEpoch = days
    }

    /// The day for a calendar date (days_from_civil).
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.init(daysSinceEpoch: era * 146_097 + doe - 719_468)
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
