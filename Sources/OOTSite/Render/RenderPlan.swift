import OOTCore

/// What one build renders: everything (a full build), or only the pages fed by what changed.
///
/// An incremental build always renders the summary ranges, and for each affected backend its
/// landing page, scheduled views, flaky evidence, feed and badge; the older matrix pages holding
/// changed PRs (all of them when a new page appeared, since every pager changes); the history
/// pages of tests in new reports; the pages of changed PRs, and of PRs whose failures a changed
/// trunk run may classify differently; the drill-downs of new reports.
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

    /// A full build of every backend in `repos`.
    static func full(reason: String, repos: [String]) -> RenderPlan {
        var plan = RenderPlan(full: true, reason: reason)
        for repo in repos { plan.backends[repo] = Backend(allBuckets: true, allTests: true) }
        return plan
    }

    /// An incremental build from `changes`, plus backends due for their hourly refresh, PRs
    /// whose running jobs turned lost since the last build (`lost`: repo, PR, sequence), and PRs
    /// a changed trunk run may classify differently (`reclassified`).
    static func incremental(
        changes: ChangeSet, stale: [String], lost: [(repo: String, pr: Int64, bucket: Int)],
        reclassified: [Int64] = []
    ) -> RenderPlan {
        var plan = RenderPlan(full: false, reason: "\(changes.jobs.count) jobs changed")
        for repo in changes.repos {
            var backend = Backend()
            backend.buckets = changes.bucketsByRepo[repo] ?? []
            backend.allBuckets = changes.newBuckets.contains(repo)
            backend.reports = changes.reportsByRepo[repo] ?? []
            plan.backends[repo] = backend
        }
        for repo in stale where plan.backends[repo] == nil { plan.backends[repo] = Backend() }
        for item in lost {
            plan.backends[item.repo, default: Backend()].buckets.insert(item.bucket)
            if item.pr > 0 { plan.prs.insert(item.pr) }
        }
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
