import Foundation
import OOTCore
import OOTSite
import Testing

/// The sample data built end to end: summary, backend matrices, PR pages, comment.md and
/// JUnit drill-downs.
///
/// Expected values are worked out by hand from `scripts/make-samples.py`.
@Suite struct DemoBuildTests {
    @Test func buildsEveryKindOfPage() async throws {
        let site = try await DemoSite.shared()
        let files = site.files()
        #expect(files.contains("index.html"))
        #expect(files.contains("assets/style.css"))
        #expect(files.contains("oot/index.html"))
        for backend in [
            "acme-silicon/torch-npu", "openxpu/pytorch-xpu", "riscv-ai/torch-rvv", "hexa-compute/torch-hxa",
        ] {
            #expect(files.contains("oot/\(backend)/index.html"))
        }
        for pr in [188793, 188801, 188815, 188830, 188842, 188857, 188866, 188874] {
            #expect(files.contains("pr/\(pr)/index.html"))
            #expect(files.contains("pr/\(pr)/comment.md"))
        }
        // 78 completed jobs of the scenarios (53 PR jobs, 22 trunk jobs on five pushes, 2 nightly,
        // 1 periodic); all but the timed-out and the cancelled PR jobs without a report and the
        // periodic one (no conclusion, no report) carry a file:// artifact (two of them a folder of
        // reports). The 80 history jobs of Nov 1-20 (the trend panels) carry none.
        #expect(files.filter { $0.contains("/job/") && $0.hasSuffix("/index.html") }.count == 75)
        #expect(files.filter { $0.contains("/job/") && $0.hasSuffix("/index.json") }.count == 75)
        #expect(site.report.fold.applied == 318)
        #expect(site.report.harvest.harvested == 75)
        #expect(site.report.harvest.problems == 1, "the truncated report")
    }

    /// Every published file is byte for byte what `Tests/Fixtures/demo-site.sha256` records (written
    /// by `scripts/demo-manifest.sh --update` from `oot-hud demo`): a change that alters a page
    /// says so in that file's diff, and a refactoring that should not alter pages proves it.
    @Test func everyFileMatchesTheManifest() async throws {
        let site = try await DemoSite.shared()
        let expected = try String(
            contentsOf: DemoSite.root.appendingPathComponent("Tests/Fixtures/demo-site.sha256"), encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.currentDirectoryURL = site.output.resolvingSymlinksInPath()
        process.arguments = site.files().map { "./" + $0 }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let actual = String(decoding: output, as: UTF8.self)
        let expectedLines = expected.split(separator: "\n")
        let actualLines = actual.split(separator: "\n")
        let differing = Set(actualLines).symmetricDifference(expectedLines).map { $0.dropFirst(66) }.sorted()
        #expect(
            differing.isEmpty,
            "pages differ from the manifest (scripts/demo-manifest.sh --update if meant): \(differing)")
        #expect(actualLines.count == expectedLines.count)
    }

