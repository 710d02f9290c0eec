import CSQLite3

/// A SQLite primary result code, by name (<https://sqlite.org/rescode.html>).
///
/// SQLite reports extended codes (``SQLiteError/code``); their low 8 bits are one of these, which
/// is what callers branch on: `error.primaryCode == .full`, never `code & 0xFF == 13`. The values
/// come from `sqlite3.h`, so the numbers are written nowhere else.
public struct SQLiteResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The numeric primary code (0 to 255).
    public let rawValue: Int32

    /// Wraps a primary code number.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `SQLITE_BUSY`: another connection holds the lock this one needs, past the busy timeout.
    public static let busy = SQLiteResultCode(rawValue: SQLITE_BUSY)
    /// `SQLITE_LOCKED`: a table is locked by this same connection (a conflicting statement).
    public static let locked = SQLiteResultCode(rawValue: SQLITE_LOCKED)
    /// `SQLITE_READONLY`: a write on a read-only connection or file.
    public static let readOnly = SQLiteResultCode(rawValue: SQLITE_READONLY)
    /// `SQLITE_IOERR`: the operating system reported an I/O error.
    public static let ioError = SQLiteResultCode(rawValue: SQLITE_IOERR)
    /// `SQLITE_CORRUPT`: the database file is damaged.
    public static let corrupt = SQLiteResultCode(rawValue: SQLITE_CORRUPT)
    /// `SQLITE_FULL`: the disk is full, or the database reached `PRAGMA max_page_count`.
    public static let full = SQLiteResultCode(rawValue: SQLITE_FULL)
    /// `SQLITE_CANTOPEN`: the file cannot be opened (missing, or a directory is not writable).
    public static let cantOpen = SQLiteResultCode(rawValue: SQLITE_CANTOPEN)
    /// `SQLITE_CONSTRAINT`: a constraint or trigger refused the change (the append-only log's triggers).
    public static let constraint = SQLiteResultCode(rawValue: SQLITE_CONSTRAINT)
    /// `SQLITE_NOTADB`: the file holds something other than a SQLite database.
    public static let notADatabase = SQLiteResultCode(rawValue: SQLITE_NOTADB)

    static let names: [SQLiteResultCode: String] = [
        .busy: "SQLITE_BUSY", .locked: "SQLITE_LOCKED", .readOnly: "SQLITE_READONLY", .ioError: "SQLITE_IOERR",
        .corrupt: "SQLITE_CORRUPT", .full: "SQLITE_FULL", .cantOpen: "SQLITE_CANTOPEN",
        .constraint: "SQLITE_CONSTRAINT", .notADatabase: "SQLITE_NOTADB",
    ]

    /// The C name (`SQLITE_FULL`), or `SQLite result code <n>` for a code not named here.
    public var description: String { Self.names[self] ?? "SQLite result code \(rawValue)" }
}
