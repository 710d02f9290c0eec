/// A row of the saved query `oot_job_slowest`: one of the slowest testcases of a job.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotJobSlowestRow: Decodable, Sendable {
    let ordinal: Int64
    let suite: String
    let classname: String
    let name: String
    let outcome: String
    let timeSeconds: Double
}

extension OotJobSlowestRow {
    /// The row as a listed testcase: what the slowest list shows, with no message, output or
    /// reruns (the query does not read them).
    var testcase: OotJobTestcasesRow {
        OotJobTestcasesRow(
            ordinal: ordinal, suite: suite, classname: classname, name: name, file: nil, outcome: outcome,
            flaky: false, reruns: 0, timeSeconds: timeSeconds, message: nil, details: nil, stdout: nil,
            stdoutBytes: nil, stderr: nil, stderrBytes: nil)
    }
}
