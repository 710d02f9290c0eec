import OOTCore

/// One test's history on one backend, `/oot/<org>/<repo>/tests/<test-id>/`.
///
/// A strip of outcomes (oldest left, newest right, one linked cell per execution), "failing
/// since" counted over the runs of the latest execution's kind only (trunk runs, or one PR's own
/// runs: an unrelated PR's failure says nothing about this one), the test on trunk, "last green",
/// and the latest executions without the columns that repeat one value on every row.
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
        /// The line of the message to read first (``FailureMessage/headline``), at most 200
        /// characters.
        let message: String?
        let reportHref: String?
        /// `failure · PR #3 · 3333333 · 2026-11-28 06:00 UTC`: the strip cell's tooltip.
        let title: String
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

    /// The test on trunk, shown when the latest execution is not a trunk run.
    struct Trunk: Sendable, Encodable {
        /// `failing since`, `passing at`, or `not run on trunk in the reports kept`.
        let state: String
        let stateClass: String
        /// The first failure of the trunk streak, or the latest trunk run; `nil` without trunk runs.
        let milestone: Milestone?
    }

    /// Which executions table columns are shown: a column whose value is the same on every row is
    /// left out, and its value is said once in ``constants``.
    struct Columns: Sendable, Encodable {
        let run: Bool
        let sha: Bool
        let job: Bool
        let attempt: Bool
    }

    let page: PageChrome
    let repo: String
    let backendHref: String
    /// The testcase classname; `nil` when the report gave none.
    let classname: String?
    let name: String
    let executions: [Execution]
    /// The same executions, oldest first (the strip: newest on the right).
    let strip: [Execution]
    let failures: Int
    let total: Int
    /// `2 executions, oldest left, newest right; 1 failed`: the strip's caption.
    let stripCaption: String
    let status: String
    let statusClass: String
    /// The first failure of the current failing streak among the runs of the latest
    /// execution's kind (`nil` when the latest execution did not fail).
    let failingSince: Milestone?
    /// `the runs of PR #3` or `trunk runs`: what ``failingSince`` was counted over.
    let failingScope: String?
    /// The test on trunk, when the latest execution is not a trunk run.
    let trunk: Trunk?
    /// The latest passing execution.
    let lastGreen: Milestone?
    /// The latest failing execution.
    let lastFailure: Milestone?
    let columns: Columns
    /// `job npu-ci / test · attempt 1`: the values every execution shares, whose columns are
    /// left out; `nil` when none is.
    let constants: String?
    let limitNote: String?
    /// The test's page across backends (`tests/<test-id>/`).
    let acrossHref: String

    /// Which runs an execution's streak is counted over: trunk runs (push, nightly, periodic)
    /// together, each PR's own runs apart, any other event type apart.
    static func series(_ row: OotTestHistoryRow) -> String {
        if row.prNumber > 0 { return "pr \(row.prNumber)" }
        return Observation.trunkEvents.contains(row.eventType) ? "trunk" : "event \(row.eventType)"
    }

    /// Builds the page from `oot_test_history` rows (newest first).
    ///
    /// - Throws: ``SQLiteError`` when a page path lookup fails.
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
        func label(_ r: OotTestHistoryRow) -> String { r.prNumber > 0 ? "PR #\(r.prNumber)" : r.eventType }
        func describe(_ r: OotTestHistoryRow) throws -> Milestone {
            Milestone(
                label: label(r), href: r.prNumber > 0 ? links.prPage(r.prNumber) : nil,
                sha: Format.shortSHA(r.pytorchHeadSha),
                when: Format.absolute(r.startedAt.flatMap(UTCTimestamp.init(parsing:))),
                reportHref: try links.drillDown(r.dynamoKey))
        }
        let rows = history
        let executions = try rows.map { r in
            let outcome = r.outcome
            let glyph = Format.testGlyph(outcome: outcome, flaky: r.flaky)
            let started = r.startedAt.flatMap(UTCTimestamp.init(parsing:))
            let pr = r.prNumber
            let sha = Format.shortSHA(r.pytorchHeadSha)
            return Execution(
                when: Format.relative(started, now: context.now), whenAbsolute: Format.absolute(started), pr: pr,
                prHref: pr > 0 ? links.prPage(pr) : nil, run: pr > 0 ? "" : r.eventType, sha: sha,
                job: r.workflowName.isEmpty ? r.jobName : "\(r.workflowName) / \(r.jobName)",
                attempt: r.runAttempt, glyph: glyph, glyphClass: JobMatrix.glyphClass(glyph), outcome: outcome,
                flaky: r.flaky,
                message: FailureMessage(message: r.message).map { String($0.headline.prefix(200)) },
                // Job pages list failing, flaky and skipped tests; a plain pass links to the page itself.
                reportHref: try paths.jobDirectory(r.dynamoKey).map {
                    links.page($0) + (outcome != "passed" || r.flaky ? "#t-\(r.ordinal)" : "")
                },
                title:
                    "\(outcome)\(r.flaky ? " (flaky)" : "") · \(label(r)) · \(sha) · \(Format.absolute(started))")
        }
        self.executions = executions
        strip = executions.reversed()
        total = rows.count
        let isFailing = { (r: OotTestHistoryRow) in ["failure", "error"].contains(r.outcome) }
        failures = rows.filter(isFailing).count
        stripCaption =
            "\(total) execution\(total == 1 ? "" : "s")\(total > 1 ? ", oldest left, newest right" : ""); \(failures) failed"
        /// The oldest failure of the failing streak at the head of `runs` (newest first).
        func streakStart(_ runs: [OotTestHistoryRow]) -> OotTestHistoryRow? {
            Observation.failingStreakStart(runs) { Observation.testOutcome($0.outcome) }
        }
        let latestSeries = rows.first.map(Self.series)
        let sameSeries = rows.filter { Self.series($0) == latestSeries }
        failingSince = try streakStart(sameSeries).map(describe)
        if failingSince == nil {
            failingScope = nil
        } else if let first = rows.first, first.prNumber > 0 {
            failingScope = "the runs of PR #\(first.prNumber)"
        } else {
            failingScope = latestSeries == "trunk" ? "trunk runs" : "\(rows.first?.eventType ?? "") runs"
        }
        if latestSeries == "trunk" || rows.isEmpty {
            trunk = nil
        } else {
            let trunkRuns = rows.filter { Self.series($0) == "trunk" && $0.outcome != "skipped" }
            if let start = streakStart(trunkRuns) {
                trunk = Trunk(state: "failing since", stateClass: "error", milestone: try describe(start))
            } else if let latest = trunkRuns.first {
                trunk = Trunk(state: "passing at", stateClass: "success", milestone: try describe(latest))
            } else {
                trunk = Trunk(state: "not run on trunk in the reports kept", stateClass: "default", milestone: nil)
            }
        }
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
        // A column whose value is the same on every row is said once, above the table.
        func varies<Value: Hashable>(_ value: (Execution) -> Value) -> Bool { Set(executions.map(value)).count > 1 }
        let columns = Columns(
            run: varies { "\($0.pr) \($0.run)" }, sha: varies(\.sha), job: varies(\.job), attempt: varies(\.attempt))
        self.columns = columns
        var shared: [String] = []
        if let first = executions.first {
            if !columns.run { shared.append(first.pr > 0 ? "PR #\(first.pr)" : "\(first.run) run") }
            if !columns.sha { shared.append("SHA \(first.sha)") }
            if !columns.job { shared.append("job \(first.job)") }
            if !columns.attempt { shared.append("attempt \(first.attempt)") }
        }
        constants = shared.isEmpty ? nil : shared.joined(separator: " · ")
        limitNote = rows.count >= limit ? "The latest \(limit) executions are shown." : nil
    }
}
