/// A row of the saved query `oot_pr_failing_tests`: a failing testcase of a job of the PR.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotPrFailingTestsRow: Decodable, Sendable {
    let dynamoKey: String
    let classname: String
    let name: String
    let outcome: String
    /// The same identity also passed in the same report (a test executed several times).
    let passedInReport: Bool
}
