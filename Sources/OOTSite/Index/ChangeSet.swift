import OOTCore

/// What changed since the last published build, from `site_pending` (jobs the fold changed and
/// jobs whose report was harvested): the incremental render re-renders only the pages these feed.
public struct ChangeSet: Sendable, Equatable {
    /// Changed jobs (dynamoKeys).
    public var jobs: Set<String> = []
    /// Backends of those jobs.
    public var repos: Set<String> = []
    /// PR numbers of those jobs (never 0).
    public var prs: Set<Int64> = []
    /// Changed PRs per backend (for the matrix page buckets).
    public var prsByRepo: [String: Set<Int64>] = [:]
    /// Changed jobs that have a drill-down page (a harvested report).
    public var reports: Set<String> = []
    /// Changed reports per backend (for test history pages).
    public var reportsByRepo: [String: Set<String>] = [:]
    /// Per backend, each changed PR's older matrix page (its bucket of PRs by first appearance,
    /// ``MatrixBucket``): the plan re-renders it unless the PR is on the landing page.
    public var prBuckets: [String: [Int64: Int]] = [:]
    /// Backends whose older matrix pages all change: the backend's level or its kinds of
    /// scheduled runs changed (every page's header and tabs change).
    public var allBuckets: Set<String> = []

    /// Upstream commits with a changed run (push, nightly, periodic; spec §14.3), SHA → sequence
    /// number in the trunk grid (``MatrixBucket`` of ``BuildOptions/commitsPerPage``: its older page).
    public var trunkCommits: [String: Int64] = [:]

    /// An empty change set.
    public init() {}
}
