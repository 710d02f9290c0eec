/// A row of the saved query `oot_search_prs`: a PR's number, latest title and author.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchPrsRow: Decodable, Sendable {
    let prNumber: Int64
    let title: String
    let author: String
}
