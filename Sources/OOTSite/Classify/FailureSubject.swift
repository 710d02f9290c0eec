import OOTCore

/// One failure on a PR's head SHA, as the classifier sees it: a failing test inside a job's
/// report, or a job that failed (or stopped) without a failing test to show.
struct FailureSubject: Sendable, Equatable {
    /// How the job ended, as far as it matters here.
    enum JobState: Sendable, Equatable {
        /// Concluded `failure` or `timed_out`, or its report holds failing tests.
        case failed
        /// Concluded `cancelled`.
        case cancelled
        /// In progress for over 6 h (``JobRow/lostAfterSeconds``).
        case lost
        /// Completed with `conclusion: null` (spec §14.3).
        case noConclusion
        /// Failed, and its JUnit report could not be read (the reason, as the harvest recorded it).
        case unreadableReport(String)
    }

    /// The backend, `org/repo`.
    var backend: String
    /// `L1`…`L4` (the allowlist's level, else the job's).
    var level: String
    var workflowName: String
    var jobName: String
    /// The failing job (its latest attempt on the head SHA).
    var dynamoKey: String
    var prNumber: Int64
    var headSHA: String
    /// The PR's base SHA from the webhook payload; `nil` when no callback carried one.
    var baseSHA: String?
    var runAttempt: Int64
    /// The failing job's start (else completion), UTC.
    var startedAt: UTCTimestamp?
    /// The failing test, or `nil` for a failure of the whole job.
    var test: TestIdentity?
    var state: JobState
    /// The test also has a passing execution inside the same report (flakefinder/`--count` runs).
    var passedInReport: Bool = false
}
