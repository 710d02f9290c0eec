/// A row of the saved query `oot_search_buckets`: a detail bucket of the search index.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchBucketsRow: Decodable, Sendable {
    let bucket: Int64
}
