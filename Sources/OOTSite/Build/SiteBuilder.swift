import Foundation
import OOTCore

/// The build: fold → harvest → query → render → write (spec §8, §9).
///
/// Data flows one way: the fold and harvest stages write the database; the query and render
/// stages read it through a read-only connection and write only files.
public enum SiteBuilder {
    /// Runs every stage.
    ///
    /// - Parameter options: Paths and settings.
    /// - Returns: What was done, with timings in seconds.
    /// - Throws: ``SQLiteError``, ``SchemaError``, ``QueryError``, ``TemplateError`` or
    ///   ``SiteWriterError``. A bad callback or a bad JUnit file never throws: they are recorded.
    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        var report = BuildReport()
        let renderer = try await TemplateRenderer(directory: options.templatesDirectory)
        let writer = try SiteWriter(directory: options.outputDirectory)

        do {
            let db = try OOTDatabase.openForWriting(path: options.databasePath)
            var clock = ContinuousClock.now
            report.fold = try Fold.run(db)
            report.seconds["fold"] = seconds(since: &clock)
            report.harvest = try await Harvester(options: options.harvest).run(db)
            report.seconds["harvest"] = seconds(since: &clock)
        }

        var clock = ContinuousClock.now
        let db = try OOTDatabase.openForReading(path: options.databasePath)
        let queries = QueryRunner(database: db, directory: options.queriesDirectory)
        let context = SiteContext(
            now: options.now ?? .now, days: options.days, greenThreshold: options.greenThreshold,
            yellowThreshold: options.yellowThreshold, siteURL: options.siteURL, staleHours: options.staleHours)
        report.now = context.now
        var render = RenderPass(
            queries: queries, renderer: renderer, writer: writer, context: context, options: options,
            allowlist: try Allowlist(path: options.allowlistPath))
        report.pages = try render.run()
        report.seconds["render"] = seconds(since: &clock)
        report.written = writer.written
        report.unchanged = writer.unchanged
        return report
    }

    /// The Markdown summary of PR `number` (`comment.md`), from the database as the last build
    /// folded and harvested it; for `oot-hud pr-comment` and PR bots.
    ///
    /// - Throws: ``SQLiteError``, ``QueryError``, ``TemplateError`` or ``AllowlistError``.
    public static func prComment(number: Int64, options: BuildOptions) async throws -> String {
        let renderer = try await TemplateRenderer(directory: options.templatesDirectory)
        let db = try OOTDatabase.openForReading(path: options.databasePath)
        let queries = QueryRunner(database: db, directory: options.queriesDirectory)
        let context = SiteContext(now: options.now ?? .now, days: options.days, siteURL: options.siteURL)
        var pass = RenderPass(
            queries: queries, renderer: renderer, writer: nil, context: context, options: options,
            allowlist: try Allowlist(path: options.allowlistPath))
        return try pass.comment(number: number)
    }

    static func seconds(since start: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        let elapsed = now - start
        start = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The latest job time in the database (UTC), for building a snapshot of sample data "as of"
    /// its own time rather than today.
    ///
    /// - Throws: ``SQLiteError``.
    public static func latestJobTime(databasePath: String) throws -> UTCTimestamp? {
        let db = try OOTDatabase.openForReading(path: databasePath)
        let value = try db.query("SELECT max(max(coalesce(started_at, ''), coalesce(completed_at, ''))) FROM oot_workflow_job")
        return value.first?.first?.text.flatMap(UTCTimestamp.init(parsing:))
    }
}

/// The query and render stages over one read-only connection.
struct RenderPass {
    let queries: QueryRunner
    let renderer: TemplateRenderer
    let writer: SiteWriter!
    let context: SiteContext
    let options: BuildOptions
    let allowlist: Allowlist
    var paths = SitePaths()
    var pages: [String: Int] = [:]

    init(
        queries: QueryRunner, renderer: TemplateRenderer, writer: SiteWriter?, context: SiteContext, options: BuildOptions,
        allowlist: Allowlist
    ) {
        self.queries = queries
        self.renderer = renderer
        self.writer = writer
        self.context = context
        self.options = options
        self.allowlist = allowlist
    }

    /// Days of scheduled runs shown on the nightly/periodic pages.
    static let scheduledDays: Int64 = 30
    /// Tests per backend that get a history page (most recently failing first).
    static let historyPages: Int64 = 200
    /// Executions listed on a test's history page.
    static let historyLength = 100

    /// Registers every path, in a stable order: backends with data by first appearance, then
    /// allowlisted backends without data, then jobs by first appearance.
    ///
    /// - Returns: The `oot_backends` rows and the harvested reports.
    mutating func registerPaths() throws -> (backends: QueryRows, reports: QueryRows) {
        let backendRows = try queries.run("oot_backends")
        for row in backendRows.rows { paths.register(repo: row.string("repo")) }
        let dataRepos = Set(backendRows.rows.map { $0.string("repo") })
        for repo in allowlist.entries.keys.sorted() where !dataRepos.contains(repo) { paths.register(repo: repo) }
        for row in try queries.run("oot_job_index").rows {
            paths.register(job: row.string("dynamoKey"), repo: row.string("downstream_repo"), checkRunID: row.string("check_run_id"))
        }
        return (backendRows, try queries.run("oot_job_report", ["repo": .text("")]))
    }

