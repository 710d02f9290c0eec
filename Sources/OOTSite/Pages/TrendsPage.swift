import OOTCore

/// A backend's trends, `/oot/<org>/<repo>/trends/` (issue 16): the trend panel, the readiness
/// card, and the numbers behind the charts as a table, one row per UTC day (newest first, anchor
/// `#d-YYYY-MM-DD`, where each chart's day links), with that day's latest failed jobs linked.
struct TrendsPage: Sendable, Encodable {
    /// A failed job of a day.
    struct FailedJob: Sendable, Encodable {
        /// `workflow / job`.
        let name: String
        let pr: Int64
        let prHref: String
        /// `failure` or `timed_out`, in words.
        let conclusion: String
        /// The drill-down when harvested, else the workflow run; `nil` when neither is known.
        let href: String?
    }

    /// One day of the table.
    struct Row: Sendable, Encodable {
        /// `YYYY-MM-DD`, UTC; the row's anchor is `d-` + day.
        let day: String
        let total: Int64
        let failures: Int64
        let timedOut: Int64
        let passRate: String
        let passRateClass: String
        let queue: String
        let duration: String
        let failed: [FailedJob]
        /// More failed or timed-out jobs than listed, in words (`and 12 more`); `nil` when none.
        let more: String?
    }

    let page: PageChrome
    let repo: String
    let level: LevelChip
    let backendHref: String
    let trend: TrendPanel
    let readiness: LevelReadiness
    /// Newest first; days without a job are left out.
    let rows: [Row]
    let hasRows: Bool
    /// Failed jobs listed per day at most.
    let perDay: Int

    /// Failed jobs listed per day.
    static let failedPerDay: Int64 = 5

    /// The page's directory under the backend's `home`.
    static func directory(home: String) -> String { home + "/trends" }

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - trend: `oot_backend_trend` rows (oldest first).
    ///   - failures: `oot_backend_day_failures` rows of the same days.
    /// - Throws: ``SQLiteError`` when a drill-down lookup fails.
    init(
        backend: BackendInfo, home: String, trend: [OotBackendTrendRow], failures: [OotBackendDayFailuresRow],
        readiness: LevelReadiness, paths: SitePaths, context: SiteContext
    ) throws(SQLiteError) {
        let directory = Self.directory(home: home)
        page = PageChrome(title: "\(backend.repo) — trends | OOT CI", directory: directory, context: context)
        repo = backend.repo
        level = LevelChip(backend.level)
        let links = PageLinks(directory: directory, paths: paths)
        backendHref = links.page(home)
        self.trend = TrendPanel(
            rows: trend, trendsHref: "index.html", passRateGuide: context.readiness.passRate,
            dayHref: { "#d-" + $0 })
        self.readiness = readiness
        perDay = Int(Self.failedPerDay)
        var byDay: [String: [OotBackendDayFailuresRow]] = [:]
        for failure in failures { byDay[failure.day, default: []].append(failure) }
        rows = try trend.reversed().filter { $0.total > 0 }.map { (day) throws(SQLiteError) -> Row in
            let failed = try (byDay[day.day] ?? []).map { (job) throws(SQLiteError) -> FailedJob in
                FailedJob(
                    name: job.workflowName.isEmpty ? job.jobName : "\(job.workflowName) / \(job.jobName)",
                    pr: job.prNumber, prHref: links.prPage(job.prNumber),
                    conclusion: job.conclusion == "timed_out" ? "timed out" : "failed",
                    href: try links.drillDown(job.dynamoKey) ?? SafeURL.external(job.workflowRunURL))
            }
            let bad = day.failures + day.timedOut
            return Row(
                day: day.day, total: day.total, failures: day.failures, timedOut: day.timedOut,
                passRate: day.passRate.map(Format.percent) ?? "–",
                passRateClass: day.passRate.map(context.passRateClass) ?? "default",
                queue: Format.duration(day.queueP50S), duration: Format.duration(day.durationP50S), failed: failed,
                more: bad > Int64(failed.count) ? "and \(bad - Int64(failed.count)) more" : nil)
        }
        hasRows = !rows.isEmpty
    }
}
