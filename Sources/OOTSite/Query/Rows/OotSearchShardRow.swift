/// A row of the saved query `oot_search_shard`: an indexed test's latest execution on one backend.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchShardRow: Decodable, Sendable {
    let classname: String
    let name: String
    let repo: String
    /// `f` failed or error, `k` flaky, `p` passed, `s` skipped (``SearchIndex/outcome(_:flaky:)``).
    let outcome: String
    let dynamoKey: String
}
