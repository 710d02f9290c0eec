import Foundation
import OOTCore
import OOTSite
import Testing

/// The flaky page (issue 15, item 12): one row per job or test with its flaky SHAs, rate and last
/// seen, most often flaky first, the evidence in a `<details>`.
@Suite struct FlakyPageTests {
    typealias Job = SyntheticSite.Job
    static let page = "oot/synth-org/torch-synth/flaky/index.html"

    /// `name` on PR `pr` at its own SHA: attempt 1 fails, attempt 2 passes (`racy` flips with it).
    static func flaky(_ pr: Int, name: String, hoursAgo: Double, id: Int) -> [Job] {
        let sha = String(format: "%040d", pr)
        return [
            Job(
                pr: pr, sha: sha, name: name, hoursAgo: hoursAgo, attempt: 1, conclusion: "failure",
                junit: SyntheticSite.junit([("t.T.racy", "failure"), ("t.T.fine", "passed")]), checkRunID: id),
            Job(
                pr: pr, sha: sha, name: name, hoursAgo: hoursAgo - 0.5, attempt: 2, conclusion: "success",
                junit: SyntheticSite.junit([("t.T.racy", "passed"), ("t.T.fine", "passed")]), checkRunID: id + 1),
        ]
    }

    /// `name` passing on PR `pr` at its own SHA.
    static func green(_ pr: Int, name: String, hoursAgo: Double, id: Int) -> Job {
        Job(
            pr: pr, sha: String(format: "%040d", pr), name: name, hoursAgo: hoursAgo,
            junit: SyntheticSite.junit([("t.T.racy", "passed")]), checkRunID: id)
    }

    @Test func oneRowPerJobAndTestWithCountRateAndEvidence() async throws {
        // shard-1: flaky on PRs 1 and 2, green on 3 and 4 (2 of 4 SHAs); shard-2: flaky on PR 5 of 5 runs.
        var jobs =
            Self.flaky(1, name: "shard-1", hoursAgo: 20, id: 100)
            + Self.flaky(2, name: "shard-1", hoursAgo: 10, id: 200)
        jobs += [
            Self.green(3, name: "shard-1", hoursAgo: 8, id: 300), Self.green(4, name: "shard-1", hoursAgo: 6, id: 400),
        ]
        jobs += Self.flaky(5, name: "shard-2", hoursAgo: 3, id: 500)
        jobs += (6...9).map { Self.green($0, name: "shard-2", hoursAgo: Double(12 - $0), id: $0 * 100) }
        let site = try await SyntheticSite.build(jobs)
        let html = try site.page(Self.page)
        let jobTable = html.between("Jobs that failed, then passed", "</table>")
        let rows = jobTable.components(separatedBy: "<tr><th scope=\"row\"").dropFirst()
        #expect(rows.count == 2, "one row per job, not per occurrence")
        let first = try #require(rows.first)
        #expect(first.contains(">synth-ci / shard-1</th><td class=\"num\" data-label=\"Flaky SHAs\">2</td>"))
        #expect(first.contains("<span class=\"chip error\">50.0%</span> <span class=\"muted small\">of 4</span>"))
        #expect(first.contains("<details class=\"evidence\"><summary>2 occurrences</summary>"))
        #expect(first.occurrences(of: "<li>") == 2)
        #expect(first.contains("href=\"../job/200/index.html\">attempt 1 failure</a>"))
        #expect(first.contains("href=\"../job/201/index.html\">attempt 2 success</a>"))
        // Newest occurrence first.
        #expect(first.range(of: "PR #2</a>")!.lowerBound < first.range(of: "PR #1</a>")!.lowerBound)
        #expect(first.contains("data-t=\"2026-11-28 02:30 UTC\">9h ago</td>"), "last seen: PR #2's passing attempt")
        let second = try #require(rows.dropFirst().first)
        #expect(second.contains(">synth-ci / shard-2</th><td class=\"num\" data-label=\"Flaky SHAs\">1</td>"))
        #expect(second.contains("<span class=\"chip error\">20.0%</span> <span class=\"muted small\">of 5</span>"))

        // The test: failed and passed at 3 SHAs, in two jobs (rated against both: 3 of 9).
        let tests = html.between("<h2>Tests</h2>", "</table>")
        let testRows = tests.components(separatedBy: "<tr><th scope=\"row\"").dropFirst()
        #expect(testRows.count == 1)
        #expect(
            testRows.first?.contains(">t.T.racy</a></th><td class=\"num\" data-label=\"Flaky SHAs\">3</td>") == true)
        #expect(
            testRows.first?.contains("<span class=\"chip error\">33.3%</span> <span class=\"muted small\">of 9</span>")
                == true)
        #expect(!tests.contains("t.T.fine"))

        // The page's JSON has the same rows.
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(site.page("oot/synth-org/torch-synth/flaky/index.json").utf8))
                as? [String: Any])
        let jsonJobs = try #require(json["jobs"] as? [[String: Any]])
        #expect(jsonJobs.map { $0["name"] as? String } == ["synth-ci / shard-1", "synth-ci / shard-2"])
        #expect(jsonJobs.map { $0["count"] as? Int } == [2, 1])
        #expect(jsonJobs.first?["latest"] == nil, "sort keys stay out of index.json")
    }
}
