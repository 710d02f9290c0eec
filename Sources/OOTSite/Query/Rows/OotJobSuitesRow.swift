/// A row of the saved query `oot_job_suites`: one suite of a job, with counts derived from its testcases.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotJobSuitesRow: Decodable, Sendable {
    let suite: String
    let tests: Int64
    let passed: Int64
    let failures: Int64
    let errors: Int64
    let skipped: Int64
    let timeSeconds: Double?
}
