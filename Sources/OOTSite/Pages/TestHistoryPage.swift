import OOTCore

/// One test's history on one backend, `/oot/<org>/<repo>/tests/<test-id>/`: its outcome over the
/// latest executions, "failing since" (the start of the current failing streak) and "last green".
struct TestHistoryPage: Sendable, Encodable {
    struct Execution: Sendable, Encodable {
        let when: String
        let whenAbsolute: String
        let pr: Int64
        let prHref: String?
        let run: String
        let sha: String
        let job: String
        let attempt: Int64
        let glyph: String
        let glyphClass: String
        let outcome: String
        let flaky: Bool
        let message: String?
        let reportHref: String?
    }

    /// One execution named in the page's facts ("failing since", "last green").
    struct Milestone: Sendable, Encodable {
        /// `PR #n`, or the event type of a scheduled run.
        let label: String
        /// The PR page, if a PR.
        let href: String?
        /// Short upstream SHA.
        let sha: String
        /// When the job started (UTC).
        let when: String
        /// The job's drill-down page, if harvested.
        let reportHref: String?
    }

    let page: PageChrome
    let repo: String
    let backendHref: String
    /// The testcase classname; `nil` when the report gave none.
    let classname: String?
    let name: String
    let executions: [Execution]
    let failures: Int
    let total: Int
    let status: String
    let statusClass: String
    /// The first failure of the current failing streak (`nil` when the latest execution did not fail).
    let failingSince: Milestone?
    /// The latest passing execution.
    let lastGreen: Milestone?
    /// The latest failing execution.
    let lastFailure: Milestone?
    let limitNote: String?
    /// The test's page across backends (`tests/<test-id>/`).
    let acrossHref: String

    /// Builds the page from `oot_test_history` rows (newest first).
    init(
        repo: String, classname: String, name: String, directory: String, home: String, history: [OotTestHistoryRow],
        limit: Int,
        paths: SitePaths, context: SiteContext
    ) throws {
        page = PageChrome(title: "\(name) — \(repo) | OOT CI", directory: directory, context: context)
        self.repo = repo
        self.classname = classname.isEmpty ? nil : classname
        self.name = name
        let links = PageLinks(directory: directory, paths: paths)
        backendHref = links.page(home)
        acrossHref = links.page(SitePaths.crossBackendTestDirectory(classname: classname, name: name))
        func describe(_ r: OotTestHistoryRow) throws -> Milestone {
            Milestone(
                label: r.prNumber > 0 ? "PR #\(r.prNumber)" : r.eventType,
                href: r.prNumber > 0 ? links.prPage(r.prNumber) : nil, sha: Format.shortSHA(r.pytorchHeadSha),
                when: Format.absolute(r.startedAt.flatMap(UTCTimestamp.init(parsing:))),
                reportHref: try links.drillDown(r.dynamoKey))
        }
        let rows = history
        executions = try rows.map { r in
            let outcome = r.outcome
            let glyph = Format.testGlyph(outcome: outcome, flaky: r.flaky)
            let started = r.startedAt.flatMap(UTCTimestamp.init(parsing:))
            let pr = r.prNumber
            return Execution(
                when: Format.relative(started, now: context.now), whenAbsolute: Format.absolute(started), pr: pr,
                prHref: pr > 0 ? links.prPage(pr) : nil, run: pr > 0 ? "" : r.eventType,
                sha: Format.shortSHA(r.pytorchHeadSha),
                job: r.workflowName.isEmpty ? r.jobName : "\(r.workflowName) / \(r.jobName)",
                attempt: r.runAttempt, glyph: glyph, glyphClass: JobMatrix.glyphClass(glyph), outcome: outcome,
                flaky: r.flaky,
                message: r.message.map { String(String($0.split(separator: "\n").first ?? "").prefix(200)) }
                    .flatMap { $0.isEmpty ? nil : $0 },
                // Job pages list failing, flaky and skipped tests; a plain pass links to the page itself.
                reportHref: try paths.jobDirectory(r.dynamoKey).map {
                    links.page($0) + (outcome != "passed" || r.flaky ? "#t-\(r.ordinal)" : "")
                })
        }
        total = rows.count
        let isFailing = { (r: OotTestHistoryRow) in ["failure", "error"].contains(r.outcome) }
        failures = rows.filter(isFailing).count
        // The current streak: executions from the newest back to the first one that did not fail.
        let streak = rows.prefix { r in isFailing(r) || r.outcome == "skipped" }.filter(isFailing)
        failingSince = rows.first.map(isFailing) == true ? try streak.last.map(describe) : nil
        lastGreen = try rows.first { $0.outcome == "passed" }.map(describe)
        lastFailure = try rows.first(where: isFailing).map(describe)
        if rows.first.map(isFailing) == true {
            status = "failing"
            statusClass = "error"
        } else if rows.first?.outcome == "passed" {
            status = "passing"
            statusClass = "success"
        } else {
            status = "skipped"
            statusClass = "default"
        }
        limitNote = rows.count >= limit ? "The latest \(limit) executions are shown." : nil
    }
}
