import OOTCore

/// A backend's status badge, `badge.svg` (Shields-style): green "passing" only when the latest
/// attempt of every job on the backend's 10 most recent PRs succeeded (or was skipped or
/// cancelled); red "N failing" otherwise; grey "no data" without completed jobs.
struct BadgePage: Sendable, Encodable {
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
