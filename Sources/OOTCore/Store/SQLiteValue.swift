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

/// An error reported by SQLite, with enough context to explain itself.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`, ...).
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The database file.
    public let path: String
    /// The statement that failed, when there was one.
    public let sql: String?

    /// Creates an error.
    public init(code: Int32, message: String, path: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.sql = sql
    }

    public var description: String {
        var s = "SQLite error \(code) on \(path): \(message)"
        if let sql { s += " [in: \(sql.prefix(200))]" }
        return s
    }
}
