/// The cost of one saved query over a build (`oot-hud build --query-stats`).
public struct QueryStat: Sendable, Equatable {
    /// The query's folder name.
    public let name: String
    /// Times it ran.
    public let runs: Int
    /// Rows it returned in total.
    public let rows: Int
    /// Seconds spent in it in total (bind, step, reading rows).
    public let seconds: Double

    /// Both costs summed (the same query counted by two render workers).
    func adding(_ other: QueryStat) -> QueryStat {
        QueryStat(name: name, runs: runs + other.runs, rows: rows + other.rows, seconds: seconds + other.seconds)
    }
}
