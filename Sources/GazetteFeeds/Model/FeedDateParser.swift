import Foundation

/// Reads the dates feeds carry: RFC 822/1123 and ISO 8601 / RFC 3339, with the deviations seen in
/// the wild (no seconds, `Tues`, named zones, two-digit years, no zone, extra whitespace).
public enum FeedDateParser {
    /// The date, or nil when the text is not a date we can read.
    public static func parse(_ text: String) -> FeedDate? {
        let trimmed = text.trimmedASCII
        guard !trimmed.isEmpty, trimmed.utf8.count < 200 else { return nil }
        let bytes = Array(trimmed.utf8)
        if bytes.count >= 7, isDigit(bytes[0]), isDigit(bytes[1]), isDigit(bytes[2]), isDigit(bytes[3]),
           bytes[4] == UInt8(ascii: "-") {
            return parseISO(bytes)
        }
        if bytes.count >= 8, bytes[..<8].allSatisfy(isDigit) { return parseISOBasic(bytes) }
        return parseRFC1123(bytes) ?? parseRFC822(trimmed)
    }

    /// ISO 8601's basic format, `20241202T090500Z` (`20241202`, `20241202T0905+0100`), read as
    /// the extended one it spells.
    static func parseISOBasic(_ b: [UInt8]) -> FeedDate? {
        var extended = Array(b[0..<4]) + [UInt8(ascii: "-")] + Array(b[4..<6]) + [UInt8(ascii: "-")] + Array(b[6..<8])
        guard b.count > 8 else { return parseISO(extended) }
        guard b[8] == UInt8(ascii: "T") || b[8] == UInt8(ascii: "t") else { return nil }
        let digits = b[9...].prefix(while: isDigit).count
        guard digits == 4 || digits == 6 else { return nil }
        extended += [UInt8(ascii: "T")] + Array(b[9..<11]) + [UInt8(ascii: ":")] + Array(b[11..<13])
        if digits == 6 { extended += [UInt8(ascii: ":")] + Array(b[13..<15]) }
        extended += b[(9 + digits)...]
        return parseISO(extended)
    }

    /// The date an item's `text` spells; text that is not one is kept as its `unreadableDate`.
    static func parse(_ text: String, of item: inout FeedItem) -> FeedDate? {
        let date = parse(text)
        if date == nil, item.unreadableDate == nil, !text.trimmedASCII.isEmpty { item.unreadableDate = String(text.trimmedASCII.prefix(100)) }
        return date
    }

