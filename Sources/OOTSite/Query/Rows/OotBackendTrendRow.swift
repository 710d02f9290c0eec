/// A row of the saved query `oot_backend_trend`: one UTC day of a backend's trend panel (issue 16),
/// from the daily rollup `site_daily`.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendTrendRow: Decodable, Sendable {
    /// `YYYY-MM-DD`, UTC.
    let day: String
    /// Completed PR jobs that day, every attempt.
    let total: Int64
    let successes: Int64
    let failures: Int64
    let timedOut: Int64
    let cancelled: Int64
    /// `successes / total`, 0…1; `nil` on a day without a completed job.
    let passRate: Double?
    /// Nearest-rank median queue time, seconds; `nil` when no job of the day has one.
    let queueP50S: Double?
    /// Nearest-rank median duration (start to completion), seconds; `nil` when none is known.
    let durationP50S: Double?
}
