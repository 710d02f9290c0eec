/// A row of the saved query `oot_search_shards`: a search shard and its number of tests.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchShardsRow: Decodable, Sendable {
    let shard: String
    let entries: Int64
}
