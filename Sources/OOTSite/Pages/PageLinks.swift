import OOTCore

/// Resolves site links relative to the page being rendered, so every link works from `file://`
/// and from any sub-path of a host.
struct PageLinks {
    /// The directory of the page being rendered (`oot/org/repo`).
    let directory: String
    /// Page paths; a job has a drill-down page exactly when it has a path.
    let paths: SitePaths

    /// `index.html` of `targetDirectory`, relative to ``directory``.
    func page(_ targetDirectory: String) -> String {
        SitePaths.relative(from: directory, to: targetDirectory + "/index.html")
    }

    /// A file (for example `oot/org/repo/feed.xml`) relative to ``directory``.
    func file(_ path: String) -> String { SitePaths.relative(from: directory, to: path) }

    /// The drill-down of `job`, or `nil` when it has none (no harvested report).
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails.
    func drillDown(_ job: JobRow) throws(SQLiteError) -> String? {
        try drillDown(job.dynamoKey)
    }

    /// The drill-down of the job `dynamoKey`, or `nil` when it has none.
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails.
    func drillDown(_ dynamoKey: String) throws(SQLiteError) -> String? {
        try paths.jobDirectory(dynamoKey).map { page($0) }
    }

    /// The page of PR `number`.
    func prPage(_ number: Int64) -> String { page(SitePaths.prDirectory(number)) }

    /// The landing page of backend `repo`, or `nil` when it has none.
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails.
    func backend(_ repo: String) throws(SQLiteError) -> String? { try paths.backendDirectory(repo).map { page($0) } }

    /// The history page of a test on backend `repo`, or `nil` when the backend has no pages.
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails.
    func testHistory(repo: String, classname: String, name: String) throws(SQLiteError) -> String? {
        try paths.testDirectory(repo: repo, classname: classname, name: name).map { page($0) }
    }
}
