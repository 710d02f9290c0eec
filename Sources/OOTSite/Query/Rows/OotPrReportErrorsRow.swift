/// A row of the saved query `oot_pr_report_errors`: a job of the PR whose report could not be read.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotPrReportErrorsRow: Decodable, Sendable {
    let dynamoKey: String
    /// The harvest state: `parse_error`, `not_junit`, `rejected`, `unavailable` or `fetch_error`.
    let state: String
    /// The harvest's reason, when it recorded one.
    let error: String?
}
