/// A row of the saved query `oot_search_shard`: an indexed test with a word in the shard.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchShardRow: Decodable, Sendable {
    let classname: String
    let name: String
    /// The test's id in the index (its details are in bucket ``SearchChanges/bucket(of:)``).
    let id: Int64
}
