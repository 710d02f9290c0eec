import OOTCore

/// One cell of the trunk grid: a backend's jobs at one upstream commit, shown as the worst state
/// of their latest attempts (spec §9.4: `X` if any failed, else `?` if any is running, else `O`,
/// with the matrix's other glyphs in between), linked to that job's drill-down (issue 18).
///
/// An empty cell (``glyph`` empty, no tooltip) is a commit the backend did not run, distinct
/// from a failure.
struct TrunkCell: Sendable, Encodable {
    /// `O X ? C T S N F ! ~ U`, or empty.
    let glyph: String
    /// The glyph's colour class (``JobMatrix/glyphClass(_:)``; `ge` for an empty cell).
    let cssClass: String
    /// The outcome over the jobs; `nil` for an empty cell.
    @NotEncoded var outcome: CommitOutcome?
    /// The outcome, then one line per job (conclusion, attempt, duration, tests, queue): every
    /// job of a cell of up to ``jobsListed``, else those that did not plainly pass and how many
    /// more passed.
    ///
    /// `hud.js` puts the backend and the commit before it; `nil` for an empty cell.
    let tooltip: String?
    /// The worst job's drill-down, else its log, else its run; `nil` when none is a safe URL.
    let href: String?
    /// The worst job's log (`{run url}/job/{check_run_id}`, "Show log ›") when ``href`` is not
    /// already it.
    let log: String?
    /// The jobs, worst first, for the page's `index.json`.
    @NotEncoded var jobs: [(row: JobRow, earlierFailure: Bool)]

    /// An empty cell: the backend did not run this commit.
    static let empty = TrunkCell(
        glyph: "", cssClass: "ge", outcome: nil, tooltip: nil, href: nil, log: nil, jobs: [])

    private init(
        glyph: String, cssClass: String, outcome: CommitOutcome?, tooltip: String?, href: String?, log: String?,
        jobs: [(row: JobRow, earlierFailure: Bool)]
    ) {
        self.glyph = glyph
        self.cssClass = cssClass
        self.outcome = outcome
        self.tooltip = tooltip
        self.href = href
        self.log = log
        self.jobs = jobs
    }

    /// The cell of `runs` (one backend's runs on one commit, every attempt), at `now`.
    ///
    /// - Throws: ``SQLiteError`` when a drill-down lookup fails.
    init(runs: [JobRow], links: PageLinks, now: UTCTimestamp) throws(SQLiteError) {
        let latest = runs.latestAttempts().values.sorted {
            let (a, b) = (Self.rank($0.row, $0.earlierFailure, now), Self.rank($1.row, $1.earlierFailure, now))
            return a != b ? a < b : ($0.row.workflowName, $0.row.jobName) < ($1.row.workflowName, $1.row.jobName)
        }
        guard let worst = latest.first else {
            self = .empty
            return
        }
        jobs = latest.map { (row: $0.row, earlierFailure: $0.earlierFailure) }
        let counts = CommitOutcome.Counts(jobs: latest.map(\.row), at: now)
        outcome = CommitOutcome(counts)
        glyph = worst.row.glyph(passedAfterFailure: worst.earlierFailure)
        cssClass = worst.row.glyphClass(at: now, passedAfterFailure: worst.earlierFailure)
        var head = "\(latest.count) job\(latest.count == 1 ? "" : "s"): \(counts.passed) passed"
        if counts.failed > 0 { head += ", \(counts.failed) failed" }
        if counts.running > 0 { head += ", \(counts.running) running" }
        // Every job of a small cell; of a larger one the jobs that did not plainly pass, so a
        // page of 50 commits × 20 backends stays small (the expanded column has every job).
        let listed =
            latest.count <= Self.jobsListed
            ? latest : latest.filter { !$0.row.succeeded || $0.earlierFailure || $0.row.succeededWithFailedTests }
        let lines = listed.map { job -> String in
            var text = job.row.tooltip(at: now).replacingOccurrences(of: "\n", with: " · ")
            if job.earlierFailure { text += " · passed after a failed attempt (flaky)" }
            return "\(job.row.displayName): \(text)"
        }
        let rest = latest.count - listed.count
        tooltip = ([head] + lines + (rest > 0 && !lines.isEmpty ? ["and \(rest) more passed"] : [])).joined(
            separator: "\n")
        let drillDown = try links.drillDown(worst.row)
        href = drillDown ?? worst.row.logURL ?? SafeURL.external(worst.row.workflowRunURL)
        log = drillDown == nil ? nil : worst.row.logURL
    }

    /// Jobs a cell's tooltip lists in full; a cell with more lists only those that did not plainly
    /// pass.
    static let jobsListed = 4

    /// Worst first: failed or timed out, cancelled, a success whose report counts failed tests,
    /// running, unclear (lost, conclusion null, unknown), neutral, skipped, flaky, success.
    static func rank(_ job: JobRow, _ earlierFailure: Bool, _ now: UTCTimestamp) -> Int {
        if job.lost(at: now) { return 5 }
        switch job.glyph(passedAfterFailure: earlierFailure) {
        case "X", "T": return 0
        case "C": return 1
        case "!": return 2
        case "?": return 3
        case "~", "U": return 5
        case "N": return 6
        case "S": return 7
        case "F": return 8
        case "O": return 9
        default: return 4
        }
    }
}
