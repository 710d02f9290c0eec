import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// Upgrading a database written by an older `oot-hud` (schema v7) to v8 (spec §14): the rows it
/// folded survive, the new columns and indexes exist, and `reindex` re-reads the log by today's
/// rules (a push keyed by `payload.after`, not by its delivery id).
@Suite struct SchemaMigrationTests {
    static let pushKey = "acme-silicon/torch-npu/7c9e6679-7425-40de-944b-e07fc1f90ae7/npu-ci/build/61000000201"

    /// A v7 database holding what v7's fold made of a push (the delivery id as its SHA), a
    /// nightly report without `started_at`, and the two callbacks of the push in its log.
    func version7Database() throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: try Fixtures.temporaryDatabase().path, mode: .readWriteCreate)
        try Schema.migrate(db, upTo: 7)
        #expect(try db.query("PRAGMA user_version") == [[.integer(7)]])
        try db.execute(
            """
            INSERT INTO oot_workflow_job (dynamoKey, status, downstream_repo, pr_number, pytorch_head_sha, delivery_id,
                workflow_name, job_name, check_run_id, event_type, conclusion, started_at, completed_at, last_callback_id)
            VALUES ('\(Self.pushKey)', 'completed', 'acme-silicon/torch-npu', 0,
                '7c9e6679-7425-40de-944b-e07fc1f90ae7', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'npu-ci', 'build',
                '61000000201', 'push', 'success', '2026-11-27T10:20:00.000000Z', '2026-11-27T10:41:12.500000Z', 2),
            ('nightly-key', 'completed', 'acme-silicon/torch-npu', 0, 'abc', 'abc', 'npu-nightly', 'cpu-tests', '1',
                'nightly', 'failure', NULL, '2026-11-28T04:10:00.000000Z', 3);
            INSERT INTO site_backends (repo, first_seen, level) VALUES ('acme-silicon/torch-npu', 1, 'L4');
            """)
        let log = try CallbackLog(database: db)
        for name in ["push-in_progress.json", "push-completed.json"] {
            let body = try Fixtures.callback("relay/\(name)")
            try log.append([
                CallbackLog.Entry(body: body, record: try JobRecord.extract(fromBody: body), receivedAt: .now)
            ])
        }
        return db
    }

    @Test func aVersion7DatabaseUpgradesAndKeepsItsRows() throws {
        let db = try version7Database()
        try Schema.migrate(db)
        #expect(try db.query("PRAGMA user_version") == [[.integer(Schema.version)]])
        let nightly = try db.query(
            "SELECT effective_started_at, duration_seconds FROM oot_workflow_job WHERE dynamoKey = 'nightly-key'")
        #expect(nightly == [[.text("2026-11-28T04:10:00.000000Z"), .null]], "a null start reads as the completion")
        #expect(
            try db.query(
                "SELECT round(duration_seconds, 1) FROM oot_workflow_job WHERE dynamoKey = ?", [.text(Self.pushKey)])
                == [[.real(1272.5)]])
        #expect(try db.query("SELECT trunk FROM site_backends") == [[.integer(1)]])
        let state = try db.query("SELECT key FROM site_state ORDER BY key").compactMap { $0.first?.text }
        #expect(state == ["force_full", "reindex_needed", "search_rebuild"])
        #expect(
            try db.query("SELECT count(*) FROM site_daily") == [[.integer(0)]],
            "the rollup counts PR jobs only: neither the push nor the nightly run")
        let plan = try db.query(
            """
            EXPLAIN QUERY PLAN SELECT dynamoKey FROM oot_workflow_job
            WHERE downstream_repo = 'x' AND effective_started_at > '2026'
            """)
        #expect(plan.contains { $0.last?.text?.contains("job_repo_started") == true }, "\(plan)")
    }

    @Test func reindexReadsTheLogByTodaysRulesAndClearsTheNotice() throws {
        let db = try version7Database()
        try Schema.migrate(db)
        _ = try Fold.reindex(db)
        let rows = try db.query(
            "SELECT pytorch_head_sha, push_ref, commit_author FROM oot_workflow_job WHERE dynamoKey = ?",
            [.text(Self.pushKey)])
        #expect(
            rows == [[.text("c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00"), .text("refs/heads/main"), .text("eellison")]])
        #expect(try db.query("SELECT count(*) FROM site_state WHERE key = 'reindex_needed'") == [[.integer(0)]])
    }

    @Test func aNewDatabaseNeedsNoReindex() throws {
        let db = try OOTDatabase.openForWriting(path: try Fixtures.temporaryDatabase().path)
        #expect(try db.query("SELECT count(*) FROM site_state WHERE key = 'reindex_needed'") == [[.integer(0)]])
    }

    /// v9 adds the daily medians and fills them for the days already rolled up: the nearest-rank
    /// median (the ⌈n/2⌉-th smallest) of the day's completed PR jobs that have the value.
    @Test func version9FillsTheDailyMediansOfExistingDays() throws {
        let db = try SQLiteDatabase(path: try Fixtures.temporaryDatabase().path, mode: .readWriteCreate)
        try Schema.migrate(db, upTo: 8)
        // Four PR jobs on one day (durations 60, 600, 120 s and one unknown; queue 5, 50, 500, 9 s),
        // one on the next day, and a push that the PR rollup leaves out.
        let jobs: [(key: String, pr: Int64, queue: Double?, start: String, end: String?)] = [
            ("a", 1, 5, "2026-11-27T10:00:00.000000Z", "2026-11-27T10:01:00.000000Z"),
            ("b", 1, 50, "2026-11-27T11:00:00.000000Z", "2026-11-27T11:10:00.000000Z"),
            ("c", 2, 500, "2026-11-27T12:00:00.000000Z", "2026-11-27T12:02:00.000000Z"),
            ("d", 2, 9, "2026-11-27T13:00:00.000000Z", nil),
            ("e", 3, nil, "2026-11-28T01:00:00.000000Z", "2026-11-28T01:00:30.000000Z"),
            ("f", 0, 1, "2026-11-27T14:00:00.000000Z", "2026-11-27T20:00:00.000000Z"),
        ]
        let insert = try db.prepare(
            """
            INSERT INTO oot_workflow_job (dynamoKey, status, downstream_repo, pr_number, pytorch_head_sha,
                delivery_id, workflow_name, job_name, check_run_id, event_type, conclusion, queue_time, started_at,
                completed_at, last_callback_id)
            VALUES (?1, 'completed', 'acme/npu', ?2, 'sha', ?1, 'ci', 'test', ?1, ?3, 'success', ?4, ?5, ?6, 1)
            """)
        for job in jobs {
            try insert.run([
                .text(job.key), .integer(job.pr), .text(job.pr > 0 ? "pull_request" : "push"),
                job.queue.map { .real($0) } ?? .null, .text(job.start), job.end.map { .text($0) } ?? .null,
            ])
        }
        // The v8 rollup of the first day, without medians.
        try db.execute(
            "INSERT INTO site_daily VALUES ('acme/npu', '2026-11-27', 4, 0, 0, 0, 4, 780, 3, '2026-11-27T13:00:00.000000Z')"
        )
        try Schema.migrate(db)
        let rows = try db.query("SELECT day, total, queue_p50, duration_p50 FROM site_daily ORDER BY day")
        #expect(
            rows == [
                [.text("2026-11-27"), .integer(4), .real(9), .real(120)],
                [.text("2026-11-28"), .integer(1), .null, .real(30)],
            ])
        // The index stage's one-day recomputation gives the same row.
        try db.execute("DELETE FROM site_daily WHERE day = '2026-11-27'")
        try db.prepare(Schema.dailyDay).run([.text("acme/npu"), .text("2026-11-27")])
        #expect(
            try db.query("SELECT total, queue_p50, duration_p50 FROM site_daily WHERE day = '2026-11-27'")
                == [[.integer(4), .real(9), .real(120)]])
    }
}
