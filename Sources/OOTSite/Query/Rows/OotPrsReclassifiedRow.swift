/// A row of the saved query `oot_prs_reclassified`: a PR whose failures a changed trunk run may
/// classify differently.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotPrsReclassifiedRow: Decodable, Sendable {
    let prNumber: Int64
}
