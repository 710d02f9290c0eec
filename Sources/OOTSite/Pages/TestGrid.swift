import OOTCore

/// The cross-backend view of one PR: which tests fail on which backends (rows: tests that
/// fail on the PR's latest head SHA in some job's latest attempt; columns: the PR's backends;
/// cells: the test's worst outcome over that backend's latest attempts, `–` when it did not run
/// there).
struct TestGrid: Sendable, Encodable {
    struct Cell: Sendable, Encodable {
        let glyph: String
        let glyphClass: String
        let title: String
        let href: String?
    }

    struct Row: Sendable, Encodable {
        let test: String
        let cells: [Cell]
        let failingOn: Int
    }

    let backends: [String]
    let tests: [Row]

    /// Builds the grid from `oot_pr_test_grid` rows, for head `sha`.
    init(rows: [OotPrTestGridRow], sha: String?, backends: [String], links: PageLinks, paths: SitePaths) throws {
        self.backends = backends
        let onHead = rows.filter { $0.pytorchHeadSha == sha }
        var order: [String] = []
        var byTest: [String: [OotPrTestGridRow]] = [:]
        for row in onHead {
            let test = row.classname.isEmpty ? row.name : "\(row.classname).\(row.name)"
            if byTest[test] == nil { order.append(test) }
            byTest[test, default: []].append(row)
        }
        let grid: [Row] = try order.compactMap { test in
            let executions = byTest[test]!
            let cells = try backends.map { repo -> Cell in
                // Each job's latest attempt decides (a rerun that passed replaces the failure);
                // among the backend's jobs, the worst execution shows.
                let mine = executions.filter { $0.downstreamRepo == repo }
                var latestAttempt: [String: Int64] = [:]
                for row in mine {
                    let job = row.workflowName + "\u{1F}" + row.jobName
                    latestAttempt[job] = max(latestAttempt[job] ?? 0, row.runAttempt)
                }
                let latest = mine.filter { $0.runAttempt == latestAttempt[$0.workflowName + "\u{1F}" + $0.jobName] }
                guard !latest.isEmpty else {
                    return Cell(glyph: "–", glyphClass: "gn", title: "\(repo): not run", href: nil)
                }
                let failed = latest.first { ["failure", "error"].contains($0.outcome) }
                let shown = failed ?? latest[0]
                let outcome = shown.outcome
                let glyph = outcome == "passed" ? "O" : outcome == "skipped" ? "S" : "X"
                let href = try paths.jobDirectory(shown.dynamoKey).map { links.page($0) + "#t-\(shown.ordinal)" }
                return Cell(
                    glyph: glyph, glyphClass: JobMatrix.glyphClass(glyph), title: "\(repo): \(outcome)", href: href)
            }
            let failing = cells.filter { $0.glyph == "X" }.count
            return failing > 0 ? Row(test: test, cells: cells, failingOn: failing) : nil
        }
        tests = grid.sorted { ($0.failingOn, $1.test) > ($1.failingOn, $0.test) }
    }
}
