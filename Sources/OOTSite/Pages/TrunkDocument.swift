import OOTCore

/// `index.json` of a trunk grid page (`/oot/trunk/…/index.json`), the versioned data document for
/// bots (schema `oot-hud/trunk/v1`, `docs/api/trunk-v1.schema.json`; issue 18).
///
/// The page's upstream commits, and per commit the results of the view's backends that ran it
/// (a backend absent from `results` did not run the commit). No presentation fields: no CSS
/// classes, glyphs or display strings. URLs are relative to the document's own URL; times are
/// UTC ISO-8601; durations are seconds.
struct TrunkDocument: Sendable, DataDocument {
    /// The schema name and version this document follows.
    static let schemaName = "oot-hud/trunk/v1"

    /// A backend column of the view.
    struct Backend: Sendable, Encodable {
        let repo: String
        let level: String
        /// Its jobs at each commit (the expanded column page).
        @Nullable var page: String?
        /// `red` or `green`: its latest upstream commit with a result; `nil` when none is among the
        /// latest 500, and on older pages (the latest page carries the current state).
        @Nullable var latestResult: CommitOutcome?
        /// Its current red streak; `nil` when its latest result is not red, and on older pages.
        @Nullable var redStreak: Streak?

        enum CodingKeys: String, CodingKey {
            case repo, level, page
            case latestResult = "latest_result"
            case redStreak = "red_streak"
        }
    }

    /// A backend's current red streak (``RedStreak``).
    struct Streak: Sendable, Encodable {
        /// The first red commit of the streak.
        let sinceSHA: String
        /// The backend's first run on it (UTC).
        @Nullable var redSince: String?
        /// Red commits in the streak.
        let commits: Int
        /// The last green commit before it; `nil` when none is in the window.
        @Nullable var lastGreenSHA: String?

        init(_ streak: RedStreak) {
            sinceSHA = streak.sinceSHA
            redSince = streak.redSince
            commits = streak.commits
            lastGreenSHA = streak.lastGreenSHA
        }

        enum CodingKeys: String, CodingKey {
            case commits
            case sinceSHA = "since_sha"
            case redSince = "red_since"
            case lastGreenSHA = "last_green_sha"
        }
    }

    /// One upstream commit of the page.
    struct Commit: Sendable, Encodable {
        let sha: String
        let upstreamRepo: String
        /// The earliest start of a run on it (UTC).
        @Nullable var firstRun: String?
        /// A push's commit title and author; `nil` for commits only nightly or periodic runs built.
        @Nullable var title: String?
        @Nullable var author: String?
        /// `push`, `nightly`, `periodic`.
        let kinds: [String]
        let results: [Result]

        enum CodingKeys: String, CodingKey {
            case sha, title, author, kinds, results
            case upstreamRepo = "upstream_repo"
            case firstRun = "first_run"
        }
    }

    /// One backend's result at a commit.
    struct Result: Sendable, Encodable {
        let backend: String
        /// ``CommitOutcome``: `red`, `running`, `green` or `unclear`.
        let state: CommitOutcome
        /// Latest attempt of each job, worst first.
        let jobs: [Job]

        /// The result of `cell` (a non-empty ``TrunkCell``), links relative to the page.
        ///
        /// - Throws: ``SQLiteError`` when a drill-down lookup fails.
        init(backend: String, cell: TrunkCell, links: PageLinks) throws(SQLiteError) {
            self.backend = backend
            state = cell.outcome ?? .unclear
            var jobs: [Job] = []
            for (row, earlierFailure) in cell.jobs {
                jobs.append(
                    Job(
                        workflow: row.workflowName, job: row.jobName, kind: row.eventType, status: row.status,
                        conclusion: row.conclusion, runAttempt: row.runAttempt,
                        passedAfterFailedAttempt: earlierFailure, startedAt: row.startedAt?.description,
                        completedAt: row.completedAt?.description, durationSeconds: row.durationSeconds,
                        testsTotal: row.totalTests, testsPassed: row.passedTests, testsFailed: row.failedTests,
                        url: try links.drillDown(row), runURL: SafeURL.external(row.workflowRunURL), logURL: row.logURL)
                )
            }
            self.jobs = jobs
        }
    }

    /// One job (its latest attempt).
    struct Job: Sendable, Encodable {
        let workflow: String
        let job: String
        /// The run's `event_type`: `push`, `nightly` or `periodic`.
        let kind: String
        let status: String
        @Nullable var conclusion: String?
        let runAttempt: Int64
        let passedAfterFailedAttempt: Bool
        @Nullable var startedAt: String?
        @Nullable var completedAt: String?
        @Nullable var durationSeconds: Double?
        let testsTotal: Int64
        let testsPassed: Int64
        let testsFailed: Int64
        /// Its drill-down page, when a JUnit report was harvested.
        @Nullable var url: String?
        @Nullable var runURL: String?
        /// `{run url}/job/{check_run_id}` ("Show log ›").
        @Nullable var logURL: String?

        enum CodingKeys: String, CodingKey {
            case workflow, job, kind, status, conclusion, url
            case runAttempt = "run_attempt"
            case passedAfterFailedAttempt = "passed_after_failed_attempt"
            case startedAt = "started_at"
            case completedAt = "completed_at"
            case durationSeconds = "duration_seconds"
            case testsTotal = "tests_total"
            case testsPassed = "tests_passed"
            case testsFailed = "tests_failed"
            case runURL = "run_url"
            case logURL = "log_url"
        }
    }

    let schema = Self.schemaName
    /// The instant the page describes (UTC).
    let generatedAt: String
    /// The levels whose backends are columns (`["L4"]`, `["L4", "L3"]`, `["L4", "L3", "L2"]`).
    let levels: [String]
    /// The older page's number, `nil` on the latest page.
    @Nullable var page: Int?
    /// The newer and older pages' documents; `nil` at either end.
    @Nullable var newer: String?
    @Nullable var older: String?
    let backends: [Backend]
    let commits: [Commit]

    enum CodingKeys: String, CodingKey {
        case schema, levels, page, newer, older, backends, commits
        case generatedAt = "generated_at"
    }
}
