/// A row of the saved query `oot_backend_buckets`: one older page of a backend's matrix: its bucket and PR range.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendBucketsRow: Decodable, Sendable {
    let bucket: Int64
    let prs: Int64
    let firstPr: Int64
    let lastPr: Int64
}
