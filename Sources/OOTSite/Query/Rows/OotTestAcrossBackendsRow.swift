/// A row of the saved query `oot_test_across_backends`: one execution of one test on a backend.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotTestAcrossBackendsRow: Decodable, Sendable {
    let downstreamRepo: String
    let downstreamRepoLevel: String
    let dynamoKey: String
    /// 0 for runs not on a PR.
    let prNumber: Int64
    let pytorchHeadSha: String
    let eventType: String
    let workflowName: String
    let jobName: String
    let runAttempt: Int64
    /// Start, else completion (UTC, ISO-8601).
    let startedAt: String?
    let ordinal: Int64
    /// `passed`, `failure`, `error` or `skipped`.
    let outcome: String
    /// Passed after a rerun inside its report.
    let flaky: Bool
}
