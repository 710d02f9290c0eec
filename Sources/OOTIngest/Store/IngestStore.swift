import Foundation
import OOTCore

/// Owns the ingest database connection. Actor isolation serialises access to the
/// non-`Sendable` SQLite connection from concurrent HTTP handlers.
public actor IngestStore {
    private let log: CallbackLog

    /// Opens (creating if needed) the database at `path` and migrates its schema.
    ///
    /// - Throws: ``SQLiteError`` or ``SchemaError`` (a foreign or newer file is refused, untouched).
    public init(path: String) throws {
        log = try CallbackLog(database: OOTDatabase.openForWriting(path: path))
    }

    /// Appends one accepted callback; returns only after the row is committed.
    ///
    /// - Returns: Its arrival id.
    /// - Throws: ``SQLiteError``.
    public func append(body: Data, record: JobRecord, receivedAt: UTCTimestamp) throws -> Int64 {
        try log.append([CallbackLog.Entry(body: body, record: record, receivedAt: receivedAt)])[0]
    }

    /// How many callbacks are stored.
    ///
    /// - Throws: ``SQLiteError``.
    public func count() throws -> Int64 { try log.count() }
}
