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
