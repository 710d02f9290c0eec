/// A row of the saved query `oot_backend_flaky_tests`: test-level flaky evidence: a rerun inside a report, or a pass and a failure on one SHA.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendFlakyTestsRow: Decodable, Sendable {
    let evidence: String
    let classname: String
    let name: String
    let pytorchHeadSha: String
    let prNumber: Int64
    let failedKey: String
    let passedKey: String
    /// The failing job's workflow and job name.
    let workflowName: String
    let jobName: String
    /// The failing job's start (else completion), UTC.
    let startedAt: String?
}
