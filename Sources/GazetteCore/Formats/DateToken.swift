/// One lexical piece of a written date: a number, a word (lower-cased ASCII) or a punctuation byte.
enum DateToken: Equatable {
    case number(Int, digits: Int)
    case word(String)
    case symbol(UInt8)

    /// Splits `text`; nil for anything a date never contains (non-ASCII, absurdly long numbers).
    /// A parenthesised trailer (`+0000 (UTC)`, an RFC 2822 comment) is dropped.
    static func tokens(_ text: String) -> [DateToken]? {
        var tokens: [DateToken] = []
        var number = 0, digits = 0
        var word: [UInt8] = []
        func flush() {
            if digits > 0 { tokens.append(.number(number, digits: digits)) }
            if !word.isEmpty { tokens.append(.word(String(decoding: word, as: UTF8.self))) }
            number = 0
            digits = 0
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                if !word.isEmpty { flush() }
                guard digits < 18 else { return nil }
                number = number * 10 + Int(byte - 0x30)
                digits += 1
            case 0x41...0x5A, 0x61...0x7A:
                if digits > 0 { flush() }
                guard word.count < 16 else { return nil }
                word.append(byte | 0x20)
            case 0x20, 0x09, 0x0A:
                flush()
            case 0x28:  // "(": an RFC 2822 comment runs to the end
                flush()
                return tokens
            case 0x21...0x7E:
                flush()
                tokens.append(.symbol(byte))
            default:
                return nil
            }
        }
        flush()
        return tokens
    }
}

/// Names used in written dates.
enum DateNames {
    static func month(_ word: String) -> Int? {
        switch word {
        case "jan", "january": 1
        case "feb", "february": 2
        case "mar", "march": 3
        case "apr", "april": 4
        case "may": 5
        case "jun", "june": 6
        case "jul", "july": 7
        case "aug", "august": 8
        case "sep", "sept", "september": 9
        case "oct", "october": 10
        case "nov", "november": 11
        case "dec", "december": 12
        default: nil
        }
    }

    static func isWeekday(_ word: String) -> Bool {
        switch word {
        case "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
            "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday":
            true
        default: false
        }
    }

    /// Offset from UTC in seconds for the zone names RFC 822 and everyday use allow.
    static func zoneOffset(_ word: String) -> Int? {
        switch word {
        case "z", "ut", "utc", "gmt", "wet": 0
        case "est": -5 * 3600
        case "edt": -4 * 3600
        case "cst": -6 * 3600
        case "cdt": -5 * 3600
        case "mst": -7 * 3600
        case "mdt": -6 * 3600
        case "pst": -8 * 3600
        case "pdt": -7 * 3600
        case "bst", "cet", "met", "mez", "west": 3600
        case "cest", "eet", "mest", "mesz", "sast": 2 * 3600
        case "eest", "msk": 3 * 3600
        case "jst", "kst": 9 * 3600
        case "hkt", "sgt", "awst": 8 * 3600
        case "acst": 9 * 3600 + 1800
        case "aest": 10 * 3600
        case "aedt": 11 * 3600
        case "nzst": 12 * 3600
        case "nzdt": 13 * 3600
        case "ast": -4 * 3600
        case "adt": -3 * 3600
        case "nst": -(3 * 3600 + 1800)
        case "ndt": -(2 * 3600 + 1800)
        case "akst": -9 * 3600
        case "akdt": -8 * 3600
        case "hst": -10 * 3600
        default: nil
        }
    }
}
