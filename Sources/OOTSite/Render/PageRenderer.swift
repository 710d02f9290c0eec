import Foundation
import OOTCore

/// Renders ``RenderItem``s: runs the saved queries a page needs (``PageSource``), builds its view
/// model (`Pages/`), renders it through the templates and writes it, with its `index.json`,
/// through a ``SiteWriter`` (spec §9).
///
/// One per render worker; never writes the database.
struct PageRenderer {
    let source: PageSource
    let writer: SiteWriter
    /// Pages written and seconds spent so far (a reference, so page builders that read `self`
    /// can count without an exclusive access to it).
    private let counts = Counts()

    /// Pages by kind and seconds by item kind.
    private final class Counts {
        var pages: [String: Int] = [:]
        var seconds: [String: Double] = [:]

        /// A stopwatch from now that adds each lap's seconds to ``seconds`` under `prefix` + its name.
        func laps(prefix: String) -> Laps { Laps(counts: self, prefix: prefix) }
    }

    /// Times consecutive steps into ``Counts/seconds`` (shown by `--query-stats` as `render <key>`).
    private final class Laps {
        let counts: Counts
        let prefix: String
        private var clock = ContinuousClock.now

        init(counts: Counts, prefix: String) {
            self.counts = counts
            self.prefix = prefix
        }

        /// Adds the seconds since the last lap (or the start) to `prefix + name`.
        func lap(_ name: String) {
            let now = ContinuousClock.now
            counts.seconds[prefix + name, default: 0] += (now - clock).inSeconds
            clock = now
        }
    }
    /// Per backend, the test identities (`classname\u{1F}name`) that have a history page.
    private var historyTests: [String: Set<String>] = [:]
    /// Every backend with its level, read once per renderer.
    private var backends: [BackendInfo]?
    /// Classification evidence read so far by this renderer.
    private let histories = HistoryCache()
    /// Each backend's results per upstream commit (``PageSource/trunkStates()``), read once per
    /// renderer.
    private var trunkStates: [String: [OotTrunkStatesRow]]?

    /// Days of scheduled runs shown on the nightly/periodic pages, and of flaky evidence.
    static let scheduledDays: Int64 = 30
    /// Tests per backend that get a history page (most recently failing first, last 30 days).
    static let historyPages: Int64 = 200
    /// Executions listed on a test's history page.
    static let historyLength = 100
    /// Files of `templates/assets/` copied into every site.
    static let assets = ["style.css", "hud.js", "search.js"]

    init(source: PageSource, writer: SiteWriter) {
        self.source = source
        self.writer = writer
    }

    private var queries: QueryRunner { source.queries }
    private var paths: SitePaths { source.paths }
    private var context: SiteContext { source.context }
    private var renderer: TemplateRenderer { source.renderer }

