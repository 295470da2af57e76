/// Reads the date forms found in real articles, by hand (no `DateFormatter`: this runs per article).
public enum DateParser {
    /// Parses ISO 8601 (`2025-01-21`, `2025-01-21T09:30:00Z`, with offset), `January 21, 2025`,
    /// `21 January 2025`, `Jan 21, 2025`, RFC 822/2822 (`Tue, 21 Jan 2025 09:30:00 +0000`,
    /// `27 Apr 1993 21:20 UT`), asctime (`Tue Jun  3 10:22:01 2003`), `2017/2/7` and
    /// `26-FEB-1987 15:18:06.67`; nil when it is none
    /// of them or names an impossible day or time.
    public static func parse(_ text: String) -> ArticleDate? {
        guard let tokens = DateToken.tokens(text), !tokens.isEmpty else { return nil }
        var grammar = DateGrammar(tokens: tokens)
        return grammar.parse()
    }

    /// `YYYY-MM-DD` exactly, read from bytes (the canonical format's own form, so nearly every
    /// date): what `parse` gives for it, or nil for anything else (`parse` then decides).
    static func parseISODay(_ bytes: UnsafeBufferPointer<UInt8>) -> ArticleDate? {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        var value = 0
        func digits(_ range: Range<Int>) -> Int? {
            value = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10) else { return nil }
        return makeDate(year: year, month: month, day: day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A validated date; nil for a month or day out of range.
    static func makeDate(year: Int, month: Int, day: Int, secondsIntoDay: Int = 0, offset: Int = 0) -> ArticleDate? {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysInMonth(year, month)
        else { return nil }
        let instant = Int64(daysFromCivil(year, month, day)) * 86_400 + Int64(secondsIntoDay - offset)
        return ArticleDate(year: year, month: month, day: day, instant: instant)
    }
}

/// A cursor over date tokens implementing the accepted forms.
struct DateGrammar {
    let tokens: [DateToken]
    var index = 0

    init(tokens: [DateToken]) { self.tokens = tokens }

    var peek: DateToken? { index < tokens.count ? tokens[index] : nil }

    mutating func take(symbol: UInt8) -> Bool {
        guard peek == .symbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func take(word: String) -> Bool {
        guard peek == .word(word) else { return false }
        index += 1
        return true
    }

    mutating func number(digits allowed: ClosedRange<Int>) -> Int? {
        guard case .number(let value, let digits)? = peek, allowed.contains(digits) else { return nil }
        index += 1
        return value
    }

    mutating func monthName() -> Int? {
        guard case .word(let word)? = peek, let month = DateNames.month(word) else { return nil }
        index += 1
        _ = take(symbol: 0x2E)  // "Jan."
        return month
    }

    /// Two-digit years, as RFC 822 allows: 00–49 → 20xx, 50–99 → 19xx.
    mutating func yearNumber() -> Int? {
        guard case .number(let value, let digits)? = peek, digits == 2 || digits == 4 else { return nil }
        index += 1
        if digits == 4 { return value }
        return value < 50 ? 2000 + value : 1900 + value
    }

    mutating func ordinalSuffix() {
        if case .word(let word)? = peek, ["st", "nd", "rd", "th"].contains(word) { index += 1 }
    }

    mutating func parse() -> ArticleDate? {
        if case .word(let word)? = peek, DateNames.isWeekday(word) {
            index += 1
            _ = take(symbol: 0x2C)
        }
        var year = 0, month = 0, day = 0
        var iso = false
        switch peek {
        case .number(let value, let digits)? where digits == 4:
            // 2025-01-21 or 2017/2/7
            index += 1
            year = value
            guard case .symbol(let separator)? = peek, separator == 0x2D || separator == 0x2F else { return nil }
            index += 1
            guard let m = number(digits: 1...2), take(symbol: separator), let d = number(digits: 1...2) else { return nil }
            month = m
            day = d
            iso = separator == 0x2D
        case .number(let value, let digits)? where digits <= 2:
            // 21 January 2025, 27 Apr 1993, 26-FEB-1987
            index += 1
            day = value
            ordinalSuffix()
            let dashed = take(symbol: 0x2D)
            guard let m = monthName() else { return nil }
            month = m
            if dashed { guard take(symbol: 0x2D) else { return nil } }
            _ = take(symbol: 0x2C)
            guard let y = yearNumber() else { return nil }
            year = y
        case .word?:
            // January 21, 2025
            guard let m = monthName(), let d = number(digits: 1...2) else { return nil }
            month = m
            day = d
            if index + 1 < tokens.count, case .number = tokens[index], tokens[index + 1] == .symbol(0x3A) {
                // C's asctime, as Unix mailers and mbox envelopes write it: `Tue Jun  3 10:22:01 2003`,
                // `Wed Jun 11 12:00:00 CEST 2003`.
                guard let time = timeOfDay() else { return nil }
                var offset = 0
                if case .number(_, 4)? = peek {
                    // No zone: local time, taken as UTC.
                } else if peek != nil {
                    // A zone before the year: `CEST`, or Google Takeout's envelope `+0000`.
                    guard let zone = zone() else { return nil }
                    offset = zone
                }
                guard let y = number(digits: 4...4), peek == nil else { return nil }
                return DateParser.makeDate(year: y, month: month, day: day, secondsIntoDay: time, offset: offset)
            }
            ordinalSuffix()
            _ = take(symbol: 0x2C)
            guard let y = yearNumber() else { return nil }
            year = y
        default:
            return nil
        }
        var seconds = 0, offset = 0
        if peek != nil {
            if iso { _ = take(word: "t") } else { _ = take(symbol: 0x2C) || take(word: "at") }
            guard let time = timeOfDay() else { return nil }
            seconds = time
            if peek != nil {
                guard let zone = zone() else { return nil }
                offset = zone
            }
            guard peek == nil else { return nil }
        }
        return DateParser.makeDate(year: year, month: month, day: day, secondsIntoDay: seconds, offset: offset)
    }

    /// `HH:MM[:SS[.fff]] [am|pm]` as seconds into the day.
    mutating func timeOfDay() -> Int? {
        guard var hour = number(digits: 1...2), take(symbol: 0x3A), let minute = number(digits: 2...2),
            minute < 60
        else { return nil }
        var second = 0
        if take(symbol: 0x3A) {
            guard let s = number(digits: 2...2), s <= 60 else { return nil }
            second = min(s, 59)  // a leap second sorts as :59
            if take(symbol: 0x2E) || take(symbol: 0x2C) {
                guard number(digits: 1...18) != nil else { return nil }
            }
        }
        if take(word: "am") || take(word: "a") {
            guard (1...12).contains(hour) else { return nil }
            if hour == 12 { hour = 0 }
        } else if take(word: "pm") || take(word: "p") {
            guard (1...12).contains(hour) else { return nil }
            if hour != 12 { hour += 12 }
        }
        guard hour < 24 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// `Z`, a zone name (`MET DST`, `GMT+1` too), or `±HHMM` / `±HH:MM` / `±HH`, as seconds east of UTC.
    mutating func zone() -> Int? {
        if case .word(let word)? = peek, let offset = DateNames.zoneOffset(word) {
            index += 1
            // `MET DST` (old Unix `date`): the zone's summer time, an hour ahead.
            if take(word: "dst") { return offset + 3600 }
            // `GMT+1`, `GMT+0100`, `UTC-05:00`: an offset written after the name of UTC.
            if offset == 0, case .symbol(let sign)? = peek, sign == 0x2B || sign == 0x2D {
                return numericOffset(singleDigitHours: true)
            }
            return offset
        }
        return numericOffset(singleDigitHours: false)
    }

    /// `±HHMM` / `±HH:MM` / `±HH` (and `±H` after a zone name), as seconds east of UTC.
    mutating func numericOffset(singleDigitHours: Bool) -> Int? {
        guard case .symbol(let sign)? = peek, sign == 0x2B || sign == 0x2D else { return nil }
        index += 1
        guard case .number(let value, let digits)? = peek else { return nil }
        index += 1
        var hours = 0, minutes = 0
        switch digits {
        case 4:
            hours = value / 100
            minutes = value % 100
        case 1 where !singleDigitHours:
            return nil
        case 1, 2:
            hours = value
            if take(symbol: 0x3A) {
                guard let m = number(digits: 2...2) else { return nil }
                minutes = m
            }
        default:
            return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        let offset = hours * 3600 + minutes * 60
        return sign == 0x2D ? -offset : offset
    }
}
