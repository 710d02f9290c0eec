/// A row of the saved query `oot_backend_day_failures`: a failed or timed-out PR job on one UTC
/// day, for the trends page's day rows (issue 16).
///
/// Read by ``RowDecoder``.
struct OotBackendDayFailuresRow: Decodable, Sendable {
    /// `YYYY-MM-DD`, UTC.
    let day: String
    let dynamoKey: String
    let workflowName: String
    let jobName: String
    let prNumber: Int64
    /// `failure` or `timed_out`.
    let conclusion: String
    let workflowRunURL: String

    private enum CodingKeys: String, CodingKey {
        case day, dynamoKey, conclusion
        case workflowName = "workflow_name"
        case jobName = "job_name"
        case prNumber = "pr_number"
        case workflowRunURL = "workflow_run_url"
    }
}
