import Foundation

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
        while true {
            let done: Bool = try db.transaction {
                select.reset()
                try select.bind([.integer(summary.watermark), .integer(Int64(batchSize))])
                var rows: [(Int64, String)] = []
                while try select.step() {
                    rows.append((select.column(0).integer ?? 0, select.column(1).text ?? ""))
                }
                select.reset()
                for (id, body) in rows {
                    do {
                        let record = try JobRecord.extract(fromBody: Data(body.utf8))
                        if try upserts.apply(record, callbackID: id) {
                            try markPending.run([.text(record.dynamoKey)])
                            summary.applied += 1
                            summary.changedKeys.insert(record.dynamoKey)
                        } else {
                            summary.unchanged += 1
                        }
                    } catch let error as CallbackError {
                        try recordError.run([.integer(id), .text(error.description)])
                        summary.failed += 1
                    }
                    summary.watermark = id
                }
                if !rows.isEmpty {
                    try setWatermark.run([.integer(summary.watermark), .text(UTCTimestamp.now.description)])
                }
                return rows.count < batchSize
            }
            if done { break }
        }
        return summary
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
