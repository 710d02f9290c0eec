/// One detail bucket of the test search index, `search/detail/<bucket>.js` (docs/search.md): for
/// the indexed tests with ids `32 bucket … 32 bucket + 31`, the latest outcome and job on each
/// backend that ran them, and their pages.
///
/// Encoded compactly: `{"bucket": 3, "tests": [[id, cross, runs]]}` where `cross` is the test's
/// page across backends (`tests/<slug>-<hash>`, relative to the site root) or `""` when it has
/// none, and each run is `[backend, outcome, job, history]`: `backend` indexes the backends of
/// `search/index.js`, `outcome` is `f` failed, `k` flaky, `p` passed or `s` skipped, `job` the
/// latest job's drill-down directory below the backend's `job/`, and `history` 1 when the backend
/// has a history page of the test (at `<backend dir>/<cross>`).
struct SearchDetails: Encodable {
    /// One backend's latest execution of a test.
    struct Run: Encodable {
        /// Index into `search/index.js`'s backends.
        let backend: Int
        /// `f`, `k`, `p` or `s` (``SearchIndex/outcome(_:flaky:)``).
        let outcome: String
        /// The latest job's drill-down directory below `<backend dir>/job/`.
        let job: String
        /// The backend has a history page of the test.
        let history: Bool

        /// Encodes the fields as one JSON array, in declaration order.
        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(backend)
            try array.encode(outcome)
            try array.encode(job)
            try array.encode(history ? 1 : 0)
        }
    }

    /// One test's id, page across backends and runs.
    struct Test: Encodable {
        let id: Int64
        /// The page across backends (`tests/<slug>-<hash>`), or `""` when there is none.
        let cross: String
        /// By backend name.
        let runs: [Run]

        /// Encodes the fields as one JSON array, in declaration order.
        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(id)
            try array.encode(cross)
            try array.encode(runs)
        }
    }

    /// The bucket (``SearchChanges/bucket(of:)``).
    let bucket: Int64
    /// By id.
    let tests: [Test]

    /// The bucket from its rows (ordered by id, backend), leaving out runs of backends without a
    /// page and jobs without a drill-down.
    ///
    /// - Parameters:
    ///   - backendIndex: Each backend's position in `search/index.js`.
    ///   - history: Per backend, the tests with a history page there.
    ///   - jobDirectory: A job's drill-down directory (``SitePaths/jobDirectory(_:)``).
    ///   - backendDirectory: A backend's directory.
    /// - Throws: What the lookups throw (``SQLiteError``).
    init(
        bucket: Int64, rows: [OotSearchDetailsRow], backendIndex: [String: Int],
        history: [String: Set<TestIdentity>], jobDirectory: (String) throws -> String?,
        backendDirectory: (String) throws -> String?
    ) throws {
        self.bucket = bucket
        var tests: [Test] = []
        var index = 0
        while index < rows.count {
            let id = rows[index].id
            let test = TestIdentity(classname: rows[index].classname, name: rows[index].name)
            var runs: [Run] = []
            var hasHistory = false
            while index < rows.count, rows[index].id == id {
                let row = rows[index]
                index += 1
                guard let backend = backendIndex[row.repo], let home = try backendDirectory(row.repo),
                    let job = try jobDirectory(row.dynamoKey), job.hasPrefix(home + "/job/")
                else { continue }
                let here = history[row.repo]?.contains(test) ?? false
                hasHistory = hasHistory || here
                runs.append(
                    Run(
                        backend: backend, outcome: row.outcome, job: String(job.dropFirst(home.count + 5)),
                        history: here))
            }
            let cross =
                hasHistory ? SitePaths.crossBackendTestDirectory(classname: test.classname, name: test.name) : ""
            tests.append(Test(id: id, cross: cross, runs: runs))
        }
        self.tests = tests
    }
}
