/// What one render worker did, handed back to the build to merge (``ParallelRender``).
struct RenderTally: Sendable {
    /// Pages written, by kind (`summary`, `backend`, `pr`, `job`, `test`, `flaky`, `scheduled`,
    /// `feed`, `index`).
    var pages: [String: Int] = [:]
    /// Seconds spent per kind of item (``RenderItem/kind``), queries included.
    var seconds: [String: Double] = [:]
    /// Per saved query: runs, rows and seconds.
    var queries: [String: QueryStat] = [:]
    /// The files the worker's writer wrote.
    var files = WrittenFiles()

    /// Adds another worker's tally.
    mutating func add(_ other: RenderTally) {
        for (kind, count) in other.pages { pages[kind, default: 0] += count }
        for (kind, time) in other.seconds { seconds[kind, default: 0] += time }
        for (name, stat) in other.queries { queries[name] = queries[name]?.adding(stat) ?? stat }
        files.add(other.files)
    }
}
