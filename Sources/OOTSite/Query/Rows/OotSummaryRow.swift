/// A row of the saved query `oot_summary`: one backend's PR jobs in a summary range (spec §8.1).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSummaryRow: Decodable, Sendable {
    let repo: String
    let downstreamRepoLevel: String
    let successes: Int64
    let failures: Int64
    let timedOut: Int64
    let cancelled: Int64
    let total: Int64
    let passRate: Double
    let avgDurationS: Double?
    let lastRun: String?
}
