import OOTCore

/// The search index's tables (schema v10, docs/search.md), kept by the build's index stage from
/// what changed: the tests of new reports, and the PRs and job names of changed jobs.
///
/// A test identity enters the index the first time it fails or is flaky on some backend; from
/// then on every backend's latest execution of it is kept (so a hit says "passes on X" too).
/// Files whose entries changed are remembered in `site_state` (`search_dirty:w:<shard>/<part>`,
/// `search_dirty:d:<bucket>`) until the build that renders them is published, as `site_pending`
/// is.
enum SearchIndex {
    /// `site_state` key prefix of a shard the next published build must write.
    static let dirtyKey = "search_dirty:"

    /// Updates the search tables for the jobs in `changes` (or, when the database asks with
    /// `search_rebuild` or `force_full`, refills them from every report), and returns the files
    /// to write: those changed now and those a build that was not published left behind.
    ///
    /// Cost follows the changed reports' testcases: one keyed lookup each, and for a test new to
    /// the index one lookup of its executions by identity (`junit_testcases_identity`).
    ///
    /// - Parameter db: The build's writable connection.
    /// - Returns: The word shards and detail buckets to write, or `nil` after a refill (all).
    /// - Throws: ``SQLiteError``.
    static func update(_ db: SQLiteDatabase, changes: ChangeSet) throws -> SearchChanges? {
        try db.transaction {
            let rebuild =
                try db.query(
                    "SELECT 1 FROM site_state WHERE key IN ('search_rebuild', 'force_full')"
                ).isEmpty == false
            var writer = try Writer(db)
            if rebuild {
                try writer.refill()
                try db.execute("DELETE FROM site_state WHERE key = 'search_rebuild'")
                try db.execute("DELETE FROM site_state WHERE substr(key, 1, 13) = '\(dirtyKey)'")
                return nil
            }
            for key in changes.jobs.sorted() { try writer.job(key) }
            for key in changes.reports.sorted() { try writer.report(key) }
            try writer.countShards()
            let remember = try db.prepare("INSERT OR IGNORE INTO site_state (key, value) VALUES (?, '1')")
            for shard in writer.dirty.words { try remember.run([.text(dirtyKey + "w:" + shard)]) }
            for bucket in writer.dirty.buckets { try remember.run([.text(dirtyKey + "d:\(bucket)")]) }
            // search/index.js lists backends with their levels, PRs, job names and shard sizes.
            if writer.dirty.manifest || !writer.dirty.words.isEmpty || !changes.allBuckets.isEmpty {
                try remember.run([.text(dirtyKey + "m")])
            }
            var all = SearchChanges()
            for row in try db.query(
                "SELECT substr(key, 14) FROM site_state WHERE substr(key, 1, 13) = '\(dirtyKey)'")
            {
                guard let value = row.first?.text else { continue }
                if value.hasPrefix("w:") { all.words.insert(String(value.dropFirst(2))) }
                if value.hasPrefix("d:"), let bucket = Int64(value.dropFirst(2)) { all.buckets.insert(bucket) }
                if value == "m" { all.manifest = true }
            }
            return all
        }
    }

    /// Forgets the files to write once the build that wrote them is published.
    ///
    /// - Throws: ``SQLiteError``.
    static func clearDirty(_ db: SQLiteDatabase) throws {
        try db.execute("DELETE FROM site_state WHERE substr(key, 1, 13) = '\(dirtyKey)'")
    }

    /// A test's outcome in one report: `f` failed (failure or error), `k` flaky (passed after
    /// failed attempts), `p` passed, `s` skipped.
    static func outcome(_ outcome: String, flaky: Bool) -> String {
        if flaky { return "k" }
        switch outcome {
        case "failure", "error": return "f"
        case "skipped": return "s"
        default: return "p"
        }
    }

    /// The prepared statements of one update, and the shards it changed.
    private struct Writer {
        let db: SQLiteDatabase
        let findTest: SQLiteStatement
        let insertTest: SQLiteStatement
        let insertWord: SQLiteStatement
        let upsertRun: SQLiteStatement
        let executions: SQLiteStatement
        let upsertPR: SQLiteStatement
        let insertJob: SQLiteStatement
        var dirty = SearchChanges()
        /// Tests per shard, of the shards this update read or changed.
        var counts: [String: Int64] = [:]

