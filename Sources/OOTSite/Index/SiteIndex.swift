import OOTCore

/// The build's index stage: folds `site_pending` into the bookkeeping tables (`site_backends`,
/// `site_backend_prs`, `site_trunk_commits`, `site_paths`, the `site_daily` rollup) in one transaction and returns the
/// ``ChangeSet``.
///
/// Cost follows the number of pending jobs, not the size of the history: every statement is an
/// index lookup by key.
enum SiteIndex {
    /// Updates the bookkeeping for every pending job, and assigns paths to allowlisted backends.
    ///
    /// - Parameters:
    ///   - db: A writable connection.
    ///   - allowlist: Registered backends get a page path even before they report.
    ///   - prsPerPage: The matrix page bucket size (``MatrixBucket``).
    /// - Throws: ``SQLiteError``.
    static func update(_ db: SQLiteDatabase, allowlist: Allowlist, prsPerPage: Int64) throws -> ChangeSet {
        try db.transaction {
            var changes = ChangeSet()
            let paths = try SitePaths(database: db)
            let pending = try db.prepare(
                """
                SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.pr_number, j.event_type, j.check_run_id,
                       j.rowid, coalesce(j.effective_started_at, ''),
                       max(coalesce(j.started_at, ''), coalesce(j.completed_at, '')), r.dynamoKey IS NOT NULL,
                       substr(j.effective_started_at, 1, 10), substr(j.completed_at, 1, 10), j.pytorch_head_sha
                FROM site_pending p
                CROSS JOIN oot_workflow_job j ON j.dynamoKey = p.dynamoKey
                LEFT JOIN junit_reports r ON r.dynamoKey = j.dynamoKey
                ORDER BY j.rowid
                """)
            let upsertBackend = try db.prepare(
                """
                INSERT INTO site_backends (repo, first_seen, level, level_time, nightly, periodic, trunk, last_activity)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?7)
                ON CONFLICT (repo) DO UPDATE SET
                    first_seen = min(first_seen, excluded.first_seen),
                    level = CASE WHEN excluded.level != '' AND excluded.level_time >= level_time THEN excluded.level ELSE level END,
                    level_time = CASE WHEN excluded.level != '' AND excluded.level_time >= level_time THEN excluded.level_time ELSE level_time END,
                    nightly = max(nightly, excluded.nightly),
                    periodic = max(periodic, excluded.periodic),
                    trunk = max(trunk, excluded.trunk),
                    last_activity = max(last_activity, excluded.last_activity)
                """)
            let findPR = try db.prepare("SELECT seq FROM site_backend_prs WHERE repo = ? AND pr_number = ?")
            let nextSeq = try db.prepare("SELECT coalesce(max(seq), 0) + 1 FROM site_backend_prs WHERE repo = ?")
            let insertPR = try db.prepare(
                "INSERT INTO site_backend_prs (repo, pr_number, seq, last_activity) VALUES (?, ?, ?, ?)")
            // Older matrix pages show the backend's level and the tabs of its kinds of scheduled
            // runs: a change re-renders all of them.
            let readHeader = try db.prepare(
                "SELECT level || ' ' || nightly || periodic || trunk FROM site_backends WHERE repo = ?")
            func storedHeader(of repo: String) throws -> String? {
                readHeader.reset()
                try readHeader.bind([.text(repo)])
                defer { readHeader.reset() }
                return try readHeader.step() ? readHeader.column(0).text : nil
            }
            var headersBefore: [String: String?] = [:]
            // (backend, UTC day) whose summary rollup (site_daily) is recomputed: the day of the
            // job's effective start, and of its completion, which was its effective start until
            // a late in_progress supplied started_at.
            var days: Set<[String]> = []
            // The trunk grid's commits (upstream SHAs of pushes, nightly and periodic runs): a new
            // one takes the next sequence number (its older page, never moving); its first run is
            // the earliest start of a run on it (the grid's row order).
            let upsertCommit = try db.prepare(
                """
                INSERT INTO site_trunk_commits (sha, seq, first_run)
                VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM site_trunk_commits), ?2)
                ON CONFLICT (sha) DO UPDATE SET first_run = min(first_run, excluded.first_run)
                RETURNING seq
                """)
            let touchPR = try db.prepare(
                "UPDATE site_backend_prs SET last_activity = max(last_activity, ?3) WHERE repo = ?1 AND pr_number = ?2")

            while try pending.step() {
                let key = pending.column(0).text ?? ""
                let repo = pending.column(1).text ?? ""
                let level = pending.column(2).text ?? ""
                let pr = pending.column(3).integer ?? 0
                let event = pending.column(4).text ?? ""
                let checkRunID = pending.column(5).text ?? ""
                let rowid = pending.column(6).integer ?? 0
                let time = pending.column(7).text ?? ""
                let latest = pending.column(8).text ?? ""
                let hasReport = pending.column(9).integer == 1
                if let day = pending.column(10).text { days.insert([repo, day]) }
                if let day = pending.column(11).text { days.insert([repo, day]) }
                let sha = pending.column(12).text ?? ""

                changes.jobs.insert(key)
                changes.repos.insert(repo)
                if headersBefore[repo] == nil { headersBefore[repo] = .some(try storedHeader(of: repo)) }
                try upsertBackend.run([
                    .text(repo), .integer(rowid), .text(level), .text(time), .integer(event == "nightly" ? 1 : 0),
                    .integer(event == "periodic" ? 1 : 0), .text(latest), .integer(event == "push" ? 1 : 0),
                ])
                try paths.register(repo: repo)
                if pr > 0 {
                    changes.prs.insert(pr)
                    changes.prsByRepo[repo, default: []].insert(pr)
                    findPR.reset()
                    try findPR.bind([.text(repo), .integer(pr)])
                    let known = try findPR.step()
                    var seq = findPR.column(0).integer ?? 0
                    findPR.reset()
                    if known {
                        try touchPR.run([.text(repo), .integer(pr), .text(latest)])
                    } else {
                        nextSeq.reset()
                        try nextSeq.bind([.text(repo)])
                        _ = try nextSeq.step()
                        seq = nextSeq.column(0).integer ?? 1
                        nextSeq.reset()
                        try insertPR.run([.text(repo), .integer(pr), .integer(seq), .text(latest)])
                    }
                    changes.prBuckets[repo, default: [:]][pr] = MatrixBucket.of(seq: seq, perPage: prsPerPage)
                }
                if CommitRunKind(eventType: event) != nil, !sha.isEmpty {
                    upsertCommit.reset()
                    try upsertCommit.bind([.text(sha), .text(time)])
                    _ = try upsertCommit.step()
                    changes.trunkCommits[sha] = upsertCommit.column(0).integer ?? 0
                    upsertCommit.reset()
                }
                if hasReport {
                    try paths.register(job: key, repo: repo, checkRunID: checkRunID)
                    changes.reports.insert(key)
                    changes.reportsByRepo[repo, default: []].insert(key)
                }
            }
            pending.reset()
            let deleteDay = try db.prepare("DELETE FROM site_daily WHERE repo = ? AND day = ?")
            let insertDay = try db.prepare(Schema.dailyDay)
            for day in days {
                try deleteDay.run([.text(day[0]), .text(day[1])])
                try insertDay.run([.text(day[0]), .text(day[1])])
            }
            for (repo, before) in headersBefore where try storedHeader(of: repo) != before {
                changes.allBuckets.insert(repo)
            }
            // Kept until the build is published: these are seen only while the rows change, so a
            // build killed after this commit would otherwise hand the next one a smaller set.
            let remember = try db.prepare("INSERT OR IGNORE INTO site_state (key, value) VALUES (?, '1')")
            for repo in changes.allBuckets { try remember.run([.text(Self.allBucketsKey + repo)]) }
            for row in try db.query(
                "SELECT substr(key, ?1) FROM site_state WHERE substr(key, 1, ?2) = ?3",
                [
                    .integer(Int64(Self.allBucketsKey.utf8.count + 1)), .integer(Int64(Self.allBucketsKey.utf8.count)),
                    .text(Self.allBucketsKey),
                ])
            {
                if let repo = row.first?.text { changes.allBuckets.insert(repo) }
            }
            for repo in allowlist.entries.keys.sorted() { try paths.register(repo: repo) }
            return changes
        }
    }

