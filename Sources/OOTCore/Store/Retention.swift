/// `oot-hud prune`: removes jobs whose latest activity is older than a cutoff, with everything
/// only they fed: their callbacks, JUnit reports and testcases, page paths, and the PR and
/// backend bookkeeping left empty.
///
/// Asks the next build to be full, so it removes the pages that only the pruned data fed and
/// every summary and history view is consistent again.
public enum Retention {
    /// What a prune removed.
    public struct Summary: Sendable, Equatable {
        /// Rows removed from `oot_workflow_job`.
        public var jobs = 0
        /// Rows removed from `callbacks`.
        public var callbacks = 0
        /// Rows removed from `junit_reports`.
        public var reports = 0
        /// Rows removed from `junit_testcases`.
        public var testcases = 0
        /// (backend, PR) pairs left without any job.
        public var prs = 0

        /// An empty summary.
        public init() {}
    }

    /// Removes every job whose latest `started_at`/`completed_at` is before `cutoff` (UTC), in one
    /// transaction.
    ///
    /// Callbacks not yet folded are never removed.
    ///
    /// - Throws: ``SQLiteError``; on error nothing is removed.
    public static func prune(_ db: SQLiteDatabase, before cutoff: UTCTimestamp) throws -> Summary {
        try db.transaction {
            var summary = Summary()
            let watermark = try Fold.watermark(db)
            try db.execute("DROP TABLE IF EXISTS temp.doomed")
            try db.execute("CREATE TEMP TABLE doomed (dynamoKey TEXT PRIMARY KEY) WITHOUT ROWID")
            let select = try db.prepare(
                """
                INSERT INTO temp.doomed (dynamoKey)
                SELECT dynamoKey FROM oot_workflow_job
                WHERE max(coalesce(started_at, ''), coalesce(completed_at, '')) < ?
                """)
            try select.run([.text(cutoff.description)])
            func delete(_ sql: String, _ values: [SQLiteValue] = []) throws -> Int {
                try db.prepare(sql).run(values)
                return Int(try db.query("SELECT changes()").first?.first?.integer ?? 0)
            }
            summary.testcases = try delete(
                "DELETE FROM junit_testcases WHERE dynamoKey IN (SELECT dynamoKey FROM temp.doomed)")
            summary.reports = try delete(
                "DELETE FROM junit_reports WHERE dynamoKey IN (SELECT dynamoKey FROM temp.doomed)")
            summary.callbacks = try delete(
                "DELETE FROM callbacks WHERE id <= ? AND dynamoKey IN (SELECT dynamoKey FROM temp.doomed)",
                [.integer(watermark)])
            _ = try delete("DELETE FROM fold_errors WHERE callback_id NOT IN (SELECT id FROM callbacks)")
            _ = try delete("DELETE FROM site_paths WHERE key IN (SELECT 'job:' || dynamoKey FROM temp.doomed)")
            _ = try delete("DELETE FROM site_pending WHERE dynamoKey IN (SELECT dynamoKey FROM temp.doomed)")
            summary.jobs = try delete(
                "DELETE FROM oot_workflow_job WHERE dynamoKey IN (SELECT dynamoKey FROM temp.doomed)")
            summary.prs = try delete(
                """
                DELETE FROM site_backend_prs WHERE NOT EXISTS (
                    SELECT 1 FROM oot_workflow_job j WHERE j.downstream_repo = site_backend_prs.repo
                      AND j.pr_number = site_backend_prs.pr_number)
                """)
            _ = try delete(
                """
                DELETE FROM site_trunk_commits WHERE NOT EXISTS (
                    SELECT 1 FROM oot_workflow_job j INDEXED BY job_trunk_sha
                    WHERE j.pytorch_head_sha = site_trunk_commits.sha AND j.event_type IN ('nightly', 'periodic', 'push'))
                """)
            // A kept commit's first run may have been pruned: its row moves to its earliest kept run.
            _ = try delete(
                """
                UPDATE site_trunk_commits SET first_run = (
                    SELECT min(coalesce(j.effective_started_at, '')) FROM oot_workflow_job j INDEXED BY job_trunk_sha
                    WHERE j.pytorch_head_sha = site_trunk_commits.sha AND j.event_type IN ('nightly', 'periodic', 'push'))
                """)
            _ = try delete(
                "DELETE FROM site_backends WHERE NOT EXISTS (SELECT 1 FROM oot_workflow_job j WHERE j.downstream_repo = site_backends.repo)"
            )
            try db.execute("DROP TABLE temp.doomed")
            if summary.jobs > 0 {
                try db.execute(Schema.rebuildDaily)
                try db.execute("INSERT OR REPLACE INTO site_state (key, value) VALUES ('force_full', 'prune')")
            }
            return summary
        }
    }
}