        init(_ db: SQLiteDatabase) throws {
            self.db = db
            findTest = try db.prepare("SELECT id FROM site_search_tests WHERE classname = ? AND name = ?")
            insertTest = try db.prepare("INSERT INTO site_search_tests (classname, name) VALUES (?, ?)")
            insertWord = try db.prepare("INSERT OR IGNORE INTO site_search_words (shard, id) VALUES (?, ?)")
            // The latest execution wins: by the job's effective start, then by dynamoKey, so the
            // order reports arrive in never matters (an incremental build equals a refill).
            upsertRun = try db.prepare(
                """
                INSERT INTO site_search_runs (id, repo, outcome, dynamoKey, at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (id, repo) DO UPDATE SET outcome = excluded.outcome, dynamoKey = excluded.dynamoKey,
                    at = excluded.at
                WHERE excluded.at > at OR (excluded.at = at AND excluded.dynamoKey > dynamoKey)
                """)
            executions = try db.prepare(
                """
                SELECT j.downstream_repo, t.outcome, t.flaky, t.dynamoKey, coalesce(j.effective_started_at, ''), t.ordinal
                FROM junit_testcases t INDEXED BY junit_testcases_identity
                JOIN oot_workflow_job j ON j.dynamoKey = t.dynamoKey
                WHERE t.classname = ?1 AND t.name = ?2
                UNION ALL
                SELECT j.downstream_repo, t.outcome, t.flaky, t.dynamoKey, coalesce(j.effective_started_at, ''), t.ordinal
                FROM junit_testcases t INDEXED BY junit_testcases_identity
                JOIN oot_workflow_job j ON j.dynamoKey = t.dynamoKey
                WHERE t.classname = '' AND t.name = ?2 AND t.suite = ?1 AND ?1 != ''
                ORDER BY 4, 6
                """)
            upsertPR = try db.prepare(
                """
                INSERT INTO site_search_prs (pr_number, title, author, at, dynamoKey) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (pr_number) DO UPDATE SET title = excluded.title, author = excluded.author,
                    at = excluded.at, dynamoKey = excluded.dynamoKey
                WHERE excluded.at > at OR (excluded.at = at AND excluded.dynamoKey > dynamoKey)
                """)
            insertJob = try db.prepare(
                "INSERT OR IGNORE INTO site_search_jobs (workflow, job, repo) VALUES (?, ?, ?)")
        }

        /// Records a changed job's PR title and author and its workflow/job name.
        mutating func job(_ key: String) throws {
            for row in try db.query(
                """
                SELECT downstream_repo, pr_number, coalesce(pr_title, ''), coalesce(pr_author, ''),
                       coalesce(effective_started_at, ''), workflow_name, job_name
                FROM oot_workflow_job WHERE dynamoKey = ?
                """, [.text(key)])
            {
                let pr = row[1].integer ?? 0
                if pr > 0 {
                    let before = try db.query(
                        "SELECT title, author FROM site_search_prs WHERE pr_number = ?", [.integer(pr)])
                    try upsertPR.run([.integer(pr), row[2], row[3], row[4], .text(key)])
                    let after = try db.query(
                        "SELECT title, author FROM site_search_prs WHERE pr_number = ?", [.integer(pr)])
                    if before != after { dirty.manifest = true }
                }
                try insertJob.run([row[5], row[6], row[0]])
                if db.changes > 0 { dirty.manifest = true }
            }
        }

        /// Folds one new report's tests into the index.
        mutating func report(_ key: String) throws {
            guard
                let job = try db.query(
                    "SELECT downstream_repo, coalesce(effective_started_at, '') FROM oot_workflow_job WHERE dynamoKey = ?",
                    [.text(key)]
                ).first, let repo = job[0].text, let at = job[1].text
            else { return }
            // One outcome per identity: its last element's, flaky when any element was.
            var outcomes: [TestIdentity: String] = [:]
            var order: [TestIdentity] = []
            for row in try db.query(
                """
                SELECT CASE WHEN classname = '' THEN suite ELSE classname END, name, outcome, flaky
                FROM junit_testcases WHERE dynamoKey = ? AND name != '' ORDER BY ordinal
                """, [.text(key)])
            {
                let test = TestIdentity(classname: row[0].text ?? "", name: row[1].text ?? "")
                let flaky = row[3].integer == 1 || outcomes[test] == "k"
                if outcomes[test] == nil { order.append(test) }
                outcomes[test] = SearchIndex.outcome(row[2].text ?? "", flaky: flaky)
            }
            for test in order {
                let outcome = outcomes[test] ?? "p"
                if let id = try id(of: test) {
                    try upsertRun.run([.integer(id), .text(repo), .text(outcome), .text(key), .text(at)])
                    if db.changes > 0 { dirty.buckets.insert(SearchChanges.bucket(of: id)) }
                } else if outcome == "f" || outcome == "k" {
                    try add(test)
                }
            }
        }