    /// Forgets the pending jobs once the build that rendered them is published.
    ///
    /// - Throws: ``SQLiteError``.
    static func clearPending(_ db: SQLiteDatabase, _ keys: Set<String>) throws {
        try db.transaction {
            let delete = try db.prepare("DELETE FROM site_pending WHERE dynamoKey = ?")
            for key in keys { try delete.run([.text(key)]) }
            try db.execute(
                "DELETE FROM site_state WHERE substr(key, 1, \(allBucketsKey.utf8.count)) = '\(allBucketsKey)'")
        }
    }

    /// `site_state` key prefix of a backend whose matrix pages must all be rendered by the next
    /// published build (`all_buckets:<org>/<repo>`).
    static let allBucketsKey = "all_buckets:"

    /// Why the next build must render everything (`reindex`, `prune`), if anything says so.
    ///
    /// - Throws: ``SQLiteError``.
    static func forceFullReason(_ db: SQLiteDatabase) throws -> String? {
        try db.query("SELECT value FROM site_state WHERE key = 'force_full'").first?.first?.text
    }

    /// Why rows of the jobs table are older than the fold rules (a schema upgrade that reads new
    /// fields from the log sets it; `reindex` clears it), if they are.
    ///
    /// - Throws: ``SQLiteError``.
    static func reindexNeeded(_ db: SQLiteDatabase) throws -> String? {
        try db.query("SELECT value FROM site_state WHERE key = 'reindex_needed'").first?.first?.text
    }

    /// Clears the `force_full` flag after a full build was published.
    ///
    /// - Throws: ``SQLiteError``.
    static func clearForceFull(_ db: SQLiteDatabase) throws {
        try db.execute("DELETE FROM site_state WHERE key = 'force_full'")
    }
}
