/// A row of the saved query `oot_backend_flaky_jobs`: a job that failed on one attempt and passed on a later one.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendFlakyJobsRow: Decodable, Sendable {
    let prNumber: Int64
    let pytorchHeadSha: String
    let workflowName: String
    let jobName: String
    let failedKey: String
    let failedAttempt: Int64
    let failedConclusion: String
    let failedRunUrl: String
    let passedKey: String
    let passedAttempt: Int64
    let passedRunUrl: String
    let startedAt: String?
}
