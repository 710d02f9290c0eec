import Foundation

/// An instant in UTC with nanosecond resolution, parsed from the ISO-8601 variants relay
/// producers send and stored in one canonical text form (spec §4.5).
///
/// Canonical form: `YYYY-MM-DDTHH:MM:SS.ffffffZ` (always UTC, always six fractional digits).
/// It is fixed-width, so stored values sort and compare correctly as text in SQLite, and
/// SQLite's own date functions (`julianday`, `unixepoch`) read it.
public struct UTCTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public let nanoseconds: Int64

    /// Creates a timestamp from whole seconds and nanoseconds since the Unix epoch (UTC).
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        let carry = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        self.seconds = seconds + carry
        self.nanoseconds = nanoseconds - carry * 1_000_000_000
    }

    /// Creates a timestamp from a `Date` (microsecond precision).
    public init(_ date: Date) {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded(.down)
        let s = Int64((micros / 1_000_000).rounded(.down))
        self.init(seconds: s, nanoseconds: (Int64(micros) - s * 1_000_000) * 1_000)
    }

    /// The current time.
    public static var now: UTCTimestamp { UTCTimestamp(Date()) }

    /// Seconds since the Unix epoch, as a `Double` (sub-microsecond precision is lost).
    public var timeIntervalSince1970: Double { Double(seconds) + Double(nanoseconds) / 1e9 }

    /// The timestamp moved by `interval` seconds.
    public func adding(seconds interval: Double) -> UTCTimestamp {
        let whole = interval.rounded(.down)
        return UTCTimestamp(seconds: seconds + Int64(whole), nanoseconds: nanoseconds + Int64((interval - whole) * 1e9))
    }

    public static func < (a: UTCTimestamp, b: UTCTimestamp) -> Bool {
        (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }

    /// The canonical text form, for example `2026-06-01T10:15:30.000000Z`.
    public var description: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        // Written digit by digit: `String(format:)` was 8 % of the fold's time per callback.
        var bytes = [UInt8](repeating: 0, count: 27)
        func put(_ value: Int64, _ width: Int, at offset: Int) {
            var v = value < 0 ? -value : value
            for i in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
            }
        }
        guard (0...9999).contains(y) else {
            return String(
                format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%06lldZ",
                y, m, d, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, nanoseconds / 1_000)
        }
        put(y, 4, at: 0)
        bytes[4] = UInt8(ascii: "-")
        put(m, 2, at: 5)
        bytes[7] = UInt8(ascii: "-")
        put(d, 2, at: 8)
        bytes[10] = UInt8(ascii: "T")
        put(secondOfDay / 3600, 2, at: 11)
        bytes[13] = UInt8(ascii: ":")
        put(secondOfDay / 60 % 60, 2, at: 14)
        bytes[16] = UInt8(ascii: ":")
        put(secondOfDay % 60, 2, at: 17)
        bytes[19] = UInt8(ascii: ".")
        put(nanoseconds / 1_000, 6, at: 20)
        bytes[26] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses an ISO-8601 / RFC 3339 timestamp and converts it to UTC.
    ///
    /// Accepted: `2026-06-01T10:15:30Z`, fractional seconds of any length (`.1` to nanoseconds
    /// and beyond, truncated to nanoseconds), a `,` decimal mark, `t`/space as the date-time
    /// separator, offsets `+02:00`, `+0200`, `+02`, `-05:30`, and `Z`/`z`. A timestamp with no
    /// offset is taken as UTC, which is what every relay producer sends.
    ///
    /// - Parameter text: The timestamp as sent.
    /// - Returns: `nil` when the text is not such a timestamp or names an impossible date/time.
    public init?(parsing text: String) {
        var s = Scanner(Array(text.utf8))
        guard let year = s.digits(4), s.take("-"), let month = s.digits(2), s.take("-"), let day = s.digits(2)
        else { return nil }
        guard s.take("T") || s.take("t") || s.take(" ") else { return nil }
        guard let hour = s.digits(2), s.take(":"), let minute = s.digits(2) else { return nil }
        var second: Int64 = 0
        var nanos: Int64 = 0
        if s.take(":") {
            guard let sec = s.digits(2) else { return nil }
            second = sec
            if s.take(".") || s.take(",") {
                var scale: Int64 = 100_000_000
                var count = 0
                while let digit = s.digit() {
                    nanos += digit * scale
                    scale /= 10
                    count += 1
                }
                guard count > 0 else { return nil }
            }
        }
        var offsetSeconds: Int64 = 0
        if s.take("Z") || s.take("z") {
            // UTC
        } else if let sign = s.sign() {
            guard let oh = s.digits(2) else { return nil }
            _ = s.take(":")
            let om = s.digits(2) ?? 0
            guard oh <= 23, om <= 59 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        }
        guard s.atEnd else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        self.init(seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanoseconds: nanos)
    }

    /// Normalizes a timestamp string to the canonical UTC form, or returns `nil` if it is not one.
    public static func normalize(_ text: String) -> String? {
        UTCTimestamp(parsing: text)?.description
    }

    // Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `(year, month 1–12, day 1–31)` of the day `days` after 1970-01-01, in the proleptic
    /// Gregorian calendar (Howard Hinnant's `civil_from_days`).
    public static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
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

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A byte cursor for the timestamp grammar.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ c: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: c) else { return false }
        index += 1
        return true
    }

    mutating func digit() -> Int64? {
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return Int64(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func digits(_ n: Int) -> Int64? {
        var value: Int64 = 0
        for _ in 0..<n {
            guard let d = digit() else { return nil }
            value = value * 10 + d
        }
        return value
    }

    mutating func sign() -> Int64? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}
