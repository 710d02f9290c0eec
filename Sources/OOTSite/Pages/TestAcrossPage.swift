import OOTCore

/// One test across every backend that ran it, `/tests/<test-id>/`.
///
/// Per backend: its recent outcomes, "failing since" over trunk runs, "last green" and flaky
/// evidence. PR failure
/// evidence and the per-backend history pages link here (docs/classification.md).
struct TestAcrossPage: Sendable, Encodable {
    /// One execution in a backend's strip.
    struct Cell: Sendable, Encodable {
        let glyph: String
        let glyphClass: String
        let href: String?
        /// `failure · PR #188874 · 1a2b3c4 · 2026-11-28 06:00 UTC`.
        let title: String
    }

    /// One backend's row.
    struct Row: Sendable, Encodable {
        let backend: String
        let backendHref: String?
        let level: LevelChip
        /// The test's history on this backend, when it has a page.
        let historyHref: String?
        let status: String
        let statusClass: String
        let cells: [Cell]
        /// `since 1a2b3c4 (2026-11-27 19:21 UTC, push)` when the latest trunk run failed;
        /// `passing` or `no trunk runs` otherwise.
        let trunk: String
        let trunkHref: String?
        /// The latest passing execution, or `never, in the reports kept`.
        let lastGreen: String
        let lastGreenHref: String?
        /// `at 2 SHAs in 14 days`, or `nil`.
        let flaky: String?
        let flakyHref: String?
    }

    let page: PageChrome
    let classname: String?
    let name: String
    let rows: [Row]
    let hasRows: Bool
    /// `ran on 3 backends · failing on trunk on 1`.
    let headline: String

    /// Executions shown per backend.
    static let perBackend: Int64 = 30

    /// Builds the page from `oot_test_across_backends` rows (grouped by backend, newest first).
    ///
    /// - Parameters:
    ///   - levels: Each backend's level (the allowlist's, else the job's).
    ///   - historyExists: Whether the test has a history page on a backend.
    /// - Throws: ``SQLiteError`` when a path lookup fails.
    init(
        test: TestIdentity, directory: String, executions: [OotTestAcrossBackendsRow], levels: [String: String],
        historyExists: (String) throws -> Bool, paths: SitePaths, context: SiteContext
    ) throws {
        page = PageChrome(title: "\(test.name) — all backends | OOT CI", directory: directory, context: context)
        classname = test.classname.isEmpty ? nil : test.classname
        name = test.name
        let links = PageLinks(directory: directory, paths: paths)
        var order: [String] = []
        var byBackend: [String: [OotTestAcrossBackendsRow]] = [:]
        for row in executions {
            if byBackend[row.downstreamRepo] == nil { order.append(row.downstreamRepo) }
            byBackend[row.downstreamRepo, default: []].append(row)
        }
        let now = context.now
        func describe(_ run: OotTestAcrossBackendsRow) -> String {
            let at = Format.absolute(run.startedAt.flatMap(UTCTimestamp.init(parsing:)))
            let kind = run.prNumber > 0 ? "PR #\(run.prNumber)" : run.eventType
            return "\(Format.shortSHA(run.pytorchHeadSha)) (\(at), \(kind))"
        }
        func report(_ run: OotTestAcrossBackendsRow) throws(SQLiteError) -> String? {
            try paths.jobDirectory(run.dynamoKey).map { links.page($0) + "#t-\(run.ordinal)" }
        }
        var failingTrunks = 0
        let ranked = order.sorted { a, b in
            let la = levels[a] ?? "", lb = levels[b] ?? ""
            return la != lb ? la > lb : a < b
        }
        rows = try ranked.map { repo in
            let runs = byBackend[repo] ?? []
            let observations = runs.map(Observation.init)
            let cells = try runs.map { run in
                let glyph = Format.testGlyph(outcome: run.outcome, flaky: run.flaky)
                return Cell(
                    glyph: glyph, glyphClass: JobMatrix.glyphClass(glyph), href: try report(run),
                    title: "\(run.outcome) · \(describe(run))")
            }
            let trunkRuns = zip(runs, observations).filter { $0.1.isTrunk && $0.1.outcome != .other }
            let trunk: String
            let trunkHref: String?
            if let first = Observation.failingStreakStart(trunkRuns, outcome: \.1.outcome)?.0 {
                trunk = "failing since \(describe(first))"
                trunkHref = try report(first)
                failingTrunks += 1
            } else {
                trunk = trunkRuns.isEmpty ? "no trunk runs" : "passing"
                trunkHref = try trunkRuns.first.flatMap { (run, _) throws(SQLiteError) in try report(run) }
            }
            let green = runs.first { $0.outcome == "passed" }
            let flakyRuns = FailureClassifier.flakyRuns(
                observations, since: now.adding(seconds: -FailureClassifier.flakyWindowSeconds))
            let flakyKey = flakyRuns.first?.dynamoKey
            let latest = runs.first?.outcome ?? "skipped"
            let failing = latest == "failure" || latest == "error"
            return Row(
                backend: repo, backendHref: try links.backend(repo),
                level: LevelChip(levels[repo] ?? runs.first?.downstreamRepoLevel ?? ""),
                historyHref: try historyExists(repo)
                    ? try links.testHistory(repo: repo, classname: test.classname, name: test.name) : nil,
                status: failing ? "failing" : latest == "passed" ? "passing" : "skipped",
                statusClass: failing ? "error" : latest == "passed" ? "success" : "default", cells: cells,
                trunk: trunk, trunkHref: trunkHref,
                lastGreen: green.map(describe) ?? "never, in the reports kept",
                lastGreenHref: try green.flatMap { (run) throws(SQLiteError) in try report(run) },
                flaky: flakyRuns.isEmpty
                    ? nil
                    : "at \(flakyRuns.count) SHA\(flakyRuns.count == 1 ? "" : "s") in \(Int(FailureClassifier.flakyWindowSeconds / 86_400)) days",
                flakyHref: try flakyKey.flatMap { (key) throws(SQLiteError) in try links.drillDown(key) })
        }
        hasRows = !rows.isEmpty
        headline =
            "ran on \(rows.count) backend\(rows.count == 1 ? "" : "s") · failing on trunk on \(failingTrunks == 0 ? "none" : "\(failingTrunks)")"
    }
}
