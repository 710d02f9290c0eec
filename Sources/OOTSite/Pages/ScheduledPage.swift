import OOTCore

/// A backend's runs on upstream commits, `/oot/<org>/<repo>/trunk/`, `/nightly/` or `/periodic/`
/// (RFC-0056, spec §14.3, mockups "crcr-nightly"/"crcr-periodic"): rows are the upstream SHAs
/// built, newest first, columns the jobs.
struct ScheduledPage: Sendable, Encodable {
    let page: PageChrome
    let repo: String
    let level: LevelChip
    /// `trunk`, `nightly` or `periodic` (the CSS class suffix and the folder).
    let kind: String
    let kindTitle: String
    /// What a row is, for the caption.
    let rowsCaption: String
    let summaryHref: String
    let tabs: [Tab]
    let cards: [StatCard]
    let matrix: JobMatrix
    /// Per job, its last 30 commits in a row (issue 16).
    let strip: CommitStrip
    let isEmpty: Bool
    let days: Int64

    /// Builds the view of one kind from `oot_nightly_dashboard` rows (which hold every kind).
    init(
        backend: BackendInfo, kind: CommitRunKind, directory: String, home: String, days: Int64, rows: [JobRow],
        paths: SitePaths, context: SiteContext
    ) throws {
        page = PageChrome(title: "\(backend.repo) — \(kind.rawValue) | OOT CI", directory: directory, context: context)
        repo = backend.repo
        level = LevelChip(backend.level)
        self.kind = kind.rawValue
        kindTitle = kind.rawValue.uppercased()
        rowsCaption = kind.rowsCaption
        self.days = days
        let links = PageLinks(directory: directory, paths: paths)
        summaryHref = links.page("oot")
        tabs = BackendPage.tabs(home: home, kinds: backend.scheduledKinds, current: kind, links: links)
        let jobs = rows.filter { $0.eventType == kind.eventType }
        matrix = try JobMatrix(jobs: jobs, byPR: false, links: links, now: context.now)
        strip = CommitStrip(matrix: matrix)
        isEmpty = jobs.isEmpty
        let completed = jobs.filter { $0.status == "completed" }
        let passed = completed.filter { $0.conclusion == "success" }.count
        let failed = completed.filter(\.failed)
        var failedByJob: [String: Int] = [:]
        for job in failed { failedByJob[job.jobName, default: 0] += 1 }
        let rate = completed.isEmpty ? 0 : Double(passed) / Double(completed.count)
        let durations = completed.compactMap(\.durationSeconds).filter { $0 > 0 }
        cards = [
            StatCard(
                label: "\(kind.label) pass rate", value: completed.isEmpty ? "—" : Format.percent(rate),
                detail: "\(passed) / \(completed.count) runs passed",
                cssClass: completed.isEmpty ? "" : context.passRateClass(rate)),
            StatCard(
                label: "Total \(kind.rawValue) runs", value: "\(completed.count)", detail: "last \(days) days",
                cssClass: ""),
            StatCard(
                label: "Failed runs", value: "\(failed.count)",
                detail: failedByJob.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
                cssClass: failed.isEmpty ? "good" : "bad"),
            StatCard(
                label: "Avg duration",
                value: durations.isEmpty ? "–" : Format.duration(durations.reduce(0, +) / Double(durations.count)),
                detail: "per job", cssClass: ""),
        ]
    }
}
