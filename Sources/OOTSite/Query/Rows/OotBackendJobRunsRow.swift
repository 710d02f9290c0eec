/// A row of the saved query `oot_backend_job_runs`: how often one workflow + job of a backend ran
/// in the window, the denominator of the flaky page's rates.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendJobRunsRow: Decodable, Sendable {
    let workflowName: String
    let jobName: String
    /// Distinct upstream SHAs with a completed run.
    let shas: Int64
    /// Completed runs, every attempt.
    let runs: Int64
}
