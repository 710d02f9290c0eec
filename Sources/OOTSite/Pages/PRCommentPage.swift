import OOTCore

/// The Markdown summary PR bots post (`/pr/<n>/comment.md`, `oot-hud pr-comment <n>`), built
/// from the same data as the PR page.
///
/// Every untrusted string is Markdown-escaped here, so the template
/// (`templates/comment.md.mustache`, TEXT content type) only lays values out.
struct PRCommentPage: Sendable, Encodable {
    /// One job worth listing (failed or running).
    struct Job: Sendable, Encodable {
        let icon: String
        let name: String
        let label: String
        let run: String?
        /// The job's drill-down page, when its report was harvested.
        let tests: String?
        let failing: String?
    }

    /// One backend line.
    struct Backend: Sendable, Encodable {
        let icon: String
        let repo: String
        let level: String
        let summary: String
        let jobs: [Job]
    }

    let number: Int64
    let sha: String?
    let headline: String
    let backends: [Backend]
    let hasBackends: Bool
    let olderNote: String?
    let fullResults: String?
    let asOf: String

    /// Builds the comment for `page`.
    ///
    /// - Parameter siteURL: The published site's base URL, for the "Full results" link.
    init(page: PRPage, siteURL: String?) {
        let base = siteURL.flatMap(SafeURL.external).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        number = page.number
        sha = page.current.map { $0.shortSHA }
        asOf = page.page.asOf
        let boxes = page.current?.backends ?? []
        let passed = boxes.reduce(0) { $0 + $1.passed }
        let completed = boxes.reduce(0) { $0 + $1.completed }
        let running = boxes.reduce(0) { $0 + $1.running }
        let failed = boxes.reduce(0) { $0 + $1.failed }
        let lost = boxes.reduce(0) { $0 + $1.lost }
        var parts = ["\(passed)/\(completed) jobs passed"]
        if failed > 0 { parts.append("\(failed) failed") }
        if running > 0 { parts.append("\(running) running") }
        if lost > 0 { parts.append("\(lost) lost (no result for over 6 h)") }
        headline = parts.joined(separator: ", ") + " across \(boxes.count) backend\(boxes.count == 1 ? "" : "s")"
        backends = boxes.map { box in
            Backend(
                icon: box.failed + box.lost > 0 ? "❌" : box.running > 0 ? "⏳" : "✅", repo: Markdown.escape(box.repo),
                level: box.level.text, summary: box.summary,
                // Listed: failed, running, and successes whose own test summary counts failures.
                jobs: box.jobs.filter {
                    $0.row.failed || $0.row.running || $0.row.noConclusion || $0.row.succeededWithFailedTests
                }.map {
                    line in
                    let tests = line.failingTests.map(Markdown.escape)
                    // Drill-down links are relative to the PR page; with a site URL, absolute for GitHub.
                    let testsLink = line.details.map { href in
                        base.map { $0 + href.replacingOccurrences(of: page.page.root, with: "") } ?? href
                    }
                    return Job(
                        icon: line.lost || line.row.succeededWithFailedTests ? "⚠️" : line.row.running ? "⏳" : "❌",
                        name: Markdown.escape(line.name),
                        label: Markdown.escape(line.label), run: line.run, tests: testsLink,
                        failing: tests.isEmpty
                            ? nil
                            : tests.joined(separator: ", ")
                                + (line.hasMoreFailing ? " and \(line.moreFailing) more" : ""))
                })
        }
        hasBackends = !backends.isEmpty
        let olderJobs = page.older.reduce(0) { $0 + $1.jobCount }
        olderNote =
            page.hasOlder
            ? "\(olderJobs) job result\(olderJobs == 1 ? "" : "s") from \(page.older.count) older push\(page.older.count == 1 ? "" : "es") not counted."
            : nil
        fullResults = base.map { $0 + "pr/\(page.number)/" }
    }
}
