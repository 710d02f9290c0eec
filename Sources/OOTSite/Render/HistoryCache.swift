/// The classification evidence already read by one render worker: a backend's runs of one
/// workflow + job, and its executions of one test, as ``Observation``s.
///
/// A full build classifies thousands of failures that share a few hundred jobs; each history is
/// read once per worker instead of once per failure. Not `Sendable`: one per ``PageRenderer``.
/// Histories do not change during a build (render never writes the database).
final class HistoryCache {
    private var jobs: [String: [Observation]] = [:]
    private var tests: [String: [Observation]] = [:]

    /// An empty cache.
    init() {}

    /// The runs of `workflow` / `job` on `repo`, read by `load` the first time.
    ///
    /// - Throws: Whatever `load` throws (nothing is cached then).
    func job(repo: String, workflow: String, job: String, load: () throws -> [Observation]) rethrows
        -> [Observation]
    {
        let key = repo + "\u{1F}" + workflow + "\u{1F}" + job
        if let cached = jobs[key] { return cached }
        let loaded = try load()
        jobs[key] = loaded
        return loaded
    }

    /// The executions of `test` on `repo`, read by `load` the first time.
    ///
    /// - Throws: Whatever `load` throws (nothing is cached then).
    func test(repo: String, test: TestIdentity, load: () throws -> [Observation]) rethrows -> [Observation] {
        let key = repo + "\u{1F}" + test.classname + "\u{1F}" + test.name
        if let cached = tests[key] { return cached }
        let loaded = try load()
        tests[key] = loaded
        return loaded
    }
}
