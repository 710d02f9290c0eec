/// A row of the saved query `oot_report_keys`: a job with a harvested report (a drill-down page).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotReportKeysRow: Decodable, Sendable {
    let dynamoKey: String
}