    /// Renders one item and counts its time.
    ///
    /// - Throws: ``RenderError`` naming the page and the cause (a query, template, path lookup or
    ///   write that failed).
    mutating func render(_ item: RenderItem) throws {
        let start = ContinuousClock.now
        defer { counts.seconds[item.kind, default: 0] += (ContinuousClock.now - start).inSeconds }
        switch item {
        case .summary(let backends):
            try writeAssets()
            try page("index.html", kind: "index") { try renderer.render(IndexPage(), "index") }
            try page("oot/feed.xml", kind: "feed") {
                var feeds: [(repo: String, home: String, hasTrunk: Bool, runs: [JobRow])] = []
                for backend in backends where backend.hasData {
                    guard let home = try paths.backendDirectory(backend.repo) else { continue }
                    let (hasTrunk, runs) = try source.feedRuns(backend, days: Self.scheduledDays)
                    feeds.append((backend.repo, home, hasTrunk, runs))
                }
                return try renderer.render(FeedPage(backends: feeds, paths: paths, now: context.now), "feed.xml")
            }
            let now = SQLiteValue.text(context.now.description)
            let (sparklines, readiness) = try Self.at("oot") {
                let days = Sparkline.dayList(endingAt: context.now, count: Sparkline.days)
                let trend = try queries.run(
                    "oot_summary_trend", as: OotSummaryTrendRow.self,
                    ["days": .integer(Sparkline.days), "now": now])
                let byRepo = Dictionary(grouping: trend, by: \.repo)
                var readiness: [String: LevelReadiness] = [:]
                for backend in backends { readiness[backend.repo] = try source.readiness(backend) }
                return (byRepo.mapValues { Sparkline(days: days, rows: $0) }, readiness)
            }
            let health = try Self.at("oot") {
                let states = try trunkStateList()
                var health: [String: BackendHealth] = [:]
                for backend in backends where backend.level != "L1" {
                    health[backend.repo] = try source.health(backend, states: states[backend.repo] ?? [])
                }
                return health
            }
            for range in SummaryPage.ranges {
                try page(range.directory, kind: "summary") {
                    try SummaryPage(
                        days: range.days, directory: range.directory,
                        summary: try queries.run("oot_summary", ["days": .integer(range.days), "now": now]),
                        scheduled: try queries.run("oot_nightly_summary", ["days": .integer(range.days), "now": now]),
                        backends: backends, sparklines: sparklines, readiness: readiness, health: health,
                        paths: paths, context: context)
                } html: {
                    try renderer.render($0, "summary")
                }
            }
        case .backend(let backend, let work):
            guard let home = try Self.at("oot/\(backend.repo)", { try paths.backendDirectory(backend.repo) }) else {
                return
            }
            try renderBackend(backend, home: home, work: work)
        case .pr(let number):
            let directory = SitePaths.prDirectory(number)
            let backends = try Self.at(directory) { try backendList() }
            try Self.at(directory) {
                let (model, comment, document) = try source.prPage(
                    number, backends: backends,
                    historyExists: { repo, test in
                        try testsWithHistory(repo).contains(test.classname + "\u{1F}" + test.name)
                    }, histories: histories)
                try writer.write(comment, to: directory + "/comment.md")
                try writer.write(try renderer.render(model, "pr"), to: directory + "/index.html")
                try writer.write(try document.json(), to: directory + "/index.json")
            }
            counts.pages["pr", default: 0] += 1
        case .job(let key):
            try renderJob(key)
        case .search(let work):
            try renderSearch(work)
        case .trunk(let work):
            try renderTrunk(work)
        case .test(let test):
            let directory = SitePaths.crossBackendTestDirectory(classname: test.classname, name: test.name)
            let backends = try Self.at(directory) { try backendList() }
            let levels = backends.levelsByRepo
            let executions = try Self.at(directory) {
                try queries.run(
                    "oot_test_across_backends", as: OotTestAcrossBackendsRow.self,
                    [
                        "classname": .text(test.classname), "name": .text(test.name),
                        "per_backend": .integer(TestAcrossPage.perBackend),
                    ])
            }
            try page(directory, kind: "test-across") { () throws -> TestAcrossPage in
                try TestAcrossPage(
                    test: test, directory: directory, executions: executions, levels: levels,
                    historyExists: { repo in
                        try testsWithHistory(repo).contains(test.classname + "\u{1F}" + test.name)
                    }, paths: paths, context: context)
            } html: {
                try renderer.render($0, "test-across")
            }
        }
    }

