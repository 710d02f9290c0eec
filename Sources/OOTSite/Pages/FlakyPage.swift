import OOTCore

/// A backend's flaky evidence, `/oot/<org>/<repo>/flaky/`: one row per job, then one row per
/// test, with how often it was flaky, the rate, when it was last seen and the evidence (the runs
/// and reports that show it) in a `<details>`.
///
/// A job is flaky at a SHA when it failed (or timed out) on one attempt and passed on a later
/// one; a test when it passed after failed attempts inside one report, or failed in one job and
/// passed in another at one SHA. An occurrence is one SHA. The rate is the occurrences over the
/// SHAs its job completed a run at in the window (for a test, the jobs it was flaky in), so a job
/// run on every PR with 2 flaky SHAs out of 40 reads `5.0%`. Rows are sorted by occurrences, then
/// most recently seen.
struct FlakyPage: Sendable, Encodable {
    /// One piece of evidence: an occurrence at one SHA, with its runs or reports linked.
    struct Occurrence: Sendable, Encodable {
        let pr: Int64
        let prHref: String?
        let sha: String
        /// The test's evidence in words; `nil` for a job (its attempts say it).
        let evidence: String?
        /// The failing attempt or report.
        let failedText: String
        let failedHref: String?
        /// The passing attempt or report; `nil` when the same report shows both.
        let passedText: String?
        let passedHref: String?
        let when: String
        let whenAbsolute: String
    }

    /// One job or test, with its occurrences.
    struct Row: Sendable, Encodable {
        /// `workflow / job`, or `classname.name`.
        let name: String
        /// The test's history page (tests only).
        let historyHref: String?
        /// SHAs with flaky evidence.
        let count: Int
        /// SHAs the job (or the test's jobs) completed a run at in the window; at least ``count``.
        let shas: Int
        /// ``count`` / ``shas``, for example `5.0%`.
        let rate: String
        /// `error` at 20 % and above, `warning` at 5 %, else `default`.
        let rateClass: String
        let lastSeen: String
        let lastSeenAbsolute: String
        /// Newest first.
        let occurrences: [Occurrence]
        /// `1 occurrence` / `3 occurrences`.
        let evidenceSummary: String
        /// Sort key: the latest occurrence's start (UTC), `""` when unknown.
        @NotEncoded var latest: String
    }

    let page: PageChrome
    let repo: String
    let backendHref: String
    let days: Int64
    let jobs: [Row]
    let hasJobs: Bool
    let tests: [Row]
    let hasTests: Bool
    /// Said when a query hit its row limit: older evidence is then not counted.
    let limitNote: String?

    /// Rows of evidence read at most (the `LIMIT`s of `oot_backend_flaky_jobs` and
    /// `oot_backend_flaky_tests`).
    static let jobRowsRead = 200
    static let testRowsRead = 500

