import OOTCore

/// The pager of a backend's matrix: "Latest" (the landing page, PRs by latest activity), then
/// the older pages.
///
/// Older pages are fixed buckets of PRs by order of first appearance (bucket 1 holds the first
/// 50 PRs the backend ever ran on), so their URLs and contents never shift as new PRs arrive.
/// Long pagers keep the newest three, the oldest two and the neighbours of the current page,
/// with `…` between.
struct Pagination: Sendable, Encodable {
    /// One pager entry; `href` is `nil` for a gap.
    struct Entry: Sendable, Encodable {
        let label: String
        let href: String?
        let current: Bool
    }

    let pages: [Entry]
    /// The newer page (or the landing page).
    let newer: String?
    /// The older page.
    let older: String?
    let hasPages: Bool
    /// The landing page.
    let latest: String

    /// The pager for `current` (`nil` = the landing page) among the older pages `buckets`
    /// (newest first; after a prune the oldest numbers may be gone).
    init(current: Int?, buckets: [Int], links: PageLinks, home: String) {
        func href(_ bucket: Int) -> String { links.page(BackendPage.bucketDirectory(home: home, bucket: bucket)) }
        hasPages = buckets.count > 1
        latest = links.page(home)
        guard buckets.count > 1 else {
            pages = []
            newer = nil
            older = nil
            return
        }
        let position = current.flatMap { buckets.firstIndex(of: $0) }
        var shown: Set<Int> = [0, 1, 2, buckets.count - 2, buckets.count - 1]
        if let position { shown.formUnion([position - 1, position, position + 1]) }
        var entries = [Entry(label: "Latest", href: links.page(home), current: current == nil)]
        var previous = -1
        for index in shown.filter({ buckets.indices.contains($0) }).sorted() {
            if index > previous + 1 { entries.append(Entry(label: "…", href: nil, current: false)) }
            entries.append(
                Entry(label: "\(buckets[index])", href: href(buckets[index]), current: buckets[index] == current))
            previous = index
        }
        pages = entries
        if let position {
            newer = position == 0 ? links.page(home) : href(buckets[position - 1])
            older = position + 1 < buckets.count ? href(buckets[position + 1]) : nil
        } else {
            newer = nil
            older = href(buckets[0])
        }
    }
}

/// A backend's dashboard `/oot/<org>/<repo>/` (spec §9.2, mockup "crcr-backend"): stat cards,
/// then the HUD-style PR × job matrix, 50 PRs a page (`page/<n>/` after the first), each cell
/// the latest attempt.
///
/// Tabs lead to the nightly and periodic views; links to the flaky evidence, the Atom feed, the
/// badge and `index.json`.
struct BackendPage: Sendable, Encodable {
    let page: PageChrome
    let repo: String
    let level: LevelChip
    let oncalls: String?
    let github: String?
    let summaryHref: String
    let tabs: [Tab]
    let staleNote: String?
    /// The backend-wide figures, on the landing page only: older pages hold nothing that changes
    /// when another PR changes, so an incremental build leaves them alone.
    let health: Health?
    let matrix: JobMatrix
    let isEmpty: Bool
    let pagination: Pagination
    /// The older page shown (`nil` on the landing page).
    let bucket: Int?
    /// "latest activity" or "PRs #a–#b, in the order they first reported".
    let pageLabel: String
    let feedHref: String

    /// Pass rate, stat cards and links of the landing page.
    struct Health: Sendable, Encodable {
        let rangeLabel: String
        let passRate: String
        let passRateClass: String
        let passedText: String
        let cards: [StatCard]
        let flakyHref: String
        let badgeHref: String
        /// What the badge says (its `alt` text), for example `oot ci: 2 failing`.
        let badgeText: String
    }

    /// The directory of older page `bucket` of the backend at `home`.
    static func bucketDirectory(home: String, bucket: Int) -> String { home + "/page/\(bucket)" }

