/// A row of the saved query `oot_summary_trend`: one backend's completed PR jobs on one UTC day,
/// for the summary's sparklines (issue 16).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSummaryTrendRow: Decodable, Sendable {
    let repo: String
    /// `YYYY-MM-DD`, UTC.
    let day: String
    let total: Int64
    let successes: Int64
}
