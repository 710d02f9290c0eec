import OOTCore

/// A backend's dashboard `/oot/<org>/<repo>/` (spec §9.2): stat cards, the PR × job matrix
/// (latest attempt per cell), and scheduled runs by upstream SHA.
struct BackendPage: Sendable {
    let page: PageChrome
    let repo: String
    let level: LevelChip
    let github: String?
    let summaryHref: String
    let rangeLabel: String
    let passRate: String
    let passRateClass: String
    let passedText: String
    let cards: [StatCard]
    let matrix: JobMatrix
    let isEmpty: Bool
    let nightly: JobMatrix
    let hasNightly: Bool

    /// Builds the page.
    ///
    /// - Parameters:
    ///   - repo: The backend (`org/name`).
    ///   - directory: Its directory in the site.
    ///   - summary: The `oot_backend_summary` row set (one row).
    ///   - dashboard: `oot_backend_dashboard` rows (one page of PRs).
    ///   - nightly: `oot_nightly_dashboard` rows.
    init(
        repo: String, level: String, directory: String, summary: QueryRows, dashboard: QueryRows, nightly: QueryRows,
        paths: SitePaths, drillDowns: Set<String>, context: SiteContext
    ) {
        page = PageChrome(title: "\(repo) — OOT CI | PyTorch HUD", directory: directory, context: context)
        self.repo = repo
        self.level = LevelChip(level)
        github = SafeURL.external("https://github.com/\(repo)")
        summaryHref = page.root + "oot/index.html"
        rangeLabel = context.days == 1 ? "last 24h" : "last \(context.days) days"
        let links = PageLinks(root: page.root, paths: paths, drillDowns: drillDowns)

        let s = summary.rows.first
        let total = s?.int("total_jobs") ?? 0
        let successes = s?.int("successes") ?? 0
        let rate = s?.double("pass_rate") ?? 0
        passRate = total > 0 ? Format.percent(rate) : "—"
        passRateClass = total > 0 ? context.passRateClass(rate) : "default"
        passedText = "\(successes)/\(total) jobs passed"
        let failures = s?.int("failures") ?? 0
        let timedOut = s?.int("timed_out") ?? 0
        let jobs = dashboard.rows.map(JobRow.init)
        cards = [
            StatCard(label: "Pass rate", value: passRate, detail: passedText, cssClass: total > 0 ? passRateClass : ""),
            StatCard(label: "PRs", value: "\(s?.int("total_prs") ?? 0)", detail: "unique PRs tested", cssClass: ""),
            StatCard(
                label: "Failures", value: "\(failures)", detail: "+ \(timedOut) timed out",
                cssClass: failures + timedOut > 0 ? "bad" : "good"),
            StatCard(
                label: "Avg queue time", value: Format.duration(s?.double("avg_queue_time_s")),
                detail: "dispatch to start", cssClass: ""),
            StatCard(
                label: "Avg execution time", value: Format.duration(s?.double("avg_exec_time_s")),
                detail: "start to completion", cssClass: ""),
        ]
        matrix = JobMatrix(jobs: jobs, byPR: true, links: links, now: context.now)
        isEmpty = jobs.isEmpty
        let scheduled = nightly.rows.map(JobRow.init)
        self.nightly = JobMatrix(jobs: scheduled, byPR: false, links: links, now: context.now)
        hasNightly = !scheduled.isEmpty
    }
}
