/// The database layout: the append-only `callbacks` log (source of truth), the folded
/// `oot_workflow_job` table (spec §7.3), the fold watermark, and harvested JUnit results.
///
/// Versioned with `PRAGMA user_version`; ``migrate(_:)`` brings any older file up to date.
public enum Schema {
    /// The version ``migrate(_:)`` produces.
    public static let version = Int64(steps.count)

    /// The SQL that takes the schema from version `n` to `n + 1`, at index `n`.
    static let steps: [[String]] = [
        // v6 filled site_daily by the rules of the day; v9 refills it by today's (``rebuildDaily``
        // reads columns v8 and v9 add), so no step runs SQL newer than its schema. v10 adds the
        // search tables, v11 the trunk grid's commits.
        [v1], [v2], [v3], [v4], [v5], [v6], [v7], [v8, v8Flags], [v9, rebuildDaily], [v10], [v11],
    ]

    /// Columns of `oot_workflow_job` that a callback may write (spec §4.2), in declaration order.
    public static let jobColumns: [String] = [
        "status", "downstream_repo", "upstream_repo", "pr_number", "pytorch_head_sha", "delivery_id",
        "workflow_run_url", "workflow_name", "job_name", "check_run_id", "run_id", "run_attempt",
        "downstream_repo_level", "event_type", "queue_time", "execution_time", "started_at", "artifact_url",
        "conclusion", "completed_at", "passed_tests", "failed_tests", "skipped_tests", "total_tests",
        "pr_title", "pr_author", "head_ref", "base_sha", "base_ref", "pr_labels", "pr_draft", "push_ref", "push_before",
        "commit_title", "commit_author",
    ]

    static let v1 = """
        CREATE TABLE callbacks (
            id            INTEGER PRIMARY KEY AUTOINCREMENT, -- arrival order
            received_at   TEXT NOT NULL,                     -- UTC, canonical ISO-8601
            verified_repo TEXT NOT NULL,
            dynamoKey     TEXT NOT NULL,
            status        TEXT NOT NULL,
            body          TEXT NOT NULL                      -- the request body, verbatim
        );
        CREATE TRIGGER callbacks_append_only BEFORE UPDATE ON callbacks
        BEGIN SELECT RAISE(ABORT, 'callbacks is append-only'); END;

        CREATE TABLE oot_workflow_job (
            dynamoKey             TEXT PRIMARY KEY,
            status                TEXT NOT NULL,
            downstream_repo       TEXT NOT NULL,
            upstream_repo         TEXT NOT NULL DEFAULT 'pytorch/pytorch',
            pr_number             INTEGER NOT NULL DEFAULT 0,
            pytorch_head_sha      TEXT NOT NULL DEFAULT '',
            delivery_id           TEXT NOT NULL,
            workflow_run_url      TEXT NOT NULL DEFAULT '',
            workflow_name         TEXT NOT NULL DEFAULT '',
            job_name              TEXT NOT NULL DEFAULT '',
            check_run_id          TEXT NOT NULL DEFAULT '',
            run_id                TEXT NOT NULL DEFAULT '',
            run_attempt           INTEGER NOT NULL DEFAULT 1,
            conclusion            TEXT,
            queue_time            REAL,
            execution_time        REAL,
            started_at            TEXT,
            completed_at          TEXT,
            total_tests           INTEGER NOT NULL DEFAULT 0,
            passed_tests          INTEGER NOT NULL DEFAULT 0,
            failed_tests          INTEGER NOT NULL DEFAULT 0,
            skipped_tests         INTEGER NOT NULL DEFAULT 0,
            failed_tests_json     TEXT NOT NULL DEFAULT '',
            artifact_url          TEXT NOT NULL DEFAULT '',
            environment           TEXT NOT NULL DEFAULT '',
            downstream_repo_level TEXT NOT NULL DEFAULT '',
            event_type            TEXT NOT NULL DEFAULT 'pull_request',
            pr_title              TEXT,
            pr_author             TEXT,
            head_ref              TEXT,
            last_callback_id      INTEGER NOT NULL,         -- provenance: the callback applied last
            duration_seconds      REAL GENERATED ALWAYS AS (
                CASE WHEN started_at IS NULL OR completed_at IS NULL THEN 0
                     ELSE max(0, (julianday(completed_at) - julianday(started_at)) * 86400.0) END) VIRTUAL
        );
        CREATE INDEX job_repo_started ON oot_workflow_job (downstream_repo, started_at);
        CREATE INDEX job_pr ON oot_workflow_job (pr_number);
        CREATE INDEX job_repo_pr ON oot_workflow_job (downstream_repo, pr_number);

        CREATE TABLE fold_state (
            id               INTEGER PRIMARY KEY CHECK (id = 1),
            last_callback_id INTEGER NOT NULL,  -- watermark: callbacks up to here are applied
            folded_at        TEXT NOT NULL
        );
        CREATE TABLE fold_errors (
            callback_id INTEGER PRIMARY KEY,
            error       TEXT NOT NULL
        );

        CREATE TABLE junit_reports (
            dynamoKey          TEXT PRIMARY KEY,
            artifact_url       TEXT NOT NULL,
            state              TEXT NOT NULL,   -- ok | parse_error | not_junit | rejected | unavailable | fetch_error
            error              TEXT,
            files              INTEGER NOT NULL DEFAULT 0,
            tests              INTEGER NOT NULL DEFAULT 0,
            passed             INTEGER NOT NULL DEFAULT 0,
            failures           INTEGER NOT NULL DEFAULT 0,
            errors             INTEGER NOT NULL DEFAULT 0,
            skipped            INTEGER NOT NULL DEFAULT 0,
            flaky              INTEGER NOT NULL DEFAULT 0,
            total_time_seconds REAL,
            harvested_at       TEXT NOT NULL
        );
        CREATE TABLE junit_testcases (
            dynamoKey    TEXT NOT NULL,
            ordinal      INTEGER NOT NULL,      -- document order
            suite        TEXT NOT NULL,
            classname    TEXT NOT NULL,
            name         TEXT NOT NULL,
            file         TEXT,
            outcome      TEXT NOT NULL,         -- passed | failure | error | skipped
            flaky        INTEGER NOT NULL DEFAULT 0,
            reruns       INTEGER NOT NULL DEFAULT 0,
            time_seconds REAL,
            message      TEXT,
            details      TEXT,
            PRIMARY KEY (dynamoKey, ordinal)
        ) WITHOUT ROWID;
        """

