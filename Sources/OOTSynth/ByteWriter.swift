import Foundation
import OOTCore

/// An append-only UTF-8 byte buffer with the few encoders the generator needs.
///
/// JSON strings, XML text and attributes, integers, fixed-point decimals and timestamps. Bodies
/// and reports are built with it directly, without `JSONSerialization` or string interpolation
/// per field.
struct ByteWriter: Sendable {
    /// The bytes written so far.
    var bytes: [UInt8]

    /// Creates an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Number of bytes written.
    var count: Int { bytes.count }

    /// Appends raw bytes (already encoded).
    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    /// Appends a literal verbatim (no escaping).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a string verbatim (no escaping).
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends a decimal integer.
    mutating func int<I: BinaryInteger>(_ value: I) {
        var v = Int64(value)
        if v < 0 {
            bytes.append(UInt8(ascii: "-"))
            v = -v
        }
        if v < 10 {
            bytes.append(UInt8(truncatingIfNeeded: v) + 48)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, no allocation
        var n = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            while v > 0 {
                scratch[n] = UInt8(truncatingIfNeeded: v % 10) + 48
                v /= 10
                n += 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(scratch[i]) }
        }
    }

    /// Appends `value` with exactly `digits` zero-padded digits, like `07`.
    mutating func padded(_ value: Int64, digits: Int) {
        var divisor: Int64 = 1
        for _ in 1..<digits { divisor *= 10 }
        var v = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: v / divisor) + 48)
            v %= divisor
            divisor /= 10
        }
    }

    /// Appends `thousandths / 1000` with three decimals, like `12.345` (`thousandths ≥ 0`).
    mutating func milli(_ thousandths: Int64) {
        int(thousandths / 1000)
        bytes.append(UInt8(ascii: "."))
        padded(thousandths % 1000, digits: 3)
    }

    /// Appends a UTC timestamp given in microseconds since the epoch, in the relay's form
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` (the same text ``UTCTimestamp/description`` produces).
    mutating func timestamp(micros: Int64, offsetSuffix: Bool = false) {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = UTCTimestamp.civil(fromDays: days)
        padded(y, digits: 4)
        bytes.append(UInt8(ascii: "-"))
        padded(m, digits: 2)
        bytes.append(UInt8(ascii: "-"))
        padded(d, digits: 2)
        bytes.append(UInt8(ascii: "T"))
        padded(secondOfDay / 3600, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        padded(secondOfDay / 60 % 60, digits: 2)
        bytes.append(UInt8(ascii: ":"))
        padded(secondOfDay % 60, digits: 2)
        bytes.append(UInt8(ascii: "."))
        padded(fraction, digits: 6)
        if offsetSuffix { raw("+00:00") } else { bytes.append(UInt8(ascii: "Z")) }
    }

    /// Appends `text` as a quoted JSON string: `"` `\` and control characters escaped
    /// (`\n`, `\t`, `\uXXXX`), everything else (UTF-8 included) verbatim.
    mutating func jsonString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 15)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaped for XML character data (`&`, `<`, `>`).
    mutating func xmlText(_ text: String) { bytes.append(contentsOf: Escape.xmlText(text)) }

    /// Appends `text` escaped for a double-quoted XML attribute (also `"`, TAB, LF, CR).
    mutating func xmlAttribute(_ text: String) { bytes.append(contentsOf: Escape.xmlAttribute(text)) }

    /// Appends a JSON value (objects with sorted keys, so the output is deterministic).
    mutating func json(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .integer(let i): int(i)
        case .double(let d):
            if d.isFinite { raw("\(d)") } else { raw("null") }
        case .string(let s): jsonString(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                json(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                jsonString(key)
                bytes.append(UInt8(ascii: ":"))
                json(members[key]!)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}

/// XML escaping to byte arrays, for text prepared once and written many times.
enum Escape {
    /// `text` escaped for XML character data (`&amp;`, `&lt;`, `&gt;`).
    static func xmlText(_ text: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }

    /// `text` escaped for a double-quoted XML attribute value; TAB, LF and CR become character
    /// references so they survive attribute-value normalization.
    static func xmlAttribute(_ text: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }
}

/// Calendar helpers for file layout (the day arithmetic is ``UTCTimestamp/civil(fromDays:)``).
enum Civil {
    /// `YYYY-MM` of an instant given in microseconds since the epoch (UTC).
    static func yearMonth(micros: Int64) -> String {
        let days = micros >= 0 ? micros / 86_400_000_000 : (micros - 86_399_999_999) / 86_400_000_000
        let (y, m, _) = UTCTimestamp.civil(fromDays: days)
        var b = ByteWriter(capacity: 7)
        b.padded(y, digits: 4)
        b.raw("-")
        b.padded(m, digits: 2)
        return String(decoding: b.bytes, as: UTF8.self)
    }
}

extension UTCTimestamp {
    /// Microseconds since the Unix epoch (nanoseconds truncated).
    var micros: Int64 { seconds * 1_000_000 + nanoseconds / 1_000 }

    /// The instant `micros` microseconds after the Unix epoch.
    init(micros: Int64) {
        let s = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        self.init(seconds: s, nanoseconds: (micros - s * 1_000_000) * 1_000)
    }
}
