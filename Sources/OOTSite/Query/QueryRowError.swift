/// A saved query's result did not fit its row type: a column is missing or holds the wrong type.
///
/// The build stops with it (a renamed column never silently turns into `""` or `0`).
public struct QueryRowError: Error, Equatable, CustomStringConvertible {
    /// The saved query, such as `oot_summary`.
    public let query: String
    /// The column, in the query's spelling (`pr_number`).
    public let column: String
    /// What was wrong, such as `missing: the query returns repo, total`.
    public let reason: String

    public var description: String { "saved query \(query), column \(column): \(reason)" }
}