        /// The identity's id in the index, or `nil` when it is not indexed.
        private func id(of test: TestIdentity) throws -> Int64? {
            findTest.reset()
            defer { findTest.reset() }
            try findTest.bind([.text(test.classname), .text(test.name)])
            return try findTest.step() ? findTest.column(0).integer : nil
        }

        /// Adds a test to the index with the latest execution on every backend that ran it.
        private mutating func add(_ test: TestIdentity) throws {
            try insertTest.run([.text(test.classname), .text(test.name)])
            let id = db.lastInsertRowID
            // The test is the last in id order of each of its shards: it joins the last part.
            for shard in SearchWords.shards(classname: test.classname, name: test.name) {
                try insertWord.run([.text(shard), .integer(id)])
                guard db.changes > 0 else { continue }
                let entries = try self.entries(shard) + 1
                counts[shard] = entries
                dirty.words.insert("\(shard)/\(SearchShard.part(ofPosition: entries - 1))")
            }
            dirty.buckets.insert(SearchChanges.bucket(of: id))
            // Per report, one outcome (as in `report(_:)`); the identity index stores classname
            // as given, so a suite-named test (empty classname) is read back by its suite.
            executions.reset()
            defer { executions.reset() }
            try executions.bind([.text(test.classname), .text(test.name)])
            var latest: [String: (outcome: String, key: String, at: String)] = [:]
            var current: (repo: String, key: String, at: String, outcome: String, flaky: Bool)?
            func close() {
                guard let run = current else { return }
                let outcome = SearchIndex.outcome(run.outcome, flaky: run.flaky)
                if let known = latest[run.repo], (known.at, known.key) > (run.at, run.key) { return }
                latest[run.repo] = (outcome, run.key, run.at)
            }
            while try executions.step() {
                let repo = executions.column(0).text ?? ""
                let key = executions.column(3).text ?? ""
                let flaky = executions.column(2).integer == 1
                if current?.key != key {
                    close()
                    current = (repo, key, executions.column(4).text ?? "", "", false)
                }
                if var run = current {
                    run.outcome = executions.column(1).text ?? ""
                    run.flaky = run.flaky || flaky
                    current = run
                }
            }
            close()
            for (repo, run) in latest {
                try upsertRun.run([.integer(id), .text(repo), .text(run.outcome), .text(run.key), .text(run.at)])
            }
        }

        /// Refills every table from the whole database (after the v10 upgrade, `reindex` or
        /// `prune`).
        mutating func refill() throws {
            for table in [
                "site_search_tests", "site_search_runs", "site_search_words", "site_search_shards", "site_search_prs",
                "site_search_jobs",
            ] {
                try db.execute("DELETE FROM \(table)")
            }
            let failing = try db.query(
                """
                SELECT DISTINCT CASE WHEN classname = '' THEN suite ELSE classname END, name
                FROM junit_testcases
                WHERE (outcome IN ('failure', 'error') OR flaky = 1) AND name != ''
                ORDER BY 1, 2
                """)
            for row in failing { try add(TestIdentity(classname: row[0].text ?? "", name: row[1].text ?? "")) }
            try db.execute(
                """
                INSERT INTO site_search_prs (pr_number, title, author, at, dynamoKey)
                SELECT pr_number, title, author, at, dynamoKey FROM (
                    SELECT pr_number, coalesce(pr_title, '') AS title, coalesce(pr_author, '') AS author,
                           coalesce(effective_started_at, '') AS at, dynamoKey,
                           row_number() OVER (
                               PARTITION BY pr_number ORDER BY coalesce(effective_started_at, '') DESC, dynamoKey DESC
                           ) AS latest
                    FROM oot_workflow_job WHERE pr_number > 0)
                WHERE latest = 1;
                INSERT INTO site_search_jobs (workflow, job, repo)
                SELECT DISTINCT workflow_name, job_name, downstream_repo FROM oot_workflow_job;
                """)
            try db.execute(
                "INSERT INTO site_search_shards SELECT shard, count(*) FROM site_search_words GROUP BY shard")
            counts = [:]
        }

        /// The number of tests in `shard` (as counted by this update so far, else as stored).
        private mutating func entries(_ shard: String) throws -> Int64 {
            if let known = counts[shard] { return known }
            let stored =
                try db.query("SELECT entries FROM site_search_shards WHERE shard = ?", [.text(shard)]).first?.first?
                .integer ?? 0
            counts[shard] = stored
            return stored
        }

        /// Stores the entries of the shards this update changed.
        func countShards() throws {
            let store = try db.prepare("INSERT OR REPLACE INTO site_search_shards (shard, entries) VALUES (?, ?)")
            for (shard, entries) in counts.sorted(by: { $0.key < $1.key }) {
                try store.run([.text(shard), .integer(entries)])
            }
        }
    }
}
