import OOTCore

/// The global summary `/oot/` (spec §9.1): one table of backends, worst pass rate first.
struct SummaryPage: Sendable {
    /// One backend row.
    struct Row: Sendable {
        let repo: String
        let href: String
        let level: LevelChip
        let active: Bool
        let hasData: Bool
        let passRate: String
        let passRateClass: String
        let successes: Int64
        let failures: Int64
        let failuresNonZero: Bool
        let timedOut: Int64
        let total: Int64
        let avgDuration: String
        let lastRun: String
        let lastRunAbsolute: String
    }

    let page: PageChrome
    let rangeLabel: String
    let days: Int64
    let rows: [Row]
    let cards: [StatCard]
    let isEmpty: Bool

    /// Builds the page from `oot_summary` rows and every known backend (`oot_backends`), so
    /// backends without completed jobs in the window still appear, greyed, with "—".
    init(summary: QueryRows, backends: QueryRows, paths: SitePaths, context: SiteContext) {
        let directory = "oot"
        page = PageChrome(title: "Out-of-Tree CI Summary | PyTorch HUD", directory: directory, context: context)
        days = context.days
        rangeLabel = context.days == 1 ? "last 24h" : "last \(context.days) days"
        let root = page.root
        func href(_ repo: String) -> String {
            (paths.backendDirectory(repo).map { root + $0 + "/index.html" }) ?? "#"
        }
        var seen: Set<String> = []
        var rows: [Row] = summary.rows.map { r in
            let repo = r.string("repo")
            seen.insert(repo)
            let rate = r.double("pass_rate") ?? 0
            let last = r.optionalString("last_run").flatMap(UTCTimestamp.init(parsing:))
            return Row(
                repo: repo, href: href(repo), level: LevelChip(r.string("downstream_repo_level")), active: true,
                hasData: true, passRate: Format.percent(rate), passRateClass: context.passRateClass(rate),
                successes: r.int("successes"), failures: r.int("failures"), failuresNonZero: r.int("failures") > 0,
                timedOut: r.int("timed_out"), total: r.int("total"), avgDuration: Format.duration(r.double("avg_duration_s")),
                lastRun: Format.relative(last, now: context.now), lastRunAbsolute: Format.absolute(last))
        }
        for b in backends.rows where !seen.contains(b.string("repo")) {
            let repo = b.string("repo")
            rows.append(
                Row(
                    repo: repo, href: href(repo), level: LevelChip(b.string("downstream_repo_level")), active: false,
                    hasData: false, passRate: "—", passRateClass: "default", successes: 0, failures: 0,
                    failuresNonZero: false, timedOut: 0, total: 0, avgDuration: "—", lastRun: "—", lastRunAbsolute: ""))
        }
        self.rows = rows
        isEmpty = rows.isEmpty
        let withData = rows.filter(\.hasData)
        let jobs = withData.reduce(0) { $0 + $1.total }
        let failures = withData.reduce(0) { $0 + $1.failures }
        let timedOut = withData.reduce(0) { $0 + $1.timedOut }
        var perLevel: [String: Int] = [:]
        for row in rows { perLevel[row.level.text, default: 0] += 1 }
        let levels = ["L4", "L3", "L2", "L1"].compactMap { l in perLevel[l].map { "\($0) \(l)" } }
        cards = [
            StatCard(label: "Backends", value: "\(rows.count)", detail: levels.joined(separator: " · "), cssClass: ""),
            StatCard(label: "Jobs", value: "\(jobs)", detail: "completed, \(rangeLabel)", cssClass: ""),
            StatCard(
                label: "Failures", value: "\(failures)", detail: "jobs concluded failure",
                cssClass: failures > 0 ? "bad" : "good"),
            StatCard(
                label: "Timed out", value: "\(timedOut)", detail: "jobs that never reported completion",
                cssClass: timedOut > 0 ? "warn" : "good"),
        ]
    }
}
