/// Reads a JUnit `time` attribute as seconds.
///
/// Accepted: `1.5`, `1e0`, `1.7e-05`, thousands separators (`2,503.1`), and a decimal comma
/// (`0,160`). A value with a single comma is read as a decimal comma unless it is exactly
/// `d{1,3},ddd` with a non-zero leading group (`1,234` → 1234 s). Missing, empty, negative,
/// infinite or unreadable values are unknown (`nil`), never 0 and never NaN.
///
/// - Parameter text: The attribute value.
/// - Returns: Seconds, or `nil` when unknown.
public func parseJUnitTime(_ text: String?) -> Double? {
    guard var s = text?.trimmingSpaces, !s.isEmpty else { return nil }
    let commas = s.filter { $0 == "," }.count
    if commas > 0 {
        if s.contains(".") || commas > 1 {
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

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