    /// `Tue, 05 Mar 2024 09:05:00 +0000` (or `GMT`, `UT`, `UTC`, `Z`), the form nearly every RSS
    /// feed writes, read without making a token; anything else is left to `parseRFC822`.
    static func parseRFC1123(_ b: [UInt8]) -> FeedDate? {
        guard b.count >= 25, b[3] == UInt8(ascii: ","), b[4] == 0x20 else { return nil }
        func lower(_ k: Int) -> UInt32 { UInt32(b[k] | 0x20) << 16 | UInt32(b[k + 1] | 0x20) << 8 | UInt32(b[k + 2] | 0x20) }
        func number(_ k: Int, _ count: Int) -> Int? {
            var value = 0
            for j in k..<(k + count) {
                guard isDigit(b[j]) else { return nil }
                value = value * 10 + Int(b[j] - 48)
            }
            return value
        }
        guard shortWeekdays.contains(lower(0)) else { return nil }
        let dayDigits = b[6] == 0x20 ? 1 : 2
        var i = 5 + dayDigits
        guard let day = number(5, dayDigits), b[i] == 0x20, i + 20 <= b.count,
              let month = shortMonths.firstIndex(of: lower(i + 1)), b[i + 4] == 0x20,
              let year = number(i + 5, 4), b[i + 9] == 0x20,
              let hour = number(i + 10, 2), b[i + 12] == UInt8(ascii: ":"), let minute = number(i + 13, 2),
              b[i + 15] == UInt8(ascii: ":"), let second = number(i + 16, 2), b[i + 18] == 0x20 else { return nil }
        i += 19
        let zone = b[i...]
        let offset: Int
        if zone.count == 5, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"), let value = number(i + 1, 4) {
            guard value / 100 <= 14, value % 100 < 60 else { return nil }
            offset = (zone.first == UInt8(ascii: "-") ? -1 : 1) * (value / 100 * 3600 + value % 100 * 60)
        } else if zone.elementsEqual("GMT".utf8) || zone.elementsEqual("UT".utf8) || zone.elementsEqual("UTC".utf8)
                    || zone.elementsEqual("Z".utf8) {
            offset = 0
        } else {
            return nil
        }
        let date = FeedDate(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second, offset: offset)
        return valid(date) && validTime(date) ? date : nil
    }

    /// Three lower-case letters packed in a number, for `parseRFC1123`.
    private static let shortWeekdays: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(packed)
    private static let shortMonths: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(packed)
    private static func packed(_ name: String) -> UInt32 { name.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    // MARK: ISO 8601

    static func parseISO(_ b: [UInt8]) -> FeedDate? {
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard isDigit(b[k]) else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += count
            return value
        }
        func skip(_ c: Character) -> Bool {
            if i < b.count, b[i] == c.asciiValue! { i += 1; return true }
            return false
        }
        guard let year = number(4), skip("-"), let month = number(2) else { return nil }
        var day = 1
        if skip("-") { guard let d = number(2) else { return nil }; day = d }
        var date = FeedDate(year: year, month: month, day: day, offset: nil)
        guard valid(date) else { return nil }
        guard i < b.count else { return date }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        guard let hour = number(2), skip(":"), let minute = number(2) else { return nil }
        date.hour = hour; date.minute = minute
        if skip(":") { guard let s = number(2) else { return nil }; date.second = s }
        if skip(".") || skip(",") { while i < b.count, isDigit(b[i]) { i += 1 } }
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                date.offset = 0; i += 1
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let hh = number(2) else { return nil }
                _ = skip(":")
                let mm = number(2) ?? 0
                // The bounds every other reader keeps (and the article format reads back): `+40:00` is not a zone.
                guard hh <= 14, mm < 60 else { return nil }
                date.offset = sign * (hh * 3600 + mm * 60)
            } else {
                let rest = String(decoding: b[i...], as: UTF8.self)
                guard let zone = zoneOffset(rest) else { return nil }
                date.offset = zone
                i = b.count
            }
        }
        guard i == b.count || b[i...].allSatisfy({ $0 == 0x20 }), validTime(date) else { return nil }
        return date
    }

    // MARK: RFC 822 and friends

    static func parseRFC822(_ text: String) -> FeedDate? {
        // Tokens are classified on bytes; only a time or zone token becomes a String.
        let bytes = Array(text.utf8)
        var tokens: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x20 || byte == 0x2C || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if index > start { tokens.append(bytes[start..<index]) }
            start = index + 1
        }
        if bytes.count > start { tokens.append(bytes[start...]) }
        guard tokens.count <= 12 else { return nil }
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: Int?
        var offsetIsNumeric = false
        for token in tokens {
            let allDigits = token.allSatisfy(isDigit)
            if time == nil, token.contains(UInt8(ascii: ":")), let t = parseTime(String(decoding: token, as: UTF8.self)) {
                time = t.time
                if let zone = t.zone { offset = zone; offsetIsNumeric = true }
            } else if allDigits, token.count <= 4 {
                let number = token.reduce(0) { $0 * 10 + Int($1 - 48) }
                if token.count >= 3 || (day != nil && month != nil) || number > 31 {
                    if year == nil { year = token.count <= 2 ? twoDigitYear(number) : number }
                } else if day == nil {
                    day = number
                } else if year == nil {
                    year = twoDigitYear(number)
                }
            } else if allDigits {
                return nil
            } else if let t = time, token.count == 2, let meridiem = lowerLetters(token), meridiem == "am" || meridiem == "pm" {
                guard t.0 >= 1, t.0 <= 12 else { return nil }
                time = (t.0 % 12 + (meridiem == "pm" ? 12 : 0), t.1, t.2)
            } else if let word = lowerLetters(token), month == nil, let m = monthNumber(word) {
                month = m
            } else if let word = lowerLetters(token), weekday(word) {
                continue
            } else if time != nil, offset == nil, let zone = zoneOffset(String(decoding: token, as: UTF8.self)) {
                offset = zone
                offsetIsNumeric = token.first == UInt8(ascii: "+") || token.first == UInt8(ascii: "-")
            } else if offsetIsNumeric, let name = lowerLetters(token), namedZones[name.uppercased()] != nil {
                continue // `+0000 GMT`: a zone name after the numeric zone, which wins
            } else if token.first == UInt8(ascii: "("), token.last == UInt8(ascii: ")") {
                continue // `(PST)` after a numeric zone
            } else if lowerLetters(token) == "at" {
                continue // "… at 9:05"
            } else {
                return nil
            }
        }
        guard let day, let month, let year else { return nil }
        let (h, m, s) = time ?? (0, 0, 0)
        let date = FeedDate(year: year, month: month, day: day, hour: h, minute: m, second: s,
                            offset: time == nil ? 0 : offset)
        return valid(date) && validTime(date) ? date : nil
    }

    /// The token lower-cased when it is ASCII letters (and dots, dropped); else nil.
    static func lowerLetters(_ token: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(token.count)
        for byte in token {
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A { out.append(lower) } else if byte != UInt8(ascii: ".") { return nil }
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// `9:05`, `09:05:30`, `9:05pm`, `09:05:30+0100`.
    static func parseTime(_ token: String) -> (time: (Int, Int, Int), zone: Int?)? {
        var body = Substring(token)
        var zone: Int?
        if let sign = body.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = zoneOffset(String(body[sign...]))
            guard zone != nil else { return nil }
            body = body[..<sign]
        }
        var pm: Bool?
        let lower = body.lowercased()
        if lower.hasSuffix("am") || lower.hasSuffix("pm") {
            pm = lower.hasSuffix("pm")
            body = body.dropLast(2)
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var values: [Int] = []
        for part in parts {
            let digits = part.split(separator: ".").first ?? ""
            guard !digits.isEmpty, digits.count <= 2, let v = Int(digits) else { return nil }
            values.append(v)
        }
        var hour = values[0]
        if let pm {
            guard hour >= 1, hour <= 12 else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        return ((hour, values[1], values.count == 3 ? values[2] : 0), zone)
    }

    /// `GMT`, `UT`, `Z`, `EST`…, `+0100`, `-05:00`, `+01`.
    static func zoneOffset(_ token: String) -> Int? {
        // `+0000` / `-05:00`, the usual case, read on bytes.
        let bytes = Array(token.utf8)
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
            guard digits.count == 2 || digits.count == 4, digits.allSatisfy(isDigit) else { return nil }
            let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
            let hours = digits.count == 2 ? value : value / 100, minutes = digits.count == 2 ? 0 : value % 100
            guard hours <= 14, minutes < 60 else { return nil }
            return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let upper = token.uppercased()
        if let hours = namedZones[upper] { return hours * 3600 + (upper == "IST" ? 1800 : 0) }
        if upper.hasPrefix("GMT") || upper.hasPrefix("UTC"), upper.count > 3 { return zoneOffset(String(upper.dropFirst(3))) }
        guard let first = upper.first, first == "+" || first == "-" else { return nil }
        let digits = upper.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), [2, 4].contains(digits.count),
              let value = Int(digits) else { return nil }
        let hours = digits.count == 2 ? value : value / 100, minutes = digits.count == 2 ? 0 : value % 100
        guard hours <= 14, minutes < 60 else { return nil }
        return (first == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// Zone abbreviations feeds use, in hours east of UTC.
    static let namedZones: [String: Int] = [
            "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
            "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
            "AKST": -9, "AKDT": -8, "HST": -10, "JST": 9, "IST": 5, "AEST": 10, "AEDT": 11,
        ]

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let fullMonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                 "october", "november", "december"]
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The month of a lower-case name without dots (`mar`, `march`, `sept`).
    static func monthNumber(_ lower: String) -> Int? {
        guard lower.count >= 3 else { return nil }
        let names = monthNames, full = fullMonthNames
        if let index = names.firstIndex(of: String(lower.prefix(3))),
           lower.count == 3 || full[index].hasPrefix(lower) || lower == "sept" { return index + 1 }
        return nil
    }

    /// True for a lower-case weekday name or its abbreviation (`tue`, `tues`, `tuesday`).
    static func weekday(_ lower: String) -> Bool {
        return lower.count >= 2 && weekdayNames.contains { $0.hasPrefix(lower) }
    }

    static func twoDigitYear(_ value: Int) -> Int { value >= 100 ? value : (value < 50 ? 2000 + value : 1900 + value) }

    static func valid(_ date: FeedDate) -> Bool {
        date.year >= 1900 && date.year <= 2200 && (1...12).contains(date.month)
            && date.day >= 1 && date.day <= FeedDate.daysInMonth(date.year, date.month)
    }

    static func validTime(_ date: FeedDate) -> Bool {
        date.hour < 24 && date.minute < 60 && date.second <= 60
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