    /// Part of the search index (docs/search.md): `search/index.js`, the A–Z pages
    /// (`search/…/index.html`), parts of word shards (`search/shard/<shard>/<part>.js`) and detail buckets
    /// (`search/detail/<bucket>.js`), as `work` asks.
    private mutating func renderSearch(_ work: SearchWork) throws {
        let backends = try Self.at("search") { try backendList() }
        var listed: [(repo: String, directory: String, level: String)] = []
        for backend in backends {
            if let directory = try Self.at("search", { try paths.backendDirectory(backend.repo) }) {
                listed.append((backend.repo, directory, backend.level))
            }
        }
        // Time per part of the search index, shown by `--query-stats` as `render search-…`.
        let laps = counts.laps(prefix: "search-")
        if work.manifest {
            try Self.at("search/index.js") {
                let manifest = SearchManifest(
                    backends: listed, jobs: try queries.run("oot_search_jobs", as: OotSearchJobsRow.self),
                    prs: try queries.run("oot_search_prs", as: OotSearchPrsRow.self),
                    shards: try queries.run("oot_search_shards", as: OotSearchShardsRow.self))
                try writer.write(try SearchScript.call("index", manifest), to: "search/index.js")
            }
            counts.pages["search", default: 0] += 1
        }
        laps.lap("index")
        if work.manifest || !work.letters.isEmpty {
            let pages = try Self.at("search") {
                try SearchPage.pages(
                    index: work.manifest, letters: work.letters, backends: backends, history: work.history,
                    paths: paths, context: context)
            }
            for model in pages {
                try page(model.directory, kind: "search") {
                    model
                } html: {
                    try renderer.render($0, "search")
                }
            }
        }
        laps.lap("az")
        for word in work.words {
            let path = "search/shard/\(word).js"
            try Self.at(path) {
                guard let slash = word.lastIndex(of: "/"), let part = Int64(word[word.index(after: slash)...]) else {
                    throw SearchWorkError(item: word)
                }
                let shard = String(word[..<slash])
                let rows = try queries.run(
                    "oot_search_shard", as: OotSearchShardRow.self,
                    [
                        "shard": .text(shard), "offset": .integer(part * SearchShard.partSize),
                        "part_size": .integer(SearchShard.partSize),
                    ])
                let model = SearchShard(shard: shard, part: part, rows: rows)
                try writer.write(try SearchScript.call("shard", model), to: path)
            }
            counts.pages["search-shard", default: 0] += 1
        }
        laps.lap("shards")
        let index = Dictionary(listed.enumerated().map { ($1.repo, $0) }, uniquingKeysWith: { a, _ in a })
        for bucket in work.buckets {
            let path = "search/detail/\(bucket).js"
            try Self.at(path) {
                let size = SearchChanges.bucketSize
                let model = try SearchDetails(
                    bucket: bucket,
                    rows: try queries.run(
                        "oot_search_details", as: OotSearchDetailsRow.self,
                        ["first": .integer(bucket * size), "last": .integer(bucket * size + size - 1)]),
                    backendIndex: index, history: work.history, jobDirectory: { try paths.jobDirectory($0) },
                    backendDirectory: { try paths.backendDirectory($0) })
                try writer.write(try SearchScript.call("detail", model), to: path)
            }
            counts.pages["search-detail", default: 0] += 1
        }
        laps.lap("details")
    }

    /// One drill-down page and its JSON.
    private mutating func renderJob(_ key: String) throws {
        guard let directory = try Self.at("job \(key)", { try paths.jobDirectory(key) }) else { return }
        try Self.at(directory) {
            guard let report = try queries.run("oot_job_report", as: OotJobReportRow.self, ["key": .text(key)]).first
            else { return }
            let limit = source.options.testcasesPerJobPage
            let model = try JobPage(
                report: report,
                testcases: try queries.run("oot_job_testcases", ["key": .text(key), "limit": .integer(limit)]),
                slowest: try queries.run("oot_job_slowest", ["key": .text(key), "limit": .integer(20)]),
                suites: try queries.run("oot_job_suites", ["key": .text(key)]), directory: directory,
                limit: Int(limit), paths: paths, context: context,
                historyTests: try testsWithHistory(report.job.downstreamRepo))
            try writer.write(try renderer.render(model, "job"), to: directory + "/index.html")
            try writer.write(try model.json(), to: directory + "/index.json")
            counts.pages["job", default: 0] += 1
        }
    }

