import OOTCore

/// A backend's status badge, `badge.svg` (Shields-style): green "passing" only when the latest
/// attempt of every job on the backend's 10 most recent PRs succeeded (or was skipped or
/// cancelled); red "N failing" otherwise; grey "no data" without completed jobs.
struct BadgeModel: Sendable, Encodable {
    let label: String
    let message: String
    let color: String
    let labelWidth: Int
    let messageWidth: Int
    let width: Int
    let labelX: Int
    let messageX: Int

    /// PRs looked at.
    static let recentPRs = 10

    /// Builds the badge from the backend's dashboard rows (newest PRs first).
    init(jobs: [JobRow]) {
        var prs: [Int64] = []
        for job in jobs where !prs.contains(job.prNumber) && prs.count < Self.recentPRs { prs.append(job.prNumber) }
        let recent = jobs.filter { prs.contains($0.prNumber) }
        var latest: [String: JobRow] = [:]
        for (key, value) in Dictionary(grouping: recent, by: { "\($0.prNumber)\u{1F}\($0.jobKey)" }) {
            latest[key] = value.latestAttempts().values.first?.row
        }
        let completed = latest.values.filter { $0.status == "completed" }
        let failing = completed.filter { $0.conclusion == "failure" || $0.conclusion == "timed_out" }.count
        label = "oot ci"
        if completed.isEmpty {
            message = "no data"
            color = "#9e9e9e"
        } else if failing == 0 {
            message = "passing"
            color = "#2e7d32"
        } else {
            message = "\(failing) failing"
            color = "#c62828"
        }
        // Verdana 11px averages ~7 px per character; 10 px padding each side.
        labelWidth = label.count * 7 + 10
        messageWidth = message.count * 7 + 10
        width = labelWidth + messageWidth
        labelX = labelWidth * 5
        messageX = (labelWidth + messageWidth / 2) * 10
    }
}

/// A backend's Atom feed, `feed.xml`: one entry each time a job changes state between PRs,
/// "newly failing" (its latest attempt failed after passing on the previous PR) or "recovered".
struct FeedModel: Sendable, Encodable {
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
    init(repo: String, home: String, jobs: [JobRow], links: PageLinks, now: UTCTimestamp) {
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
                            href: links.drillDown(job) ?? links.prPage(pr),
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
