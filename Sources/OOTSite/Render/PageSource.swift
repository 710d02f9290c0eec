import OOTCore

/// What the pages are built from, over one read-only connection: the saved queries (spec §8),
/// the page paths (``SitePaths``), the templates and the build's settings.
///
/// Not `Sendable`: each render worker opens its own (``ParallelRender``).
struct PageSource {
    let queries: QueryRunner
    let paths: SitePaths
    let renderer: TemplateRenderer
    let context: SiteContext
    let options: BuildOptions
    let allowlist: Allowlist

    /// Opens a read-only connection to the build's database and prepares the queries and path
    /// lookups on it.
    ///
    /// - Throws: ``SQLiteError`` when the database cannot be opened or lacks the site tables.
    init(
        options: BuildOptions, renderer: TemplateRenderer, context: SiteContext, allowlist: Allowlist
    ) throws {
        let db = try OOTDatabase.openForReading(path: options.databasePath)
        queries = QueryRunner(database: db, directory: options.queriesDirectory)
        paths = try SitePaths(database: db)
        self.renderer = renderer
        self.context = context
        self.options = options
        self.allowlist = allowlist
    }

    /// Every backend: those with data in order of first appearance, then allowlisted ones
    /// without data.
    ///
    /// The level is the allowlist's, else the latest job's, else L2.
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func backends() throws -> [BackendInfo] {
        let rows = try queries.run("oot_backends", as: OotBackendsRow.self)
        let dataRepos = Set(rows.map(\.repo))
        var backends: [BackendInfo] = rows.map { row in
            let listed = allowlist.entries[row.repo]
            let level = listed?.level ?? (row.downstreamRepoLevel.isEmpty ? "L2" : row.downstreamRepoLevel)
            var kinds: [CommitRunKind] = []
            if row.trunkJobs > 0 { kinds.append(.trunk) }
            if row.nightlyJobs > 0 { kinds.append(.nightly) }
            if row.periodicJobs > 0 { kinds.append(.periodic) }
            return BackendInfo(
                repo: row.repo, level: level, oncalls: listed?.oncalls ?? [],
                lastActivity: UTCTimestamp(parsing: row.lastActivity), scheduledKinds: kinds, hasData: true)
        }
        for entry in allowlist.entries.values.sorted(by: { $0.repo < $1.repo }) where !dataRepos.contains(entry.repo) {
            backends.append(
                BackendInfo(
                    repo: entry.repo, level: entry.level, oncalls: entry.oncalls, lastActivity: nil, scheduledKinds: [],
                    hasData: false))
        }
        return backends
    }

    /// The level readiness of `backend` (issue 16): `oot_backend_readiness` over the readiness
    /// window before the build's time, judged against ``SiteContext/readiness``.
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func readiness(_ backend: BackendInfo) throws -> LevelReadiness {
        let row =
            backend.hasData
            ? try queries.run(
                "oot_backend_readiness", as: OotBackendReadinessRow.self,
                [
                    "repo": .text(backend.repo), "days": .integer(context.readiness.days),
                    "now": .text(context.now.description),
                ]
            ).first : nil
        return LevelReadiness(level: backend.level, row: row, thresholds: context.readiness)
    }

