/// A row of the saved query `oot_job_testcases`: a testcase of one job worth listing (failing, flaky, skipped).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotJobTestcasesRow: Decodable, Sendable {
    let ordinal: Int64
    let suite: String
    let classname: String
    let name: String
    let file: String?
    let outcome: String
    let flaky: Bool
    let reruns: Int64
    let timeSeconds: Double?
    let message: String?
    let details: String?
    let stdout: String?
    let stdoutBytes: Int64?
    let stderr: String?
    let stderrBytes: Int64?
}
