import OOTCore

/// The global summary `/oot/` (spec §9.1 and the mockup's sections): one table per level,
/// L4 → L2, then the L1 list; worst pass rate first; backends without a completed job in the
/// range greyed; pre-rendered for 24 h, 7 days (`/oot/`) and 30 days.
struct SummaryPage: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        let repo: String
        let href: String?
        let level: LevelChip
        let dotClass: String
        let dotTitle: String
        let stale: Bool
        /// Registered in the allowlist, and no callback ever arrived from it: not healthy, silent.
        let neverReported: Bool
        let hasData: Bool
        let passRate: String
        let passRateClass: String
        let rate: Double
        let successes: Int64
        let failures: Int64
        let failuresNonZero: Bool
        let timedOut: Int64
        let total: Int64
        let avgDuration: String
        let lastRun: String
        let lastRunAbsolute: String
        let oncalls: String?
        let scheduled: [Tab]
        let hasScheduled: Bool
        /// The last 14 days' PR pass rate (issue 16); `nil` for a backend without data.
        let sparkline: Sparkline?
        /// The level readiness over its own window (``ReadinessThresholds/days``), whatever the
        /// range shown, for example "ready for L3" or "would be downgraded".
        let readiness: LevelReadiness
        /// The readiness card on the backend's page.
        let readinessHref: String?
        /// Healthy or degraded (issue 18, ``BackendHealth``); `nil` for L1 backends.
        let health: BackendHealth?
    }

    struct Section: Sendable, Encodable {
        let title: String
        let level: String
        let rows: [Row]
        let hasRows: Bool
    }

    struct ScheduledRow: Sendable, Encodable {
        let repo: String
        let kind: String
        let href: String?
        let total: Int64
        let failures: Int64
        let passRate: String
        let passRateClass: String
        let lastRun: String
        let lastRunAbsolute: String
    }

    /// The ranges pre-rendered, in days, and the directory of each.
    static let ranges: [(days: Int64, label: String, directory: String)] = [
        (1, "Last 24h", "oot/24h"), (7, "Last 7 days", "oot"), (30, "Last 30 days", "oot/30d"),
    ]

    static let sectionTitles = [
        "L4": "L4 Backends (merge-gating)", "L3": "L3 Backends (check runs on PR)", "L2": "L2 Backends (callback-only)",
    ]

    let page: PageChrome
    let rangeLabel: String
    let days: Int64
    let ranges: [Tab]
    let sections: [Section]
    let l1: [Row]
    let hasL1: Bool
    let cards: [StatCard]
    let scheduled: [ScheduledRow]
    let hasScheduled: Bool
    let isEmpty: Bool
    let staleHours: Int
    /// The readiness window, in days.
    let readinessDays: Int64
    /// The Atom feed of every backend's job state changes (`oot/feed.xml`), relative to the page.
    let feedHref: String
    /// The trunk grid `/oot/trunk/` (issue 18), relative to the page.
    let trunkHref: String

    /// Builds the page for one range.
    ///
    /// - Parameters:
    ///   - summary: `oot_summary` rows for the range.
    ///   - scheduled: `oot_nightly_summary` rows for the range.
    ///   - backends: every known backend (allowlist ∪ data).
    ///   - sparklines: per backend, its sparkline (`oot_summary_trend`).
    ///   - readiness: per backend, its level readiness.
    ///   - health: per backend, its health word (none for L1).
    init(
        days: Int64, directory: String, summary: [OotSummaryRow], scheduled: [OotNightlySummaryRow],
        backends: [BackendInfo], sparklines: [String: Sparkline], readiness: [String: LevelReadiness],
        health: [String: BackendHealth] = [:], paths: SitePaths, context: SiteContext
    ) throws {
        page = PageChrome(title: "Out-of-Tree CI Summary | PyTorch HUD", directory: directory, context: context)
        self.days = days
        rangeLabel = Self.ranges.first { $0.days == days }?.label.lowercased() ?? "last \(days) days"
        let links = PageLinks(directory: directory, paths: paths)
        ranges = Self.ranges.map { Tab(label: $0.label, href: links.page($0.directory), current: $0.days == days) }
        staleHours = context.staleHours
        readinessDays = context.readiness.days
        feedHref = links.file("oot/feed.xml")
        trunkHref = links.page(TrunkView.root)
        let byRepo = Dictionary(summary.map { ($0.repo, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        for backend in backends {
            let data = byRepo[backend.repo]
            let rate = data?.passRate ?? 0
            let last = data?.lastRun.flatMap(UTCTimestamp.init(parsing:))
            let stale =
                backend.lastActivity.map {
                    context.now.timeIntervalSince1970 - $0.timeIntervalSince1970 > Double(context.staleHours) * 3600
                } ?? false
            let neverReported = !backend.hasData && backend.lastActivity == nil
            let dot: (String, String) =
                neverReported
                ? ("never", "Never reported: registered, but no callback has arrived")
                : data == nil
                    ? ("idle", "No PR runs completed \(rangeLabel)")
                    : stale
                        ? ("stale", "Stale: last callback \(Format.relative(backend.lastActivity, now: context.now))")
                        : ("active", "Active")
            // Every backend has a page, registered-only ones too (it says they never reported).
            let backendHref = try links.backend(backend.repo)
            rows.append(
                Row(
                    repo: backend.repo, href: backendHref, level: LevelChip(backend.level), dotClass: dot.0,
                    dotTitle: dot.1, stale: stale, neverReported: neverReported, hasData: data != nil,
                    passRate: data == nil ? "—" : Format.percent(rate),
                    passRateClass: data == nil ? "default" : context.passRateClass(rate), rate: rate,
                    successes: data?.successes ?? 0, failures: data?.failures ?? 0,
                    failuresNonZero: (data?.failures ?? 0) > 0, timedOut: data?.timedOut ?? 0,
                    total: data?.total ?? 0,
                    avgDuration: data == nil ? "—" : Format.duration(data?.avgDurationS),
                    lastRun: Format.relative(last ?? backend.lastActivity, now: context.now),
                    lastRunAbsolute: Format.absolute(last ?? backend.lastActivity),
                    oncalls: backend.oncalls.isEmpty ? nil : backend.oncalls.joined(separator: ", "),
                    scheduled: try backend.scheduledKinds.compactMap { kind in
                        try paths.backendDirectory(backend.repo).map {
                            Tab(label: kind.rawValue, href: links.page($0 + "/" + kind.rawValue), current: false)
                        }
                    }, hasScheduled: !backend.scheduledKinds.isEmpty,
                    sparkline: backend.hasData ? sparklines[backend.repo] : nil,
                    readiness: readiness[backend.repo]
                        ?? LevelReadiness(level: backend.level, row: nil, thresholds: context.readiness),
                    readinessHref: backendHref.map { $0 + "#readiness" }, health: health[backend.repo]))
        }
        func ordered(_ rows: [Row]) -> [Row] {
            rows.sorted { a, b in
                if a.hasData != b.hasData { return a.hasData }
                if a.hasData && a.rate != b.rate { return a.rate < b.rate }
                return a.repo < b.repo
            }
        }
        sections = ["L4", "L3", "L2"].map { level in
            let members = ordered(
                rows.filter {
                    $0.level.text == level || (level == "L2" && !["L1", "L3", "L4"].contains($0.level.text))
                })
            return Section(title: Self.sectionTitles[level]!, level: level, rows: members, hasRows: !members.isEmpty)
        }
        l1 = rows.filter { $0.level.text == "L1" }.sorted { $0.repo < $1.repo }
        hasL1 = !l1.isEmpty
        isEmpty = rows.isEmpty
        self.scheduled = try scheduled.map { r in
            let rate = r.passRate
            let repo = r.repo
            let kind = CommitRunKind(eventType: r.eventType)?.rawValue ?? r.eventType
            return ScheduledRow(
                repo: repo, kind: kind, href: try paths.backendDirectory(repo).map { links.page($0 + "/" + kind) },
                total: r.total, failures: r.failures, passRate: Format.percent(rate),
                passRateClass: context.passRateClass(rate),
                lastRun: Format.relative(r.lastRun.flatMap(UTCTimestamp.init(parsing:)), now: context.now),
                lastRunAbsolute: Format.absolute(r.lastRun.flatMap(UTCTimestamp.init(parsing:))))
        }
        hasScheduled = !self.scheduled.isEmpty
        let withData = rows.filter(\.hasData)
        let jobs = withData.reduce(0) { $0 + $1.total }
        let failures = withData.reduce(0) { $0 + $1.failures }
        let timedOut = withData.reduce(0) { $0 + $1.timedOut }
        var perLevel: [String: Int] = [:]
        for row in rows { perLevel[row.level.text, default: 0] += 1 }
        let levels = ["L4", "L3", "L2", "L1"].compactMap { l in perLevel[l].map { "\($0) \(l)" } }
        let staleCount = rows.filter(\.stale).count
        let neverCount = rows.filter { $0.neverReported && $0.level.text != "L1" }.count
        let downgraded = rows.filter { $0.readiness.verdict == .wouldBeDowngraded }.count
        let ready = rows.filter { $0.readiness.verdict == .ready }.count
        cards = [
            StatCard(label: "Backends", value: "\(rows.count)", detail: levels.joined(separator: " · "), cssClass: ""),
            StatCard(label: "Jobs", value: "\(jobs)", detail: "completed, \(rangeLabel)", cssClass: ""),
            StatCard(
                label: "Failures", value: "\(failures)", detail: "jobs concluded failure",
                cssClass: failures > 0 ? "bad" : "good"),
            StatCard(
                label: "Timed out", value: "\(timedOut)", detail: "closed by the relay after 6 h without a result",
                cssClass: timedOut > 0 ? "warn" : "good"),
            StatCard(
                label: "Stale", value: "\(staleCount)", detail: "silent for over \(context.staleHours) h",
                cssClass: staleCount > 0 ? "warn" : "good"),
            StatCard(
                label: "Never reported", value: "\(neverCount)",
                detail: "registered at L2–L4, no callback yet", cssClass: neverCount > 0 ? "warn" : "good"),
            StatCard(
                label: "Would be downgraded", value: "\(downgraded)",
                detail: "L3/L4 below L3's bar, last \(context.readiness.days) days"
                    + (ready > 0 ? " · \(ready) L2 ready for L3" : ""),
                cssClass: downgraded > 0 ? "bad" : "good"),
        ]
    }
}
