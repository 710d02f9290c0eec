import Foundation
import OOTCore

/// The query and render stages over one read-only connection: runs the saved queries a
/// ``RenderPlan`` needs and writes the pages through a ``SiteWriter``.
struct RenderPass {
    let queries: QueryRunner
    let renderer: TemplateRenderer
    let writer: SiteWriter!
    let context: SiteContext
    let options: BuildOptions
    let allowlist: Allowlist
    let paths: SitePaths
    let progress: BuildProgress
    /// Pages written, by kind (`summary`, `backend`, `pr`, `job`, …).
    var pages: [String: Int] = [:]
    /// Per backend, the test identities (`classname\u{1F}name`) that have a history page.
    private var historyTests: [String: Set<String>] = [:]

    /// Days of scheduled runs shown on the nightly/periodic pages, and of flaky evidence.
    static let scheduledDays: Int64 = 30
    /// Tests per backend that get a history page (most recently failing first, last 30 days).
    static let historyPages: Int64 = 200
    /// Executions listed on a test's history page.
    static let historyLength = 100

    init(
        queries: QueryRunner, renderer: TemplateRenderer, writer: SiteWriter?, context: SiteContext,
        options: BuildOptions,
        allowlist: Allowlist, paths: SitePaths, progress: BuildProgress = BuildProgress(enabled: false)
    ) {
        self.queries = queries
        self.renderer = renderer
        self.writer = writer
        self.context = context
        self.options = options
        self.allowlist = allowlist
        self.paths = paths
        self.progress = progress
    }