    /// v2: harvest retries, content type and captured output per testcase; per-test lookups.
    static let v2 = """
        ALTER TABLE junit_reports ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE junit_reports ADD COLUMN content_type TEXT;
        ALTER TABLE junit_testcases ADD COLUMN stdout TEXT;
        ALTER TABLE junit_testcases ADD COLUMN stdout_bytes INTEGER;
        ALTER TABLE junit_testcases ADD COLUMN stderr TEXT;
        ALTER TABLE junit_testcases ADD COLUMN stderr_bytes INTEGER;
        CREATE INDEX junit_testcases_identity ON junit_testcases (classname, name);
        """

    /// v3: what the incremental site build needs, all derived from `oot_workflow_job` (rebuilt by
    /// the migration and by `reindex`).
    ///
    /// - `site_pending`: jobs changed by the fold since the last published build;
    /// - `site_backends`: one row per backend (first appearance, latest level, last activity,
    ///   scheduled kinds), so no build scans the whole job table for the backend list;
    /// - `site_backend_prs`: one row per (backend, PR) with a stable sequence number (matrix page
    ///   buckets never move) and the PR's last activity (the landing page's order);
    /// - `site_paths`: the page path assigned to each backend and drill-down, so URLs never move;
    /// - `site_state`: `force_full` when `reindex` or `prune` requires the next build to render
    ///   everything; `all_buckets:<repo>` while a backend's every matrix page awaits a published build;
    /// - `job_window`: a covering index for the summary's time windows.
    static let v3 = """
        CREATE TABLE site_pending (dynamoKey TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE site_backends (
            repo          TEXT PRIMARY KEY,
            first_seen    INTEGER NOT NULL,            -- rowid of its first job: stable order
            level         TEXT NOT NULL DEFAULT '',    -- downstream_repo_level of its latest job
            level_time    TEXT NOT NULL DEFAULT '',
            nightly       INTEGER NOT NULL DEFAULT 0,  -- 1 once a nightly run reported
            periodic      INTEGER NOT NULL DEFAULT 0,
            last_activity TEXT NOT NULL DEFAULT ''     -- latest started_at/completed_at, UTC
        ) WITHOUT ROWID;
        CREATE TABLE site_backend_prs (
            repo          TEXT NOT NULL,
            pr_number     INTEGER NOT NULL,
            seq           INTEGER NOT NULL,            -- 1-based order of first appearance in the backend
            last_activity TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (repo, pr_number)
        ) WITHOUT ROWID;
        CREATE INDEX site_backend_prs_activity ON site_backend_prs (repo, last_activity);
        CREATE UNIQUE INDEX site_backend_prs_seq ON site_backend_prs (repo, seq);
        CREATE INDEX site_backend_prs_pr ON site_backend_prs (pr_number);
        CREATE TABLE site_paths (
            key  TEXT PRIMARY KEY,                     -- 'repo:<owner/repo>' or 'job:<dynamoKey>'
            path TEXT NOT NULL UNIQUE
        ) WITHOUT ROWID;
        CREATE TABLE site_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;  -- 'force_full': why
        CREATE INDEX job_window ON oot_workflow_job
            (started_at, downstream_repo, status, event_type, conclusion, downstream_repo_level, completed_at);
        INSERT INTO site_pending (dynamoKey) SELECT dynamoKey FROM oot_workflow_job;
        """

