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
        let context = SiteContext(now: options.now ?? .now, days: options.days, siteURL: options.siteURL)
        report.now = context.now
        var render = RenderPass(
            queries: queries, renderer: renderer, writer: writer, context: context, options: options)
        report.pages = try render.run()
        report.seconds["render"] = seconds(since: &clock)
        report.written = writer.written
        report.unchanged = writer.unchanged
        return report
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
    let writer: SiteWriter
    let context: SiteContext
    let options: BuildOptions
    var paths = SitePaths()
    var pages: [String: Int] = [:]

    init(queries: QueryRunner, renderer: TemplateRenderer, writer: SiteWriter, context: SiteContext, options: BuildOptions) {
        self.queries = queries
        self.renderer = renderer
        self.writer = writer
        self.context = context
        self.options = options
    }

    mutating func run() throws -> [String: Int] {
        let backends = try queries.run("oot_backends")
        for row in backends.rows { paths.register(repo: row.string("repo")) }
        for row in try queries.run("oot_job_index").rows {
            paths.register(job: row.string("dynamoKey"), repo: row.string("downstream_repo"), checkRunID: row.string("check_run_id"))
        }
        let reports = try queries.run("oot_job_report", ["repo": .text("")])
        let drillDowns = Set(reports.rows.map { $0.string("dynamoKey") })

        try writeAssets()
        try page(renderer.render(IndexPage(), "index"), "index.html", kind: "index")

        let summary = try queries.run(
            "oot_summary", ["days": .integer(context.days), "now": .text(context.now.description)])
        let summaryPage = SummaryPage(summary: summary, backends: backends, paths: paths, context: context)
        try page(renderer.render(summaryPage, "summary"), "oot/index.html", kind: "summary")

        for row in backends.rows {
            let repo = row.string("repo")
            guard let directory = paths.backendDirectory(repo) else { continue }
            let model = BackendPage(
                repo: repo, level: row.string("downstream_repo_level"), directory: directory,
                summary: try queries.run(
                    "oot_backend_summary",
                    ["repo": .text(repo), "days": .integer(context.days), "now": .text(context.now.description)]),
                dashboard: try queries.run(
                    "oot_backend_dashboard",
                    ["repo": .text(repo), "per_page": .integer(options.prsPerPage), "offset": .integer(0)]),
                nightly: try queries.run(
                    "oot_nightly_dashboard",
                    ["repo": .text(repo), "days": .integer(30), "now": .text(context.now.description)]),
                paths: paths, drillDowns: drillDowns, context: context)
            try page(renderer.render(model, "backend"), directory + "/index.html", kind: "backend")
        }

        for row in try queries.run("oot_pr_numbers").rows {
            let number = row.int("pr_number")
            let directory = SitePaths.prDirectory(number)
            var markdown = ""
            let renderer = self.renderer
            let siteURL = context.siteURL
            let model = try PRPage(
                number: number, results: try queries.run("oot_pr_results", ["pr": .integer(number)]),
                failingTests: try queries.run("oot_pr_failing_tests", ["pr": .integer(number)]), paths: paths,
                drillDowns: drillDowns, context: context
            ) { page in
                markdown = try renderer.render(PRComment(page: page, siteURL: siteURL), "comment.md")
                return markdown
            }
            try writer.write(markdown, to: directory + "/comment.md")
            try page(renderer.render(model, "pr"), directory + "/index.html", kind: "pr")
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
            try page(renderer.render(model, "job"), directory + "/index.html", kind: "job")
            try writer.write(model.json, to: directory + "/index.json")
        }
        return pages
    }

    private mutating func page(_ html: String, _ path: String, kind: String) throws {
        try writer.write(html, to: path)
        pages[kind, default: 0] += 1
    }

    private func writeAssets() throws {
        let css = URL(fileURLWithPath: options.templatesDirectory).appendingPathComponent("assets/style.css")
        guard let data = FileManager.default.contents(atPath: css.path) else {
            throw TemplateError(template: "assets/style.css", reason: "missing \(css.path)")
        }
        try writer.write(data, to: "assets/style.css")
    }
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