    /// Builds the landing page (`bucket` nil) or an older page of the backend's PR matrix.
    ///
    /// - Parameters:
    ///   - buckets: The older pages that exist, newest first (`oot_backend_buckets`).
    ///   - summary: `oot_backend_summary` (one row); `nil` on older pages.
    ///   - dashboard: `oot_backend_dashboard` (landing) or `oot_backend_bucket` rows.
    ///   - flakyJobs: how many job-level flaky cases `oot_backend_flaky_jobs` found.
    init(
        backend: BackendInfo, directory: String, home: String, bucket: Int?, buckets: [Int], summary: QueryRows?,
        dashboard: QueryRows, flakyJobs: Int, paths: SitePaths, context: SiteContext
    ) {
        page = PageChrome(title: "\(backend.repo) — OOT CI | PyTorch HUD", directory: directory, context: context)
        repo = backend.repo
        level = LevelChip(backend.level)
        oncalls = backend.oncalls.isEmpty ? nil : backend.oncalls.joined(separator: ", ")
        github = SafeURL.external("https://github.com/\(backend.repo)")
        let links = PageLinks(directory: directory, paths: paths)
        summaryHref = links.page("oot")
        tabs = Self.tabs(home: home, kinds: bucket == nil ? backend.scheduledKinds : [], current: nil, links: links)
        staleNote = bucket == nil ? Self.staleNote(backend, context: context) : nil
        self.bucket = bucket
        feedHref = links.file(home + "/feed.xml")
        let badge = BadgeModel(jobs: dashboard.rows.map(JobRow.init))
        health = summary.map {
            Self.health($0, flakyJobs: flakyJobs, badge: badge, home: home, links: links, context: context)
        }
        let jobs = dashboard.rows.map(JobRow.init)
        matrix = JobMatrix(jobs: jobs, byPR: true, links: links, now: context.now)
        isEmpty = jobs.isEmpty
        pagination = Pagination(current: bucket, buckets: buckets, links: links, home: home)
        let numbers = jobs.map(\.prNumber).filter { $0 > 0 }
        pageLabel =
            bucket == nil || numbers.isEmpty
            ? "latest activity first"
            : "PRs #\(numbers.min()!)–#\(numbers.max()!), newest first (older pages never change as PRs arrive)"
    }

    static func health(
        _ summary: QueryRows, flakyJobs: Int, badge: BadgeModel, home: String, links: PageLinks, context: SiteContext
    ) -> Health {
        let s = summary.rows.first
        let total = s?.int("total_jobs") ?? 0
        let successes = s?.int("successes") ?? 0
        let rate = s?.double("pass_rate") ?? 0
        let passRate = total > 0 ? Format.percent(rate) : "—"
        let passRateClass = total > 0 ? context.passRateClass(rate) : "default"
        let passedText = "\(successes)/\(total) jobs passed"
        let failures = s?.int("failures") ?? 0
        let timedOut = s?.int("timed_out") ?? 0
        let timeoutRate = s?.double("timeout_rate") ?? 0
        return Health(
            rangeLabel: context.days == 1 ? "last 24h" : "last \(context.days) days", passRate: passRate,
            passRateClass: passRateClass, passedText: passedText,
            cards: [
                StatCard(
                    label: "Pass rate", value: passRate, detail: passedText, cssClass: total > 0 ? passRateClass : ""),
                StatCard(label: "PRs", value: "\(s?.int("total_prs") ?? 0)", detail: "unique PRs tested", cssClass: ""),
                StatCard(
                    label: "Failures", value: "\(failures)", detail: "+ \(timedOut) timed out",
                    cssClass: failures + timedOut > 0 ? "bad" : "good"),
                StatCard(
                    label: "Avg queue time", value: Format.duration(s?.double("avg_queue_time_s")),
                    detail: "dispatch to start",
                    cssClass: ""),
                StatCard(
                    label: "Avg execution time", value: Format.duration(s?.double("avg_exec_time_s")),
                    detail: "start to completion", cssClass: ""),
                StatCard(
                    label: "Timeout rate", value: total > 0 ? Format.percent(timeoutRate) : "—",
                    detail: "of completed jobs",
                    cssClass: timeoutRate >= 0.10 ? "bad" : timeoutRate > 0 ? "warn" : "good"),
                StatCard(
                    label: "Flaky jobs", value: "\(flakyJobs)", detail: "failed, then passed on a rerun",
                    cssClass: flakyJobs > 0 ? "warn" : "good"),
            ],
            flakyHref: links.page(home + "/flaky"), badgeHref: links.file(home + "/badge.svg"),
            badgeText: "\(badge.label): \(badge.message)")
    }

    /// The PR | Trunk | Nightly | Periodic tabs (only the kinds of runs the backend has);
    /// `current` is `nil` on the PR matrix.
    static func tabs(home: String, kinds: [CommitRunKind], current: CommitRunKind?, links: PageLinks) -> [Tab] {
        [Tab(label: "PR", href: links.page(home), current: current == nil)]
            + kinds.map {
                Tab(label: $0.label, href: links.page(home + "/" + $0.rawValue), current: current == $0)
            }
    }

    static func staleNote(_ backend: BackendInfo, context: SiteContext) -> String? {
        guard let last = backend.lastActivity,
            context.now.timeIntervalSince1970 - last.timeIntervalSince1970 > Double(context.staleHours) * 3600
        else { return nil }
        return
            "Stale: no callback for \(Format.relative(last, now: context.now).replacingOccurrences(of: " ago", with: "")) (since \(Format.absolute(last)))."
    }
}

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
    let isEmpty: Bool
    let days: Int64

    /// Builds the view of one kind from `oot_nightly_dashboard` rows (which hold every kind).
    init(
        backend: BackendInfo, kind: CommitRunKind, directory: String, home: String, days: Int64, rows: QueryRows,
        paths: SitePaths, context: SiteContext
    ) {
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
        let jobs = rows.rows.map(JobRow.init).filter { $0.eventType == kind.eventType }
        matrix = JobMatrix(jobs: jobs, byPR: false, links: links, now: context.now)
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
