/// A row of the saved query `oot_search_details`: an indexed test's latest execution on one
/// backend.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchDetailsRow: Decodable, Sendable {
    let id: Int64
    let classname: String
    let name: String
    let repo: String
    /// `f` failed or error, `k` flaky, `p` passed, `s` skipped (``SearchIndex/outcome(_:flaky:)``).
    let outcome: String
    let dynamoKey: String
}
