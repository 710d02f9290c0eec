import OOTCore

/// A backend's dashboard `/oot/<org>/<repo>/` (spec §9.2, mockup "crcr-backend"): stat cards,
/// then the HUD-style PR × job matrix, each cell the latest attempt.
///
/// The landing page shows the 50 PRs with the latest activity; the older pages `page/<n>/` show
/// the rest, by order of first appearance, each PR on one page only (docs/paging.md). Tabs lead
/// to the trunk, nightly and periodic views on every page; links to the flaky evidence, the Atom
/// feed, the badge and `index.json`.
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
    /// The 30-day trend panel (landing page only, as ``health``).
    let trend: TrendPanel?
    /// The readiness card for the next level, or for keeping L3 (landing page only).
    let readiness: LevelReadiness?
    let matrix: JobMatrix
    let isEmpty: Bool
    let pagination: Pagination
    /// The older page shown (`nil` on the landing page).
    let bucket: Int?
    /// The heading's note: which PRs the page shows, in which order.
    let pageLabel: String
    /// The caption's sentence on how the pages split the PRs.
    let pagingNote: String
    /// On an older page, how many PRs of its bucket are on the landing page instead; `nil` when
    /// none are.
    let movedNote: String?
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
        /// How the badge's count differs from the Failures card's.
        let badgeNote: String
    }

    /// The directory of older page `bucket` of the backend at `home`.
    static func bucketDirectory(home: String, bucket: Int) -> String { home + "/page/\(bucket)" }

    /// Builds the landing page (`bucket` nil) or an older page of the backend's PR matrix.
    ///
    /// - Parameters:
    ///   - bucket: The older page (`oot_backend_buckets` row), `nil` for the landing page.
    ///   - listed: The older pages that list PRs, newest first (the pager's pages).
    ///   - perPage: PRs per page.
    ///   - summary: `oot_backend_summary` (one row); `nil` on older pages.
    ///   - dashboard: `oot_backend_dashboard` (landing) or `oot_backend_bucket` rows.
    ///   - flakyJobs: how many job-level flaky cases `oot_backend_flaky_jobs` found.
    ///   - trend: `oot_backend_trend` rows (landing page only; `nil` on older pages).
    ///   - readiness: the level readiness (landing page only).
    init(
        backend: BackendInfo, directory: String, home: String, bucket: OotBackendBucketsRow?, listed: [Int],
        perPage: Int, summary: OotBackendSummaryRow?, dashboard: [JobRow], flakyJobs: Int,
        trend: [OotBackendTrendRow]? = nil, readiness: LevelReadiness? = nil, paths: SitePaths,
        context: SiteContext
    ) throws {
        page = PageChrome(title: "\(backend.repo) — OOT CI | PyTorch HUD", directory: directory, context: context)
        repo = backend.repo
        level = LevelChip(backend.level)
        oncalls = backend.oncalls.isEmpty ? nil : backend.oncalls.joined(separator: ", ")
        github = SafeURL.external("https://github.com/\(backend.repo)")
        let links = PageLinks(directory: directory, paths: paths)
        summaryHref = links.page("oot")
        tabs = Self.tabs(home: home, kinds: backend.scheduledKinds, current: nil, links: links)
        staleNote = bucket == nil ? Self.staleNote(backend, context: context) : nil
        self.bucket = bucket.map { Int($0.bucket) }
        feedHref = links.file(home + "/feed.xml")
        let badge = BadgePage(jobs: dashboard)
        health = summary.map {
            Self.health($0, flakyJobs: flakyJobs, badge: badge, home: home, links: links, context: context)
        }
        let trendsDirectory = TrendsPage.directory(home: home)
        self.trend = trend.map {
            TrendPanel(
                rows: $0, trendsHref: links.page(trendsDirectory), passRateGuide: context.readiness.passRate,
                dayHref: { links.page(trendsDirectory) + "#d-" + $0 })
        }
        self.readiness = readiness
        let jobs = dashboard
        matrix = try JobMatrix(
            jobs: jobs, byPR: true, links: links, now: context.now, time: bucket == nil ? .latestActivity : .firstRun)
        isEmpty = jobs.isEmpty
        pagination = Pagination(current: self.bucket, listed: listed, links: links, home: home)
        pagingNote =
            "The latest page shows the \(perPage) PRs with the latest activity; the older pages show the rest, "
            + "\(perPage) to a page by when they first reported, newest first, each PR on one page only."
        if let bucket {
            let firsts = matrix.rows.map(\.timeAbsolute).filter { $0 != "–" }.map { String($0.prefix(10)) }
            let range =
                firsts.isEmpty
                ? "" : firsts.min() == firsts.max() ? " on \(firsts.min()!)" : " \(firsts.min()!) to \(firsts.max()!)"
            pageLabel = jobs.isEmpty ? "no PR left" : "first reported\(range), newest first"
            movedNote =
                bucket.onLanding == 0
                ? nil
                : bucket.listed == 0
                    ? bucket.prs == 1
                        ? "The PR of this page had activity lately: it is on the latest page."
                        : "All \(bucket.prs) PRs of this page had activity lately: they are on the latest page."
                    : bucket.onLanding == 1
                        ? "1 more PR of this page had activity lately: it is on the latest page."
                        : "\(bucket.onLanding) more PRs of this page had activity lately: they are on the latest page."
        } else {
            pageLabel = "latest activity first"
            movedNote = nil
        }
    }

    static func health(
        _ s: OotBackendSummaryRow, flakyJobs: Int, badge: BadgePage, home: String, links: PageLinks,
        context: SiteContext
    ) -> Health {
        let total = s.totalJobs
        let successes = s.successes
        let rate = s.passRate
        // Without a completed job in the window no card is green: nothing was measured.
        let measured = total > 0
        let passRate = measured ? Format.percent(rate) : "—"
        let passRateClass = measured ? context.passRateClass(rate) : "default"
        let window = context.days == 1 ? "last 24h" : "last \(context.days) days"
        let flakyWindow = "last \(PageRenderer.scheduledDays) days"
        let passedText = "\(successes)/\(total) jobs passed"
        let failures = s.failures
        let timedOut = s.timedOut
        let timeoutRate = s.timeoutRate
        func judged(_ bad: Bool, _ cssClass: String) -> String { measured ? (bad ? cssClass : "good") : "" }
        return Health(
            rangeLabel: window, passRate: passRate,
            passRateClass: passRateClass, passedText: passedText,
            cards: [
                StatCard(
                    label: "Pass rate", value: passRate, detail: "\(passedText), \(window)",
                    cssClass: measured ? passRateClass : ""),
                StatCard(label: "PRs", value: "\(s.totalPrs)", detail: "unique PRs tested, \(window)", cssClass: ""),
                StatCard(
                    label: "Failures", value: "\(failures)",
                    detail: "failed attempts + \(timedOut) timed out, \(window)",
                    cssClass: judged(failures + timedOut > 0, "bad")),
                StatCard(
                    label: "Avg queue time", value: Format.duration(s.avgQueueTimeS),
                    detail: "dispatch to start, \(window)",
                    cssClass: ""),
                StatCard(
                    label: "Avg execution time", value: Format.duration(s.avgExecTimeS),
                    detail: "start to completion, \(window)", cssClass: ""),
                StatCard(
                    label: "Timeout rate", value: measured ? Format.percent(timeoutRate) : "—",
                    detail: "of completed jobs, \(window)",
                    cssClass: judged(timeoutRate > 0, timeoutRate >= 0.10 ? "bad" : "warn")),
                StatCard(
                    label: "Flaky jobs", value: "\(flakyJobs)",
                    detail: "failed, then passed on a rerun, \(flakyWindow)",
                    cssClass: flakyJobs > 0 ? "warn" : measured ? "good" : ""),
            ],
            flakyHref: links.page(home + "/flaky"), badgeHref: links.file(home + "/badge.svg"),
            badgeText: "\(badge.label): \(badge.message)",
            badgeNote:
                "The badge counts the jobs failing in their latest attempt on the \(BadgePage.recentPRs) most recent PRs; the Failures card counts every failed attempt in the \(window)."
        )
    }

    /// The PR | Trunk | Nightly | Periodic | All commits tabs (only the kinds of runs the backend
    /// has; All commits, ``TrunkBackendPage``, when it has any); `current` is `nil` on the PR
    /// matrix and on All commits (`commits`).
    static func tabs(
        home: String, kinds: [CommitRunKind], current: CommitRunKind?, links: PageLinks, commits: Bool = false
    ) -> [Tab] {
        [Tab(label: "PR", href: links.page(home), current: current == nil && !commits)]
            + kinds.map {
                Tab(label: $0.label, href: links.page(home + "/" + $0.rawValue), current: current == $0)
            }
            + (kinds.isEmpty
                ? []
                : [
                    Tab(
                        label: TrunkBackendPage.tabLabel, href: links.page(TrunkBackendPage.directory(home: home)),
                        current: commits)
                ])
    }

    static func staleNote(_ backend: BackendInfo, context: SiteContext) -> String? {
        if !backend.hasData && backend.lastActivity == nil {
            return "Never reported: registered at \(backend.level), but no callback has arrived from this backend."
        }
        guard let last = backend.lastActivity,
            context.now.timeIntervalSince1970 - last.timeIntervalSince1970 > Double(context.staleHours) * 3600
        else { return nil }
        return
            "Stale: no callback for \(Format.relative(last, now: context.now).replacingOccurrences(of: " ago", with: "")) (since \(Format.absolute(last)))."
    }
}
