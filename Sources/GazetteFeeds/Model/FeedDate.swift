import Foundation

/// A feed date as written: the civil date and time and the zone offset it was given in.
public struct FeedDate: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// Seconds east of UTC; nil when the feed gave no zone (taken as UTC for ordering).
    public var offset: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: Int? = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.offset = offset
    }

    /// Seconds since 1970 UTC.
    public var instant: Int64 {
        let days = Int64(FeedDate.daysFromCivil(year, month, day))
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset ?? 0)
    }

    /// `YYYY-MM-DD`.
    public var isoDay: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` (`Z` for UTC, no zone when none was given).
    public var iso8601: String {
        var text = isoDay + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if let offset {
            if offset == 0 { return text + "Z" }
            let magnitude = abs(offset) / 60
            text += (offset < 0 ? "-" : "+") + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
        }
        return text
    }

    public static func < (lhs: FeedDate, rhs: FeedDate) -> Bool { lhs.instant < rhs.instant }

    /// The date at a UTC instant (for "now" when an item has no date).
    public init(instant: Int64) {
        let days = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
        let rest = Int(instant - days * 86_400)
        let (y, m, d) = FeedDate.civilFromDays(Int(days))
        self.init(year: y, month: m, day: d, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60, offset: 0)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