    @Test func summaryShowsPassRatesWorstFirst() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/index.html")
        // torch-rvv: 4 of 6 completed (1 failure, 1 cancelled); torch-npu: 20 of 25 (every attempt);
        // pytorch-xpu: 12 of 16 (2 failures, 1 timed out, 1 cancelled); torch-hxa: 6 of 6.
        // Sections L4 → L1; within L2, data first by pass rate, the silent registered backend last.
        let sections = [
            "L4 Backends (merge-gating)", "L3 Backends (check runs on PR)", "L2 Backends (callback-only)",
            "L1 Integrations (webhook-only)",
        ].map { html.range(of: $0)!.lowerBound }
        #expect(sections == sections.sorted())
        #expect(html.between("L4 Backends", "</table>").contains("acme-silicon/torch-npu</a>"))
        #expect(html.between("L3 Backends", "</table>").contains("openxpu/pytorch-xpu</a>"))
        let l2 = html.between("L2 Backends", "</table>")
        #expect(l2.range(of: "riscv-ai/torch-rvv</a>")!.lowerBound < l2.range(of: "quiet-labs/torch-quiet")!.lowerBound)
        #expect(html.between("L1 Integrations", "</div>").contains("sigma-devices/torch-sigma"))
        #expect(html.contains("<span class=\"chip error\">66.7%</span>"))
        #expect(html.contains("<span class=\"chip warning\">80.0%</span>"))
        #expect(html.contains("<span class=\"chip error\">75.0%</span>"))
        #expect(html.contains("<span class=\"chip success\">100.0%</span>"))
        #expect(html.contains("href=\"acme-silicon/torch-npu/index.html\""), "relative to /oot/")
        #expect(html.contains("<span class=\"level level-l4\">L4</span>"))
        #expect(html.contains("<span class=\"level level-l3\">L3</span>"))
        #expect(html.contains("<span class=\"level level-l2\">L2</span>"))
        // Stat cards: 53 completed jobs, 8 failures, 1 timed out.
        #expect(html.contains("<div class=\"card-label\">Jobs</div><div class=\"card-value\">53</div>"))
        #expect(html.contains("<div class=\"card-label\">Failures</div><div class=\"card-value\">8</div>"))
        #expect(html.contains("<div class=\"card-label\">Timed out</div><div class=\"card-value\">1</div>"))
    }

    @Test func backendMatrixShowsTheLatestAttemptPerCell() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/acme-silicon/torch-npu/index.html")
        #expect(html.contains("Pass rate: 80.0%"))
        #expect(html.contains("20/25 jobs passed"))
        // Rows: newest activity first.
        let order = [188866, 188874, 188815, 188857, 188842, 188830, 188801, 188793].map {
            html.range(of: ">#\($0)<")!.lowerBound
        }
        #expect(order == order.sorted())
        // PR 188801: float32 failed on attempt 1 and passed on attempt 2 (F), but the passing
        // attempt's own report counts 2 failed tests → !, with both in the tooltip.
        let row188801 = html.between(">#188801<", "</tr>")
        #expect(row188801.contains("class=\"gw\""))
        #expect(row188801.contains(">!</a>"))
        #expect(row188801.contains("success, 2 tests failed"))
        #expect(row188801.contains("attempt 2"))
        #expect(row188801.contains("passed after a failed attempt (flaky)"))
        // PR 188793: float32 failed → X linking to its drill-down; tooltip per spec §9.2.
        let row188793 = html.between(">#188793<", "</tr>")
        #expect(row188793.occurrences(of: ">O</a>") == 2)
        #expect(row188793.contains(">X</a>"))
        #expect(row188793.contains("aria-label=\"failure\n46m 25s · 3/5 passed (1 failed) · queue "))
        #expect(row188793.contains("href=\"job/"), "links relative to the backend page")
        // PR 188842: the second push is green, so its row shows the new head and three O.
        #expect(html.between(">#188842<", "</tr>").occurrences(of: ">O</a>") == 3)
        // The nightly self-report has its own view, rows by upstream SHA.
        #expect(html.contains("<a href=\"nightly/index.html\">Nightly</a>"))
        let nightly = try site.page("oot/acme-silicon/torch-npu/nightly/index.html")
        #expect(nightly.contains("<td class=\"run\">nightly</td>"))
        #expect(
            nightly.between("<table class=\"matrix\">", "</table>").between("<tbody>", "</tbody>").contains(">X</a>"))
    }

    @Test func sameJobNameInTwoWorkflowsIsTwoColumns() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/openxpu/pytorch-xpu/index.html")
        #expect(html.contains("title=\"xpu-ci / test-xpu\"><span>test-xpu</span>"))
        #expect(html.contains("title=\"xpu-inductor / test-xpu\"><span>test-xpu</span>"))
        #expect(html.contains("<th class=\"wf\" scope=\"colgroup\" colspan=\"2\" title=\"xpu-ci\">"))
        // PR 188815: test-xpu is still running → ?; PR 188830: the inductor job timed out → T.
        #expect(html.between(">#188815<", "</tr>").contains(">?</"))
        #expect(html.between(">#188830<", "</tr>").contains(">T</a>"))
    }

    @Test func prPageGroupsByBackendWithRunAndTestLinks() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("pr/188830/index.html")
        #expect(html.contains("<strong>4/6 passed</strong>"))
        #expect(
            html.contains(
                "openxpu/pytorch-xpu</a> <span class=\"level level-l3\">L3</span> <span class=\"muted\">(1/2 passed)</span>"
            ))
        #expect(html.contains("box box-failure"))
        // Failed jobs sort first within a box.
        let box = html.between("box-head\"><a href=\"../../oot/openxpu/pytorch-xpu/index.html\">", "</section>")
        #expect(box.range(of: "xpu-inductor / test-xpu")!.lowerBound < box.range(of: "xpu-ci / build")!.lowerBound)
        #expect(box.contains("<span class=\"chip warning\">timed_out</span>"))
        #expect(html.contains("<span class=\"chip warning\">cancelled</span>"))
        #expect(html.contains("<a class=\"mini\" href=\"https://github.com/openxpu/pytorch-xpu/actions/runs/"))
        #expect(html.contains(">Tests</a>"))
        // The bot summary section is the cmark rendering of comment.md.
        #expect(html.contains("<h3>Out-of-tree backends for PR #188830 at"))
        #expect(
            html.contains(
                "<p><strong>1 new failure · 1 unstable</strong></p>\n<p>4/6 jobs passed, 2 failed across 3 backends</p>"
            ))
    }

    @Test func runningJobsAreCountedAsRunning() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("pr/188815/index.html")
        #expect(html.contains("<strong>6/6 passed, 1 running</strong>"))
        #expect(html.contains("box box-pending"))
        #expect(html.contains("<span class=\"chip info\">running</span>"))
    }

    @Test func olderPushesAreCollapsedBelowTheLatestHead() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("pr/188842/index.html")
        #expect(html.contains("<strong>7/7 passed</strong>"))
        let older = html.between("<details class=\"older\">", "</details>")
        #expect(older.contains("npu-ci / test-npu-float32"))
        #expect(older.contains("<span class=\"chip error\">failure</span>"))
        let comment = try site.page("pr/188842/comment.md")
        #expect(comment.contains("3 job results from 1 older push not counted."))
    }

    @Test func commentMarkdownListsFailingJobsAndTests() async throws {
        let site = try await DemoSite.shared()
        let comment = try site.page("pr/188793/comment.md")
        #expect(comment.hasPrefix("### Out-of-tree backends for PR #188793 at "))
        #expect(comment.contains("**1 new failure (1 blocking)**\n\n6/7 jobs passed, 1 failed across 3 backends"))
        #expect(comment.contains("#### L4: blocking\n\n**NEW** (1): "))
        // The demo has no --site-url: the names are plain text, no relative link breaks on GitHub.
        #expect(
            comment.contains(
                "- **acme\\-silicon/torch\\-npu** npu\\-ci / test\\-npu\\-float32: test\\.test\\_spark\\.SparkTests\\.test\\_rsh\\_events"
            ))
        #expect(!comment.contains("](<../"))
        #expect(comment.contains("- ❌ **acme\\-silicon/torch\\-npu** (L4): 2/3 passed"))
        #expect(
            comment.contains(
                "  - ❌ npu\\-ci / test\\-npu\\-float32: failure ([run](<https://github.com/acme-silicon/torch-npu/actions/runs/"
            ))
        #expect(comment.contains("- ✅ **openxpu/pytorch\\-xpu** (L3): 3/3 passed"))
    }

    @Test func drillDownListsFailedTestsWithMessages() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("pr/188793/index.html")
        let float32 = html.between("npu-ci / test-npu-float32", "</li>")
        let link = html.href(ofLink: "npu-ci / test-npu-float32")
        #expect(float32.contains("test.test_spark.SparkTests.test_rsh_events"))
        let jobPath = String(link).replacingOccurrences(of: "../../", with: "")
        let job = try site.page(jobPath)
        #expect(job.contains("<span class=\"chip default\">5 tests</span>"))
        #expect(job.contains("<span class=\"chip error\">1 failed</span>"))
        #expect(job.contains("<span class=\"chip default\">1 skipped</span>"))
        #expect(
            job.contains("test.test_spark.SparkTests.</span>")
                || job.contains("test.test_spark.SparkTests.test_rsh_events"))
        #expect(job.contains("AssertionError: 143 != 0"))
        #expect(
            job.contains("self = &lt;test_spark.SparkTests testMethod=test_rsh_events&gt;"), "messages are HTML-escaped"
        )
    }

    @Test func aTruncatedReportPageSaysWhatWasWrong() async throws {
        let site = try await DemoSite.shared()
        let pages = site.files().filter { $0.hasPrefix("oot/riscv-ai/torch-rvv/job/") }
        let texts = try pages.map { try site.page($0) }
        let broken = texts.filter { $0.contains("Report state: parse_error.") }
        #expect(broken.count == 1)
        #expect(broken.first?.contains("the report is truncated") == true)
    }

    @Test func everyInternalLinkResolvesFromFileURLs() async throws {
        let site = try await DemoSite.shared()
        for file in site.files() where file.hasSuffix(".html") {
            let html = try site.page(file)
            let base = site.output.appendingPathComponent(file).deletingLastPathComponent()
            for href in html.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                if href.hasPrefix("https://") { continue }
                #expect(!href.hasPrefix("/"), "absolute path \(href) in \(file) breaks file://")
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target =
                    parts[0].isEmpty
                    ? site.output.appendingPathComponent(file).path
                    : base.appendingPathComponent(parts[0]).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "\(file) links to missing \(href)")
                if parts.count == 2, target.hasSuffix(".html"),
                    let text = try? String(contentsOfFile: target, encoding: .utf8)
                {
                    #expect(text.contains("id=\"\(parts[1])\""), "\(file) links to a missing anchor: \(href)")
                }
            }
        }
    }

    @Test func aSecondBuildRewritesNothing() async throws {
        let site = try await DemoSite.build()
        let again = try await SiteBuilder.build(
            DemoSite.options(db: site.databasePath, out: site.directory.appendingPathComponent("site").path))
        #expect(again.fold.applied == 0)
        #expect(again.harvest.harvested == 0)
        #expect(!again.full, "\(again.reason)")
        #expect(again.written == 0)
        #expect(
            again.unchanged == 11,
            "index, 3 summary pages with JSON, style.css, hud.js, search.js, the feed of all backends")
    }
}

