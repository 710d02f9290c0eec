/// A row of the saved query `oot_pr_numbers`: a PR any backend ran on.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotPrNumbersRow: Decodable, Sendable {
    let prNumber: Int64
}
