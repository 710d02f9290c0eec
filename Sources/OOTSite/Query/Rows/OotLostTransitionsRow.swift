/// A row of the saved query `oot_lost_transitions`: a PR whose running job turned lost since the last build.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotLostTransitionsRow: Decodable, Sendable {
    let repo: String
    let prNumber: Int64
    let seq: Int64
}
