#if canImport(Glibc)
    import Glibc
#endif

/// Reads a JUnit `time` attribute as seconds.
///
/// Accepted: `1.5`, `1e0`, `1.7e-05`, surrounding whitespace, thousands separators (`2,503.1`),
/// a decimal comma (`0,160`), and dot-grouped thousands with a decimal comma (`1.234,5`). A value
/// with a single comma and no dot is a decimal comma unless it is exactly `d{1,3},ddd` with a
/// non-zero leading group (`1,234` → 1234 s): read alone, that form is ambiguous, and the parser
/// reads it as a decimal comma when the report writes decimal commas elsewhere
/// (``JUnitTime/Comma/ambiguous``). Missing, empty, negative, infinite or unreadable values are
/// unknown (`nil`), never 0 and never NaN.
///
/// - Parameter text: The attribute value.
/// - Returns: Seconds, or `nil` when unknown.
public func parseJUnitTime(_ text: String?) -> Double? {
    guard let text else { return nil }
    return JUnitTime(text).seconds
}

/// A `time` attribute read as seconds, with what its comma said about the report's decimal mark.
struct JUnitTime {
    /// What a comma in the value meant.
    enum Comma {
        /// No comma, or commas that group thousands beside a decimal point (`2,503.1`).
        case none
        /// A decimal comma beyond doubt (`0,160`, `1,5`, `1.234,5`): the report's times are written
        /// in a locale with a decimal comma.
        case decimal
        /// `d{1,3},ddd` (`12,000`, `1,234`): thousands (the value read) or a decimal comma (a
        /// thousandth of it), decided by the rest of the report.
        case ambiguous
    }

    /// Seconds; `nil` when unknown.
    var seconds: Double?
    /// What the value's comma said.
    var comma: Comma = .none

    /// Reads `text`.
    init(_ text: String) {
        // Fast path (nearly every report): a plain decimal or scientific number, read on bytes.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 <= 0x20 }) {
            seconds = Self.nonNegative(Double(text))
            return
        }
        var s = text.trimmingSpaces
        guard !s.isEmpty else { return }
        let commas = s.utf8.filter { $0 == UInt8(ascii: ",") }.count
        if commas > 0 {
            if let comma = s.lastIndex(of: ","), let dot = s.lastIndex(of: "."), dot < comma {
                // `1.234,5`: dots group thousands, the comma is the decimal mark.
                s.removeAll { $0 == "." }
                s = String(s.map { $0 == "," ? "." : $0 })
                self.comma = .decimal
            } else if s.contains(".") || commas > 1 {
                s.removeAll { $0 == "," }
            } else {
                let parts = s.split(separator: ",", omittingEmptySubsequences: false)
                let isThousands =
                    parts[1].count == 3 && (1...3).contains(parts[0].count) && parts[0].first != "0"
                    && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
                s = isThousands ? parts.joined() : parts.joined(separator: ".")
                self.comma = isThousands ? .ambiguous : .decimal
            }
        }
        seconds = Self.nonNegative(Double(s))
        if seconds == nil { self.comma = .none }
    }

    /// Reads raw attribute bytes, without building a `String` for the common case (a plain
    /// number of at most 63 bytes).
    init(bytes: UnsafeBufferPointer<UInt8>) {
        let plain = bytes.count < 64 && !bytes.isEmpty && !bytes.contains { $0 == UInt8(ascii: ",") || $0 <= 0x20 }
        guard plain else {
            self.init(String(decoding: bytes, as: UTF8.self))
            return
        }
        self.init(seconds: Self.plainNumber(bytes))
    }

    private init(seconds: Double?) { self.seconds = seconds }

    /// `strtod` on a plain number of at most 63 bytes; `nil` unless it is all number.
    private static func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
            for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == bytes.count else { return nil }
            return Self.nonNegative(value)
        }
    }

    private static func nonNegative(_ value: Double?) -> Double? {
        guard let value, value.isFinite, value >= 0 else { return nil }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// The string without leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT).
    var trimmingSpaces: String {
        let utf8 = self.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}