    /// The PR page model of `number` (its `comment.md` source comes back through `comment`).
    func prPage(_ number: Int64, drillDowns: Set<String>, comment: inout String) throws -> PRPage {
        var markdown = ""
        let renderer = self.renderer
        let siteURL = context.siteURL
        let model = try PRPage(
            number: number, results: try queries.run("oot_pr_results", ["pr": .integer(number)]),
            failingTests: try queries.run("oot_pr_failing_tests", ["pr": .integer(number)]),
            testGrid: try queries.run("oot_pr_test_grid", ["pr": .integer(number)]), paths: paths,
            drillDowns: drillDowns, context: context
        ) { page in
            markdown = try renderer.render(PRComment(page: page, siteURL: siteURL), "comment.md")
            return markdown
        }
        comment = markdown
        return model
    }

    /// `comment.md` of PR `number`.
    mutating func comment(number: Int64) throws -> String {
        let (_, reports) = try registerPaths()
        var markdown = ""
        _ = try prPage(number, drillDowns: Set(reports.rows.map { $0.string("dynamoKey") }), comment: &markdown)
        return markdown
    }

    mutating func run() throws -> [String: Int] {
        let (backendRows, reports) = try registerPaths()
        let dataRepos = Set(backendRows.rows.map { $0.string("repo") })
        let drillDowns = Set(reports.rows.map { $0.string("dynamoKey") })
        var activity: [String: UTCTimestamp] = [:]
        for row in try queries.run("oot_backend_activity").rows {
            activity[row.string("repo")] = row.optionalString("last_activity").flatMap(UTCTimestamp.init(parsing:))
        }
        var backends: [BackendInfo] = backendRows.rows.map { row in
            let repo = row.string("repo")
            let listed = allowlist.entries[repo]
            let level = listed?.level ?? (row.string("downstream_repo_level").isEmpty ? "L2" : row.string("downstream_repo_level"))
            var kinds: [String] = []
            if row.int("nightly_jobs") > 0 { kinds.append("nightly") }
            if row.int("periodic_jobs") > 0 { kinds.append("periodic") }
            return BackendInfo(
                repo: repo, level: level, oncalls: listed?.oncalls ?? [], lastActivity: activity[repo], scheduledKinds: kinds,
                hasData: true)
        }
        for entry in allowlist.entries.values.sorted(by: { $0.repo < $1.repo }) where !dataRepos.contains(entry.repo) {
            backends.append(
                BackendInfo(repo: entry.repo, level: entry.level, oncalls: entry.oncalls, lastActivity: nil, scheduledKinds: [], hasData: false))
        }
        let prsPerBackend = Dictionary(backendRows.rows.map { ($0.string("repo"), $0.int("prs")) }, uniquingKeysWith: { a, _ in a })

        try writeAssets()
        try page(renderer.render(IndexPage(), "index"), "index.html", kind: "index")

        let now = SQLiteValue.text(context.now.description)
        for range in SummaryPage.ranges {
            let model = SummaryPage(
                days: range.days, directory: range.directory,
                summary: try queries.run("oot_summary", ["days": .integer(range.days), "now": now]),
                scheduled: try queries.run("oot_nightly_summary", ["days": .integer(range.days), "now": now]),
                backends: backends, paths: paths, context: context)
            try page(renderer.render(model, "summary"), range.directory, kind: "summary", json: model)
        }

        for backend in backends {
            guard let home = paths.backendDirectory(backend.repo) else { continue }
            try renderBackend(backend, home: home, prs: prsPerBackend[backend.repo] ?? 0, drillDowns: drillDowns)
        }

        for row in try queries.run("oot_pr_numbers").rows {
            let number = row.int("pr_number")
            let directory = SitePaths.prDirectory(number)
            var markdown = ""
            let model = try prPage(number, drillDowns: drillDowns, comment: &markdown)
            try writer.write(markdown, to: directory + "/comment.md")
            try page(renderer.render(model, "pr"), directory, kind: "pr", json: model)
        }

        for report in reports.rows {
            let key = report.string("dynamoKey")
            guard let directory = paths.jobDirectory(key) else { continue }
            let limit = options.testcasesPerJobPage
            let model = JobPage(
                report: report,
                testcases: try queries.run("oot_job_testcases", ["key": .text(key), "limit": .integer(limit)]),
                slowest: try queries.run("oot_job_slowest", ["key": .text(key), "limit": .integer(20)]),
                suites: try queries.run("oot_job_suites", ["key": .text(key)]), directory: directory, limit: Int(limit),
                paths: paths, context: context)
            try page(renderer.render(model, "job"), directory, kind: "job")
            try writer.write(model.json, to: directory + "/index.json")
        }
        return pages
    }

