import OOTCore

/// A HUD-style grid: rows are PRs (or upstream SHAs for scheduled runs), columns are jobs keyed
/// by workflow + job name, cells show the latest attempt as a glyph (spec §9.2).
struct JobMatrix: Sendable, Encodable {
    /// A column header.
    struct Column: Sendable, Encodable {
        /// The job name, in full (shown vertically, wrapped when long).
        let job: String
        /// `workflow / job` (header tooltip).
        let title: String
    }

    /// A header over the columns of one workflow (columns are sorted by workflow, then job).
    struct Group: Sendable, Encodable {
        /// The workflow name; `nil` when the jobs reported none.
        let workflow: String?
        /// How many job columns it spans.
        let span: Int
    }

    /// One cell.
    struct Cell: Sendable, Encodable {
        /// `O X ? C T S N F ! ~ U`, or empty when the row has no such job.
        let glyph: String
        /// CSS class of the glyph colour.
        let cssClass: String
        /// The tooltip and screen-reader text: the conclusion and the facts (spec §9.2); `nil` for
        /// an empty cell (Mustache treats `""` as true).
        ///
        /// `assets/hud.js` puts the job (the column header) and the PR (the row header) before it,
        /// in the tooltip and for screen readers: written into every cell, they would take a
        /// 50 × 40 matrix page of long shard names far over its 300 KB budget.
        let tooltip: String?
        /// The drill-down page when harvested, else the job's log, else the run; `nil` when none.
        let href: String?
        /// The job's log (``JobRow/logURL``, "Show log ›" in the tooltip) when ``href`` is the
        /// drill-down, on a backend's column of the trunk grid expanded (`byCommit`); `nil`
        /// elsewhere: a 50 × 40 PR matrix page has no room for it in its 300 KB budget, and its
        /// drill-downs have the link.
        let log: String?
    }

    /// Which time a row shows.
    enum RowTime: Sendable {
        /// The latest start among the row's jobs (scheduled runs, newest first): `Time`.
        case latestStart
        /// The latest start or completion among the row's jobs (the landing page's order, as
        /// `site_backend_prs.last_activity`): `Last activity`.
        case latestActivity
        /// The earliest start among the row's jobs (older matrix pages, ordered by first
        /// appearance): `First run`.
        case firstRun
    }

    /// One row.
    struct Row: Sendable, Encodable {
        let time: String
        let timeAbsolute: String
        let sha: String
        /// The upstream commit on GitHub; `nil` when the SHA is unknown.
        let shaHref: String?
        let prNumber: Int64
        let prPage: String?
        let prGitHub: String?
        /// The PR title, or a trunk commit's title; `nil` when unknown (a PR link then reads
        /// "PR page").
        let title: String?
        let author: String
        let eventType: String
        /// The worst state of the row's jobs (``TrunkCell``), on a backend's column of the trunk
        /// grid expanded (`byCommit`); `nil` elsewhere.
        let group: TrunkCell?
        let cells: [Cell]
    }

    let columns: [Column]
    /// The workflow headers over ``columns``, in order.
    let groups: [Group]
    let rows: [Row]
    /// `true` for PR rows (Commit, PR, Author columns); `false` for runs on upstream commits (one
    /// column, headed ``runHeader``).
    let byPR: Bool
    /// `Commit` when the rows carry commit titles (trunk runs), else `Run`.
    let runHeader: String
    /// The time column's header (``RowTime``).
    let timeHeader: String
    /// Rows carry a ``Row/group`` cell (the "all jobs" column).
    let hasGroup: Bool

