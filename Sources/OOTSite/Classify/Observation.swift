import OOTCore

/// One run, on one backend, of what a failure is about.
///
/// A test's execution in a harvested report (an `oot_test_history` row), or a job's run (an
/// `oot_job_history` row) for a failure without a test. The classifier (``FailureClassifier``) reads a backend's observations as evidence.
struct Observation: Sendable, Equatable {
    /// What the run showed.
    enum Outcome: Sendable, Equatable {
        /// The test passed, or the job concluded `success`.
        case passed
        /// The test failed or errored, or the job concluded `failure` or `timed_out`.
        case failed
        /// Skipped, cancelled, running, no conclusion: evidence of nothing.
        case other
    }

    /// The job (`dynamoKey`) the run belongs to.
    var dynamoKey: String
    /// The PR, or 0 for a run not on a PR (pushes to main, nightly, periodic).
    var prNumber: Int64
    /// The upstream SHA the run tested (`pytorch_head_sha`).
    var sha: String
    /// `pull_request`, `push`, `nightly`, `periodic`, or what the relay sent.
    var eventType: String
    var workflowName: String
    var jobName: String
    /// At least 1.
    var runAttempt: Int64
    /// The job's start (else completion), UTC; `nil` when unknown.
    var startedAt: UTCTimestamp?
    var outcome: Outcome
    /// The test passed after failing attempts inside its own report (a rerun plugin): it both
    /// failed and passed at this SHA.
    var flakyInReport: Bool = false

    /// Event types of runs on upstream trunk (spec §14.3): pushes to main and scheduled runs.
    static let trunkEvents: Set<String> = ["push", "nightly", "periodic"]

    /// `true` for a run on upstream trunk (not on a PR).
    var isTrunk: Bool { prNumber == 0 && Self.trunkEvents.contains(eventType) }

    /// `true` when the run is of `workflow` / `job`.
    func isJob(_ workflow: String, _ job: String) -> Bool { workflowName == workflow && jobName == job }

    /// A test execution: `failure`/`error` → failed, `passed` → passed, anything else → other.
    static func testOutcome(_ outcome: String) -> Outcome {
        switch outcome {
        case "passed": .passed
        case "failure", "error": .failed
        default: .other
        }
    }

    /// The oldest failure of the failing streak at the head of `runs` (newest first).
    ///
    /// `nil` when the newest run did not fail; runs of outcome `.other` (skipped) inside the
    /// streak neither end nor start it. "Failing since" on the history pages.
    static func failingStreakStart<Run>(_ runs: [Run], outcome: (Run) -> Outcome) -> Run? {
        guard let first = runs.first, outcome(first) == .failed else { return nil }
        return runs.prefix { outcome($0) != .passed }.last { outcome($0) == .failed }
    }

    /// A job run: `success` → passed, `failure`/`timed_out` → failed, anything else (running,
    /// cancelled, skipped, no conclusion) → other.
    static func jobOutcome(status: String, conclusion: String?) -> Outcome {
        guard status == "completed" else { return .other }
        switch conclusion {
        case "success": return .passed
        case "failure", "timed_out": return .failed
        default: return .other
        }
    }
}

extension Observation {
    /// One test execution (`oot_test_history`).
    init(_ row: OotTestHistoryRow) {
        self.init(
            dynamoKey: row.dynamoKey, prNumber: row.prNumber, sha: row.pytorchHeadSha, eventType: row.eventType,
            workflowName: row.workflowName, jobName: row.jobName, runAttempt: row.runAttempt,
            startedAt: row.startedAt.flatMap(UTCTimestamp.init(parsing:)), outcome: Self.testOutcome(row.outcome),
            flakyInReport: row.flaky)
    }

    /// One test execution on any backend (`oot_test_across_backends`).
    init(_ row: OotTestAcrossBackendsRow) {
        self.init(
            dynamoKey: row.dynamoKey, prNumber: row.prNumber, sha: row.pytorchHeadSha, eventType: row.eventType,
            workflowName: row.workflowName, jobName: row.jobName, runAttempt: row.runAttempt,
            startedAt: row.startedAt.flatMap(UTCTimestamp.init(parsing:)), outcome: Self.testOutcome(row.outcome),
            flakyInReport: row.flaky)
    }

    /// One job run (`oot_job_history`).
    init(_ row: OotJobHistoryRow) {
        self.init(
            dynamoKey: row.dynamoKey, prNumber: row.prNumber, sha: row.pytorchHeadSha, eventType: row.eventType,
            workflowName: row.workflowName, jobName: row.jobName, runAttempt: row.runAttempt,
            startedAt: row.startedAt.flatMap(UTCTimestamp.init(parsing:)),
            outcome: Self.jobOutcome(status: row.status, conclusion: row.conclusion))
    }
}
