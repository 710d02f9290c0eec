/// An error reported by SQLite, with enough context to explain itself.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_CONSTRAINT_UNIQUE`, ...); compare
    /// ``primaryCode`` with a ``SQLiteResultCode`` name rather than this number.
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

    /// The primary result code: the low 8 bits of the extended ``code`` (`SQLITE_BUSY_SNAPSHOT` is
    /// ``SQLiteResultCode/busy``).
    public var primaryCode: SQLiteResultCode { SQLiteResultCode(rawValue: code & 0xFF) }

    public var description: String {
        var s = "SQLite error \(code) on \(path): \(message)"
        if let sql { s += " [in: \(sql.prefix(200))]" }
        return s
    }
}