    /// A backend's pages: the landing matrix, the older pages asked for, trunk/nightly/periodic,
    /// flaky evidence, test histories, feed and badge.
    private mutating func renderBackend(_ backend: BackendInfo, home: String, work: RenderPlan.Backend) throws {
        let repo = SQLiteValue.text(backend.repo)
        let now = SQLiteValue.text(context.now.description)
        let perPage = source.options.prsPerPage
        let (summary, flakyJobs, buckets, landing) = try Self.at(home) {
            (
                try queries.run(
                    "oot_backend_summary", as: OotBackendSummaryRow.self,
                    ["repo": repo, "days": .integer(context.days), "now": now]
                ).first,
                try queries.run(
                    "oot_backend_flaky_jobs", as: OotBackendFlakyJobsRow.self,
                    ["repo": repo, "days": .integer(Self.scheduledDays), "now": now]),
                try queries.run(
                    "oot_backend_buckets", as: OotBackendBucketsRow.self, ["repo": repo, "per_page": .integer(perPage)]
                ),
                try queries.run(
                    "oot_backend_dashboard", as: JobRow.self,
                    ["repo": repo, "per_page": .integer(perPage), "offset": .integer(0)])
            )
        }
        // The pager lists the older pages that list PRs (those of their bucket not on the landing
        // page); with one bucket, every PR is on the landing page and there are no older pages.
        let listed = MatrixPages.listed(buckets.map { (bucket: $0.bucket, listed: $0.listed) })
        let (trend, readiness) = try Self.at(home) {
            (
                try queries.run(
                    "oot_backend_trend", as: OotBackendTrendRow.self,
                    ["repo": repo, "days": .integer(TrendPanel.days), "now": now]),
                try source.readiness(backend)
            )
        }
        func matrixPage(_ bucket: OotBackendBucketsRow?, _ rows: () throws -> [JobRow]) throws {
            let directory = bucket.map { BackendPage.bucketDirectory(home: home, bucket: Int($0.bucket)) } ?? home
            try page(directory, kind: "backend") {
                try BackendPage(
                    backend: backend, directory: directory, home: home, bucket: bucket, listed: listed,
                    perPage: Int(perPage), summary: bucket == nil ? summary : nil, dashboard: try rows(),
                    flakyJobs: flakyJobs.count, trend: bucket == nil ? trend : nil,
                    readiness: bucket == nil ? readiness : nil, paths: paths, context: context)
            } html: {
                try renderer.render($0, "backend")
            }
        }
        try page(TrendsPage.directory(home: home), kind: "trends") {
            try TrendsPage(
                backend: backend, home: home, trend: trend,
                failures: try queries.run(
                    "oot_backend_day_failures", as: OotBackendDayFailuresRow.self,
                    [
                        "repo": repo, "days": .integer(TrendPanel.days), "now": now,
                        "per_day": .integer(TrendsPage.failedPerDay),
                    ]),
                readiness: readiness, paths: paths, context: context)
        } html: {
            try renderer.render($0, "trends")
        }
        try matrixPage(nil) { landing }
        if buckets.count > 1 {
            for bucket in buckets.reversed() where work.allBuckets || work.buckets.contains(Int(bucket.bucket)) {
                try matrixPage(bucket) {
                    try queries.run(
                        "oot_backend_bucket", as: JobRow.self,
                        ["repo": repo, "bucket": .integer(bucket.bucket), "per_page": .integer(perPage)])
                }
            }
        }
        var trunkRuns: [JobRow] = []
        for kind in backend.scheduledKinds {
            let directory = home + "/" + kind.rawValue
            let rows = try Self.at(directory) {
                try source.scheduledRuns(backend.repo, kind: kind, days: Self.scheduledDays)
            }
            trunkRuns += rows
            try page(directory, kind: "scheduled") {
                try ScheduledPage(
                    backend: backend, kind: kind, directory: directory, home: home, days: Self.scheduledDays,
                    rows: rows, paths: paths, context: context)
            } html: {
                try renderer.render($0, "scheduled")
            }
        }
        if !backend.scheduledKinds.isEmpty {
            let directory = TrunkBackendPage.directory(home: home)
            let limit = source.options.commitsPerPage
            let (jobs, states) = try Self.at(directory) {
                (
                    try queries.run(
                        "oot_trunk_backend", as: JobRow.self,
                        [
                            "repo": repo, "limit": .integer(limit), "days": .integer(PageSource.trunkDays),
                            "now": now,
                        ]),
                    try trunkStateList()[backend.repo] ?? []
                )
            }
            try page(directory, kind: "trunk-backend") {
                try TrunkBackendPage(
                    backend: backend, home: home, jobs: jobs, states: states, limit: limit,
                    days: PageSource.trunkDays, window: PageSource.trunkCommitsJudged, paths: paths, context: context)
            } html: {
                try renderer.render($0, "trunk-backend")
            }
        }
        try page(home + "/flaky", kind: "flaky") {
            try FlakyPage(
                repo: backend.repo, directory: home + "/flaky", home: home, days: Self.scheduledDays,
                flakyJobs: flakyJobs,
                flakyTests: try queries.run(
                    "oot_backend_flaky_tests", ["repo": repo, "days": .integer(Self.scheduledDays), "now": now]),
                jobRuns: try queries.run(
                    "oot_backend_job_runs", ["repo": repo, "days": .integer(Self.scheduledDays), "now": now]),
                paths: paths, context: context)
        } html: {
            try renderer.render($0, "flaky")
        }
        if work.allTests || !work.reports.isEmpty {
            try renderTestHistories(backend, home: home, work: work)
        }

        // The feed follows the trunk runs of the last 30 days (the pages above), or without any the
        // PRs of the landing page (the latest 50 by activity), as `PageSource.feedRuns` reads them
        // for the global feed: a feed reader polls, so older state changes are already in it.
        try Self.at(home + "/feed.xml") {
            let hasTrunk = !backend.scheduledKinds.isEmpty
            let feed = try FeedPage(
                repo: backend.repo, home: home, hasTrunk: hasTrunk, runs: hasTrunk ? trunkRuns : landing,
                paths: paths, now: context.now)
            try writer.write(try renderer.render(feed, "feed.xml"), to: home + "/feed.xml")
            try writer.write(try renderer.render(BadgePage(jobs: landing), "badge.svg"), to: home + "/badge.svg")
        }
        counts.pages["feed", default: 0] += 1
    }

