/// A row of the saved query `oot_job_history`: one run of a workflow + job on a backend.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotJobHistoryRow: Decodable, Sendable {
    let dynamoKey: String
    /// 0 for runs not on a PR.
    let prNumber: Int64
    let pytorchHeadSha: String
    let eventType: String
    let workflowName: String
    let jobName: String
    let runAttempt: Int64
    let status: String
    let conclusion: String?
    /// Start, else completion (UTC, ISO-8601); `nil` when neither is known.
    let startedAt: String?
}
