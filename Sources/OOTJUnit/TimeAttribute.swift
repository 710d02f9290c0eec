#if canImport(Glibc)
    import Glibc
#endif

/// Reads a JUnit `time` attribute as seconds.
///
/// Accepted: `1.5`, `1e0`, `1.7e-05`, surrounding whitespace, thousands separators (`2,503.1`),
/// a decimal comma (`0,160`), and dot-grouped thousands with a decimal comma (`1.234,5`). A value
/// with a single comma and no dot is a decimal comma unless it is exactly `d{1,3},ddd` with a
/// non-zero leading group (`1,234` → 1234 s). Missing, empty, negative,
/// infinite or unreadable values are unknown (`nil`), never 0 and never NaN.
///
/// - Parameter text: The attribute value.
/// - Returns: Seconds, or `nil` when unknown.
public func parseJUnitTime(_ text: String?) -> Double? {
    guard let text else { return nil }
    // Fast path (nearly every report): a plain decimal or scientific number, read on bytes.
    if !text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 <= 0x20 }) {
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        return value
    }
    var s = text.trimmingSpaces
    guard !s.isEmpty else { return nil }
    let commas = s.utf8.filter { $0 == UInt8(ascii: ",") }.count
    if commas > 0 {
        if let comma = s.lastIndex(of: ","), let dot = s.lastIndex(of: "."), dot < comma {
            // `1.234,5`: dots group thousands, the comma is the decimal mark.
            s.removeAll { $0 == "." }
            s = String(s.map { $0 == "," ? "." : $0 })
        } else if s.contains(".") || commas > 1 {
            s.removeAll { $0 == "," }
        } else {
            let parts = s.split(separator: ",", omittingEmptySubsequences: false)
            let isThousands =
                parts[1].count == 3 && (1...3).contains(parts[0].count) && parts[0].first != "0"
                && parts.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
            s = isThousands ? parts.joined() : parts.joined(separator: ".")
        }
    }
    guard let value = Double(s), value.isFinite, value >= 0 else { return nil }
    return value
}

/// ``parseJUnitTime(_:)`` on raw attribute bytes, without building a `String` for the common
/// case (a plain number of at most 63 bytes).
func parseJUnitTime(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let plain = bytes.count < 64 && !bytes.isEmpty && !bytes.contains { $0 == UInt8(ascii: ",") || $0 <= 0x20 }
    guard plain else { return parseJUnitTime(String(decoding: bytes, as: UTF8.self)) }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
        for (i, byte) in bytes.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let value = strtod(buffer.baseAddress!, &end)
        guard let end, end - buffer.baseAddress! == bytes.count, value.isFinite, value >= 0 else { return nil }
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
