/// The classification evidence already read by one render worker: a backend's runs of one
/// workflow + job, and its executions of one test, as ``Observation``s.
///
/// A full build classifies thousands of failures that share a few hundred jobs; each history is
/// read once per worker instead of once per failure. Not `Sendable`: one per ``PageRenderer``.
/// Histories do not change during a build (render never writes the database).
///
/// Its size follows the history (up to ``PageSource/classificationHistory`` runs for each job and
/// failing test a PR page classifies), which made a full build's peak memory grow with the
/// database. The strings of every observation (SHA, `dynamoKey`, workflow, job, event) are
/// interned, so the runs of one head SHA, and a job seen in both a job's and a test's history,
/// share one copy of each (docs/performance.md, "Memory").
final class HistoryCache {
    private var jobs: [String: [Observation]] = [:]
    private var tests: [String: [Observation]] = [:]
    /// One instance of each string held, so equal strings share their storage.
    private var strings: Set<String> = []

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
        let loaded = try load().map(interned)
        jobs[key] = loaded
        return loaded
    }

    /// The executions of `test` on `repo`, read by `load` the first time.
    ///
    /// - Throws: Whatever `load` throws (nothing is cached then).
    func test(repo: String, test: TestIdentity, load: () throws -> [Observation]) rethrows -> [Observation] {
        let key = repo + "\u{1F}" + test.classname + "\u{1F}" + test.name
        if let cached = tests[key] { return cached }
        let loaded = try load().map(interned)
        tests[key] = loaded
        return loaded
    }

    /// `run` with its strings replaced by the instances already held.
    private func interned(_ run: Observation) -> Observation {
        var run = run
        run.dynamoKey = intern(run.dynamoKey)
        run.sha = intern(run.sha)
        run.eventType = intern(run.eventType)
        run.workflowName = intern(run.workflowName)
        run.jobName = intern(run.jobName)
        return run
    }

    /// The held instance equal to `text`, holding `text` when there is none.
    private func intern(_ text: String) -> String { strings.insert(text).memberAfterInsert }
}
