import Foundation
import Testing

@testable import OOTCore

/// Timestamp normalization to canonical UTC (spec §4.5).
@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-06-01T10:15:30Z", "2026-06-01T10:15:30.000000Z"),
        ("2026-06-01T10:15:30.123456Z", "2026-06-01T10:15:30.123456Z"),
        ("2026-06-01T10:15:30.123456789Z", "2026-06-01T10:15:30.123456Z"),
        ("2026-06-01T10:15:30.1Z", "2026-06-01T10:15:30.100000Z"),
        ("2026-06-01T12:15:30+02:00", "2026-06-01T10:15:30.000000Z"),
        ("2026-06-01T05:45:30-0430", "2026-06-01T10:15:30.000000Z"),
        ("2026-06-01 10:15:30,5+00", "2026-06-01T10:15:30.500000Z"),
        ("2026-06-01T10:15:30", "2026-06-01T10:15:30.000000Z"),
        ("2026-01-01T01:00:00+02:00", "2025-12-31T23:00:00.000000Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000000Z"),
    ])
    func normalizesToUTC(input: String, expected: String) {
        #expect(UTCTimestamp.normalize(input) == expected)
    }

    @Test(arguments: [
        "", "yesterday", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-06-01T24:00:00Z",
        "2026-06-01T10:15:30Zjunk", "2026-06-01", "1717236930",
    ])
    func rejectsNonTimestamps(input: String) {
        #expect(UTCTimestamp.normalize(input) == nil)
    }

    @Test func roundTripsEpochSeconds() {
        let t = UTCTimestamp(seconds: 1_780_308_930, nanoseconds: 5_000)
        #expect(t.description == "2026-06-01T10:15:30.000005Z")
        #expect(UTCTimestamp(parsing: t.description) == t)
        #expect(UTCTimestamp(seconds: -1).description == "1969-12-31T23:59:59.000000Z")
    }

    @Test(arguments: [Int64(0), 1, 86_399, 951_782_400, 1_795_998_479, 253_402_300_799, -1, -62_135_596_800])
    func canonicalTextMatchesThePrintfForm(seconds: Int64) {
        for nanoseconds: Int64 in [0, 1_000, 123_456_789, 999_999_999] {
            let t = UTCTimestamp(seconds: seconds, nanoseconds: nanoseconds)
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let s = seconds - days * 86_400
            let (y, m, d) = UTCTimestamp.civil(fromDays: days)
            let expected = String(
                format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lldZ", y, m, d, s / 3600, s / 60 % 60, s % 60,
                nanoseconds / 1_000)
            #expect(t.description == expected)
            #expect(UTCTimestamp(parsing: t.description)?.seconds == seconds)
        }
    }
}