    /// v4: a partial index of failing testcases, which PR pages look up for every PR.
    static let v4 = """
        CREATE INDEX junit_testcases_failing ON junit_testcases (dynamoKey) WHERE outcome IN ('failure', 'error');
        """

    /// v5: partial indexes of the testcases the backend pages look for, a few per thousand:
    /// flaky ones (the flaky page's rerun evidence) and failing-or-flaky ones (which tests get a
    /// history page).
    ///
    /// A backend page then reads those rows only, not every testcase of the window.
    static let v5 = """
        CREATE INDEX junit_testcases_flaky ON junit_testcases (dynamoKey) WHERE flaky = 1;
        CREATE INDEX junit_testcases_notable ON junit_testcases (dynamoKey) WHERE outcome IN ('failure', 'error') OR flaky = 1;
        """

    /// v6: `site_daily`, the global summary's daily rollup (spec §8.1 `oot_summary`): per backend
    /// and UTC day of `started_at`, the completed PR and push jobs (nightly and periodic left out,
    /// as in the summary) by conclusion, with their duration sum and latest start.
    ///
    /// The summary reads whole days from it and only the two partial days at the window's ends
    /// from the job table, so its cost no longer grows with the window. Kept by the build's index
    /// stage for the days of changed jobs (``dailyDay``), rebuilt whole by the migration, `reindex`
    /// and `prune`.
    static let v6 = """
        CREATE TABLE site_daily (
            repo         TEXT NOT NULL,
            day          TEXT NOT NULL,              -- 'YYYY-MM-DD', UTC, of started_at
            successes    INTEGER NOT NULL,
            failures     INTEGER NOT NULL,
            timed_out    INTEGER NOT NULL,
            cancelled    INTEGER NOT NULL,
            total        INTEGER NOT NULL,           -- every completed attempt, any conclusion
            duration_sum REAL NOT NULL,              -- seconds, over the jobs with a duration
            duration_n   INTEGER NOT NULL,
            last_run     TEXT NOT NULL,              -- latest started_at of the day
            PRIMARY KEY (repo, day)
        ) WITHOUT ROWID;
        """

    /// v7: partial indexes, by backend and start, of the few jobs two backend views look for:
    /// reruns (attempt > 1: the flaky-jobs query's "failed, then passed on a rerun") and scheduled
    /// runs (nightly and periodic: their dashboard and summary), so neither reads every job of the
    /// window.
    static let v7 = """
        CREATE INDEX job_reruns ON oot_workflow_job (downstream_repo, started_at) WHERE run_attempt > 1;
        CREATE INDEX job_scheduled ON oot_workflow_job (downstream_repo, started_at) WHERE event_type IN ('nightly', 'periodic');
        """

