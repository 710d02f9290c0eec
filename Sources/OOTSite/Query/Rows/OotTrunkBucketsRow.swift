/// A row of the saved query `oot_trunk_buckets`: one older page of the trunk grid: its bucket,
/// how many upstream commits the bucket holds, and how many of them are on the landing page
/// instead.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotTrunkBucketsRow: Decodable, Sendable {
    let bucket: Int64
    let commits: Int64
    let onLanding: Int64

    /// The commits this older page lists (those of its bucket not on the landing page).
    var listed: Int64 { commits - onLanding }
}
