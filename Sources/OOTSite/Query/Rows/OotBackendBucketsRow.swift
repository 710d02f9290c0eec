/// A row of the saved query `oot_backend_buckets`: one older page of a backend's matrix: its
/// bucket, how many PRs the bucket holds, how many of them are on the landing page instead, and
/// the PR number range.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendBucketsRow: Decodable, Sendable {
    let bucket: Int64
    let prs: Int64
    let onLanding: Int64
    let firstPr: Int64
    let lastPr: Int64

    /// The PRs this older page lists (those of its bucket not on the landing page).
    var listed: Int64 { prs - onLanding }
}
