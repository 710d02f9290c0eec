import OOTCore

/// The page PR bots link to, `/pr/<number>/` (spec §9.3, mockup "workflow-column design"):
/// one box per backend for the PR's latest head SHA, results of older pushes collapsed below.
struct PRPage: Sendable, Encodable {
    /// One job line in a backend box (the latest attempt of that job on that SHA).
    struct JobLine: Sendable, Encodable {
        let glyph: String
        let glyphClass: String
        let label: String
        let labelClass: String
        let name: String
        let duration: String
        let attempt: String?
        let flakyNote: Bool
        let run: String?
        /// The job's log (``JobRow/logURL``, "Log").
        let log: String?
        let artifacts: String?
        let details: String?
        let failingTests: [String]
        let hasFailingTests: Bool
        let moreFailing: Int
        let hasMoreFailing: Bool
        /// Sort rank: failed first, then running, then the rest (then by name).
        @NotEncoded var rank: Int
        /// `true` when in progress for over 6 h (shown as lost, not running).
        let lost: Bool
        /// Plain values for the Markdown summary.
        @NotEncoded var row: JobRow
    }

    /// One backend's box.
    struct BackendBox: Sendable, Encodable {
        let repo: String
        let href: String?
        let level: LevelChip
        let boxClass: String
        let summary: String
        let jobs: [JobLine]
        let passed: Int
        let completed: Int
        let running: Int
        let failed: Int
        let lost: Int
        /// Holds a blocking failure (a new failure on an L4 backend).
        let blocking: Bool
        /// Sort rank: blocking, failing, running, passing.
        @NotEncoded var rank: Int
    }

    /// A registered L3/L4 backend with no result for the head SHA: silent, so visible.
    struct SilentBackend: Sendable, Encodable {
        let repo: String
        let href: String?
        let level: LevelChip
    }

    /// The jobs of one head SHA.
    struct ShaSection: Sendable, Encodable {
        let sha: String
        let shortSHA: String
        let time: String
        let timeAbsolute: String
        let backends: [BackendBox]
        let jobCount: Int
    }

