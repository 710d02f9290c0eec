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

    /// The PR page model of `number` and its `comment.md` source (spec §9.3, §10).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError``, ``SQLiteError`` or ``TemplateError``.
    func prPage(_ number: Int64) throws -> (page: PRPage, comment: String) {
        var markdown = ""
        let renderer = self.renderer
        let siteURL = context.siteURL
        let failing = try queries.run("oot_pr_failing_tests", as: OotPrFailingTestsRow.self, ["pr": .integer(number)])
        // Without a failing test there is no grid: skip its query (most PRs).
        let grid =
            failing.isEmpty
            ? [] : try queries.run("oot_pr_test_grid", as: OotPrTestGridRow.self, ["pr": .integer(number)])
        let page = try PRPage(
            number: number, results: try queries.run("oot_pr_results", as: JobRow.self, ["pr": .integer(number)]),
            failingTests: failing, testGrid: grid, paths: paths, context: context
        ) { page in
            markdown = try renderer.render(PRCommentPage(page: page, siteURL: siteURL), "comment.md")
            return markdown
        }
        return (page, markdown)
    }
}
