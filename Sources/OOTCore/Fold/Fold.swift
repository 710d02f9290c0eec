import Foundation
import Synchronization

/// The fold stage: applies callbacks not yet applied, in arrival order, to `oot_workflow_job`
/// with the RFC's UpdateItem semantics (spec §4.3), then records a watermark.
///
/// Rules (documented in `docs/ingest.md`):
/// - a field absent from a callback keeps its stored value; `null` never overwrites;
/// - a late `in_progress` never turns a `completed` row back (spec §4.3 allows this guard);
/// - replaying a callback already applied changes nothing, not even the provenance column,
///   so the row does not count as changed;
/// - the extraction rules of ``JobRecord/extract(from:)`` (the same code the endpoint runs), so a
///   rule change followed by ``reindex(_:)`` rebuilds every row from the log.
public enum Fold {
    /// Applies every callback after the watermark.
    ///
    /// - Parameters:
    ///   - db: A writable, migrated database.
    ///   - batchSize: Callbacks per transaction; a killed fold loses at most one batch of work,
    ///     never consistency (rows and watermark commit together).
    /// - Returns: What was applied.
    /// - Throws: ``SQLiteError``.
    public static func run(_ db: SQLiteDatabase, batchSize: Int = 2_000) throws -> FoldSummary {
        var summary = FoldSummary()
        var upserts = UpsertCache(db: db)
        let select = try db.prepare("SELECT id, body FROM callbacks WHERE id > ? ORDER BY id LIMIT ?")
        let markPending = try db.prepare("INSERT OR IGNORE INTO site_pending (dynamoKey) VALUES (?)")
        let recordError = try db.prepare("INSERT OR REPLACE INTO fold_errors (callback_id, error) VALUES (?, ?)")
        let setWatermark = try db.prepare(
            "INSERT INTO fold_state (id, last_callback_id, folded_at) VALUES (1, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET last_callback_id = excluded.last_callback_id, "
                + "folded_at = excluded.folded_at")
        summary.watermark = try watermark(db)
        // The bodies of batch n + 1 are parsed (JSON and extraction, most of a callback's cost) on
        // another thread while batch n is written.
        var rows = try read(select, after: summary.watermark, limit: batchSize)
        var parsing = ParsedBatch(rows.map(\.body))
        while !rows.isEmpty {
            try db.transaction {
                let records = parsing.wait()
                let next =
                    rows.count < batchSize ? [] : try read(select, after: rows[rows.count - 1].id, limit: batchSize)
                parsing = ParsedBatch(next.map(\.body))
                for (row, extracted) in zip(rows, records) {
                    switch extracted {
                    case .success(let record):
                        if try upserts.apply(record, callbackID: row.id) {
                            try markPending.run([.text(record.dynamoKey)])
                            summary.applied += 1
                            summary.changedKeys.insert(record.dynamoKey)
                        } else {
                            summary.unchanged += 1
                        }
                    case .failure(let error):
                        try recordError.run([.integer(row.id), .text(error.description)])
                        summary.failed += 1
                    }
                    summary.watermark = row.id
                }
                try setWatermark.run([.integer(summary.watermark), .text(UTCTimestamp.now.description)])
                rows = next
            }
        }
        return summary
    }

    /// Up to `limit` callbacks after id `watermark`, in arrival order.
    private static func read(_ select: SQLiteStatement, after watermark: Int64, limit: Int) throws(SQLiteError)
        -> [(id: Int64, body: String)]
    {
        select.reset()
        try select.bind([.integer(watermark), .integer(Int64(limit))])
        var rows: [(id: Int64, body: String)] = []
        while try select.step() {
            rows.append((select.column(0).integer ?? 0, select.column(1).text ?? ""))
        }
        select.reset()
        return rows
    }

