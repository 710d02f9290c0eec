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

    func drillDown(_ job: JobRow) -> String? {
        guard let dir = paths.jobDirectory(job.dynamoKey) else { return nil }
        return page(dir)
    }

    func prPage(_ number: Int64) -> String { page(SitePaths.prDirectory(number)) }

    func backend(_ repo: String) -> String? { paths.backendDirectory(repo).map { page($0) } }
}