    /// Every backend: those with data in order of first appearance, then allowlisted ones
    /// without data.
    ///
    /// The level is the allowlist's, else the latest job's, else L2.
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
                lastActivity: UTCTimestamp(parsing: row.lastActivity),
                scheduledKinds: kinds,
                hasData: true)
        }
        for entry in allowlist.entries.values.sorted(by: { $0.repo < $1.repo }) where !dataRepos.contains(entry.repo) {
            backends.append(
                BackendInfo(
                    repo: entry.repo, level: entry.level, oncalls: entry.oncalls, lastActivity: nil, scheduledKinds: [],
                    hasData: false))
        }
        return backends
    }

    /// The PR page model of `number` (its `comment.md` source comes back through `comment`).
    func prPage(_ number: Int64, comment: inout String) throws -> PRPage {
        var markdown = ""
        let renderer = self.renderer
        let siteURL = context.siteURL
        let failing = try queries.run("oot_pr_failing_tests", as: OotPrFailingTestsRow.self, ["pr": .integer(number)])
        // Without a failing test there is no grid: skip its query (most PRs).
        let grid =
            failing.isEmpty
            ? [] : try queries.run("oot_pr_test_grid", as: OotPrTestGridRow.self, ["pr": .integer(number)])
        let model = try PRPage(
            number: number, results: try queries.run("oot_pr_results", as: JobRow.self, ["pr": .integer(number)]),
            failingTests: failing, testGrid: grid, paths: paths, context: context
        ) { page in
            markdown = try renderer.render(PRCommentPage(page: page, siteURL: siteURL), "comment.md")
            return markdown
        }
        comment = markdown
        return model
    }

    /// One unit of render work; workers take them one at a time.
    enum Item: Sendable {
        /// Assets, the root index and the three summary ranges.
        case summary([BackendInfo])
        /// One backend's pages.
        case backend(BackendInfo, RenderPlan.Backend)
        /// One PR page and its `comment.md`.
        case pr(Int64)
        /// One drill-down.
        case job(String)
    }

    /// The work `plan` asks for, heaviest first (backends), so parallel workers finish together.
    func items(_ plan: RenderPlan, backends: [BackendInfo]) throws -> [Item] {
        let prs: [Int64] =
            plan.full
            ? try queries.run("oot_pr_numbers", as: OotPrNumbersRow.self).map(\.prNumber) : plan.prs.sorted(by: >)
        let reports: [String] =
            plan.full
            ? try queries.run("oot_report_keys", as: OotReportKeysRow.self).map(\.dynamoKey) : plan.reports.sorted()
        var items: [Item] = [.summary(backends)]
        for backend in backends { if let work = plan.backends[backend.repo] { items.append(.backend(backend, work)) } }
        items += prs.map { .pr($0) }
        items += reports.map { .job($0) }
        return items
    }

    /// Seconds spent per kind of item (`summary`, `backend`, `pr`, `job`), queries included.
    var seconds: [String: Double] = [:]

    /// Renders one item.
    mutating func render(_ item: Item) throws {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let kind: String
            switch item {
            case .summary: kind = "summary"
            case .backend: kind = "backend"
            case .pr: kind = "pr"
            case .job: kind = "job"
            }
            seconds[kind, default: 0] +=
                Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        switch item {
        case .summary(let backends):
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
        case .backend(let backend, let work):
            guard let home = paths.backendDirectory(backend.repo) else { return }
            try renderBackend(backend, home: home, work: work)
        case .pr(let number):
            let directory = SitePaths.prDirectory(number)
            var markdown = ""
            let model = try prPage(number, comment: &markdown)
            try writer.write(markdown, to: directory + "/comment.md")
            try page(renderer.render(model, "pr"), directory, kind: "pr", json: model)
        case .job(let key):
            try renderJob(key)
        }
    }

    /// One drill-down page and its JSON.
    private mutating func renderJob(_ key: String) throws {
        guard let directory = paths.jobDirectory(key),
            let report = try queries.run("oot_job_report", as: OotJobReportRow.self, ["key": .text(key)]).first
        else { return }
        let limit = options.testcasesPerJobPage
        let model = JobPage(
            report: report,
            testcases: try queries.run("oot_job_testcases", ["key": .text(key), "limit": .integer(limit)]),
            slowest: try queries.run("oot_job_slowest", ["key": .text(key), "limit": .integer(20)]),
            suites: try queries.run("oot_job_suites", ["key": .text(key)]), directory: directory, limit: Int(limit),
            paths: paths, context: context, historyTests: try testsWithHistory(report.job.downstreamRepo))
        try page(renderer.render(model, "job"), directory, kind: "job")
        try writer.write(model.json, to: directory + "/index.json")
    }

    /// A backend's pages: the landing matrix, the older pages asked for, nightly/periodic, flaky
    /// evidence, test histories, feed and badge.
    private mutating func renderBackend(_ backend: BackendInfo, home: String, work: RenderPlan.Backend) throws {
        let repo = SQLiteValue.text(backend.repo)
        let now = SQLiteValue.text(context.now.description)
        let perPage = options.prsPerPage
        let summary = try queries.run(
            "oot_backend_summary", as: OotBackendSummaryRow.self,
            ["repo": repo, "days": .integer(context.days), "now": now]
        ).first
        let flakyJobs = try queries.run(
            "oot_backend_flaky_jobs", as: OotBackendFlakyJobsRow.self,
            ["repo": repo, "days": .integer(Self.scheduledDays), "now": now])
        let buckets = try queries.run(
            "oot_backend_buckets", as: OotBackendBucketsRow.self, ["repo": repo, "per_page": .integer(perPage)]
        ).map { Int($0.bucket) }
        let landing = try queries.run(
            "oot_backend_dashboard", as: JobRow.self,
            ["repo": repo, "per_page": .integer(perPage), "offset": .integer(0)])
        func matrixPage(_ bucket: Int?, _ rows: [JobRow]) throws {
            let directory = bucket.map { BackendPage.bucketDirectory(home: home, bucket: $0) } ?? home
            let model = BackendPage(
                backend: backend, directory: directory, home: home, bucket: bucket, buckets: buckets,
                summary: bucket == nil ? summary : nil, dashboard: rows, flakyJobs: flakyJobs.count, paths: paths,
                context: context)
            try page(renderer.render(model, "backend"), directory, kind: "backend", json: model)
        }
        try matrixPage(nil, landing)
        if buckets.count > 1 {
            let wanted = work.allBuckets ? Set(buckets) : work.buckets.intersection(buckets)
            for bucket in wanted.sorted() {
                try matrixPage(
                    bucket,
                    try queries.run(
                        "oot_backend_bucket", as: JobRow.self,
                        ["repo": repo, "bucket": .integer(Int64(bucket)), "per_page": .integer(perPage)]))
            }
        }
        for kind in backend.scheduledKinds {
            let model = ScheduledPage(
                backend: backend, kind: kind, directory: home + "/" + kind.rawValue, home: home,
                days: Self.scheduledDays,
                rows: try queries.run(
                    "oot_nightly_dashboard", as: JobRow.self,
                    [
                        "repo": repo, "event_type": .text(kind.eventType), "days": .integer(Self.scheduledDays),
                        "now": now,
                    ]),
                paths: paths, context: context)
            try page(renderer.render(model, "scheduled"), home + "/" + kind.rawValue, kind: "scheduled", json: model)
        }
        let flaky = FlakyPage(
            repo: backend.repo, directory: home + "/flaky", home: home, days: Self.scheduledDays, flakyJobs: flakyJobs,
            flakyTests: try queries.run(
                "oot_backend_flaky_tests", ["repo": repo, "days": .integer(Self.scheduledDays), "now": now]),
            paths: paths, context: context)
        try page(renderer.render(flaky, "flaky"), home + "/flaky", kind: "flaky", json: flaky)
        if work.allTests || !work.reports.isEmpty {
            try renderTestHistories(backend, home: home, work: work)
        }

        // The feed follows the PRs of the landing page (the latest 50 by activity): a feed reader
        // polls, so older state changes are already in it.
        let latest = landing
        let links = PageLinks(directory: home, paths: paths)
        try writer.write(
            renderer.render(
                FeedPage(repo: backend.repo, home: home, jobs: latest, links: links, now: context.now), "feed.xml"),
            to: home + "/feed.xml")
        try writer.write(renderer.render(BadgePage(jobs: latest), "badge.svg"), to: home + "/badge.svg")
        pages["feed", default: 0] += 1
    }

    /// The backend's failing tests (last 30 days, at most ``historyPages``), which get history pages.
    private func failingTests(_ repo: String) throws -> [(classname: String, name: String)] {
        try queries.run(
            "oot_backend_failing_tests", as: OotBackendFailingTestsRow.self,
            [
                "repo": .text(repo), "days": .integer(Self.scheduledDays), "now": .text(context.now.description),
                "limit": .integer(Self.historyPages),
            ]
        ).map { (classname: $0.classname, name: $0.name) }
    }

    /// ``failingTests(_:)`` as a set of `classname\u{1F}name`, cached per backend.
    private mutating func testsWithHistory(_ repo: String) throws -> Set<String> {
        if let cached = historyTests[repo] { return cached }
        let set = Set(try failingTests(repo).map { $0.classname + "\u{1F}" + $0.name })
        historyTests[repo] = set
        return set
    }

    /// History pages of the backend's failing tests: all of them, or those in `work.reports`.
    private mutating func renderTestHistories(_ backend: BackendInfo, home: String, work: RenderPlan.Backend) throws {
        let repo = SQLiteValue.text(backend.repo)
        let failing = try failingTests(backend.repo)
        historyTests[backend.repo] = Set(failing.map { $0.classname + "\u{1F}" + $0.name })
        var wanted = failing
        if !work.allTests {
            var inReports: Set<String> = []
            for key in work.reports {
                for row in try queries.run(
                    "oot_job_test_identities", as: OotJobTestIdentitiesRow.self, ["key": .text(key)])
                {
                    inReports.insert(row.classname + "\u{1F}" + row.name)
                }
            }
            wanted = failing.filter { inReports.contains($0.classname + "\u{1F}" + $0.name) }
        }
        for test in wanted {
            guard let directory = paths.testDirectory(repo: backend.repo, classname: test.classname, name: test.name)
            else {
                continue
            }
            let model = TestHistoryPage(
                repo: backend.repo, classname: test.classname, name: test.name, directory: directory, home: home,
                history: try queries.run(
                    "oot_test_history",
                    [
                        "repo": repo, "classname": .text(test.classname), "name": .text(test.name),
                        "limit": .integer(Int64(Self.historyLength)),
                    ]),
                limit: Self.historyLength, paths: paths, context: context)
            try page(renderer.render(model, "test"), directory, kind: "test", json: model)
        }
    }

    /// Writes `html` as `directory/index.html` (and `model` as `index.json` beside it).
    private mutating func page(_ html: String, _ directory: String, kind: String, json model: (any Encodable)? = nil)
        throws
    {
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