/// The JUnit drill-down page and its JSON (issue #4).
@Suite struct DrillDownTests {
    /// The drill-down of the PR #188793 float32 job (pytest horovod report: 1 failure, 1 skip).
    static func float32(_ site: DemoSite) throws -> (html: String, json: [String: Any], directory: String) {
        let pr = try site.page("pr/188793/index.html")
        let href = pr.href(ofLink: "npu-ci / test-npu-float32")
        let path = href.replacingOccurrences(of: "../../", with: "")
        let directory = (path as NSString).deletingLastPathComponent
        let json =
            try JSONSerialization.jsonObject(with: Data(site.page(directory + "/index.json").utf8)) as! [String: Any]
        return (try site.page(path), json, directory)
    }

    @Test func everyListedTestHasAPermalink() async throws {
        let site = try await DemoSite.shared()
        let (html, _, _) = try Self.float32(site)
        let anchors = html.components(separatedBy: "<li id=\"t-").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!anchors.isEmpty)
        for anchor in anchors { #expect(html.contains("href=\"#t-\(anchor)\"")) }
        #expect(
            html.contains(
                "<dt>Pull request</dt><dd><a href=\"../../../../../pr/188793/index.html\">#188793</a> [inductor] Fuse pointwise ops across reductions</dd>"
            ))
    }

    @Test func indexJSONSitsBesideThePage() async throws {
        let site = try await DemoSite.shared()
        let (_, json, _) = try Self.float32(site)
        let report = try #require(json["report"] as? [String: Any])
        #expect(report["state"] as? String == "ok")
        #expect(report["tests"] as? Int == 5)
        #expect(report["failures"] as? Int == 1)
        let failing = try #require(json["failing"] as? [[String: Any]])
        #expect(failing.map { $0["name"] as? String } == ["test_rsh_events"])
        #expect((failing.first?["message"] as? String)?.contains("AssertionError: 143 != 0") == true)
        #expect((json["skipped"] as? [[String: Any]])?.count == 1)
        #expect((json["slowest"] as? [[String: Any]])?.first?["name"] as? String == "test_rsh_events")
    }

    /// Issue 17: a drill-down's `index.json` holds data, not presentation (no CSS classes, no
    /// pre-formatted times, the message once), and is never larger than the page beside it.
    @Test func jobIndexJSONIsNoLargerThanItsPage() async throws {
        let site = try await DemoSite.shared()
        let pages = site.files().filter { $0.contains("/job/") && $0.hasSuffix("/index.html") }
        #expect(pages.count == 75)
        for page in pages {
            let html = try Data(contentsOf: site.output.appendingPathComponent(page)).count
            let jsonPath = String(page.dropLast("index.html".count)) + "index.json"
            let json = try Data(contentsOf: site.output.appendingPathComponent(jsonPath))
            #expect(json.count <= html, "\(jsonPath): \(json.count) bytes beside \(html)")
            let text = String(decoding: json, as: UTF8.self)
            #expect(!text.contains("outcomeClass") && !text.contains("headline") && !text.contains("\n  "))
        }
    }

    @Test func countsThatDisagreeWithTheJobAreFlagged() async throws {
        let site = try await DemoSite.shared()
        // PR #188801's rerun reported the Surefire suite's declared tests="3" (1 passed, 2 failed);
        // the report holds one testcase that passed after two failed attempts.
        let pr = try site.page("pr/188801/index.html")
        let href = pr.href(ofLink: "npu-ci / test-npu-float32")
        let html = try site.page(href.replacingOccurrences(of: "../../", with: ""))
        #expect(
            html.contains(
                "<strong>Counts disagree.</strong> The job reported 1/3 passed, 2 failed, 0 skipped but its report has 1/1 passed, 0 failed, 0 skipped."
            ))
        #expect(html.contains("Flaky tests"))
        #expect(html.contains("2 failed attempt(s)"))
    }

    @Test func slowestTestsAndSuitesAreListed() async throws {
        let site = try await DemoSite.shared()
        // The jest report of PR #188815 (400 suites, 4,239 testcases).
        let pr = try site.page("pr/188815/index.html")
        let href = pr.href(ofLink: "npu-ci / test-npu-float32")
        let html = try site.page(href.replacingOccurrences(of: "../../", with: ""))
        #expect(html.contains("Slowest tests"))
        #expect(html.between("Slowest tests", "</table>").occurrences(of: "<tr><td class=\"num\">") == 20)
        #expect(html.contains("<h2 class=\"inline\">Suites</h2>"))
        #expect(html.between("Suites</h2>", "</table>").occurrences(of: "<tr><td class=\"mono\">") == 400)
    }
}

