import Foundation
import OOTCore
import OOTTestSupport
import Testing

@testable import OOTSite

/// The trunk grid `/oot/trunk/` (issue 18, spec §9.4): upstream commits × backends, paged so that
/// "Older ›" shows every commit once, L4 by default with L3 and L2 behind a toggle that needs no
/// JavaScript, each cell the worst state of a backend's jobs, the red streaks above the grid, a
/// log link from every cell and drill-down, a versioned `index.json`, and incremental builds that
/// publish what a full build would.
@Suite struct TrunkGridTests {
    typealias Job = SyntheticSite.Job
    static let sha = (1...9).map { String(repeating: "c\($0)", count: 20) }
    static let l4 = "synth-org/torch-synth"
    static let l3 = "other-org/torch-other"
    static let l2 = "third-org/torch-third"
    static let pairs: @Sendable (inout BuildOptions) -> Void = { $0.commitsPerPage = 2 }

    /// A run on a push to upstream main: commit `n` (1-based), by backend `repo` at `level`.
    static func push(
        _ n: Int, repo: String = l4, level: String = "L4", name: String = "test", hoursAgo: Double,
        conclusion: String? = "success", junit: String? = nil, checkRunID: Int
    ) -> Job {
        var job = Job(
            repo: repo, level: level, sha: sha[n - 1], name: name, hoursAgo: hoursAgo, conclusion: conclusion,
            junit: junit, checkRunID: checkRunID)
        job.push = true
        return job
    }

    /// Five commits an hour or two apart: the L4 backend green at 1, red at 2, 3 and 5 (4 still
    /// running), the L3 backend green on 1, 3 and 5, the L2 backend on 3 only.
    static let history: [Job] = [
        push(1, hoursAgo: 10, checkRunID: 1101),
        push(1, repo: l3, level: "L3", hoursAgo: 10, checkRunID: 1102),
        push(2, hoursAgo: 8, conclusion: "failure", checkRunID: 1201),
        push(3, hoursAgo: 6, conclusion: "failure", checkRunID: 1301),
        push(3, repo: l3, level: "L3", hoursAgo: 6, checkRunID: 1302),
        push(3, repo: l2, level: "L2", hoursAgo: 6, checkRunID: 1303),
        push(4, hoursAgo: 4, conclusion: nil, checkRunID: 1401),
        push(5, name: "build", hoursAgo: 2, checkRunID: 1501),
        push(5, name: "test", hoursAgo: 2, conclusion: "failure", checkRunID: 1502),
        push(5, name: "lint", hoursAgo: 2, conclusion: nil, checkRunID: 1503),
        push(5, repo: l3, level: "L3", hoursAgo: 2, checkRunID: 1504),
    ]

    /// One page of the "Older ›" chain: its path and its commits' short SHAs in order.
    struct Page {
        let path: String
        let commits: [String]
        let html: String
    }

