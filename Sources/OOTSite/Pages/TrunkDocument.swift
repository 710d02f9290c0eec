import Foundation
import OOTCore

/// `index.json` of a trunk grid page (`/oot/trunk/…/index.json`), the versioned data document for
/// bots (schema `oot-hud/trunk/v1`, `docs/api/trunk-v1.schema.json`; issue 18).
///
/// The page's upstream commits, and per commit the results of the view's backends that ran it
/// (a backend absent from `results` did not run the commit). No presentation fields: no CSS
/// classes, glyphs or display strings. URLs are relative to the document's own URL; times are
/// UTC ISO-8601; durations are seconds.
struct TrunkDocument: Sendable, Encodable {
    /// The schema name and version this document follows.
    static let schemaName = "oot-hud/trunk/v1"

    /// A backend column of the view.
    struct Backend: Sendable, Encodable {
        let repo: String
        let level: String
        /// Its jobs at each commit (the expanded column page).
        let page: String?
        /// `red` or `green`: its latest upstream commit with a result; `nil` when none is in the
        /// window, and on older pages (the latest page carries the current state).
        let latestResult: CommitOutcome?
        /// Its current red streak; `nil` when its latest result is not red, and on older pages.
        let redStreak: Streak?

        /// Writes every key, nulls included.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(repo, forKey: .repo)
            try c.encode(level, forKey: .level)
            try c.encode(page, forKey: .page)
            try c.encode(latestResult, forKey: .latestResult)
            try c.encode(redStreak, forKey: .redStreak)
        }

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
        let redSince: String?
        /// Red commits in the streak.
        let commits: Int
        /// The last green commit before it; `nil` when none is in the window.
        let lastGreenSHA: String?

        init(_ streak: RedStreak) {
            sinceSHA = streak.sinceSHA
            redSince = streak.redSince
            commits = streak.commits
            lastGreenSHA = streak.lastGreenSHA
        }

        /// Writes every key, nulls included.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sinceSHA, forKey: .sinceSHA)
            try c.encode(redSince, forKey: .redSince)
            try c.encode(commits, forKey: .commits)
            try c.encode(lastGreenSHA, forKey: .lastGreenSHA)
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
        let firstRun: String?
        /// A push's commit title and author; `nil` for commits only nightly or periodic runs built.
        let title: String?
        let author: String?
        /// `push`, `nightly`, `periodic`.
        let kinds: [String]
        let results: [Result]

        /// Writes every key, nulls included.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sha, forKey: .sha)
            try c.encode(upstreamRepo, forKey: .upstreamRepo)
            try c.encode(firstRun, forKey: .firstRun)
            try c.encode(title, forKey: .title)
            try c.encode(author, forKey: .author)
            try c.encode(kinds, forKey: .kinds)
            try c.encode(results, forKey: .results)
        }

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
        let conclusion: String?
        let runAttempt: Int64
        let passedAfterFailedAttempt: Bool
        let startedAt: String?
        let completedAt: String?
        let durationSeconds: Double?
        let testsTotal: Int64
        let testsPassed: Int64
        let testsFailed: Int64
        /// Its drill-down page, when a JUnit report was harvested.
        let url: String?
        let runURL: String?
        /// `{run url}/job/{check_run_id}` ("Show log ›").
        let logURL: String?

        /// Writes every key, nulls included.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(workflow, forKey: .workflow)
            try c.encode(job, forKey: .job)
            try c.encode(kind, forKey: .kind)
            try c.encode(status, forKey: .status)
            try c.encode(conclusion, forKey: .conclusion)
            try c.encode(runAttempt, forKey: .runAttempt)
            try c.encode(passedAfterFailedAttempt, forKey: .passedAfterFailedAttempt)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(completedAt, forKey: .completedAt)
            try c.encode(durationSeconds, forKey: .durationSeconds)
            try c.encode(testsTotal, forKey: .testsTotal)
            try c.encode(testsPassed, forKey: .testsPassed)
            try c.encode(testsFailed, forKey: .testsFailed)
            try c.encode(url, forKey: .url)
            try c.encode(runURL, forKey: .runURL)
            try c.encode(logURL, forKey: .logURL)
        }

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
    let page: Int?
    /// The newer and older pages' documents; `nil` at either end.
    let newer: String?
    let older: String?
    let backends: [Backend]
    let commits: [Commit]

    /// Writes every key, nulls included.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(generatedAt, forKey: .generatedAt)
        try c.encode(levels, forKey: .levels)
        try c.encode(page, forKey: .page)
        try c.encode(newer, forKey: .newer)
        try c.encode(older, forKey: .older)
        try c.encode(backends, forKey: .backends)
        try c.encode(commits, forKey: .commits)
    }

    enum CodingKeys: String, CodingKey {
        case schema, levels, page, newer, older, backends, commits
        case generatedAt = "generated_at"
    }

    /// The document as pretty-printed JSON with sorted keys.
    ///
    /// - Throws: `EncodingError` (not expected: every value is encodable).
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(self)
    }
}
