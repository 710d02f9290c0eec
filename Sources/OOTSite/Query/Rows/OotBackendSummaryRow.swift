/// A row of the saved query `oot_backend_summary`: a backend's stat cards (TI-HEAD crcr_backend_summary).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendSummaryRow: Decodable, Sendable {
    let totalJobs: Int64
    let successes: Int64
    let failures: Int64
    let timedOut: Int64
    let cancelled: Int64
    let passRate: Double
    let totalPrs: Int64
    let avgQueueTimeS: Double?
    let avgExecTimeS: Double?
    let timeoutRate: Double
}