    /// Pages of the trunk grid (docs/trunk.md): for each page `work` names (the landing page, older
    /// pages), one query for the runs on its commits, then one page and `index.json` per view
    /// (``TrunkView``).
    private mutating func renderTrunk(_ work: TrunkWork) throws {
        let perPage = source.options.commitsPerPage
        let (backends, states, buckets) = try Self.at(TrunkView.root) {
            (
                try backendList(), try trunkStateList(),
                try queries.run("oot_trunk_buckets", as: OotTrunkBucketsRow.self, ["per_page": .integer(perPage)])
            )
        }
        // As the backend matrix: with one bucket every commit is on the landing page.
        let existing = buckets.count > 1 ? Set(buckets.map { Int($0.bucket) }) : []
        let listed = MatrixPages.listed(buckets.map { (bucket: $0.bucket, listed: $0.listed) })
        let pages: [Int?] = (work.landing ? [nil] : []) + work.buckets.filter(existing.contains).map { $0 }
        for bucket in pages {
            let home = TrunkView.root + (bucket.map { "/page/\($0)" } ?? "")
            let jobs = try Self.at(home) {
                try queries.run(
                    "oot_trunk_page", as: JobRow.self,
                    ["per_page": .integer(perPage), "bucket": .integer(Int64(bucket ?? 0))])
            }
            for view in TrunkView.allCases {
                let directory =
                    bucket.map { BackendPage.bucketDirectory(home: view.directory, bucket: $0) } ?? view.directory
                try page(directory, kind: "trunk") {
                    try TrunkGridPage(
                        view: view, bucket: bucket, listed: listed, perPage: Int(perPage), jobs: jobs,
                        backends: backends, states: states, window: PageSource.trunkCommitsJudged, paths: paths,
                        context: context)
                } html: {
                    try renderer.render($0, "trunk")
                } json: {
                    try $0.document.json()
                }
            }
        }
    }

    /// ``PageSource/trunkStates()``, read once per renderer.
    private mutating func trunkStateList() throws -> [String: [OotTrunkStatesRow]] {
        if let trunkStates { return trunkStates }
        let states = try source.trunkStates()
        trunkStates = states
        return states
    }

