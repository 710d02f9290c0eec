/// One unit of render work (spec §9 pages); parallel workers take them one at a time.
enum RenderItem: Sendable {
    /// Assets, the root index and the three summary ranges.
    case summary([BackendInfo])
    /// One backend's pages.
    case backend(BackendInfo, RenderPlan.Backend)
    /// One PR page and its `comment.md`.
    case pr(Int64)
    /// One drill-down, by `dynamoKey`.
    case job(String)
    /// One test's page across backends (`tests/<test-id>/`).
    case test(TestIdentity)
    /// Part of the search index and its A–Z pages (docs/search.md).
    case search(SearchWork)
    /// Pages of the trunk grid (docs/trunk.md).
    case trunk(TrunkWork)

    /// The kind, for timings: `summary`, `backend`, `pr`, `job`, `test-across`, `search` or `trunk`.
    var kind: String {
        switch self {
        case .summary: "summary"
        case .backend: "backend"
        case .pr: "pr"
        case .job: "job"
        case .test: "test-across"
        case .search: "search"
        case .trunk: "trunk"
        }
    }
}