/// The summary's time ranges, the Atom feed and the badge on the sample data (issue #5).
@Suite struct DemoFeedTests {
    @Test func allThreeRangesArePreRenderedAndLinked() async throws {
        let site = try await DemoSite.shared()
        let week = try site.page("oot/index.html")
        let day = try site.page("oot/24h/index.html")
        let month = try site.page("oot/30d/index.html")
        #expect(week.contains("<a href=\"24h/index.html\">Last 24h</a>"))
        #expect(
            week.contains("aria-current=\"page\">Last 7 days</a>")
                || week.contains("aria-current=\"page\">Last 7 days</span>"))
        #expect(day.contains("aria-current=\"page\">Last 24h"))
        #expect(month.contains("aria-current=\"page\">Last 30 days"))
        // The scenarios span 25 hours: the 24 h window holds fewer jobs than the week, which holds
        // them all; the month adds the 80 history jobs of Nov 1-20.
        func jobs(_ html: String) -> Int {
            Int(html.between("<div class=\"card-label\">Jobs</div><div class=\"card-value\">", "<")) ?? -1
        }
        #expect(jobs(week) == 53 && jobs(month) == 133)
        #expect((1..<53).contains(jobs(day)))
    }

    @Test func theFeedHasAnEntryPerStateChange() async throws {
        let site = try await DemoSite.shared()
        let feed = try site.page("oot/acme-silicon/torch-npu/feed.xml")
        #expect(
            feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        let titles = feed.components(separatedBy: "<entry>").dropFirst().map { $0.between("<title>", "</title>") }
        // The backend has trunk runs: its feed follows them, and its PRs' own failures are no entry.
        #expect(
            titles == [
                "npu-nightly / cpu-tests newly failing on trunk at 735f415 (nightly)",
                "npu-ci / test-npu-float32 newly failing on trunk at bbd73a9 (trunk push)",
            ])
        #expect(feed.occurrences(of: "<id>") == 3, "the feed's and each entry's")
        #expect(try site.page("oot/quiet-labs/torch-quiet/feed.xml").occurrences(of: "<entry>") == 0)
        // Backend pages advertise their feed.
        #expect(
            try site.page("oot/acme-silicon/torch-npu/index.html").contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    @Test func theBadgeIsGreenOnlyWithoutFailures() async throws {
        let site = try await DemoSite.shared()
        let npu = try site.page("oot/acme-silicon/torch-npu/badge.svg")
        // The 10 most recent PRs: the 8 scenarios' and the two latest history PRs (188619's build failed).
        #expect(npu.contains(">4 failing</text>"))
        #expect(npu.contains("<title>oot ci: 4 failing</title>"))
        let quiet = try site.page("oot/quiet-labs/torch-quiet/badge.svg")
        #expect(quiet.contains(">no data</text>"))
        #expect(!npu.contains("#4c1") && !quiet.contains("#4c1"), "neither is green")
    }
}

