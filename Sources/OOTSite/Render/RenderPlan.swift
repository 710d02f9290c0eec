import OOTCore

/// What one build renders: everything (a full build), or only the pages fed by what changed.
///
/// An incremental build always renders the summary ranges, and for each affected backend its
/// landing page, scheduled views, flaky evidence, feed and badge; the older matrix pages whose
/// rows or pager change (``MatrixPages/bucketsToRender(since:changed:)``: a listed PR changed, a
/// PR moved on or off the landing page, a page appeared or its pager changed; all of them when
/// the backend's level or kinds of runs changed); the history pages of tests in new reports; the
/// pages of changed PRs, and of PRs whose failures a changed trunk run may classify differently;
/// the drill-downs of new reports; the trunk grid's landing pages and the older pages a changed
/// commit or the landing page's moves touch (docs/trunk.md).
/// Backends whose pages are over an hour old are refreshed too, so time windows, staleness and
/// "lost" labels move on even when a backend is silent.
struct RenderPlan: Sendable, Equatable {
    /// What to render of one backend.
    struct Backend: Sendable, Equatable {
        /// Older matrix pages to render (all when ``allBuckets``).
        var buckets: Set<Int> = []
        var allBuckets = false
        /// Reports whose tests' history pages to render (all failing tests when ``allTests``).
        var reports: Set<String> = []
        var allTests = false
    }

    /// Everything, or only what changed.
    var full: Bool
    /// Why (`--full`, `first build`, `templates or options changed`, `12 jobs changed`).
    var reason: String
    /// Backends to render, by repo.
    var backends: [String: Backend] = [:]
    /// PR pages to render (ignored when ``full``: every PR).
    var prs: Set<Int64> = []
    /// Drill-downs to render (ignored when ``full``: every report).
    var reports: Set<String> = []
    /// What the matrices of the backends this build looked at show once it is published (every
    /// backend on a full build), kept in the build state for the next build.
    var matrices: [String: MatrixPages] = [:]
    /// Search index files to write (``SearchIndex``); `nil`: all of them (a full build, or after
    /// the index was refilled).
    var search: SearchChanges? = nil
    /// Render the trunk grid's landing pages (every view).
    var trunkLanding = false
    /// The trunk grid's older pages to render (all of them when ``allTrunkBuckets``).
    var trunkBuckets: Set<Int> = []
    var allTrunkBuckets = false
    /// What the trunk grid shows once this build is published (its landing commits by sequence
    /// number, its older pages), kept in the build state for the next build; `nil` when not read.
    var trunkPages: MatrixPages? = nil
    /// The published A–Z letter digests (``SearchPage/digests(history:)``); `nil` when unknown
    /// (every letter page is written).
    var searchLetters: [String: String]? = nil

    /// A full build of every backend in `repos`; `matrices` is what their matrices show.
    static func full(reason: String, repos: [String], matrices: [String: MatrixPages] = [:]) -> RenderPlan {
        var plan = RenderPlan(full: true, reason: reason, search: nil)
        for repo in repos { plan.backends[repo] = Backend(allBuckets: true, allTests: true) }
        plan.matrices = matrices
        return plan
    }

    /// An incremental build from `changes`, plus backends due for their hourly refresh, PRs
    /// whose running jobs turned lost since the last build (`lost`: repo, PR, bucket), and PRs
    /// a changed trunk run may classify differently (`reclassified`).
    ///
    /// - Parameters:
    ///   - matrices: What the matrices of the backends with changes or lost jobs show now.
    ///   - published: What the published site's matrices show (`nil` when not known: every
    ///     older page of those backends is rendered).
    ///   - search: The search index files the index stage changed (`nil`: all of them).
    static func incremental(
        changes: ChangeSet, stale: [String], lost: [(repo: String, pr: Int64, bucket: Int)],
        reclassified: [Int64] = [], matrices: [String: MatrixPages] = [:], published: [String: MatrixPages]? = nil,
        search: SearchChanges? = SearchChanges()
    ) -> RenderPlan {
        var plan = RenderPlan(full: false, reason: "\(changes.jobs.count) jobs changed", search: search)
        var changed = changes.prBuckets
        for item in lost where item.pr > 0 { changed[item.repo, default: [:]][item.pr] = item.bucket }
        for repo in changes.repos.union(lost.map(\.repo)) {
            var backend = Backend()
            backend.reports = changes.reportsByRepo[repo] ?? []
            if changes.allBuckets.contains(repo) {
                backend.allBuckets = true
            } else if let now = matrices[repo] {
                if let buckets = now.bucketsToRender(since: published?[repo], changed: changed[repo] ?? [:]) {
                    backend.buckets = buckets
                } else {
                    backend.allBuckets = true
                }
            } else {
                backend.buckets = Set((changed[repo] ?? [:]).values)
            }
            plan.backends[repo] = backend
        }
        for repo in stale where plan.backends[repo] == nil { plan.backends[repo] = Backend() }
        plan.matrices = matrices
        for item in lost where item.pr > 0 { plan.prs.insert(item.pr) }
        if !lost.isEmpty { plan.reason += ", \(lost.count) PRs with newly lost jobs" }
        if !stale.isEmpty { plan.reason += ", \(stale.count) backends refreshed" }
        plan.prs.formUnion(changes.prs)
        let again = Set(reclassified).subtracting(plan.prs)
        if !again.isEmpty { plan.reason += ", \(again.count) PRs reclassified after trunk runs" }
        plan.prs.formUnion(again)
        plan.reports = changes.reports
        return plan
    }
}