    /// v8: the deployed relay (spec §14).
    ///
    /// - What later features need from the webhook payload: the PR's base SHA and ref, labels and
    ///   draft flag; a push's ref, previous commit, and its head commit's title and author.
    /// - `effective_started_at` = `coalesce(started_at, completed_at)`, a virtual column every
    ///   window and order reads, so nightly reports sent with `started_at: null` still show; the
    ///   time indexes move onto it.
    /// - `duration_seconds` is NULL (unknown), no longer 0, when either end is missing.
    /// - `site_backends.trunk`: the backend has runs on upstream pushes (its Trunk tab), and
    ///   `job_scheduled` indexes push runs too.
    /// - The daily rollup counts PR jobs only (`pr_number > 0`, as upstream's summary does), by
    ///   the day of `effective_started_at`; pushes move to the scheduled table as trunk runs.
    static let v8 = """
        ALTER TABLE oot_workflow_job ADD COLUMN base_sha TEXT;
        ALTER TABLE oot_workflow_job ADD COLUMN base_ref TEXT;
        ALTER TABLE oot_workflow_job ADD COLUMN pr_labels TEXT;      -- JSON array of label names
        ALTER TABLE oot_workflow_job ADD COLUMN pr_draft INTEGER;    -- 0 or 1
        ALTER TABLE oot_workflow_job ADD COLUMN push_ref TEXT;       -- refs/heads/main
        ALTER TABLE oot_workflow_job ADD COLUMN push_before TEXT;
        ALTER TABLE oot_workflow_job ADD COLUMN commit_title TEXT;   -- first line of head_commit.message
        ALTER TABLE oot_workflow_job ADD COLUMN commit_author TEXT;
        ALTER TABLE oot_workflow_job ADD COLUMN effective_started_at TEXT
            GENERATED ALWAYS AS (coalesce(started_at, completed_at)) VIRTUAL;
        ALTER TABLE oot_workflow_job DROP COLUMN duration_seconds;
        ALTER TABLE oot_workflow_job ADD COLUMN duration_seconds REAL GENERATED ALWAYS AS (
            CASE WHEN started_at IS NULL OR completed_at IS NULL THEN NULL
                 ELSE max(0, (julianday(completed_at) - julianday(started_at)) * 86400.0) END) VIRTUAL;
        DROP INDEX job_repo_started;
        CREATE INDEX job_repo_started ON oot_workflow_job (downstream_repo, effective_started_at);
        DROP INDEX job_window;
        CREATE INDEX job_window ON oot_workflow_job
            (effective_started_at, downstream_repo, status, pr_number, conclusion, started_at, completed_at);
        DROP INDEX job_reruns;
        CREATE INDEX job_reruns ON oot_workflow_job (downstream_repo, effective_started_at) WHERE run_attempt > 1;
        DROP INDEX job_scheduled;
        CREATE INDEX job_scheduled ON oot_workflow_job (downstream_repo, effective_started_at)
            WHERE event_type IN ('nightly', 'periodic', 'push');
        ALTER TABLE site_backends ADD COLUMN trunk INTEGER NOT NULL DEFAULT 0;
        UPDATE site_backends SET trunk = 1
        WHERE repo IN (SELECT downstream_repo FROM oot_workflow_job WHERE event_type = 'push');
        """

    /// After v8: render everything once, and ask for a `reindex` when rows were folded under the
    /// older rules (pushes keyed to their delivery id, fields now read from the payload).
    static let v8Flags = """
        INSERT OR REPLACE INTO site_state (key, value) VALUES ('force_full', 'schema v8');
        INSERT OR REPLACE INTO site_state (key, value)
        SELECT 'reindex_needed', 'rows folded before schema v8 lack the base SHA, labels and push fields'
        WHERE EXISTS (SELECT 1 FROM oot_workflow_job);
        """

    /// v9: the daily medians the backend's trend panel draws (issue 16).
    ///
    /// `queue_p50` and `duration_p50`, seconds, over the day's completed PR jobs that have the
    /// value (nearest rank: the ⌈n/2⌉-th smallest), NULL when none has it. Filled by
    /// ``rebuildDaily``.
    static let v9 = """
        ALTER TABLE site_daily ADD COLUMN queue_p50 REAL;     -- seconds, nearest-rank median
        ALTER TABLE site_daily ADD COLUMN duration_p50 REAL;  -- seconds, nearest-rank median
        """