    /// The backend's tests that failed (or were flaky) in the last `days` days before the build's
    /// time, most recently failing first, at most `limit`: the tests that get a history page
    /// (`oot_backend_failing_tests`).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func testsWithHistory(repo: String, days: Int64, limit: Int64) throws -> [TestIdentity] {
        try queries.run(
            "oot_backend_failing_tests", as: OotBackendFailingTestsRow.self,
            [
                "repo": .text(repo), "days": .integer(days), "now": .text(context.now.description),
                "limit": .integer(limit),
            ]
        ).map { TestIdentity(classname: $0.classname, name: $0.name) }
    }

    /// Days of a backend's runs on upstream commits its expanded trunk-grid column shows.
    static let trunkDays: Int64 = 30

    /// Upstream commits (the latest, by first run) the red streaks and health words look back.
    static let trunkCommitsJudged: Int64 = 500

    /// What each backend's jobs say at each upstream commit it ran among the latest
    /// ``trunkCommitsJudged`` (`oot_trunk_states`), newest commit first per backend: the red
    /// streaks and the health words (issue 18).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func trunkStates() throws -> [String: [OotTrunkStatesRow]] {
        Dictionary(
            grouping: try queries.run(
                "oot_trunk_states", as: OotTrunkStatesRow.self,
                ["commits": .integer(Self.trunkCommitsJudged), "now": .text(context.now.description)]),
            by: \.repo)
    }

    /// The health word of `backend` (``BackendHealth``): its latest PR runs
    /// (`oot_backend_pr_runs`) and its latest trunk result in `states` (its rows, newest first).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func health(_ backend: BackendInfo, states: [OotTrunkStatesRow]) throws -> BackendHealth {
        let rows =
            backend.hasData
            ? try queries.run(
                "oot_backend_pr_runs", as: JobRow.self,
                ["repo": .text(backend.repo), "limit": .integer(Int64(BackendHealth.prRuns * 2))]) : []
        let trunk = states.latestResult.map { (sha: Format.shortSHA($0.sha), outcome: $0.outcome) }
        return BackendHealth(prRuns: BackendHealth.prRuns(from: rows, at: context.now), trunk: trunk)
    }

    /// What a backend's state-change feed reads (``FeedPage``): its trunk runs of the last
    /// `days` days (`oot_nightly_dashboard` per kind) when it has any, else the jobs of its latest
    /// PRs (`oot_backend_dashboard`, the landing page's).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func feedRuns(_ backend: BackendInfo, days: Int64) throws -> (hasTrunk: Bool, runs: [JobRow]) {
        let repo = SQLiteValue.text(backend.repo)
        guard !backend.scheduledKinds.isEmpty else {
            return (
                false,
                try queries.run(
                    "oot_backend_dashboard", as: JobRow.self,
                    ["repo": repo, "per_page": .integer(options.prsPerPage), "offset": .integer(0)])
            )
        }
        return (true, try backend.scheduledKinds.flatMap { try scheduledRuns(backend.repo, kind: $0, days: days) })
    }

    /// The runs of `repo` of one kind in the last `days` days before the build's time
    /// (`oot_nightly_dashboard`): a trunk, nightly or periodic page's rows.
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    func scheduledRuns(_ repo: String, kind: CommitRunKind, days: Int64) throws -> [JobRow] {
        try queries.run(
            "oot_nightly_dashboard", as: JobRow.self,
            [
                "repo": .text(repo), "event_type": .text(kind.eventType), "days": .integer(days),
                "now": .text(context.now.description),
            ])
    }

    /// Executions read per test (or job) to classify a failure: the newest, enough for 14 days
    /// of history and the trunk run before the PR on any backend we have seen.
    static let classificationHistory: Int64 = 300

    /// The PR page model of `number`, its `comment.md` source and its `index.json` document
    /// (spec §9.3, §10; docs/classification.md).
    ///
    /// - Parameters:
    ///   - backends: Every backend with its level (``backends()``).
    ///   - historyExists: Whether a test has a history page on a backend.
    ///   - histories: Evidence already read by this worker (kept across PR pages).
    /// - Throws: ``QueryError``, ``QueryRowError``, ``SQLiteError`` or ``TemplateError``.
    func prPage(
        _ number: Int64, backends: [BackendInfo], historyExists: (String, TestIdentity) throws -> Bool,
        histories: HistoryCache = HistoryCache()
    ) throws -> (page: PRPage, comment: String, document: PRDocument) {
        var markdown = ""
        let renderer = self.renderer
        let siteURL = context.siteURL
        let pr = SQLiteValue.integer(number)
        let results = try queries.run("oot_pr_results", as: JobRow.self, ["pr": pr])
        let failing = try queries.run("oot_pr_failing_tests", as: OotPrFailingTestsRow.self, ["pr": pr])
        // Without a failing test there is no grid: skip its query (most PRs).
        let grid = failing.isEmpty ? [] : try queries.run("oot_pr_test_grid", as: OotPrTestGridRow.self, ["pr": pr])
        let levels = backends.levelsByRepo
        let head = results.shasNewestFirst().first?.sha
        // The latest attempt of each job of each backend on the head SHA.
        let headJobs = Dictionary(grouping: results.filter { $0.headSHA == head }, by: \.downstreamRepo).values
            .flatMap { $0.latestAttempts().values.map(\.row) }
        let reportErrors = try queries.run("oot_pr_report_errors", as: OotPrReportErrorsRow.self, ["pr": pr])
        let limit = SQLiteValue.integer(Self.classificationHistory)
        let triage = PRTriage(
            testHistory: { repo, test in
                try histories.test(repo: repo, test: test) {
                    try queries.run(
                        "oot_test_history", as: OotTestHistoryRow.self,
                        [
                            "repo": .text(repo), "classname": .text(test.classname), "name": .text(test.name),
                            "limit": limit,
                        ]
                    ).map(Observation.init)
                }
            },
            jobHistory: { repo, workflow, job in
                try histories.job(repo: repo, workflow: workflow, job: job) {
                    try queries.run(
                        "oot_job_history", as: OotJobHistoryRow.self,
                        ["repo": .text(repo), "workflow": .text(workflow), "job": .text(job), "limit": limit]
                    ).map(Observation.init)
                }
            })
        let classified = try triage.failures(
            headJobs: headJobs,
            failingTests: failing.map {
                PRTriage.FailingTest(
                    dynamoKey: $0.dynamoKey, test: TestIdentity(classname: $0.classname, name: $0.name),
                    passedInReport: $0.passedInReport)
            },
            reportErrors: Dictionary(
                reportErrors.map { ($0.dynamoKey, $0.error ?? $0.state) }, uniquingKeysWith: { a, _ in a }),
            levels: levels, now: context.now)
        let page = try PRPage(
            number: number, results: results, failingTests: failing, testGrid: grid, triage: classified,
            levels: levels, registered: backends.filter { allowlist.entries[$0.repo] != nil },
            historyExists: historyExists, paths: paths, context: context
        ) { page in
            markdown = try renderer.render(PRCommentPage(page: page, siteURL: siteURL), "comment.md")
            return markdown
        }
        return (page, markdown, PRDocument(page: page, now: context.now))
    }
}
