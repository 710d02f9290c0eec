/// A value bound to, or read from, SQLite.
public enum SQLiteValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value as text (`.text` only).
    public var text: String? { if case .text(let s) = self { s } else { nil } }

    /// The value as an integer (`.integer`, or a `.real` with no fraction).
    public var integer: Int64? {
        switch self {
        case .integer(let i): i
        case .real(let d) where d.rounded() == d: Int64(d)
        default: nil
        }
    }

    /// The value as a double (`.integer` or `.real`).
    public var double: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .real(let d): d
        default: nil
        }
    }

    /// `true` for SQL `NULL`.
    public var isNull: Bool { self == .null }
}