    /// v10: the search index (docs/search.md), kept by the build's index stage (`SearchIndex`).
    ///
    /// - `site_search_tests`: every test identity that failed or was flaky on some backend (the
    ///   id is internal: it never reaches a page).
    /// - `site_search_runs`: per identity and backend, the latest execution (by the job's
    ///   effective start, then dynamoKey) and its outcome: `f` failed or error, `k` flaky, `p`
    ///   passed, `s` skipped.
    /// - `site_search_words`: per shard (a word's first two characters), the identities with a
    ///   word in it; `site_search_shards` their count.
    /// - `site_search_prs`: per PR its latest title and author; `site_search_jobs`: which
    ///   backends run each workflow/job name.
    /// - `search_rebuild` asks the next build's index stage to fill them from the whole database.
    static let v10 = """
        CREATE TABLE site_search_tests (
            id        INTEGER PRIMARY KEY,
            classname TEXT NOT NULL,
            name      TEXT NOT NULL,
            UNIQUE (classname, name)
        );
        CREATE TABLE site_search_runs (
            id        INTEGER NOT NULL,
            repo      TEXT NOT NULL,
            outcome   TEXT NOT NULL,          -- f | k | p | s
            dynamoKey TEXT NOT NULL,
            at        TEXT NOT NULL,          -- the job's effective_started_at, UTC
            PRIMARY KEY (id, repo)
        ) WITHOUT ROWID;
        CREATE TABLE site_search_words (
            shard TEXT NOT NULL,
            id    INTEGER NOT NULL,
            PRIMARY KEY (shard, id)
        ) WITHOUT ROWID;
        CREATE TABLE site_search_shards (shard TEXT PRIMARY KEY, entries INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE site_search_prs (
            pr_number INTEGER PRIMARY KEY,
            title     TEXT NOT NULL,
            author    TEXT NOT NULL,
            at        TEXT NOT NULL,
            dynamoKey TEXT NOT NULL
        );
        CREATE TABLE site_search_jobs (
            workflow TEXT NOT NULL,
            job      TEXT NOT NULL,
            repo     TEXT NOT NULL,
            PRIMARY KEY (workflow, job, repo)
        ) WITHOUT ROWID;
        INSERT OR REPLACE INTO site_state (key, value) VALUES ('search_rebuild', 'schema v10');
        INSERT OR REPLACE INTO site_state (key, value) VALUES ('force_full', 'schema v10');
        """

    /// v11: the global trunk grid `/oot/trunk/` (issue 18, spec §9.4): the upstream commits any
    /// backend ran on (pushes to main, nightly, periodic), kept by the build's index stage.
    ///
    /// - `site_trunk_commits`: one row per upstream SHA with a stable sequence number (its order
    ///   of first appearance: the grid's older pages are buckets of it, so their URLs never move)
    ///   and its first run (the earliest `effective_started_at` of a run on it, UTC: the grid's
    ///   row order, newest first).
    /// - `job_trunk_sha`: the runs on one upstream commit, for a page of the grid.
    static let v11 = """
        CREATE TABLE site_trunk_commits (
            sha       TEXT PRIMARY KEY,
            seq       INTEGER NOT NULL UNIQUE,     -- 1-based order of first appearance
            first_run TEXT NOT NULL                -- earliest effective_started_at of a run on it, UTC
        ) WITHOUT ROWID;
        CREATE INDEX site_trunk_commits_order ON site_trunk_commits (first_run, seq);
        CREATE INDEX job_trunk_sha ON oot_workflow_job (pytorch_head_sha)
            WHERE event_type IN ('nightly', 'periodic', 'push');
        INSERT INTO site_trunk_commits (sha, seq, first_run)
        SELECT pytorch_head_sha, row_number() OVER (ORDER BY min(rowid)), min(coalesce(effective_started_at, ''))
        FROM oot_workflow_job
        WHERE event_type IN ('nightly', 'periodic', 'push') AND pytorch_head_sha != ''
        GROUP BY pytorch_head_sha;
        INSERT OR REPLACE INTO site_state (key, value) VALUES ('force_full', 'schema v11');
        """

