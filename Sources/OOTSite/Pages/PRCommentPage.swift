import OOTCore

/// The Markdown summary PR bots post (`/pr/<n>/comment.md`, `oot-hud pr-comment <n>`).
///
/// Built from the same data as the PR page, in Dr.CI's shape: one paragraph per classification (NEW,
/// BROKEN TRUNK, FLAKY, UNSTABLE) under the L4 (blocking) and L3 ("CRCR (non-blocking)") split of
/// spec §14.4; L2 failures are only counted. Long lists are collapsed in `<details>`.
///
/// Every untrusted string is Markdown-escaped here, so the template
/// (`templates/comment.md.mustache`, TEXT content type) only lays values out. Links to the site's
/// pages are absolute when the site's URL is known (`--site-url`): GitHub renders the comment on
/// the PR, where a relative link would break. Without it those links are left out (the text
/// stays), and only links that are already absolute (the workflow runs on GitHub) remain; the
/// build says so once (``siteBase(_:)``, ``SiteBuilder/siteURLNotice(_:)``).
struct PRCommentPage: Sendable, Encodable {
    /// One job worth listing (failed or running).
    struct Job: Sendable, Encodable {
        let icon: String
        let name: String
        let label: String
        let run: String?
        /// The job's drill-down page, when its report was harvested.
        let tests: String?
    }

    /// One backend line.
    struct Backend: Sendable, Encodable {
        let icon: String
        let repo: String
        let level: String
        let summary: String
        let jobs: [Job]
    }

    /// One piece of evidence, linked.
    struct Evidence: Sendable, Encodable {
        /// `""` before the first, `"; "` before the others.
        let separator: String
        let text: String
        let href: String?
    }

    /// One failure line.
    struct Failure: Sendable, Encodable {
        let repo: String
        let job: String
        let jobHref: String?
        let test: String?
        let blocking: Bool
        let spread: String?
        let history: String?
        let evidence: [Evidence]
        let hasEvidence: Bool
    }

    /// One classification's failures in a level section.
    struct Group: Sendable, Encodable {
        let title: String
        let count: Int
        let meaning: String
        let items: [Failure]
        let more: [Failure]
        let hasMore: Bool
        let moreCount: Int
    }

    /// The L4 or L3 section.
    struct Section: Sendable, Encodable {
        let title: String
        let groups: [Group]
    }

    /// Failures listed per group before the rest is collapsed.
    static let shownPerGroup = 5

    let number: Int64
    let sha: String?
    /// `2 new failures (1 blocking) · 3 broken trunk · 1 flaky · 1 unstable`.
    let headline: String
    /// `6/7 jobs passed, 1 failed across 3 backends`.
    let jobsLine: String
    let sections: [Section]
    /// The failures on L2 (and unknown-level) backends, counted: they do not gate merges.
    let informational: String?
    /// The registered L3/L4 backends without results for the head, in words.
    let silentNote: String?
    let backends: [Backend]
    let hasBackends: Bool
    let olderNote: String?
    let fullResults: String?
    let asOf: String

    /// Builds the comment for `page`.
    ///
    /// - Parameter siteURL: The published site's base URL, for absolute links.
    init(page: PRPage, siteURL: String?) {
        let base = Self.siteBase(siteURL)
        let directory = SitePaths.prDirectory(page.number)
        /// An absolute link as is; a link to a page of the site made absolute, or `nil` without a base.
        func link(_ href: String?) -> String? {
            guard let href else { return nil }
            if SafeURL.external(href) != nil { return href }
            return base.map { $0 + Self.resolve(href, from: directory) }
        }
        number = page.number
        sha = page.current.map { $0.shortSHA }
        asOf = page.page.asOf
        headline = page.headline
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
        jobsLine = parts.joined(separator: ", ") + " across \(boxes.count) backend\(boxes.count == 1 ? "" : "s")"

        let items = page.failureGroups.flatMap(\.items)
        func group(_ classification: FailureClassification, _ inSection: [FailureItem]) -> Group? {
            let lines = inSection.filter { $0.failure.classification == classification }.map { item in
                Failure(
                    repo: Markdown.escape(item.backend), job: Markdown.escape(item.job), jobHref: link(item.jobHref),
                    test: item.test.map(Markdown.escape), blocking: item.blocking, spread: item.spread,
                    history: link(item.historyHref),
                    evidence: item.evidence.enumerated().map { index, evidence in
                        Evidence(
                            separator: index == 0 ? "" : "; ", text: Markdown.escape(evidence.text),
                            href: link(evidence.href))
                    },
                    hasEvidence: !item.evidence.isEmpty)
            }
            guard !lines.isEmpty else { return nil }
            let shown = Array(lines.prefix(Self.shownPerGroup))
            let more = Array(lines.dropFirst(Self.shownPerGroup))
            return Group(
                title: classification.headline, count: lines.count,
                meaning: FailureGroup.meaning(classification), items: shown, more: more, hasMore: !more.isEmpty,
                moreCount: more.count)
        }
        sections = [("L4", "L4: blocking"), ("L3", "CRCR (non-blocking): L3")].compactMap { level, title in
            let inSection = items.filter { $0.failure.subject.level == level }
            let groups = FailureClassification.displayOrder.compactMap { group($0, inSection) }
            return groups.isEmpty ? nil : Section(title: title, groups: groups)
        }
        let other = items.filter { !["L3", "L4"].contains($0.failure.subject.level) }.map(\.failure)
        informational = other.isEmpty ? nil : "L2 and other backends (informational): " + FailureGroup.headline(other)
        silentNote =
            page.hasSilent
            ? "No results yet for this head from registered "
                + page.silent.map { "\($0.level.text) **\(Markdown.escape($0.repo))**" }.joined(separator: ", ") + "."
            : nil
        backends = boxes.map { box in
            Backend(
                icon: box.failed + box.lost > 0 ? "❌" : box.running > 0 ? "⏳" : "✅", repo: Markdown.escape(box.repo),
                level: box.level.text, summary: box.summary,
                // Listed: failed, running, and successes whose own test summary counts failures.
                jobs: box.jobs.filter {
                    $0.row.failed || $0.row.running || $0.row.noConclusion || $0.row.succeededWithFailedTests
                }.map { line in
                    Job(
                        icon: line.lost || line.row.succeededWithFailedTests ? "⚠️" : line.row.running ? "⏳" : "❌",
                        name: Markdown.escape(line.name), label: Markdown.escape(line.label), run: line.run,
                        tests: link(line.details))
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

    /// The site's base URL ending in `/`, or `nil` when `siteURL` is missing or not an absolute
    /// `http(s)` URL (``SafeURL/external(_:)``): then `comment.md` has no links to the site.
    static func siteBase(_ siteURL: String?) -> String? {
        siteURL.flatMap(SafeURL.external).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// `href` (relative to a page in `directory`) as a path from the site root:
    /// `resolve("../../oot/a/b/index.html", from: "pr/7")` is `oot/a/b/index.html`.
    static func resolve(_ href: String, from directory: String) -> String {
        var parts = directory.split(separator: "/").map(String.init)
        for segment in href.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".": continue
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }
}
