import OOTCore

/// A backend's health in one word on the summary (issue 18): `healthy` when its last 5 PR runs
/// and its latest trunk run passed, else `degraded`, as upstream's relay-health card judges the
/// last 5 probe PRs (test-infra #8454, spec §9.1); the rule and the facts are in the tooltip.
///
/// A PR run is the backend's jobs on a PR's newest head SHA, latest attempt each
/// (``CommitOutcome``); runs still in progress are not judged yet and are skipped. The trunk run
/// is the latest upstream commit with a result (red or green) among the latest 500 upstream
/// commits (``PageSource/trunkCommitsJudged``).
struct BackendHealth: Sendable, Encodable {
    /// PR runs judged.
    static let prRuns = 5

    /// `healthy`, `degraded`, or `no data` (no finished PR run and no trunk result).
    let word: String
    /// Chip class: `success`, `warning` (degraded, the relay-health card's orange) or `default`.
    let cssClass: String
    /// The rule, then what it saw.
    let tooltip: String
    /// `true` when healthy (for sorting and JSON).
    let healthy: Bool

    /// Judges `prRuns` (PR number and outcome, newest first) and the latest trunk result.
    ///
    /// - Parameters:
    ///   - prRuns: The backend's PR runs, newest first (running ones are skipped).
    ///   - trunk: The latest upstream commit with a result: its short SHA and outcome; `nil`
    ///     when the backend has no trunk result in the window.
    init(prRuns: [(pr: Int64, outcome: CommitOutcome)], trunk: (sha: String, outcome: CommitOutcome)?) {
        let judged = prRuns.filter { $0.outcome != .running }.prefix(Self.prRuns)
        let notPassed = judged.filter { $0.outcome != .green }
        let rule =
            "Healthy when its last \(Self.prRuns) PR runs and its latest trunk run passed (jobs on a PR's newest head, latest attempt; running ones are skipped)."
        var facts: [String] = []
        if judged.isEmpty {
            facts.append("No finished PR run.")
        } else {
            let failing = notPassed.map { "#\($0.pr)" }.joined(separator: ", ")
            facts.append(
                "Last \(judged.count) PR run\(judged.count == 1 ? "" : "s"): \(judged.count - notPassed.count) passed"
                    + (notPassed.isEmpty ? "." : ", \(notPassed.count) did not (\(failing))."))
        }
        if let trunk {
            facts.append("Latest trunk run: \(trunk.outcome == .green ? "passed" : "failed") at \(trunk.sha).")
        } else {
            facts.append("No trunk run among the latest upstream commits.")
        }
        tooltip = ([rule] + facts).joined(separator: "\n")
        if judged.isEmpty && trunk == nil {
            (word, cssClass, healthy) = ("no data", "default", false)
        } else if notPassed.isEmpty && (trunk?.outcome ?? .green) == .green {
            (word, cssClass, healthy) = ("healthy", "success", true)
        } else {
            (word, cssClass, healthy) = ("degraded", "warning", false)
        }
    }

    /// The PR runs in `rows` (`oot_backend_pr_runs`: the jobs of a backend's latest PRs, newest PR
    /// first): per PR, the outcome of the latest attempt of each job on its newest head SHA at
    /// `now`, in the rows' PR order.
    static func prRuns(from rows: [JobRow], at now: UTCTimestamp) -> [(pr: Int64, outcome: CommitOutcome)] {
        var order: [Int64] = []
        var byPR: [Int64: [JobRow]] = [:]
        for row in rows {
            if byPR[row.prNumber] == nil { order.append(row.prNumber) }
            byPR[row.prNumber, default: []].append(row)
        }
        return order.compactMap { (pr) -> (pr: Int64, outcome: CommitOutcome)? in
            let jobs = byPR[pr] ?? []
            guard let head = jobs.shasNewestFirst().first?.sha else { return nil }
            let latest = jobs.filter { $0.headSHA == head }.latestAttempts().values.map(\.row)
            return (pr, CommitOutcome(jobs: latest, at: now))
        }
    }
}