    let page: PageChrome
    let number: Int64
    /// The PR title from the webhook payload; `nil` when no callback carried one.
    let title: String?
    /// The PR author's login; `nil` when unknown.
    let author: String?
    let github: String?
    let current: ShaSection?
    let older: [ShaSection]
    let hasOlder: Bool
    let summary: String
    private(set) var commentHTML: String
    let commentHref: String
    let grid: TestGrid
    let hasGrid: Bool
    /// `2 new failures (1 blocking) · 3 broken trunk · 1 flaky · 1 unstable`, or `no failures`.
    let headline: String
    /// The head SHA's failures by classification (new, broken trunk, flaky, unstable).
    let failureGroups: [FailureGroup]
    let hasFailures: Bool
    /// Failing tests counted but not classified (over ``PRTriage/testsPerJob`` in one job).
    let unclassifiedNote: String?
    /// Failing tests counted but not classified.
    @NotEncoded var unclassifiedCount: Int
    /// Registered L3/L4 backends with no result for the head SHA.
    let silent: [SilentBackend]
    let hasSilent: Bool
    /// The classified failures, for `index.json` (``PRDocument``) and `comment.md`.
    @NotEncoded var failures: [ClassifiedFailure]
    /// The levels used (the allowlist's, else the latest job's), by backend.
    @NotEncoded var levels: [String: String]
    /// The PR's base SHA, from the webhook payload of a head job.
    @NotEncoded var baseSHA: String?
    /// The upstream repo (`pytorch/pytorch`).
    @NotEncoded var upstreamRepo: String

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - results: `oot_pr_results` rows of the PR.
    ///   - failingTests: `oot_pr_failing_tests` rows (failing testcase names per job).
    ///   - triage: The head SHA's classified failures (``PRTriage``) and the failing tests left unclassified.
    ///   - levels: Each backend's level (the allowlist's, else its latest job's).
    ///   - registered: Registered backends (allowlist), for the silent L3/L4 ones.
    ///   - historyExists: Whether a test has a history page on a backend.
    ///   - comment: The rendered `comment.md` source; its HTML goes into the page via cmark.
    init(
        number: Int64, results: [JobRow], failingTests: [OotPrFailingTestsRow], testGrid: [OotPrTestGridRow],
        triage: (failures: [ClassifiedFailure], unclassifiedTests: Int), levels: [String: String],
        registered: [BackendInfo], historyExists: (String, TestIdentity) throws -> Bool, paths: SitePaths,
        context: SiteContext, comment: (PRPage) throws -> String
    ) throws {
        let directory = SitePaths.prDirectory(number)
        page = PageChrome(title: "PR #\(number) — OOT CI | PyTorch HUD", directory: directory, context: context)
        self.number = number
        let links = PageLinks(directory: directory, paths: paths)
        let rows = results
        title = rows.compactMap(\.prTitle).first { !$0.isEmpty }
        author = rows.compactMap(\.prAuthor).first { !$0.isEmpty }
        let upstream = rows.first?.upstreamRepo ?? "pytorch/pytorch"
        upstreamRepo = upstream
        github = SafeURL.external("https://github.com/\(upstream)/pull/\(number)")
        self.levels = levels
        failures = triage.failures
        var failing: [String: [String]] = [:]
        var listed: Set<String> = []
        for t in failingTests {
            // A test executed several times in one report (flakefinder, `--count`) is listed once.
            let identity = t.classname.isEmpty ? t.name : "\(t.classname).\(t.name)"
            if listed.insert(t.dynamoKey + "\u{1F}" + identity).inserted {
                failing[t.dynamoKey, default: []].append(identity)
            }
        }

        let shaOrder = rows.shasNewestFirst()
        var bySHA: [String: [JobRow]] = [:]
        for row in rows { bySHA[row.headSHA, default: []].append(row) }
        let blockingRepos = Set(triage.failures.filter(\.blocking).map(\.subject.backend))
        let sections = try shaOrder.enumerated().map { (index, entry) in
            try Self.section(
                sha: entry.sha, newest: entry.newest, jobs: bySHA[entry.sha]!, failing: failing,
                levels: levels, blocking: index == 0 ? blockingRepos : [], links: links, now: context.now)
        }
        baseSHA = bySHA[shaOrder.first?.sha ?? ""]?.compactMap(\.baseSHA).first
        current = sections.first
        older = Array(sections.dropFirst())
        hasOlder = !older.isEmpty
        if let current {
            let passed = current.backends.reduce(0) { $0 + $1.passed }
            let completed = current.backends.reduce(0) { $0 + $1.completed }
            let running = current.backends.reduce(0) { $0 + $1.running }
            let lost = current.backends.reduce(0) { $0 + $1.lost }
            summary = Self.countsText(passed: passed, completed: completed, running: running, lost: lost)
        } else {
            summary = "no results"
        }
        grid = try TestGrid(
            rows: testGrid, sha: shaOrder.first?.sha, backends: current?.backends.map(\.repo) ?? [], links: links,
            paths: paths)
        hasGrid = !grid.tests.isEmpty
        headline = FailureGroup.headline(triage.failures)
        let reporting = current?.backends.count ?? 0
        let jobsByKey = Dictionary(rows.map { ($0.dynamoKey, $0) }, uniquingKeysWith: { a, _ in a })
        let items = try triage.failures.map { failure in
            try FailureItem(
                failure, row: jobsByKey[failure.subject.dynamoKey], backendsWithResults: reporting, links: links,
                historyExists: historyExists)
        }
        failureGroups = FailureClassification.displayOrder.compactMap { classification in
            let group = items.filter { $0.failure.classification == classification }
            return group.isEmpty ? nil : FailureGroup(classification, items: group)
        }
        hasFailures = !failureGroups.isEmpty
        unclassifiedCount = triage.unclassifiedTests
        unclassifiedNote =
            triage.unclassifiedTests > 0
            ? "\(triage.unclassifiedTests) more failing test\(triage.unclassifiedTests == 1 ? "" : "s") not classified (over \(PRTriage.testsPerJob) in one job)."
            : nil
        let reported = Set(current?.backends.map(\.repo) ?? [])
        silent = try registered.filter { ["L3", "L4"].contains($0.level) && !reported.contains($0.repo) }
            .sorted { ($0.level, $1.repo) > ($1.level, $0.repo) }
            .map { SilentBackend(repo: $0.repo, href: try links.backend($0.repo), level: LevelChip($0.level)) }
        hasSilent = current != nil && !silent.isEmpty
        commentHref = "comment.md"
        commentHTML = ""
        let markdown = try comment(self)
        commentHTML = Markdown.html(markdown)
    }