    /// Rebuilds `oot_workflow_job` from the whole `callbacks` log (after a fold-rule change).
    ///
    /// Runs in one transaction: readers see the old table until the new one is complete.
    ///
    /// - Throws: ``SQLiteError``.
    public static func reindex(_ db: SQLiteDatabase) throws -> FoldSummary {
        try db.transaction {
            try db.execute(
                """
                DELETE FROM oot_workflow_job; DELETE FROM fold_state; DELETE FROM fold_errors;
                DELETE FROM site_pending; DELETE FROM site_backends; DELETE FROM site_backend_prs; DELETE FROM site_daily;
                DELETE FROM site_trunk_commits;
                INSERT OR REPLACE INTO site_state (key, value) VALUES ('force_full', 'reindex');
                DELETE FROM site_state WHERE key = 'reindex_needed';
                """)
        }
        return try run(db, batchSize: Int.max / 2)
    }

    /// The id of the last callback applied (0 when none).
    ///
    /// - Throws: ``SQLiteError``.
    public static func watermark(_ db: SQLiteDatabase) throws(SQLiteError) -> Int64 {
        try db.query("SELECT last_callback_id FROM fold_state WHERE id = 1").first?.first?.integer ?? 0
    }
}

/// One prepared upsert per distinct set of present columns (a callback's shape), reused.
private struct UpsertCache {
    let db: SQLiteDatabase
    var statements: [String: SQLiteStatement] = [:]

    init(db: SQLiteDatabase) { self.db = db }

    /// `INSERT … ON CONFLICT(dynamoKey) DO UPDATE SET` only the columns the record carries,
    /// keeping `completed` over a late `in_progress`, and only when some value differs.
    ///
    /// - Returns: `true` when the row was inserted or changed.
    mutating func apply(_ record: JobRecord, callbackID: Int64) throws(SQLiteError) -> Bool {
        let assignments = record.assignments
        let columns = assignments.map(\.column)
        let key = columns.joined(separator: ",")
        let statement: SQLiteStatement
        if let cached = statements[key] {
            statement = cached
        } else {
            let all = ["dynamoKey"] + columns + ["last_callback_id"]
            let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
            // The value each column would take; status never goes back from completed.
            let newValues = columns.map { column in
                column == "status"
                    ? "CASE WHEN oot_workflow_job.status = 'completed' THEN 'completed' ELSE excluded.status END"
                    : "excluded.\(column)"
            }
            let updates = zip(columns, newValues).map { "\($0) = \($1)" }.joined(separator: ", ")
            let current = columns.map { "oot_workflow_job.\($0)" }.joined(separator: ", ")
            statement = try db.prepare(
                "INSERT INTO oot_workflow_job (\(all.joined(separator: ", "))) VALUES (\(placeholders)) "
                    + "ON CONFLICT(dynamoKey) DO UPDATE SET \(updates), last_callback_id = excluded.last_callback_id "
                    + "WHERE (\(newValues.joined(separator: ", "))) IS NOT (\(current))")
            statements[key] = statement
        }
        try statement.run([.text(record.dynamoKey)] + assignments.map(\.value) + [.integer(callbackID)])
        return db.changes > 0
    }
}

/// The job records of a batch of callback bodies, extracted on a background thread.
///
/// ``wait()`` is called once, by the fold's thread; the result is handed over under a `Mutex`
/// after the semaphore is signalled.
private final class ParsedBatch: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let records = Mutex<[Result<JobRecord, CallbackError>]>([])

    /// Starts extracting `bodies` (relay bodies, UTF-8 JSON) in the background.
    init(_ bodies: [String]) {
        guard !bodies.isEmpty else {
            done.signal()
            return
        }
        DispatchQueue.global().async { [self] in
            let extracted = bodies.map { body in
                Result { () throws(CallbackError) in try JobRecord.extract(fromBody: Data(body.utf8)) }
            }
            records.withLock { $0 = extracted }
            done.signal()
        }
    }

    /// The records, in the order of the bodies, once extracted.
    func wait() -> [Result<JobRecord, CallbackError>] {
        done.wait()
        return records.withLock { $0 }
    }
}