    /// Builds the page from `oot_backend_flaky_jobs`, `oot_backend_flaky_tests` and
    /// `oot_backend_job_runs` rows of the same window.
    ///
    /// - Throws: ``SQLiteError`` when a page path lookup fails.
    init(
        repo: String, directory: String, home: String, days: Int64, flakyJobs: [OotBackendFlakyJobsRow],
        flakyTests: [OotBackendFlakyTestsRow], jobRuns: [OotBackendJobRunsRow],
        paths: SitePaths, context: SiteContext
    ) throws {
        page = PageChrome(title: "\(repo) — flaky | OOT CI", directory: directory, context: context)
        self.repo = repo
        self.days = days
        let links = PageLinks(directory: directory, paths: paths)
        backendHref = links.page(home)
        let now = context.now
        func report(_ key: String) throws -> String? { try links.drillDown(key) }
        func jobName(_ workflow: String, _ job: String) -> String { workflow.isEmpty ? job : "\(workflow) / \(job)" }
        let shasRun = Dictionary(
            jobRuns.map { (jobName($0.workflowName, $0.jobName), Int($0.shas)) }, uniquingKeysWith: { a, b in a + b })
        func occurrence(
            pr: Int64, sha: String, evidence: String?, failed: (String, String?), passed: (String, String?)?,
            started: String?
        ) -> Occurrence {
            let time = started.flatMap(UTCTimestamp.init(parsing:))
            return Occurrence(
                pr: pr, prHref: pr > 0 ? links.prPage(pr) : nil, sha: Format.shortSHA(sha), evidence: evidence,
                failedText: failed.0, failedHref: failed.1, passedText: passed?.0, passedHref: passed?.1,
                when: Format.relative(time, now: now), whenAbsolute: Format.absolute(time))
        }
        /// One row from its occurrences as `(sha, start, occurrence)`, rated against `jobs`' SHAs.
        func row(name: String, historyHref: String?, jobs: Set<String>, _ found: [(String, String, Occurrence)])
            -> Row
        {
            let newestFirst = found.sorted { $0.1 > $1.1 }
            let count = Set(found.map(\.0)).count
            let shas = max(count, jobs.reduce(0) { $0 + (shasRun[$1] ?? 0) })
            let rate = shas > 0 ? Double(count) / Double(shas) : 0
            let latest = newestFirst.first?.1 ?? ""
            let time = UTCTimestamp(parsing: latest)
            return Row(
                name: name, historyHref: historyHref, count: count, shas: shas, rate: Format.percent(rate),
                rateClass: rate >= 0.2 ? "error" : rate >= 0.05 ? "warning" : "default",
                lastSeen: Format.relative(time, now: now), lastSeenAbsolute: Format.absolute(time),
                occurrences: newestFirst.map(\.2),
                evidenceSummary: "\(newestFirst.count) occurrence\(newestFirst.count == 1 ? "" : "s")",
                latest: latest)
        }
        func ranked(_ rows: [Row]) -> [Row] {
            rows.sorted {
                ($0.count, $0.latest) != ($1.count, $1.latest)
                    ? ($0.count, $0.latest) > ($1.count, $1.latest) : $0.name < $1.name
            }
        }

        var jobOrder: [String] = []
        var byJob: [String: [(String, String, Occurrence)]] = [:]
        for r in flakyJobs {
            let name = jobName(r.workflowName, r.jobName)
            if byJob[name] == nil { jobOrder.append(name) }
            let found = occurrence(
                pr: r.prNumber, sha: r.pytorchHeadSha,
                evidence: nil,
                failed: (
                    "attempt \(r.failedAttempt) \(r.failedConclusion)",
                    try report(r.failedKey) ?? SafeURL.external(r.failedRunUrl)
                ),
                passed: (
                    "attempt \(r.passedAttempt) success", try report(r.passedKey) ?? SafeURL.external(r.passedRunUrl)
                ),
                started: r.startedAt)
            byJob[name, default: []].append((r.pytorchHeadSha, r.startedAt ?? "", found))
        }
        jobs = ranked(jobOrder.map { row(name: $0, historyHref: nil, jobs: [$0], byJob[$0] ?? []) })
        hasJobs = !jobs.isEmpty

        struct TestKey: Hashable {
            let classname: String
            let name: String
        }
        var testOrder: [TestKey] = []
        var byTest: [TestKey: [(String, String, Occurrence)]] = [:]
        var testJobs: [TestKey: Set<String>] = [:]
        for r in flakyTests {
            let key = TestKey(classname: r.classname, name: r.name)
            if byTest[key] == nil { testOrder.append(key) }
            let rerun = r.evidence == "rerun"
            let found = occurrence(
                pr: r.prNumber, sha: r.pytorchHeadSha,
                evidence: rerun ? "passed after failed attempts in one report" : "failed and passed on the same SHA",
                failed: (rerun ? "report" : "failed", try report(r.failedKey)),
                passed: rerun ? nil : ("passed", try report(r.passedKey)), started: r.startedAt)
            byTest[key, default: []].append((r.pytorchHeadSha, r.startedAt ?? "", found))
            testJobs[key, default: []].insert(jobName(r.workflowName, r.jobName))
        }
        tests = ranked(
            try testOrder.map { key in
                row(
                    name: key.classname.isEmpty ? key.name : "\(key.classname).\(key.name)",
                    historyHref: try links.testHistory(repo: repo, classname: key.classname, name: key.name),
                    jobs: testJobs[key] ?? [], byTest[key] ?? [])
            })
        hasTests = !tests.isEmpty
        let capped = flakyJobs.count >= Self.jobRowsRead || flakyTests.count >= Self.testRowsRead
        limitNote =
            capped
            ? "Only the newest \(Self.jobRowsRead) job and \(Self.testRowsRead) test pieces of evidence are read: older occurrences are not counted."
            : nil
    }
}