    /// `x/y passed, n running` (spec §9.3), plus `n lost` for jobs in progress for over 6 h.
    static func countsText(passed: Int, completed: Int, running: Int, lost: Int = 0) -> String {
        var parts: [String] = []
        if completed > 0 || running + lost == 0 { parts.append("\(passed)/\(completed) passed") }
        if running > 0 { parts.append("\(running) running") }
        if lost > 0 { parts.append("\(lost) lost") }
        return parts.joined(separator: ", ")
    }

    /// One SHA's backend boxes, sorted blocking → failing → running → passing, then L4 → L1,
    /// then by repo.
    private static func section(
        sha: String, newest: UTCTimestamp, jobs: [JobRow], failing: [String: [String]], levels: [String: String],
        blocking: Set<String>, links: PageLinks, now: UTCTimestamp
    ) throws(SQLiteError) -> ShaSection {
        var byRepo: [String: [JobRow]] = [:]
        for job in jobs { byRepo[job.downstreamRepo, default: []].append(job) }
        let boxes = try byRepo.keys.sorted().map { (repo) throws(SQLiteError) -> BackendBox in
            let latest = byRepo[repo]!.latestAttempts()
            let lines = try latest.values.map { (entry) throws(SQLiteError) -> JobLine in
                let job = entry.row
                let tests = failing[job.dynamoKey] ?? []
                let lost = job.lost(at: now)
                let rank = job.failed || lost ? 0 : job.running ? 1 : 2
                let artifact = job.artifactURL.isEmpty ? nil : job.artifactURL
                return JobLine(
                    glyph: job.glyph(passedAfterFailure: entry.earlierFailure),
                    glyphClass: job.glyphClass(at: now, passedAfterFailure: entry.earlierFailure),
                    label: job.label(at: now),
                    labelClass: lost ? "default" : job.conclusionChipClass,
                    name: job.displayName,
                    duration: job.status == "completed" ? Format.duration(job.durationSeconds) : "–",
                    attempt: job.runAttempt > 1 ? "attempt \(job.runAttempt)" : nil, flakyNote: entry.earlierFailure,
                    run: SafeURL.external(job.workflowRunURL), log: job.logURL, artifacts: SafeURL.external(artifact),
                    details: try links.drillDown(job),
                    failingTests: Array(tests.prefix(10)), hasFailingTests: !tests.isEmpty,
                    moreFailing: max(0, tests.count - 10),
                    hasMoreFailing: tests.count > 10, rank: rank, lost: lost, row: job)
            }.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) }
            let passed = lines.filter { $0.row.succeeded }.count
            let completed = lines.filter { $0.row.status == "completed" }.count
            let running = lines.filter { $0.row.running && !$0.lost }.count
            let lost = lines.filter(\.lost).count
            let failed = lines.filter { $0.row.failed }.count
            let level =
                levels[repo]
                ?? latest.values.map(\.row).sorted { ($0.sortTime ?? now) > ($1.sortTime ?? now) }.first?.level ?? ""
            let isBlocking = blocking.contains(repo)
            return BackendBox(
                repo: repo, href: try links.backend(repo), level: LevelChip(level),
                boxClass: failed + lost > 0 ? "box-failure" : running > 0 ? "box-pending" : "box-success",
                summary: countsText(passed: passed, completed: completed, running: running, lost: lost), jobs: lines,
                passed: passed, completed: completed, running: running, failed: failed, lost: lost,
                blocking: isBlocking,
                rank: isBlocking ? 0 : failed + lost > 0 ? 1 : running > 0 ? 2 : 3)
        }.sorted { ($0.rank, $1.level.text, $0.repo) < ($1.rank, $0.level.text, $1.repo) }
        return ShaSection(
            sha: sha, shortSHA: Format.shortSHA(sha), time: Format.relative(newest, now: now),
            timeAbsolute: Format.absolute(newest), backends: boxes,
            jobCount: boxes.reduce(0) { $0 + $1.jobs.count })
    }
}