    /// Groups `jobs` into rows (in first-seen order, that is, query order) and columns by
    /// ``JobRow/jobKey``; each cell is the latest attempt.
    ///
    /// - Parameters:
    ///   - jobs: Rows of one backend, newest first.
    ///   - byPR: rows by `pr_number` (PR matrix) or by event type + head SHA (scheduled runs).
    ///   - byCommit: rows by head SHA alone, whatever the kinds of runs, each with an "all jobs"
    ///     cell first (a backend's column of the trunk grid expanded); implies not `byPR`.
    ///   - links: Resolves drill-down and PR-page links relative to the current page.
    ///   - time: Which job's time a row shows.
    ///
    /// - Throws: ``SQLiteError`` when a drill-down lookup fails.
    init(
        jobs: [JobRow], byPR: Bool, byCommit: Bool = false, links: PageLinks, now: UTCTimestamp,
        time: RowTime = .latestStart
    ) throws(SQLiteError) {
        self.byPR = byPR && !byCommit
        hasGroup = byCommit
        let rowKey: (JobRow) -> String =
            byCommit ? { $0.headSHA } : byPR ? { String($0.prNumber) } : { $0.eventType + " " + $0.headSHA }
        var order: [String] = []
        var groups: [String: [JobRow]] = [:]
        for job in jobs {
            let key = rowKey(job)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(job)
        }
        var columnKeys: [String: JobRow] = [:]
        for job in jobs where columnKeys[job.jobKey] == nil { columnKeys[job.jobKey] = job }
        let sortedKeys = columnKeys.keys.sorted {
            let a = columnKeys[$0]!, b = columnKeys[$1]!
            return (a.workflowName, a.jobName) < (b.workflowName, b.jobName)
        }
        columns = sortedKeys.map { Column(job: columnKeys[$0]!.jobName, title: columnKeys[$0]!.displayName) }
        self.groups = sortedKeys.map { columnKeys[$0]!.workflowName }.consecutiveRuns().map {
            Group(workflow: $0.value.isEmpty ? nil : $0.value, span: $0.count)
        }
        timeHeader =
            switch time {
            case .latestStart: "Time"
            case .latestActivity: "Last activity"
            case .firstRun: "First run"
            }
        rows = try order.map { (key) throws(SQLiteError) -> Row in
            let group = groups[key]!
            let latest = group.latestAttempts()
            let first = group[0]
            let shown: UTCTimestamp? =
                switch time {
                case .latestStart: group.compactMap(\.sortTime).max()
                case .latestActivity: group.flatMap { [$0.startedAt, $0.completedAt] }.compactMap { $0 }.max()
                case .firstRun: group.compactMap(\.sortTime).min()
                }
            let cells = try sortedKeys.map { (columnKey) throws(SQLiteError) -> Cell in
                guard let (job, earlierFailure) = latest[columnKey] else {
                    return Cell(glyph: "", cssClass: "gn", tooltip: nil, href: nil, log: nil)
                }
                var tooltip = job.tooltip(at: now)
                if earlierFailure { tooltip += "\npassed after a failed attempt (flaky)" }
                let drillDown = try links.drillDown(job)
                return Cell(
                    glyph: job.glyph(passedAfterFailure: earlierFailure),
                    cssClass: job.glyphClass(at: now, passedAfterFailure: earlierFailure), tooltip: tooltip,
                    href: drillDown ?? job.logURL ?? SafeURL.external(job.workflowRunURL),
                    log: drillDown == nil || !byCommit ? nil : job.logURL)
            }
            return Row(
                time: Format.relative(shown, now: now), timeAbsolute: Format.absolute(shown),
                sha: Format.shortSHA(first.headSHA),
                shaHref: SafeURL.commit(repo: first.upstreamRepo, sha: first.headSHA),
                prNumber: first.prNumber,
                prPage: first.prNumber > 0 ? links.prPage(first.prNumber) : nil,
                prGitHub: first.prNumber > 0
                    ? SafeURL.external("https://github.com/\(first.upstreamRepo)/pull/\(first.prNumber)") : nil,
                title: group.compactMap { $0.prTitle ?? $0.commitTitle }.first { !$0.isEmpty },
                author: group.compactMap { $0.prAuthor ?? $0.commitAuthor }.first ?? "",
                eventType: byCommit
                    ? CommitRunKind.present(in: group).map(\.eventType).joined(separator: " + ") : first.eventType,
                group: byCommit ? try TrunkCell(runs: group, links: links, now: now) : nil, cells: cells)
        }
        runHeader = !byPR && rows.contains { $0.title != nil } ? "Commit" : "Run"
    }

    /// Colour class per glyph (spec §9: success green, failure red (also cancelled/timed out),
    /// pending amber, flaky light green, a success whose report counts failed tests orange,
    /// skipped/neutral/unknown grey).
    static func glyphClass(_ glyph: String) -> String {
        switch glyph {
        case "O": "gs"
        case "X", "C", "T": "gf"
        case "?": "gp"
        case "F": "gk"
        case "!": "gw"
        default: "gg"
        }
    }
}
