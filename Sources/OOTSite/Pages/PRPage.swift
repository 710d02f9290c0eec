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

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - results: `oot_pr_results` rows of the PR.
    ///   - failingTests: `oot_pr_failing_tests` rows (failing testcase names per job).
    ///   - comment: The rendered `comment.md` source; its HTML goes into the page via cmark.
    init(
        number: Int64, results: [JobRow], failingTests: [OotPrFailingTestsRow], testGrid: [OotPrTestGridRow],
        paths: SitePaths,
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
        github = SafeURL.external("https://github.com/\(upstream)/pull/\(number)")
        var failing: [String: [String]] = [:]
        for t in failingTests {
            failing[t.dynamoKey, default: []].append(t.classname.isEmpty ? t.name : "\(t.classname).\(t.name)")
        }

        // Order SHAs by their newest job; the newest SHA is the PR's current head.
        var shaOrder: [(sha: String, newest: UTCTimestamp)] = []
        var bySHA: [String: [JobRow]] = [:]
        for row in rows {
            bySHA[row.headSHA, default: []].append(row)
        }
        for (sha, jobs) in bySHA {
            shaOrder.append((sha, jobs.compactMap(\.sortTime).max() ?? UTCTimestamp(seconds: 0)))
        }
        shaOrder.sort { $0.newest > $1.newest || ($0.newest == $1.newest && $0.sha < $1.sha) }
        let sections = try shaOrder.map { entry in
            try Self.section(
                sha: entry.sha, newest: entry.newest, jobs: bySHA[entry.sha]!, failing: failing, links: links,
                now: context.now)
        }
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

    private static func section(
        sha: String, newest: UTCTimestamp, jobs: [JobRow], failing: [String: [String]], links: PageLinks,
        now: UTCTimestamp
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
                    run: SafeURL.external(job.workflowRunURL), artifacts: SafeURL.external(artifact),
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
                latest.values.map(\.row).sorted { ($0.sortTime ?? now) > ($1.sortTime ?? now) }.first?.level ?? ""
            return BackendBox(
                repo: repo, href: try links.backend(repo), level: LevelChip(level),
                boxClass: failed + lost > 0 ? "box-failure" : running > 0 ? "box-pending" : "box-success",
                summary: countsText(passed: passed, completed: completed, running: running, lost: lost), jobs: lines,
                passed: passed, completed: completed, running: running, failed: failed, lost: lost)
        }
        return ShaSection(
            sha: sha, shortSHA: Format.shortSHA(sha), time: Format.relative(newest, now: now),
            timeAbsolute: Format.absolute(newest), backends: boxes,
            jobCount: boxes.reduce(0) { $0 + $1.jobs.count })
    }
}