/// Findings of a newcomer's review of the demo site, kept fixed.
@Suite struct ReviewRegressionTests {
    @Test func theGridIgnoresFailuresARerunReplaced() async throws {
        let site = try await DemoSite.shared()
        // PR #188801: test-npu-float32 failed on attempt 1 and passed on attempt 2.
        #expect(!(try site.page("pr/188801/index.html")).contains("Failing tests across backends"))
    }

    @Test func failingTestsLinkToTheirHistory() async throws {
        let site = try await DemoSite.shared()
        let (html, _, _) = try DrillDownTests.float32(site)
        let href = html.between("test_rsh_events</span> <a class=\"anchor\" href=\"#", "\">history</a>")
        #expect(href.contains("class=\"mini\" href=\"../../tests/test.test_spark.sparktests.test_rsh_events-"))
        let target =
            html.components(separatedBy: "class=\"mini\" href=\"").dropFirst().first.map {
                String($0.prefix { $0 != "\"" })
            } ?? ""
        #expect(target.hasSuffix("/index.html"))
    }

    @Test func testsWithoutClassnameAreTheirSuitesTests() async throws {
        let site = try await DemoSite.shared()
        // jest: two tests named "gets changed files for hg" in two suites, classname empty.
        let pages = site.files().filter {
            $0.contains("/tests/") && $0.contains("gets-changed-files-for-hg") && $0.hasSuffix(".html")
        }
        #expect(pages.count == 2)
        for page in pages {
            #expect(try site.page(page).contains("<p class=\"muted small\">1 execution; 1 failed.</p>"))
        }
    }
}
