import Foundation
import OOTCore
import OOTSite
import Testing

/// Views of issue #5 on small synthetic histories: staleness, lost jobs, per-test
/// history, the test × backend grid, flaky evidence and the chip thresholds.
@Suite struct ViewTests {
    typealias Job = SyntheticSite.Job
    static let backend = "oot/synth-org/torch-synth/"

    @Test func aJobInProgressForOver6HoursIsLostNotRunning() async throws {
        let site = try await SyntheticSite.build([
            Job(name: "lost-job", hoursAgo: 7, conclusion: nil, checkRunID: 101),
            Job(name: "running-job", hoursAgo: 1, conclusion: nil, checkRunID: 102),
            Job(name: "done-job", hoursAgo: 2, checkRunID: 103),
        ])
        let pr = try site.page("pr/1/index.html")
        #expect(pr.contains("1/1 passed, 1 running, 1 lost"))
        let comment = try site.page("pr/1/comment.md")
        #expect(comment.contains("1 lost (no result for over 6 h)"))
        let matrix = try site.page(Self.backend + "index.html")
        // Grey `?`, said in words: the relay's zombie sweeper gives up after 6 h too.
        #expect(
            matrix.contains(
                "<a class=\"gg\" href=\"https://github.com/synth-org/torch-synth/actions/runs/10/job/101\" aria-label=\"lost: no completion since 2026-11-28 05:00 UTC"
            ))
        #expect(
            matrix.contains(
                "<a class=\"gp\" href=\"https://github.com/synth-org/torch-synth/actions/runs/10/job/102\" aria-label=\"running"
            ))
    }

    @Test func aSilentBackendIsMarkedStale() async throws {
        let site = try await SyntheticSite.build([
            Job(repo: "fresh-org/torch-fresh", hoursAgo: 2, checkRunID: 201),
            Job(repo: "old-org/torch-old", hoursAgo: 30, checkRunID: 202),
        ]) { $0.staleHours = 24 }
        let html = try site.page("oot/index.html")
        let oldRow = html.components(separatedBy: "<tr").first { $0.contains("old-org/torch-old</a>") } ?? ""
        let freshRow = html.components(separatedBy: "<tr").first { $0.contains("fresh-org/torch-fresh</a>") } ?? ""
        #expect(oldRow.contains("class=\"dot stale\""))
        #expect(oldRow.contains("<span class=\"chip warning\">stale</span>"))
        #expect(freshRow.contains("class=\"dot active\""))
        #expect(!freshRow.contains(">stale</span>"))
        #expect(html.contains("<div class=\"card-label\">Stale</div><div class=\"card-value\">1</div>"))
        // Every page says when its data was last updated.
        #expect(html.contains("data as of 2026-11-28 12:00 UTC"))
        #expect(try site.page("pr/1/index.html").contains("data as of 2026-11-28 12:00 UTC"))
    }

    @Test func testHistorySaysFailingSinceAndLastGreen() async throws {
        let test = "test_ops.TestCommon.test_matmul"
        let site = try await SyntheticSite.build([
            Job(
                pr: 1, sha: String(repeating: "1", count: 40), hoursAgo: 10,
                junit: SyntheticSite.junit([(test, "passed")]), checkRunID: 401),
            Job(
                pr: 2, sha: String(repeating: "2", count: 40), hoursAgo: 8, conclusion: "failure",
                junit: SyntheticSite.junit([(test, "failure")]), checkRunID: 402),
            Job(
                pr: 3, sha: String(repeating: "3", count: 40), hoursAgo: 6, conclusion: "failure",
                junit: SyntheticSite.junit([(test, "error")]), checkRunID: 403),
        ])
        let folders = site.files(under: Self.backend + "tests").filter { $0.hasSuffix("/index.html") }
        let page = try #require(folders.first { $0.hasPrefix("test_ops.testcommon.test_matmul-") })
        let html = try site.page(Self.backend + "tests/" + page)
        #expect(
            html.contains(
                "<dt>Failing since</dt><dd><a href=\"../../../../../pr/3/index.html\">PR #3</a> / SHA <span class=\"mono\">3333333</span> (2026-11-28 06:00 UTC) · <a href=\"../../job/403/index.html\">report</a> <span class=\"muted\">over the runs of PR #3</span></dd>"
            ))
        #expect(
            html.contains(
                "<dt>Last green</dt><dd><a href=\"../../../../../pr/1/index.html\">PR #1</a> / SHA <span class=\"mono\">1111111</span> (2026-11-28 02:00 UTC) · <a href=\"../../job/401/index.html\">report</a></dd>"
            ))
        #expect(html.contains("3 executions, oldest left, newest right; 2 failed."))
        // PR #2's failure is another PR's: it does not start PR #3's streak.
        #expect(!html.between("<dt>Failing since</dt>", "</dd>").contains("PR #2"))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(
                    site.page(Self.backend + "tests/" + page.replacingOccurrences(of: "index.html", with: "index.json"))
                        .utf8)) as? [String: Any]
        #expect(
            (json?["executions"] as? [[String: Any]])?.map { $0["outcome"] as? String } == [
                "error", "failure", "passed",
            ])
    }

    @Test func thePRGridShowsWhichTestsFailOnWhichBackends() async throws {
        let sha = String(repeating: "9", count: 40)
        let site = try await SyntheticSite.build([
            Job(
                repo: "a-org/torch-a", pr: 7, sha: sha, conclusion: "failure",
                junit: SyntheticSite.junit([("t.T.shared", "failure"), ("t.T.only_a", "failure")]), checkRunID: 501),
            Job(
                repo: "b-org/torch-b", pr: 7, sha: sha, conclusion: "failure",
                junit: SyntheticSite.junit([("t.T.shared", "failure"), ("t.T.only_a", "passed")]), checkRunID: 502),
            Job(
                repo: "c-org/torch-c", pr: 7, sha: sha,
                junit: SyntheticSite.junit([("t.T.shared", "skipped")]), checkRunID: 503),
        ])
        let html = try site.page("pr/7/index.html")
        let grid = html.between("<table class=\"summary grid\">", "</table>")
        #expect(
            grid.contains(
                "<th scope=\"col\" class=\"center\">a-org/torch-a</th><th scope=\"col\" class=\"center\">b-org/torch-b</th><th scope=\"col\" class=\"center\">c-org/torch-c</th>"
            ))
        let rows = grid.components(separatedBy: "<tr><th scope=\"row\"").dropFirst()
        let shared = try #require(rows.first { $0.contains("t.T.shared") })
        let onlyA = try #require(rows.first { $0.contains("t.T.only_a") })
        #expect(shared.occurrences(of: ">X</a>") == 2 && shared.contains(">S<"))
        #expect(onlyA.occurrences(of: ">X</a>") == 1 && onlyA.contains(">O<") && onlyA.contains(">–<"))
    }

    @Test func aJobThatFailedThenPassedOnTheSameSHAIsFlakyWithEvidence() async throws {
        let site = try await SyntheticSite.build([
            Job(
                name: "shard-1", hoursAgo: 5, attempt: 1, conclusion: "failure",
                junit: SyntheticSite.junit([("t.T.racy", "failure"), ("t.T.fine", "passed")]), checkRunID: 601),
            Job(
                name: "shard-1", hoursAgo: 4, attempt: 2, conclusion: "success",
                junit: SyntheticSite.junit([("t.T.racy", "passed"), ("t.T.fine", "passed")]), checkRunID: 602),
        ])
        let flaky = try site.page(Self.backend + "flaky/index.html")
        let jobs = flaky.between("Jobs that failed, then passed", "</table>")
        #expect(jobs.contains("<th scope=\"row\" class=\"mono\">synth-ci / shard-1</th>"))
        #expect(jobs.contains("href=\"../job/601/index.html\">attempt 1 failure</a>"))
        #expect(jobs.contains("href=\"../job/602/index.html\">attempt 2 success</a>"))
        let tests = flaky.between("<h2>Tests</h2>", "</table>")
        #expect(tests.contains("t.T.racy") && !tests.contains("t.T.fine"))
        let matrix = try site.page(Self.backend + "index.html")
        #expect(matrix.contains(">F</a>"), "passed after a failed attempt")
        #expect(matrix.contains("<div class=\"card-label\">Flaky jobs</div><div class=\"card-value\">1</div>"))
    }

    @Test func passRateChipThresholdsAreConfigurable() async throws {
        // 9 of 10 completed jobs passed: 90 %.
        let jobs = (0..<10).map {
            Job(name: "j\($0)", conclusion: $0 == 0 ? "failure" : "success", checkRunID: 700 + $0)
        }
        let defaults = try await SyntheticSite.build(jobs)
        #expect(
            try defaults.page("oot/index.html").contains("<span class=\"chip warning\">90.0%</span>"),
            "RFC: 95 % / 80 %")
        let relaxed = try await SyntheticSite.build(jobs) { $0.greenThreshold = 0.9 }
        #expect(try relaxed.page("oot/index.html").contains("<span class=\"chip success\">90.0%</span>"))
        let strict = try await SyntheticSite.build(jobs) {
            $0.greenThreshold = 0.99; $0.yellowThreshold = 0.95
        }
        #expect(try strict.page("oot/index.html").contains("<span class=\"chip error\">90.0%</span>"))
    }

    @Test func emptyMatrixCellsCarryNoLinkAndNoTooltip() async throws {
        let site = try await SyntheticSite.build([
            Job(pr: 1, sha: String(repeating: "1", count: 40), name: "only-on-1", hoursAgo: 3, checkRunID: 801),
            Job(pr: 2, sha: String(repeating: "2", count: 40), name: "only-on-2", hoursAgo: 2, checkRunID: 802),
        ])
        let body = try site.page(Self.backend + "index.html").between("<table class=\"matrix\">", "</table>").between(
            "<tbody>", "</tbody>")
        #expect(body.occurrences(of: "<td></td>") == 2, "each PR has one job the other lacks")
        #expect(!body.contains("aria-label=\"\""))
    }

    @Test func aSuccessWhoseTestSummaryCountsFailuresSaysSo() async throws {
        let site = try await SyntheticSite.build([
            Job(
                pr: 7, name: "masked", conclusion: "success", testResults: (passed: 97, failed: 3, skipped: 0),
                checkRunID: 7101),
            Job(
                pr: 7, name: "clean", conclusion: "success", testResults: (passed: 100, failed: 0, skipped: 0),
                checkRunID: 7102),
        ])
        let pr = try site.page("pr/7/index.html")
        #expect(pr.contains("<span class=\"chip warning\">success, 3 tests failed</span>"))
        #expect(pr.contains("<span class=\"chip success\">success</span>"))
        #expect(try site.page("pr/7/comment.md").contains("⚠️ synth\\-ci / masked: success, 3 tests failed"))
        #expect(try !site.page("pr/7/comment.md").contains("clean"), "plain successes are not listed")
        #expect(
            try site.page("oot/synth-org/torch-synth/index.html").contains("success, 3 tests failed"),
            "the matrix tooltip")
    }

    @Test func aPRWithoutTitleOrAuthorStillReadsWell() async throws {
        let site = try await SyntheticSite.build([Job(pr: 5, checkRunID: 901, titled: false)])
        let pr = try site.page("pr/5/index.html")
        #expect(pr.contains("<h1>PR #5</h1>"))
        #expect(pr.contains("<p class=\"meta\"><a href=\"https://github.com/pytorch/pytorch/pull/5\">on GitHub ↗</a>"))
        let matrix = try site.page(Self.backend + "index.html")
        #expect(matrix.contains("<td class=\"commit\"><a href=\"../../../pr/5/index.html\">PR page</a></td>"))
    }
}
