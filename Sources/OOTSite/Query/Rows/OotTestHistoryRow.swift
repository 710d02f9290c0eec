/// A row of the saved query `oot_test_history`: one execution of one test on a backend.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotTestHistoryRow: Decodable, Sendable {
    let dynamoKey: String
    let prNumber: Int64
    let prTitle: String?
    let pytorchHeadSha: String
    let eventType: String
    let workflowName: String
    let jobName: String
    let checkRunId: String
    let runAttempt: Int64
    let conclusion: String?
    let startedAt: String?
    let ordinal: Int64
    let outcome: String
    let flaky: Bool
    let reruns: Int64
    let timeSeconds: Double?
    let message: String?
}
