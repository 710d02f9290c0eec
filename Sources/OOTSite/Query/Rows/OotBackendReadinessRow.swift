/// A row of the saved query `oot_backend_readiness`: the figures a backend's level is judged on
/// over the readiness window (issue 16, spec §10).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendReadinessRow: Decodable, Sendable {
    /// Completed PR jobs in the window, every attempt.
    let totalJobs: Int64
    let successes: Int64
    let timedOut: Int64
    /// Jobs with a queue time (first attempts).
    let queuedJobs: Int64
    /// Nearest-rank median queue time, seconds; `nil` when no job has one.
    let queueP50S: Double?
    /// PR heads (PR number + upstream SHA) with a known run time.
    let prHeads: Int64
    /// Nearest-rank median, over PR heads, of first dispatch to last completion, seconds.
    let runP50S: Double?
}
