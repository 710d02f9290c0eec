import CSQLite3
import Foundation

/// One connection to a SQLite database file: a thin wrapper over `sqlite3*`.
///
/// Not `Sendable` on purpose: confine a connection to one task or actor. Errors carry the file
/// path and the statement (``SQLiteError``).
public final class SQLiteDatabase {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Read-write; the file is created when missing.
        case readWriteCreate
        /// Read-write; the file must exist.
        case readWrite
        /// Read-only, for the build's query stage (saved queries can then never write).
        case readOnly
    }

    let handle: OpaquePointer
    /// The path the connection was opened with.
    public let path: String

    /// Opens `path`.
    ///
    /// - Parameters:
    ///   - path: A file path, or `":memory:"`.
    ///   - mode: How to open it.
    ///   - busyTimeout: How long a statement waits for another connection's lock, in milliseconds.
    /// - Throws: ``SQLiteError`` when the file cannot be opened, or is not a SQLite database.
    public init(path: String, mode: Mode = .readWriteCreate, busyTimeout: Int32 = 5_000) throws(SQLiteError) {
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            var message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            if rc == SQLITE_CANTOPEN && mode != .readWriteCreate && !FileManager.default.fileExists(atPath: path) {
                message = "no such file"
            }
            throw SQLiteError(code: rc, message: message, path: path)
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeout)
        // A file that is not a database only fails on first read: check now, with the path.
        if path != ":memory:" {
            do {
                try execute("SELECT count(*) FROM sqlite_schema")
            } catch let error where error.primaryCode == .notADatabase || error.primaryCode == .corrupt {
                // Said in the user's terms; the file was only read.
                throw SQLiteError(
                    code: error.code,
                    message: error.primaryCode == .notADatabase
                        ? "file is not a database (it holds something other than SQLite data); nothing was changed"
                        : "the database file is damaged (\(error.message)); nothing was changed: restore it from a backup",
                    path: path)
            }
        }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more `;`-separated statements that return no rows.
    ///
    /// - Throws: ``SQLiteError``.
    public func execute(_ sql: String) throws(SQLiteError) {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(err)
            throw SQLiteError(code: rc, message: message, path: path, sql: sql)
        }
    }

    /// Compiles one statement.
    ///
    /// - Throws: ``SQLiteError`` when the SQL does not compile.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(code: rc, sql: sql) }
        return SQLiteStatement(database: self, handle: stmt, sql: sql)
    }

    /// Runs one statement with positional `?` bindings and returns all its rows.
    ///
    /// - Throws: ``SQLiteError``.
    @discardableResult
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        var rows: [[SQLiteValue]] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    ///
    /// - Throws: what `body` throws, or ``SQLiteError`` from BEGIN/COMMIT.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Row id of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT/UPDATE/DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    func error(code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(
            code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), path: path,
            sql: sql)
    }
}

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
