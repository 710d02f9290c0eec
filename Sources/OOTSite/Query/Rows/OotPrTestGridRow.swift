/// A row of the saved query `oot_pr_test_grid`: one execution of a test that failed somewhere on the PR.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotPrTestGridRow: Decodable, Sendable {
    let classname: String
    let name: String
    let downstreamRepo: String
    let pytorchHeadSha: String
    let dynamoKey: String
    let runAttempt: Int64
    let startedAt: String?
    let outcome: String
    let ordinal: Int64
    let workflowName: String
    let jobName: String
}
