import Testing
@testable import GazetteCore

@Suite struct DateParserTests {
    /// Seconds since 1970 for a UTC time, computed independently of the parser.
    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
        var days = 0
        for year in 1970..<y { days += (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365 }
        let lengths = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for month in 0..<(m - 1) { days += lengths[month] }
        days += d - 1
        return Int64(days * 86_400 + h * 3600 + mi * 60 + s)
    }

    @Test(arguments: [
        ("2025-01-21", 2025, 1, 21, utc(2025, 1, 21)),
        ("2025-01-21T09:30:00Z", 2025, 1, 21, utc(2025, 1, 21, 9, 30)),
        ("2025-01-21T09:30:00+02:00", 2025, 1, 21, utc(2025, 1, 21, 7, 30)),
        ("2025-01-21T01:30:00-0500", 2025, 1, 21, utc(2025, 1, 21, 6, 30)),
        ("2025-01-21 09:30", 2025, 1, 21, utc(2025, 1, 21, 9, 30)),
        ("2025-01-21T09:30:00.250Z", 2025, 1, 21, utc(2025, 1, 21, 9, 30)),
        ("January 21, 2025", 2025, 1, 21, utc(2025, 1, 21)),
        ("21 January 2025", 2025, 1, 21, utc(2025, 1, 21)),
        ("Jan 21, 2025", 2025, 1, 21, utc(2025, 1, 21)),
        ("Jan. 21, 2025", 2025, 1, 21, utc(2025, 1, 21)),
        ("September 3rd, 1999", 1999, 9, 3, utc(1999, 9, 3)),
        ("Tue, 21 Jan 2025 09:30:00 +0000", 2025, 1, 21, utc(2025, 1, 21, 9, 30)),
        ("Tue, 21 Jan 2025 09:30:00 +0000 (UTC)", 2025, 1, 21, utc(2025, 1, 21, 9, 30)),
        ("27 Apr 1993 21:20 UT", 1993, 4, 27, utc(1993, 4, 27, 21, 20)),
        ("Tue, 27 Apr 93 21:20:05 GMT", 1993, 4, 27, utc(1993, 4, 27, 21, 20, 5)),
        ("Mon, 1 Mar 2010 23:00:00 EST", 2010, 3, 1, utc(2010, 3, 2, 4)),
        ("1 Mar 2010 10:00 PDT", 2010, 3, 1, utc(2010, 3, 1, 17)),
        ("2017/2/7", 2017, 2, 7, utc(2017, 2, 7)),
        ("26-FEB-1987 15:18:06.67", 1987, 2, 26, utc(1987, 2, 26, 15, 18, 6)),
        ("  february 29, 2024  ", 2024, 2, 29, utc(2024, 2, 29)),
        ("January 21, 2025 9:30 pm", 2025, 1, 21, utc(2025, 1, 21, 21, 30)),
        // asctime, as Unix mailers and mbox envelopes write it.
        ("Tue Jun  3 10:22:01 2003", 2003, 6, 3, utc(2003, 6, 3, 10, 22, 1)),
        ("Wed Jun 11 12:00:00 CEST 2003", 2003, 6, 11, utc(2003, 6, 11, 10)),
        ("Fri Jan 08 09:00:00 +0100 2021", 2021, 1, 8, utc(2021, 1, 8, 8)),
        // Old Unix `date` with summer time as a second word, and offsets written after GMT/UTC.
        ("Fri Sep 13 13:45:12 MET DST 1996", 1996, 9, 13, utc(1996, 9, 13, 11, 45, 12)),
        ("Sat, 01 Jan 2000 10:00:00 GMT+1", 2000, 1, 1, utc(2000, 1, 1, 9)),
        ("Sat, 01 Jan 2000 10:00:00 GMT+0130", 2000, 1, 1, utc(2000, 1, 1, 8, 30)),
        ("Sat, 01 Jan 2000 10:00:00 UTC-05:00", 2000, 1, 1, utc(2000, 1, 1, 15)),
        ("Mon, 3 Mar 2003 10:00:00 MEZ", 2003, 3, 3, utc(2003, 3, 3, 9)),
        ("Tue, 4 Mar 2003 10:00:00 AEDT", 2003, 3, 4, utc(2003, 3, 3, 23)),
        ("Tue, 4 Mar 2003 10:00:00 NST", 2003, 3, 4, utc(2003, 3, 4, 13, 30)),
    ])
    func parsesEveryForm(_ text: String, _ year: Int, _ month: Int, _ day: Int, _ instant: Int64) throws {
        let date = try #require(DateParser.parse(text), "\(text)")
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.instant == instant)
    }

    @Test func dayIsAsWrittenEvenWhenTheOffsetCrossesMidnight() throws {
        let date = try #require(DateParser.parse("2025-01-21T23:30:00-05:00"))
        #expect(date.isoDay == "2025-01-21")
        #expect(date.instant == Self.utc(2025, 1, 22, 4, 30))
    }

    @Test(arguments: [
        "", "   ", "yesterday", "2025-02-30", "February 30, 2025", "2023-02-29", "31 April 2020",
        "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-21T25:00:00Z", "2025-01-21T10:60Z",
        "2025-01-21T10:00:00+99:00", "Jan 2025", "21 Foo 2025", "2025-01-21 garbage", "2025/01-21",
        "Tue, 21 Jan 2025 09:30:00 XYZ", "12345-01-01", "21 January 202", "Ｊａｎ 21, 2025",
        "26-FEB/1987", "2025-1", "99999999999999999999", "Tue Jun  3 10:22:01", "Tue Jun 3 10:22:01 03", "Jun 3 10:22 2003 extra",
    ])
    func rejectsInvalidDates(_ text: String) {
        #expect(DateParser.parse(text) == nil, "\(text)")
    }
}