    /// A backend's pages: the PR matrix (paged), nightly/periodic, flaky evidence, test histories,
    /// feed and badge.
    private mutating func renderBackend(_ backend: BackendInfo, home: String, prs: Int64, drillDowns: Set<String>) throws {
        let repo = SQLiteValue.text(backend.repo)
        let now = SQLiteValue.text(context.now.description)
        let summary = try queries.run(
            "oot_backend_summary", ["repo": repo, "days": .integer(context.days), "now": now])
        let flakyJobs = try queries.run(
            "oot_backend_flaky_jobs", ["repo": repo, "days": .integer(Self.scheduledDays), "now": now])
        let perPage = options.prsPerPage
        let pageCount = max(1, Int((prs + perPage - 1) / perPage))
        var firstPage: [JobRow] = []
        for number in 1...pageCount {
            let directory = number == 1 ? home : home + "/page/\(number)"
            let dashboard = try queries.run(
                "oot_backend_dashboard",
                ["repo": repo, "per_page": .integer(perPage), "offset": .integer(Int64(number - 1) * perPage)])
            if number == 1 { firstPage = dashboard.rows.map(JobRow.init) }
            let model = BackendPage(
                backend: backend, directory: directory, home: home, pageNumber: number, pageCount: pageCount,
                summary: summary, dashboard: dashboard, flakyJobs: flakyJobs.rows.count, paths: paths,
                drillDowns: drillDowns, context: context)
            try page(renderer.render(model, "backend"), directory, kind: "backend", json: model)
        }
        for kind in backend.scheduledKinds {
            let model = ScheduledPage(
                backend: backend, kind: kind, directory: home + "/" + kind, home: home, days: Self.scheduledDays,
                rows: try queries.run(
                    "oot_nightly_dashboard", ["repo": repo, "days": .integer(Self.scheduledDays), "now": now]),
                paths: paths, drillDowns: drillDowns, context: context)
            try page(renderer.render(model, "scheduled"), home + "/" + kind, kind: "scheduled", json: model)
        }
        let flaky = FlakyPage(
            repo: backend.repo, directory: home + "/flaky", home: home, days: Self.scheduledDays, flakyJobs: flakyJobs,
            flakyTests: try queries.run(
                "oot_backend_flaky_tests", ["repo": repo, "days": .integer(Self.scheduledDays), "now": now]),
            paths: paths, drillDowns: drillDowns, context: context)
        try page(renderer.render(flaky, "flaky"), home + "/flaky", kind: "flaky", json: flaky)

        for test in try queries.run("oot_backend_failing_tests", ["repo": repo, "limit": .integer(Self.historyPages)]).rows {
            let classname = test.string("classname")
            let name = test.string("name")
            guard let directory = paths.testDirectory(repo: backend.repo, classname: classname, name: name) else { continue }
            let model = TestHistoryPage(
                repo: backend.repo, classname: classname, name: name, directory: directory, home: home,
                history: try queries.run(
                    "oot_test_history",
                    ["repo": repo, "classname": .text(classname), "name": .text(name), "limit": .integer(Int64(Self.historyLength))]),
                limit: Self.historyLength, paths: paths, drillDowns: drillDowns, context: context)
            try page(renderer.render(model, "test"), directory, kind: "test", json: model)
        }

        let history = try queries.run(
            "oot_backend_dashboard", ["repo": repo, "per_page": .integer(200), "offset": .integer(0)]
        ).rows.map(JobRow.init)
        let links = PageLinks(directory: home, paths: paths, drillDowns: drillDowns)
        try writer.write(
            renderer.render(FeedModel(repo: backend.repo, home: home, jobs: history, links: links, now: context.now), "feed.xml"),
            to: home + "/feed.xml")
        try writer.write(renderer.render(BadgeModel(jobs: firstPage), "badge.svg"), to: home + "/badge.svg")
        pages["feed", default: 0] += 1
    }

    /// Writes `html` as `directory/index.html` (and `model` as `index.json` beside it).
    private mutating func page(_ html: String, _ directory: String, kind: String, json model: (any Encodable)? = nil) throws {
        let path = directory.hasSuffix(".html") ? directory : directory + "/index.html"
        try writer.write(html, to: path)
        if let model {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try writer.write(try encoder.encode(model), to: directory + "/index.json")
        }
        pages[kind, default: 0] += 1
    }

    /// Copies the static assets (`assets/style.css`, `assets/hud.js`) from the templates folder.
    private func writeAssets() throws {
        for name in Self.assets {
            let file = URL(fileURLWithPath: options.templatesDirectory).appendingPathComponent("assets/\(name)")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw TemplateError(template: "assets/\(name)", reason: "missing \(file.path)")
            }
            try writer.write(data, to: "assets/\(name)")
        }
    }

    /// Files of `templates/assets/` copied into every site.
    static let assets = ["style.css", "hud.js"]
}

/// The site root `index.html`: a link (and meta refresh) to the summary, so opening the output
/// folder from `file://` lands somewhere useful.
struct IndexPage {
    let page = PageChromeStatic(title: "OOT HUD", root: "")
}

/// Chrome for pages that need no context.
struct PageChromeStatic {
    let title: String
    let root: String
}