    /// The backend's failing tests (last 30 days, at most ``historyPages``), which get history pages.
    private func failingTests(_ repo: String) throws -> [TestIdentity] {
        try source.testsWithHistory(repo: repo, days: Self.scheduledDays, limit: Self.historyPages)
    }

    /// Every backend with its level (``PageSource/backends()``), cached.
    private mutating func backendList() throws -> [BackendInfo] {
        if let backends { return backends }
        let list = try source.backends()
        backends = list
        return list
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
        var wanted = try Self.at(home + "/tests") { try failingTests(backend.repo) }
        historyTests[backend.repo] = Set(wanted.map { $0.classname + "\u{1F}" + $0.name })
        if !work.allTests {
            var inReports: Set<String> = []
            for key in work.reports {
                let identities = try Self.at(home + "/tests") {
                    try queries.run("oot_job_test_identities", as: OotJobTestIdentitiesRow.self, ["key": .text(key)])
                }
                for row in identities { inReports.insert(row.classname + "\u{1F}" + row.name) }
            }
            wanted = wanted.filter { inReports.contains($0.classname + "\u{1F}" + $0.name) }
        }
        for test in wanted {
            let lookup = { try paths.testDirectory(repo: backend.repo, classname: test.classname, name: test.name) }
            guard let directory = try Self.at(home + "/tests", lookup) else { continue }
            try page(directory, kind: "test") {
                try TestHistoryPage(
                    repo: backend.repo, classname: test.classname, name: test.name, directory: directory, home: home,
                    history: try queries.run(
                        "oot_test_history",
                        [
                            "repo": repo, "classname": .text(test.classname), "name": .text(test.name),
                            "limit": .integer(Int64(Self.historyLength)),
                        ]),
                    limit: Self.historyLength, paths: paths, context: context)
            } html: {
                try renderer.render($0, "test")
            }
        }
    }

    /// Builds a page's model, renders it, and writes it as `directory/index.html` with its
    /// `index.json` beside it: the model itself (``compactJSON(_:)``) unless `json` says otherwise.
    ///
    /// - Throws: ``RenderError`` naming `directory` and the cause.
    private func page<Model: Encodable>(
        _ directory: String, kind: String, model: () throws -> Model, html: (Model) throws -> String,
        json: (Model) throws -> Data = Self.compactJSON
    ) throws {
        // Time per kind of page and step, shown by `--query-stats` as `render page <kind> <step>`.
        let laps = counts.laps(prefix: "page \(kind) ")
        try Self.at(directory) {
            let built = try model()
            laps.lap("model")
            let text = try html(built)
            laps.lap("html")
            try writer.write(text, to: directory + "/index.html")
            laps.lap("write")
            let data = try json(built)
            laps.lap("json")
            try writer.write(data, to: directory + "/index.json")
            laps.lap("write")
        }
        counts.pages[kind, default: 0] += 1
    }

    /// A page's model as its `index.json`: sorted keys, slashes unescaped, no indentation.
    private static func compactJSON<Model: Encodable>(_ model: Model) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(model)
    }

    /// Writes a page that has no JSON (`index.html` at the root).
    private func page(_ path: String, kind: String, html: () throws -> String) throws {
        try Self.at(path) { try writer.write(try html(), to: path) }
        counts.pages[kind, default: 0] += 1
    }

    /// Runs `body`, turning any error into a ``RenderError`` for the page at `path`.
    private static func at<T>(_ path: String, _ body: () throws -> T) throws(RenderError) -> T {
        do {
            return try body()
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(page: path, underlying: error)
        }
    }

    /// Copies the static assets (`assets/style.css`, `assets/hud.js`) from the templates folder.
    private func writeAssets() throws {
        for name in Self.assets {
            let file = URL(fileURLWithPath: source.options.templatesDirectory).appendingPathComponent("assets/\(name)")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw TemplateError(template: "assets/\(name)", reason: "missing \(file.path)")
            }
            try writer.write(data, to: "assets/\(name)")
        }
    }

    /// What this renderer did: pages, seconds, query costs and written files.
    var finished: RenderTally {
        RenderTally(pages: counts.pages, seconds: counts.seconds, queries: queries.stats, files: writer.files)
    }
}
