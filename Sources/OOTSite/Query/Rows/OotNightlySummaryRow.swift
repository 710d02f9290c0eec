/// A row of the saved query `oot_nightly_summary`: one backend's runs of one kind on upstream commits in a summary range.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotNightlySummaryRow: Decodable, Sendable {
    let repo: String
    let eventType: String
    let total: Int64
    let successes: Int64
    let failures: Int64
    let passRate: Double
    let avgDurationS: Double?
    let lastRun: String?
}
