import OOTCore

/// One fact behind a classification: a run, a SHA or a PR that a reader can open.
///
/// The page layer turns ``dynamoKey`` and ``pr`` into relative links (drill-down, trunk tab,
/// PR page); `kind` is what `/pr/<n>/index.json` calls it.
struct FailureEvidence: Sendable, Equatable {
    /// What the fact is.
    enum Kind: String, Sendable, Codable {
        /// The same job passed on another attempt at the PR's head SHA (flaky).
        case passedOnAttempt = "passed_on_attempt"
        /// The test passed on a rerun inside the same report (flaky).
        case passedInReport = "passed_in_report"
        /// The same test (or job) failed and passed at one SHA within 14 days (flaky).
        case flakyAtSHA = "flaky_at_sha"
        /// The same test (or job) failed on the backend's trunk run around the PR's base
        /// (broken trunk).
        case trunkFailure = "trunk_failure"
        /// The same test (or job) failed on another PR within the 24 h before (broken trunk, from 3).
        case otherPRFailure = "other_pr_failure"
        /// The job was cancelled (unstable).
        case cancelled
        /// The job has been in progress for over 6 h (unstable).
        case lost
        /// The job completed with no conclusion (unstable).
        case noConclusion = "no_conclusion"
        /// The job's report could not be read (unstable).
        case unreadableReport = "unreadable_report"
    }

    var kind: Kind
    /// The job run the fact is about, when there is one.
    var dynamoKey: String?
    /// The upstream SHA of that run.
    var sha: String?
    /// The PR of that run (``Kind/otherPRFailure``).
    var pr: Int64?
    /// The run's event type (`push`, `nightly`, `pull_request`…).
    var eventType: String?
    /// The run's attempt number.
    var runAttempt: Int64?
    /// The run's start, UTC.
    var startedAt: UTCTimestamp?
    /// Extra words (the harvest's reason for an unreadable report).
    var detail: String?
}
