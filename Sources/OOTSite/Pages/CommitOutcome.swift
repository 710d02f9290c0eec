import OOTCore

/// What a backend's jobs at one upstream commit (or on one PR head) say together, by the worst
/// state: upstream's CRCR group cell is `X` if any job failed, else `?` if any is running, else
/// `O` (spec §9.4, MOCK-main).
///
/// Only ``red`` and ``green`` are results: a red streak counts red commits and ends at a green
/// one, and running or unclear commits are stepped over (issue 18).
enum CommitOutcome: String, Sendable, Encodable, Equatable {
    /// A job concluded other than success or skipped: failure, cancelled, timed_out (as Dr.CI
    /// and the PR boxes count them, spec §14.4).
    case red
    /// No job failed and one is still in progress (for at most 6 h).
    case running
    /// Every job succeeded or was skipped, and at least one succeeded.
    case green
    /// No failure, nothing running, but no verdict either: a job lost (in progress for over
    /// 6 h), one completed with conclusion null (spec §14.3), or only skipped jobs.
    case unclear

    /// The outcome of job counts (latest attempts): `failed`, `running` (≤ 6 h), `passed`
    /// (success), `unclear` (lost, or conclusion null); the other jobs were skipped.
    init(failed: Int64, running: Int64, passed: Int64, unclear: Int64) {
        if failed > 0 {
            self = .red
        } else if running > 0 {
            self = .running
        } else if unclear == 0 && passed > 0 {
            self = .green
        } else {
            self = .unclear
        }
    }

    /// Jobs (each one's latest attempt) counted by the rules above at an instant: failed,
    /// running (for at most 6 h), passed (success), unclear (lost, or conclusion null); a job in
    /// none of them was skipped (or is in a status other than completed and in_progress).
    struct Counts: Sendable, Equatable {
        var failed: Int64 = 0
        var running: Int64 = 0
        var passed: Int64 = 0
        var unclear: Int64 = 0

        /// Counts `jobs` at `now`.
        init(jobs: [JobRow], at now: UTCTimestamp) {
            for job in jobs {
                if job.failed {
                    failed += 1
                } else if job.running {
                    if job.lost(at: now) { unclear += 1 } else { running += 1 }
                } else if job.succeeded {
                    passed += 1
                } else if job.noConclusion {
                    unclear += 1
                }
            }
        }
    }

    /// The outcome of job counts.
    init(_ counts: Counts) {
        self.init(failed: counts.failed, running: counts.running, passed: counts.passed, unclear: counts.unclear)
    }

    /// The outcome of `jobs` (each job's latest attempt) at `now`.
    init(jobs: [JobRow], at now: UTCTimestamp) { self.init(Counts(jobs: jobs, at: now)) }

    /// Whether it is a result (red or green) rather than a pending or unclear state.
    var isResult: Bool { self == .red || self == .green }
}
