/// A row of the saved query `oot_trunk_landing`: an upstream commit on the trunk grid's landing
/// page and its sequence number (order of first appearance: the older page it belongs to).
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotTrunkLandingRow: Decodable, Sendable {
    let sha: String
    let seq: Int64
}