    /// The aggregate columns of a `site_daily` row over a set of `oot_workflow_job` rows.
    private static let dailyAggregates = """
        count(*) FILTER (WHERE conclusion = 'success'), count(*) FILTER (WHERE conclusion = 'failure'),
        count(*) FILTER (WHERE conclusion = 'timed_out'), count(*) FILTER (WHERE conclusion = 'cancelled'),
        count(*), total(duration_seconds), count(duration_seconds), max(effective_started_at)
        """

    /// The nearest-rank median (the ⌈n/2⌉-th smallest non-NULL value) of `column` over the
    /// completed PR jobs of backend `repo` that started (else completed) on UTC day `day`, both
    /// SQL expressions; NULL when no job has a value.
    private static func dailyMedian(_ column: String, repo: String, day: String) -> String {
        """
        (SELECT round(v, 3) FROM (
            SELECT \(column) AS v, row_number() OVER (ORDER BY \(column)) AS rank, count(*) OVER () AS n
            FROM oot_workflow_job INDEXED BY job_repo_started
            WHERE downstream_repo = \(repo) AND effective_started_at >= \(day)
              AND effective_started_at < date(\(day), '+1 day')
              AND status = 'completed' AND pr_number > 0 AND \(column) IS NOT NULL)
         WHERE rank = (n + 1) / 2)
        """
    }

    /// Recomputes every `site_daily` row from `oot_workflow_job`: one scan of the table for the
    /// counts, then each row's two medians through the backend's time index.
    public static let rebuildDaily = """
        DELETE FROM site_daily;
        INSERT INTO site_daily
        SELECT downstream_repo, substr(effective_started_at, 1, 10), \(dailyAggregates), NULL, NULL
        FROM oot_workflow_job
        WHERE status = 'completed' AND pr_number > 0 AND effective_started_at IS NOT NULL
        GROUP BY 1, 2;
        UPDATE site_daily SET
            queue_p50 = \(dailyMedian("queue_time", repo: "site_daily.repo", day: "site_daily.day")),
            duration_p50 = \(dailyMedian("duration_seconds", repo: "site_daily.repo", day: "site_daily.day"));
        """

    /// Recomputes one `site_daily` row: `?1` the backend, `?2` the day (`YYYY-MM-DD`).
    ///
    /// Run after deleting the row; inserts nothing when the day has no completed job left.
    public static let dailyDay = """
        INSERT INTO site_daily
        SELECT ?1, ?2, \(dailyAggregates),
               \(dailyMedian("queue_time", repo: "?1", day: "?2")),
               \(dailyMedian("duration_seconds", repo: "?1", day: "?2"))
        FROM oot_workflow_job INDEXED BY job_repo_started
        WHERE downstream_repo = ?1 AND effective_started_at >= ?2 AND effective_started_at < date(?2, '+1 day')
          AND status = 'completed' AND pr_number > 0
        HAVING count(*) > 0
        """

    /// Creates or upgrades the schema in `db`, and sets the pragmas every writer uses
    /// (WAL journal, `synchronous=NORMAL`).
    ///
    /// - Parameter target: The version to stop at (``version`` unless a test builds an older
    ///   database to upgrade).
    /// - Throws: ``SQLiteError``, or ``SchemaError`` when the file was written by a newer version.
    public static func migrate(_ db: SQLiteDatabase, upTo target: Int64 = version) throws {
        // Checks before the first write: switching to WAL rewrites the header of a file that may
        // not be ours.
        let current = try db.query("PRAGMA user_version").first?.first?.integer ?? 0
        if current > version {
            throw SchemaError(path: db.path, found: current, supported: version)
        }
        if current == 0 {
            let existing = try db.query("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
            if existing.first?.first?.integer != 0 {
                throw SchemaError(path: db.path, found: 0, supported: version, foreign: true)
            }
        }
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        // One transaction per step, so an interrupted upgrade resumes at the step it was in.
        for (index, statements) in steps.enumerated().dropFirst(Int(current)) where index < target {
            try db.transaction {
                for sql in statements { try db.execute(sql) }
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
