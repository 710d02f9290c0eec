import CSQLite3
import Foundation

/// A compiled statement of a ``SQLiteDatabase``.
///
/// Reusable: ``reset()`` then bind again.
public final class SQLiteStatement {
    let database: SQLiteDatabase
    let handle: OpaquePointer
    /// The statement's SQL.
    public let sql: String

    init(database: SQLiteDatabase, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// `true` when the statement cannot change the database (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// The names of the result columns.
    public var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// The names of the statement's parameters in order (`:name`, `@name`, `$name`, or `nil` for `?`).
    public var parameterNames: [String?] {
        let count = sqlite3_bind_parameter_count(handle)
        guard count > 0 else { return [] }
        return (1...count).map { sqlite3_bind_parameter_name(handle, $0).map { String(cString: $0) } }
    }

    /// Clears bindings and rewinds the statement.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds positional values, starting at parameter 1.
    ///
    /// - Throws: ``SQLiteError``.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        for (i, value) in values.enumerated() {
            try bind(value, at: Int32(i + 1))
        }
    }

    /// Binds `value` to the named parameter (`:days`); parameters not in the statement are an error.
    ///
    /// - Throws: ``SQLiteError``.
    public func bind(_ value: SQLiteValue, named name: String) throws(SQLiteError) {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(code: SQLITE_RANGE, message: "no parameter \(name)", path: database.path, sql: sql)
        }
        try bind(value, at: index)
    }

    /// Binds `value` to the 1-based parameter `index`.
    ///
    /// - Throws: ``SQLiteError``.
    public func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        // Swift's String → char* bridge is temporary, so SQLite must copy: SQLITE_TRANSIENT. The
        // explicit byte length keeps text with an embedded NUL (a JSON "\u0000") whole.
        case .text(let v):
            rc = v.withCString { sqlite3_bind_text(handle, index, $0, Int32(v.utf8.count), csqlite3_transient()) }
        case .blob(let v):
            rc = v.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite3_transient())
            }
        }
        guard rc == SQLITE_OK else { throw database.error(code: rc, sql: sql) }
    }

    /// Advances to the next row.
    ///
    /// - Returns: `true` when a row is available, `false` when the statement is done.
    /// - Throws: ``SQLiteError``.
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code: rc, sql: sql)
        }
    }

    /// Runs the statement to completion, ignoring rows; then resets it.
    ///
    /// - Throws: ``SQLiteError``.
    public func run(_ values: [SQLiteValue] = []) throws(SQLiteError) {
        reset()
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// The current row's values.
    public func row() -> [SQLiteValue] {
        (0..<sqlite3_column_count(handle)).map { column($0) }
    }

    /// The current row's value in column `i` (0-based).
    public func column(_ i: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_TEXT:
            guard let p = sqlite3_column_text(handle, i) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, i))
            return .text(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let p = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: count)))
        default: return .null
        }
    }
}