    /// The landing page of `view`, then each page its "Older ›" link leads to.
    static func chain(_ site: SyntheticSite, view: String = "oot/trunk/") throws -> [Page] {
        var pages: [Page] = []
        var path: String? = view + "index.html"
        while let current = path, pages.count < 20 {
            let html = try site.page(current)
            let commits = html.between("<table class=\"matrix trunk\">", "</table>").matches(
                #"<td class="sha mono"><a href="[^"]*" title="upstream commit">([0-9a-f]{7})</a>"#)
            pages.append(Page(path: current, commits: commits, html: html))
            path = html.matches(#"<a href="([^"]+)" rel="next">Older ›</a>"#).first.map {
                URL(fileURLWithPath: "/" + current).deletingLastPathComponent().appendingPathComponent($0)
                    .standardizedFileURL.path.dropFirst().description
            }
        }
        return pages
    }

    static func short(_ n: Int) -> String { String(sha[n - 1].prefix(7)) }

    @Test func olderPagesShowEveryCommitOnceInEveryView() async throws {
        // Buckets of two by first appearance: 1 = c1 c2, 2 = c3 c4, 3 = c5. The landing page holds
        // the two latest (c5, c4), so bucket 3 lists nothing and is not in the pager.
        let site = try await SyntheticSite.build(Self.history, configure: Self.pairs)
        for view in ["oot/trunk/", "oot/trunk/l3/", "oot/trunk/l2/"] {
            let pages = try Self.chain(site, view: view)
            #expect(
                pages.map(\.path) == [
                    view + "index.html", view + "page/2/index.html", view + "page/1/index.html",
                ])
            #expect(
                pages.map(\.commits) == [
                    [Self.short(5), Self.short(4)], [Self.short(3)], [Self.short(2), Self.short(1)],
                ])
            #expect(pages.flatMap(\.commits).count == 5, "every commit exactly once")
            #expect(Set(pages.flatMap(\.commits)).count == 5)
        }
        let three = try site.page("oot/trunk/page/3/index.html")
        #expect(three.contains("No commit left on this page"))
        #expect(
            !(try site.page("oot/trunk/index.html")).contains("page/3/index.html"), "an empty page is not in the pager")

        // A new commit c6: c4 leaves the landing page for page 2; page 1 is not rewritten.
        let untouched = try site.modified("oot/trunk/page/1/index.html")
        let next = try await site.adding([Self.push(6, hoursAgo: 1, checkRunID: 1601)], configure: Self.pairs)
        #expect(!next.report.full, "\(next.report.reason)")
        let after = try Self.chain(next)
        #expect(
            after.map(\.commits) == [
                [Self.short(6), Self.short(5)], [Self.short(4), Self.short(3)], [Self.short(2), Self.short(1)],
            ])
        #expect(try next.modified("oot/trunk/page/1/index.html") == untouched, "page 1 was not rewritten")
        #expect(next.report.pages["trunk"] == 9, "landing, page 2 and page 3, in three views")

        // A new result on a commit of the latest page: the latest pages only.
        let pageTwo = try next.modified("oot/trunk/page/2/index.html")
        let rerun = try await next.adding(
            [Self.push(6, name: "lint", hoursAgo: 0.5, conclusion: "failure", checkRunID: 1602)], configure: Self.pairs)
        #expect(rerun.report.pages["trunk"] == 3, "the latest page of each view")
        #expect(try rerun.modified("oot/trunk/page/2/index.html") == pageTwo)
        #expect(try Self.chain(rerun).map(\.commits) == after.map(\.commits))

        var options = DemoSite.options(db: next.databasePath, out: next.directory.appendingPathComponent("full").path)
        options.now = SyntheticSite.asOf
        options.allowlistPath = nil
        options.commitsPerPage = 2
        options.full = true
        _ = try await SiteBuilder.build(options)
        let full = IncrementalTests.tree(next.directory.appendingPathComponent("full/current"))
        let incremental = IncrementalTests.tree(rerun.output)
        let differing = full.keys.filter { incremental[$0] != full[$0] }.sorted()
        #expect(differing == [], "pages the incremental build left stale")
    }

    @Test func eachCellIsTheWorstStateOfTheBackendsJobsAndABlankOneWasNotRun() async throws {
        let site = try await SyntheticSite.build(Self.history)
        let html = try site.page("oot/trunk/l2/index.html")
        let table = html.between("<table class=\"matrix trunk\">", "</table>")
        // Columns: L4 first, then L3, then L2, under their level.
        #expect(table.matches(#"data-label="([^"]+)""#) == ["torch-synth", "torch-other", "torch-third"])
        #expect(table.contains("<th class=\"wf lvl level-l4\" scope=\"colgroup\" colspan=\"1\">L4</th>"))
        let rows = table.between("<tbody>", "</tbody>").components(separatedBy: "<tr>").dropFirst().map { row in
            row.matches(#"<td(?: class="ge")?[^>]*>(?:<a class="(g[a-z])"|<span class="(g[a-z])"|)"#)
        }
        #expect(rows.count == 5)
        let newest = table.between("<tbody>", "</tbody>").components(separatedBy: "<tr>")[1]
        // c5 on L4: build passed, test failed, lint running: X (failure wins over running).
        #expect(newest.contains(">X</a>"))
        #expect(newest.contains("aria-label=\"3 jobs: 1 passed, 1 failed, 1 running\nsynth-ci / test: failure"))
        // c4 on L4: one job running: ?. The L3 and L2 backends did not run c4: blank cells.
        let c4 = table.between("<tbody>", "</tbody>").components(separatedBy: "<tr>")[2]
        #expect(c4.contains(">?</"))
        #expect(c4.occurrences(of: "<td class=\"ge\" title=\"not run at this commit\"></td>") == 2)
        // c3: L3 and L2 passed (O), L4 failed (X).
        let c3 = table.between("<tbody>", "</tbody>").components(separatedBy: "<tr>")[3]
        #expect(c3.occurrences(of: ">O</a>") == 2 && c3.occurrences(of: ">X</a>") == 1)
    }

    /// A latest page of 50 commits × 20 backends × 6 jobs (one failing shard per backend on one
    /// commit in five) stays under the backend matrix's 300 KB budget: a cell's tooltip lists
    /// every job only up to four of them.
    @Test func aGridPageOf50CommitsBy20BackendsStaysUnder300KB() async throws {
        var jobs: [Job] = []
        for commit in 1...50 {
            for backend in 0..<20 {
                for shard in 0..<6 {
                    var job = Self.push(
                        1, repo: "org-\(backend)/torch-accelerator-\(backend)", level: "L4",
                        name: "test-shard-\(shard)",
                        hoursAgo: Double(100 - commit),
                        conclusion: shard == 5 && commit % 5 == backend % 5 ? "failure" : "success",
                        checkRunID: 10_000_000 + commit * 1000 + backend * 10 + shard)
                    job.sha = String(format: "%040x", commit)
                    jobs.append(job)
                }
            }
        }
        let site = try await SyntheticSite.build(jobs)
        let html = try site.page("oot/trunk/index.html")
        let bytes = html.utf8.count
        #expect(html.between("<tbody>", "</tbody>").occurrences(of: "<tr>") == 50)
        #expect(html.occurrences(of: "data-label=") == 20)
        #expect(bytes <= 300_000, "the grid page is \(bytes) bytes")
        #expect(html.contains("6 jobs: 6 passed\nand 6 more passed") == false)
        #expect(html.contains("6 jobs: 5 passed, 1 failed\nsynth-ci / test-shard-5: failure"))
        #expect(html.contains("and 5 more passed"))
        print("budget: trunk grid page with 50 commits × 20 backends × 6 jobs is \(bytes) bytes")
    }

    @Test func worstStateRuleAndOutcomes() {
        #expect(CommitOutcome(failed: 1, running: 1, passed: 3, unclear: 1) == .red)
        #expect(CommitOutcome(failed: 0, running: 1, passed: 3, unclear: 0) == .running)
        #expect(CommitOutcome(failed: 0, running: 0, passed: 3, unclear: 0) == .green)
        #expect(CommitOutcome(failed: 0, running: 0, passed: 3, unclear: 1) == .unclear, "a lost or null job")
        #expect(CommitOutcome(failed: 0, running: 0, passed: 0, unclear: 0) == .unclear, "only skipped jobs")
    }

    /// `oot_trunk_states` rows of one backend, newest first, from their outcomes.
    static func states(_ outcomes: [CommitOutcome]) -> [OotTrunkStatesRow] {
        outcomes.enumerated().map { index, outcome in
            OotTrunkStatesRow(
                repo: l4, sha: sha[index], upstreamRepo: "pytorch/pytorch", seq: Int64(100 - index),
                firstRun: "2026-11-28T\(String(format: "%02d", 11 - index)):00:00.000000Z",
                started: "2026-11-28T\(String(format: "%02d", 11 - index)):05:00.000000Z", jobs: 2,
                failed: outcome == .red ? 1 : 0, running: outcome == .running ? 1 : 0,
                passed: outcome == .green ? 2 : outcome == .unclear ? 0 : 1, unclear: outcome == .unclear ? 1 : 0)
        }
    }

    @Test func theRedStreakStepsOverRunningAndUnclearCommitsAndEndsAtTheLastGreen() throws {
        // Newest first: running, red, unclear, red, red, green, red.
        let states = Self.states([.running, .red, .unclear, .red, .red, .green, .red])
        let streak = try #require(RedStreak.find(in: states))
        #expect(streak.count == 3)
        #expect(streak.firstRed.sha == Self.sha[4])
        #expect(streak.lastGreen?.sha == Self.sha[5])
        // Latest result green: no streak, whatever came before.
        #expect(RedStreak.find(in: Self.states([.running, .green, .red, .red])) == nil)
        #expect(RedStreak.find(in: Self.states([.running, .unclear])) == nil, "no result at all")
        // Red back to the end of the window: no last green.
        let endless = try #require(RedStreak.find(in: Self.states([.red, .running, .red])))
        #expect(endless.count == 2 && endless.lastGreen == nil && endless.firstRed.sha == Self.sha[2])

        let now = UTCTimestamp(parsing: "2026-11-28T12:00:00Z")!
        let line = try #require(
            RedStreak(repo: Self.l4, level: "L4", states: states, href: nil, window: 500, now: now))
        #expect(line.since == String(Self.sha[4].prefix(7)))
        #expect(line.commits == 3 && line.commitsWord == "commits")
        #expect(line.redFor == "4h 55m", "from the backend's first run on the first red commit (07:05) to now")
        #expect(line.lastGreen == String(Self.sha[5].prefix(7)))
        #expect(line.sinceHref == "https://github.com/pytorch/pytorch/commit/\(Self.sha[4])")
    }

    @Test func theStreaksAboveTheGridNameTheFirstRedAndTheLastGreenCommit() async throws {
        let site = try await SyntheticSite.build(Self.history, configure: Self.pairs)
        let l4 = try site.page("oot/trunk/index.html")
        let streaks = l4.between("<section class=\"streaks\"", "</section>")
        // L4: red at c5 (c4 running, stepped over), c3 and c2; green at c1.
        #expect(streaks.contains(">torch-synth</a>") || streaks.contains(">synth-org/torch-synth</a>"))
        #expect(
            streaks.contains(
                "red since <a class=\"mono\" href=\"https://github.com/pytorch/pytorch/commit/\(Self.sha[1])\">\(Self.short(2))</a>"
            ))
        #expect(streaks.contains("(3 commits, 8h 0m)"))
        #expect(
            streaks.contains(
                "last green <a class=\"mono\" href=\"https://github.com/pytorch/pytorch/commit/\(Self.sha[0])\">\(Self.short(1))</a>"
            ))
        // The current state is on the latest page only, so older pages change only with their rows.
        #expect(!(try site.page("oot/trunk/page/1/index.html")).contains("class=\"streaks\""))
        // The L3 backend is green: no streak, on any view.
        #expect(!(try site.page("oot/trunk/l3/index.html")).contains("other-org/torch-other</a>: <strong"))
        // Its expanded column repeats it.
        let expanded = try site.page("oot/synth-org/torch-synth/commits/index.html")
        #expect(expanded.contains("Red on trunk since"))
        #expect(expanded.contains("(3 commits, 8h 0m)"))
    }

    @Test func theLevelToggleIsPlainLinksToPreRenderedPages() async throws {
        let site = try await SyntheticSite.build(Self.history, configure: Self.pairs)
        let l4 = try site.page("oot/trunk/index.html")
        let toggle = l4.between("<nav class=\"tabs\" aria-label=\"Levels shown\">", "</nav>")
        #expect(
            toggle
                == "<a href=\"index.html\" class=\"current\" aria-current=\"page\">L4</a><a href=\"l3/index.html\">L4 + L3</a><a href=\"l2/index.html\">L4 + L3 + L2</a>"
        )
        // L4 by default: the L3 and L2 backends are not columns there.
        #expect(l4.contains("data-label=\"torch-synth\"") && !l4.contains("data-label=\"torch-other\""))
        #expect(!l4.contains("data-label=\"torch-third\""))
        let l3 = try site.page("oot/trunk/l3/index.html")
        #expect(l3.contains("data-label=\"torch-other\"") && !l3.contains("data-label=\"torch-third\""))
        // An older page's toggle keeps the page number, and every link resolves to a file.
        let older = try site.page("oot/trunk/page/2/index.html")
        let links = older.between("<nav class=\"tabs\" aria-label=\"Levels shown\">", "</nav>").matches(
            #"href="([^"]+)""#)
        #expect(links == ["index.html", "../../l3/page/2/index.html", "../../l2/page/2/index.html"])
        for link in links {
            let target = URL(fileURLWithPath: "/oot/trunk/page/2/").appendingPathComponent(link).standardizedFileURL
            #expect(site.exists(String(target.path.dropFirst())), "\(link)")
        }
        // No script is needed: the page has no inline script, only the shared enhancement.
        #expect(!l4.contains("<script>"))
        // The summary links the grid, and the top bar everywhere.
        #expect(try site.page("oot/index.html").contains("<a href=\"trunk/index.html\">Trunk grid"))
        #expect(l4.contains("<a href=\"../../oot/trunk/index.html\">Trunk</a>"))
    }

    @Test func everyCellAndDrillDownLinksTheJobsLog() async throws {
        let junit = SyntheticSite.junit([("t.T.one", "failure"), ("t.T.two", "passed")])
        let site = try await SyntheticSite.build([
            Self.push(1, name: "with-report", hoursAgo: 3, conclusion: "failure", junit: junit, checkRunID: 4201),
            Self.push(2, name: "no-report", hoursAgo: 2, conclusion: "failure", checkRunID: 4301),
        ])
        let html = try site.page("oot/trunk/index.html")
        let log1 = "https://github.com/synth-org/torch-synth/actions/runs/420/job/4201"
        let log2 = "https://github.com/synth-org/torch-synth/actions/runs/430/job/4301"
        // With a drill-down: the cell opens it, and its tooltip offers the log (data-log).
        #expect(html.contains("data-log=\"\(log1)\""))
        #expect(html.matches(#"<a class="gf" href="(\.\./synth-org/torch-synth/job/[^"]+)""#).count == 1)
        // Without one: the cell is the log itself.
        #expect(html.contains("<a class=\"gf\" href=\"\(log2)\""))
        // The drill-down says "Show log ›"; the PR-style job lists carry it in JSON too.
        let job = try #require(site.files(under: "oot/synth-org/torch-synth/job").first { $0.hasSuffix("index.html") })
        let drill = try site.page("oot/synth-org/torch-synth/job/" + job)
        #expect(drill.contains("<a href=\"\(log1)\">Show log ›</a>"))
        let json = try site.page(
            "oot/synth-org/torch-synth/job/" + job.replacingOccurrences(of: ".html", with: ".json"))
        #expect(json.contains("\"log_url\":\"\(log1)\""))
        // The expanded column's cells carry it as well.
        #expect(try site.page("oot/synth-org/torch-synth/commits/index.html").contains("data-log=\"\(log1)\""))
    }

    /// In a real browser (`scripts/log-tooltip-check.py`, Selenium and Debian's chromium): the
    /// tooltip of a cell linked to its drill-down offers "Show log ›" and stays open while the
    /// pointer moves into it; a cell without a drill-down is the log link itself.
    @Test func theTooltipOffersShowLogInABrowser() async throws {
        let site = try await DemoSite.shared()
        let (status, output) = try Python.run([
            Fixtures.root.appendingPathComponent("scripts/log-tooltip-check.py").path, site.output.path,
        ])
        #expect(status == 0, "\(output)")
        #expect(output.contains("Show log ›"), "\(output)")
        #expect(output.contains("log tooltip: ok"), "\(output)")
    }

    /// A push payload is untrusted: its commit title, author and SHA are escaped on the grid and
    /// in its JSON, and a SHA that is no hex never becomes a path or a link of ours.
    @Test func hostilePushFieldsAreEscapedAndNeverPaths() async throws {
        var job = Self.push(1, hoursAgo: 2, conclusion: "failure", checkRunID: 5101)
        job.sha = "../../\"><script>alert(1)</script>"
        job.title = "<img src=x onerror=alert(1)> Fix \"quotes\" & things\n\nbody"
        job.author = "\"><svg onload=alert(2)>"
        let site = try await SyntheticSite.build([job])
        let html = try site.page("oot/trunk/index.html")
        #expect(!html.contains("<script>alert(1)") && !html.contains("<img src=x") && !html.contains("<svg onload"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; Fix &quot;quotes&quot; &amp; things"))
        #expect(!html.contains("href=\"https://github.com/pytorch/pytorch/commit/../"), "no commit link from a bad SHA")
        // Only the grid's own files were written: no path came from the payload.
        #expect(site.files(under: "oot/trunk").allSatisfy { !$0.contains("script") && !$0.contains("..") })
        let json = try JSONSerialization.jsonObject(with: Data(try site.page("oot/trunk/index.json").utf8))
        let commit = try #require(((json as? [String: Any])?["commits"] as? [[String: Any]])?.first)
        #expect(commit["title"] as? String == "<img src=x onerror=alert(1)> Fix \"quotes\" & things")
        #expect(commit["author"] as? String == "\"><svg onload=alert(2)>")
        // Commit links come only from a hex SHA and an owner/name repo.
        #expect(
            SafeURL.commit(repo: "pytorch/pytorch", sha: "abc1234")
                == "https://github.com/pytorch/pytorch/commit/abc1234")
        #expect(SafeURL.commit(repo: "pytorch/pytorch", sha: "../../x") == nil)
        #expect(SafeURL.commit(repo: "pytorch/pytorch", sha: "abc") == nil, "too short to be a SHA")
        #expect(SafeURL.commit(repo: "pytorch/../evil", sha: "abc1234") == nil)
        #expect(SafeURL.commit(repo: "evil.com/x?y", sha: "abc1234") == nil)
    }

    @Test func theLogURLIsBuiltOnlyFromAGitHubRunAndANumericCheckRun() throws {
        func log(_ url: String, _ check: String) throws -> String? {
            let json = """
                {"dynamoKey": "k", "downstream_repo": "a/b", "downstream_repo_level": "L4", "upstream_repo": "",
                 "pr_number": 0, "pytorch_head_sha": "s", "pr_title": null, "pr_author": null, "event_type": "push",
                 "workflow_name": "w", "job_name": "j", "check_run_id": "\(check)", "run_attempt": 1,
                 "status": "completed", "conclusion": "success", "started_at": null, "completed_at": null,
                 "duration_seconds": null, "total_tests": 0, "passed_tests": 0, "failed_tests": 0,
                 "workflow_run_url": "\(url)", "artifact_url": "", "queue_time": null, "execution_time": null,
                 "push_ref": null, "commit_title": null, "commit_author": null, "base_sha": null}
                """
            return try JSONDecoder().decode(JobRow.self, from: Data(json.utf8)).logURL
        }
        #expect(
            try log("https://github.com/a/b/actions/runs/123", "456")
                == "https://github.com/a/b/actions/runs/123/job/456")
        #expect(
            try log("https://github.com/a/b/actions/runs/123/attempts/2", "456")
                == "https://github.com/a/b/actions/runs/123/job/456")
        #expect(
            try log("https://github.com/a/b/actions/runs/123", "45/../6") == nil, "a check run id that is no number")
        #expect(try log("https://github.com/a/b/actions/runs/123", "") == nil)
        #expect(try log("https://buildkite.com/org/pipe/builds/7", "456") == nil, "not a GitHub Actions run")
        #expect(try log("javascript:alert(1)//github.com/x/actions/runs/1", "1") == nil)
    }

    @Test func indexJSONIsAVersionedDataDocument() async throws {
        let site = try await SyntheticSite.build(Self.history)
        let data = Data(try site.page("oot/trunk/l3/index.json").utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["schema"] as? String == "oot-hud/trunk/v1")
        #expect(document["levels"] as? [String] == ["L4", "L3"])
        #expect(document["page"] is NSNull)
        let backends = try #require(document["backends"] as? [[String: Any]])
        #expect(backends.map { $0["repo"] as? String } == [Self.l4, Self.l3])
        let streak = try #require(backends[0]["red_streak"] as? [String: Any])
        #expect(streak["since_sha"] as? String == Self.sha[1])
        #expect(streak["last_green_sha"] as? String == Self.sha[0])
        #expect(streak["commits"] as? Int == 3)
        #expect(backends[1]["red_streak"] is NSNull)
        #expect(backends[1]["latest_result"] as? String == "green")
        let commits = try #require(document["commits"] as? [[String: Any]])
        #expect(commits.map { $0["sha"] as? String } == [5, 4, 3, 2, 1].map { Self.sha[$0 - 1] })
        let newest = try #require(commits.first?["results"] as? [[String: Any]])
        #expect(newest.map { $0["state"] as? String } == ["red", "green"])
        let jobs = try #require(newest.first?["jobs"] as? [[String: Any]])
        #expect(jobs.first?["job"] as? String == "test", "worst first")
        #expect(
            jobs.first?["log_url"] as? String == "https://github.com/synth-org/torch-synth/actions/runs/150/job/1502")
        // c4: only the L4 backend ran it; absent means not run.
        #expect((commits[1]["results"] as? [[String: Any]])?.count == 1)
        // No presentation fields.
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("cssClass") && !text.contains("glyph") && !text.contains("\"tooltip\""))
    }

    @Test func everyGridDocumentValidatesAgainstItsJSONSchema() async throws {
        let site = try await SyntheticSite.build(Self.history, configure: Self.pairs)
        let demo = try await DemoSite.shared()
        let synthetic: [String] = site.files(under: "oot/trunk").filter { $0.hasSuffix("index.json") }.map {
            site.output.appendingPathComponent("oot/trunk/" + $0).path
        }
        let sample: [String] = demo.files().filter { $0.hasPrefix("oot/trunk/") && $0.hasSuffix("index.json") }.map {
            demo.output.appendingPathComponent($0).path
        }
        let documents = synthetic + sample
        #expect(documents.count == 12 + 3, "latest, pages 1, 2 and the empty 3 in three views; the demo's three")
        let run = try JSONSchemaCheck.validate(schema: "docs/api/trunk-v1.schema.json", documents: documents)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func healthIsOneWordWithItsRule() {
        let five: [(pr: Int64, outcome: CommitOutcome)] = (1...5).map { (Int64($0), .green) }
        #expect(BackendHealth(prRuns: five, trunk: ("abc1234", .green)).word == "healthy")
        #expect(BackendHealth(prRuns: five, trunk: nil).word == "healthy", "no trunk runs: PR runs alone")
        let redTrunk = BackendHealth(prRuns: five, trunk: ("abc1234", .red))
        #expect(redTrunk.word == "degraded")
        #expect(redTrunk.tooltip.contains("Latest trunk run: failed at abc1234."))
        #expect(redTrunk.tooltip.hasPrefix("Healthy when its last 5 PR runs and its latest trunk run passed"))
        // A running PR run is not judged: the five before it are.
        let running = [(pr: Int64(9), outcome: CommitOutcome.running)] + five
        #expect(BackendHealth(prRuns: running, trunk: nil).word == "healthy")
        // One red run among the last five, even with older green ones behind it.
        let oneRed = [(pr: Int64(9), outcome: CommitOutcome.red)] + five
        let degraded = BackendHealth(prRuns: oneRed, trunk: nil)
        #expect(degraded.word == "degraded" && degraded.tooltip.contains("4 passed, 1 did not (#9)"))
        #expect(BackendHealth(prRuns: [], trunk: nil).word == "no data")
    }

    @Test func theSummarySaysHealthyOrDegradedPerBackend() async throws {
        var pr = Job(pr: 7, hoursAgo: 5, checkRunID: 7001)
        pr.repo = Self.l3
        pr.level = "L3"
        let site = try await SyntheticSite.build(Self.history + [pr])
        let summary = try site.page("oot/index.html")
        let rows = summary.components(separatedBy: "<tr")
        let l4 = try #require(rows.first { $0.contains(">synth-org/torch-synth</a>") })
        #expect(l4.contains("<span class=\"chip warning\" title=\"Healthy when"))
        #expect(l4.contains(">degraded</span>"))
        #expect(l4.contains("Latest trunk run: failed at \(Self.short(5))."))
        let l3 = try #require(rows.first { $0.contains(">other-org/torch-other</a>") })
        #expect(l3.contains(">healthy</span>"))
        #expect(l3.contains("Last 1 PR run: 1 passed."))
    }
}
