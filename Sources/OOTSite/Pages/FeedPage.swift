import OOTCore

/// A backend's Atom feed, `feed.xml`: one entry each time a job changes state between PRs,
/// "newly failing" (its latest attempt failed after passing on the previous PR) or "recovered".
struct FeedPage: Sendable, Encodable {
    struct Entry: Sendable, Encodable {
        let id: String
        let title: String
        let updated: String
        let href: String
        let summary: String
    }

    let title: String
    let id: String
    let updated: String
    let selfHref: String
    let pageHref: String
    let entries: [Entry]

    /// Builds the feed from dashboard rows (newest PRs first) of the backend.
    init(repo: String, home: String, jobs: [JobRow], links: PageLinks, now: UTCTimestamp) throws(SQLiteError) {
        title = "\(repo): OOT CI state changes"
        id = "tag:oot-hud,2026:\(repo)"
        selfHref = "feed.xml"
        pageHref = "index.html"
        // Per job key, the latest attempt on each PR, oldest PR first.
        var order: [Int64] = []
        var byPR: [Int64: [JobRow]] = [:]
        for job in jobs {
            if byPR[job.prNumber] == nil { order.append(job.prNumber) }
            byPR[job.prNumber, default: []].append(job)
        }
        var previous: [String: Bool] = [:]  // job key → was failing
        var entries: [Entry] = []
        for pr in order.reversed() {
            let latest = byPR[pr]!.latestAttempts()
            for (key, value) in latest.sorted(by: { $0.key < $1.key }) {
                let job = value.row
                guard job.status == "completed", let conclusion = job.conclusion else { continue }
                let failing = conclusion == "failure" || conclusion == "timed_out"
                let passing = conclusion == "success"
                guard failing || passing else { continue }
                if let was = previous[key], was != failing {
                    let state = failing ? "newly failing" : "recovered"
                    let time = job.completedAt ?? job.sortTime ?? now
                    entries.append(
                        Entry(
                            id: "\(id)/\(job.workflowName)/\(job.jobName)/\(pr)/\(failing ? "fail" : "pass")",
                            title: "\(job.displayName) \(state) on PR #\(pr)", updated: time.description,
                            href: try links.drillDown(job) ?? links.prPage(pr),
                            summary:
                                "\(job.displayName) is \(conclusion) on PR #\(pr) (SHA \(Format.shortSHA(job.headSHA)), attempt \(job.runAttempt)); it was \(was ? "failing" : "passing") on the previous PR."
                        ))
                }
                previous[key] = failing
            }
        }
        self.entries = Array(entries.reversed().prefix(100))
        updated = self.entries.first?.updated ?? now.description
    }
}
