import Foundation

/// The append-only `callbacks` table: every accepted relay body, verbatim, with its receive time.
///
/// It is the source of truth: `oot_workflow_job` is derived from it by ``Fold``. Not `Sendable`,
/// like its ``SQLiteDatabase``: use an instance from one thread at a time. (The ingest server's
/// `IngestStore` keeps its one instance in a `Mutex` and uses it on its serial writer queue only;
/// `oot-hud ingest` uses one on the main thread.)
public final class CallbackLog {
    /// One accepted callback, ready to append.
    public struct Entry: Sendable {
        /// The raw body, exactly as received.
        public var body: Data
        /// Its extracted record (for the indexed columns and the reply's `dynamoKey`).
        public var record: JobRecord
        /// When we received it.
        public var receivedAt: UTCTimestamp

        /// Creates an entry.
        public init(body: Data, record: JobRecord, receivedAt: UTCTimestamp) {
            self.body = body
            self.record = record
            self.receivedAt = receivedAt
        }
    }

    /// The connection the log writes through.
    public let database: SQLiteDatabase
    private let insert: SQLiteStatement

    /// Wraps an open, migrated database (see ``OOTDatabase/openForWriting(path:)``).
    ///
    /// - Throws: ``SQLiteError``.
    public init(database: SQLiteDatabase) throws(SQLiteError) {
        self.database = database
        insert = try database.prepare(
            "INSERT INTO callbacks (received_at, verified_repo, dynamoKey, status, body) VALUES (?, ?, ?, ?, ?)")
    }

    /// Appends `entries` in one transaction, in order.
    ///
    /// - Returns: The row ids (arrival order) assigned to each entry.
    /// - Throws: ``SQLiteError``; on error nothing of the batch is kept.
    @discardableResult
    public func append(_ entries: [Entry]) throws -> [Int64] {
        try database.transaction {
            var ids: [Int64] = []
            ids.reserveCapacity(entries.count)
            for entry in entries {
                try insert.run([
                    .text(entry.receivedAt.description), .text(entry.record.downstreamRepo),
                    .text(entry.record.dynamoKey), .text(entry.record.status),
                    .text(String(decoding: entry.body, as: UTF8.self)),
                ])
                ids.append(database.lastInsertRowID)
            }
            return ids
        }
    }

    /// How many callbacks the log holds.
    ///
    /// - Throws: ``SQLiteError``.
    public func count() throws(SQLiteError) -> Int64 {
        try database.query("SELECT count(*) FROM callbacks").first?.first?.integer ?? 0
    }
}
