import Foundation
import OOTCore
import OOTSite
import OOTTestSupport
import Testing

/// Issue #14 end to end on a small database: trunk runs, a PR's failures on two backends, a
/// flaky test's history, a cancelled job and a silent registered L4 backend, ingested, folded,
/// harvested and built; then the PR page, `comment.md`, `index.json` (validated against
/// `docs/api/pr-v1.schema.json` by Debian's python3-jsonschema) and the test's page across backends.
@Suite struct ClassificationSiteTests {
    typealias Job = SyntheticSite.Job
    static let npu = "acme/torch-npu"
    static let xpu = "open/torch-xpu"
    static let head = "e" + String(repeating: "1", count: 39)
    static let base = "b" + String(repeating: "2", count: 39)
    static let allowlist = """
        L3:
          - open/torch-xpu
        L4:
          - acme/torch-npu
          - quiet/torch-hxa
        """

    /// The scenario of the issue: one failure of each class.
    static func scenario() async throws -> SyntheticSite {
        let flakySHA = "f" + String(repeating: "3", count: 39)
        return try await SyntheticSite.build(
            [
                // Trunk: the push at the PR's base fails test_trunk and passes test_new.
                Job(
                    repo: npu, level: "L4", sha: base, hoursAgo: 10, conclusion: "failure",
                    junit: SyntheticSite.junit([
                        ("ops.TestOps.test_trunk", "failure"), ("ops.TestOps.test_new", "passed"),
                    ]),
                    checkRunID: 11, push: true),
                // PR 3 two days ago: test_flaky failed on attempt 1 and passed on attempt 2 at one SHA.
                Job(
                    repo: npu, level: "L4", pr: 3, sha: flakySHA, hoursAgo: 48, conclusion: "failure",
                    junit: SyntheticSite.junit([("ops.TestOps.test_flaky", "failure")]), checkRunID: 31),
                Job(
                    repo: npu, level: "L4", pr: 3, sha: flakySHA, hoursAgo: 47, attempt: 2,
                    junit: SyntheticSite.junit([("ops.TestOps.test_flaky", "passed")]), checkRunID: 32),
                // PR 5 on its base: three failing tests on the L4 backend, one of them on the L3 one too.
                Job(
                    repo: npu, level: "L4", pr: 5, sha: head, hoursAgo: 2, conclusion: "failure",
                    junit: SyntheticSite.junit([
                        ("ops.TestOps.test_trunk", "failure"), ("ops.TestOps.test_new", "failure"),
                        ("ops.TestOps.test_flaky", "error"),
                    ]), checkRunID: 51, baseSHA: base),
                Job(
                    repo: xpu, level: "L3", pr: 5, sha: head, hoursAgo: 2, conclusion: "failure",
                    junit: SyntheticSite.junit([("ops.TestOps.test_new", "failure")]), checkRunID: 52, baseSHA: base),
                Job(
                    repo: xpu, level: "L3", pr: 5, sha: head, name: "lint", hoursAgo: 2, conclusion: "cancelled",
                    checkRunID: 53, baseSHA: base),
            ], allowlist: allowlist)
    }

    /// `index.json` of PR 5, parsed.
    static func document(_ site: SyntheticSite) throws -> [String: Any] {
        let data = try Data(contentsOf: site.output.appendingPathComponent("pr/5/index.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyFailureOfThePRIsClassifiedWithItsEvidence() async throws {
        let site = try await Self.scenario()
        let doc = try Self.document(site)
        #expect(doc["schema"] as? String == "oot-hud/pr/v1")
        #expect(doc["base_sha"] as? String == Self.base)
        let failures = try #require(doc["failures"] as? [[String: Any]])
        func failure(_ backend: String, _ test: String?) throws -> [String: Any] {
            try #require(
                failures.first {
                    $0["backend"] as? String == backend && ($0["test"] as? String) == test
                        && (test != nil || $0["job"] as? String == "lint")
                })
        }
        let newL4 = try failure(Self.npu, "ops.TestOps.test_new")
        #expect(newL4["classification"] as? String == "new")
        #expect(newL4["blocking"] as? Bool == true)
        #expect(newL4["other_backends"] as? [String] == [Self.xpu])
        let newL3 = try failure(Self.xpu, "ops.TestOps.test_new")
        #expect(newL3["classification"] as? String == "new")
        #expect(newL3["blocking"] as? Bool == false, "L3 is never blocking")
        let trunk = try failure(Self.npu, "ops.TestOps.test_trunk")
        #expect(trunk["classification"] as? String == "broken_trunk")
        #expect(trunk["blocking"] as? Bool == false)
        let trunkEvidence = try #require((trunk["evidence"] as? [[String: Any]])?.first)
        #expect(trunkEvidence["kind"] as? String == "trunk_failure")
        #expect(trunkEvidence["sha"] as? String == Self.base)
        let flaky = try failure(Self.npu, "ops.TestOps.test_flaky")
        #expect(flaky["classification"] as? String == "flaky")
        let flakyEvidence = try #require((flaky["evidence"] as? [[String: Any]])?.first)
        #expect(flakyEvidence["kind"] as? String == "flaky_at_sha")
        #expect(flakyEvidence["pr"] as? Int == 3)
        let cancelled = try failure(Self.xpu, nil)
        #expect(cancelled["classification"] as? String == "unstable")
        #expect((cancelled["evidence"] as? [[String: Any]])?.first?["kind"] as? String == "cancelled")
        // Order: new (blocking first), broken trunk, flaky, unstable.
        #expect(
            failures.map { $0["classification"] as? String ?? "" } == [
                "new", "new", "broken_trunk", "flaky", "unstable",
            ])
        #expect(failures.first?["blocking"] as? Bool == true)
        // Every relative link resolves to a published file.
        for item in failures {
            let links =
                ((item["evidence"] as? [[String: Any]]) ?? []).compactMap { $0["url"] as? String }
                + ["job_url", "history_url", "test_url"].compactMap { item[$0] as? String }
            for link in links where !link.hasPrefix("http") {
                let file = site.output.appendingPathComponent("pr/5").appendingPathComponent(link).standardized
                #expect(FileManager.default.fileExists(atPath: file.path), "\(link) from \(item)")
            }
        }
        let summary = try #require(doc["summary"] as? [String: Int])
        #expect(summary["new"] == 2 && summary["blocking"] == 1 && summary["broken_trunk"] == 1)
        #expect(summary["flaky"] == 1 && summary["unstable"] == 1)
    }

    @Test func aRegisteredL4BackendWithoutResultsIsListedAsSilent() async throws {
        let site = try await Self.scenario()
        let backends = try #require(try Self.document(site)["backends"] as? [[String: Any]])
        #expect(backends.map { $0["backend"] as? String ?? "" } == [Self.npu, Self.xpu, "quiet/torch-hxa"])
        #expect(backends.map { $0["state"] as? String ?? "" } == ["blocking", "failing", "no_results"])
        let html = try site.page("pr/5/index.html")
        #expect(html.contains("No results yet for this head from registered"))
        #expect(html.contains("quiet/torch-hxa"))
        // Boxes: the blocking L4 backend before the failing L3 one.
        #expect(
            html.range(of: "box-head\"><a href=\"../../oot/acme/torch-npu")!.lowerBound
                < html.range(of: "box-head\"><a href=\"../../oot/open/torch-xpu")!.lowerBound)
    }

    @Test func thePRPageLeadsWithTheCountsAndGroupsFailuresByClassification() async throws {
        let site = try await Self.scenario()
        let html = try site.page("pr/5/index.html")
        #expect(html.contains("<strong>2 new failures (1 blocking) · 1 broken trunk · 1 flaky · 1 unstable</strong>"))
        for group in ["NEW", "BROKEN TRUNK", "FLAKY", "UNSTABLE"] {
            #expect(html.contains("<span class=\"fg-title\">\(group)</span>"))
        }
        #expect(html.contains("<span class=\"chip error\">blocking</span>"))
        #expect(html.contains("<span class=\"chip warning\">fails on 2 of 2 backends</span>"))
        // Test names link to their history on the backend, and to the test across backends.
        #expect(html.contains("href=\"../../oot/acme/torch-npu/tests/ops.testops.test_new-"))
        #expect(html.contains("href=\"../../tests/ops.testops.test_new-"))
    }

    @Test func theCommentFollowsDrCIsShapeWithTheL4AndL3Split() async throws {
        let site = try await Self.scenario()
        let comment = try site.page("pr/5/comment.md")
        #expect(comment.contains("**2 new failures (1 blocking) · 1 broken trunk · 1 flaky · 1 unstable**"))
        let l4 = try #require(comment.range(of: "#### L4: blocking"))
        let l3 = try #require(comment.range(of: "#### CRCR (non-blocking): L3"))
        #expect(l4.lowerBound < l3.lowerBound)
        let l4Part = comment[l4.upperBound..<l3.lowerBound]
        #expect(l4Part.contains("**NEW** (1)"))
        #expect(l4Part.contains("**BROKEN TRUNK** (1)"))
        #expect(l4Part.contains("**FLAKY** (1)"))
        #expect(l4Part.contains("· **blocking** · fails on 2 of 2 backends"))
        #expect(
            l4Part.contains("failed on trunk at b222222 \\(trunk push, 2026\\-11\\-28 02\\:00 UTC\\)"),
            "without --site-url the evidence is named, not linked")
        #expect(!comment.contains("](<../"))
        let l3Part = comment[l3.upperBound...]
        #expect(l3Part.contains("**NEW** (1)"))
        #expect(l3Part.contains("**UNSTABLE** (1)"))
        #expect(!l3Part.contains("**blocking**"))
        #expect(comment.contains("No results yet for this head from registered L4 **quiet/torch\\-hxa**."))
        let printed = try await SiteBuilder.prComment(number: 5, options: site.options)
        #expect(printed == comment)
    }

    @Test func theDocumentValidatesAgainstItsJSONSchema() async throws {
        let site = try await Self.scenario()
        let documents = site.files(under: "pr").filter { $0.hasSuffix("index.json") }.map {
            site.output.appendingPathComponent("pr/" + $0).path
        }
        #expect(documents.count == 2)
        let run = try JSONSchemaCheck.validate(schema: "docs/api/pr-v1.schema.json", documents: documents)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func theTestPageAcrossBackendsShowsFailingSinceOverTrunkRuns() async throws {
        let site = try await Self.scenario()
        let across = try #require(
            site.files(under: "tests").first { $0.hasPrefix("ops.testops.test_trunk-") && $0.hasSuffix("/index.html") })
        let html = try site.page("tests/" + across)
        #expect(html.contains("ran on 1 backend · failing on trunk on 1"))
        #expect(html.contains("failing since b222222"))
        #expect(html.contains("never, in the reports kept"))
        let flaky = try #require(
            site.files(under: "tests").first { $0.hasPrefix("ops.testops.test_flaky-") && $0.hasSuffix("/index.html") })
        #expect(try site.page("tests/" + flaky).contains("at 1 SHA in 14 days"))
        // The backend's history page links to it.
        let history = try #require(
            site.files(under: "oot/acme/torch-npu/tests").first {
                $0.hasPrefix("ops.testops.test_trunk-") && $0.hasSuffix("/index.html")
            })
        #expect(
            try site.page("oot/acme/torch-npu/tests/" + history).contains(
                "href=\"../../../../../tests/\(across)\">this test on all backends"
            ))
    }
}

/// What is not a failure, and what the triage lists once.
@Suite struct TriageEdgeTests {
    typealias Job = SyntheticSite.Job

    @Test func aJobThatPassedIsNoFailureEvenWithFailingTestsInItsReport() async throws {
        let site = try await SyntheticSite.build([
            Job(
                pr: 9, conclusion: "success",
                junit: SyntheticSite.junit([("ops.T.test_a", "failure"), ("ops.T.test_b", "passed")]),
                testResults: (passed: 1, failed: 1, skipped: 0), checkRunID: 91)
        ])
        let data = try Data(contentsOf: site.output.appendingPathComponent("pr/9/index.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((doc["failures"] as? [Any])?.isEmpty == true)
        let html = try site.page("pr/9/index.html")
        #expect(html.contains("<strong>no failures</strong>"))
        #expect(html.contains("success, 1 test failed"), "the chip still says so")
    }

    @Test func aTestExecutedSeveralTimesInOneReportIsOneFailure() async throws {
        let site = try await SyntheticSite.build([
            Job(
                pr: 9, conclusion: "failure",
                junit: SyntheticSite.junit([
                    ("ops.T.test_a", "failure"), ("ops.T.test_a", "failure"), ("ops.T.test_a", "failure"),
                    ("ops.T.test_b", "failure"), ("ops.T.test_b", "passed"),
                ]), checkRunID: 92)
        ])
        let data = try Data(contentsOf: site.output.appendingPathComponent("pr/9/index.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let failures = try #require(doc["failures"] as? [[String: Any]])
        #expect(failures.map { $0["test"] as? String ?? "" } == ["ops.T.test_a", "ops.T.test_b"])
        #expect(failures.map { $0["classification"] as? String ?? "" } == ["new", "flaky"])
        #expect(
            (failures.last?["evidence"] as? [[String: Any]])?.first?["kind"] as? String == "passed_in_report")
    }

    @Test func aFailedJobWhoseReportCannotBeReadIsUnstable() async throws {
        let site = try await SyntheticSite.build([
            Job(pr: 9, conclusion: "failure", junit: "<html><body>502 Bad Gateway</body></html>", checkRunID: 93)
        ])
        let data = try Data(contentsOf: site.output.appendingPathComponent("pr/9/index.json"))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let failure = try #require((doc["failures"] as? [[String: Any]])?.first)
        #expect(failure["classification"] as? String == "unstable")
        #expect((failure["evidence"] as? [[String: Any]])?.first?["kind"] as? String == "unreadable_report")
        #expect(try site.page("pr/9/index.html").contains("the report could not be read"))
    }
}

/// Classifications move when trunk moves, on incremental builds too.
@Suite struct ReclassificationTests {
    typealias Job = SyntheticSite.Job

    /// The classification of PR 8's first failure in `site`'s `index.json`.
    func classification(_ site: SyntheticSite) throws -> String? {
        let data = try Data(contentsOf: site.output.appendingPathComponent("pr/8/index.json"))
        let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return ((doc?["failures"] as? [[String: Any]])?.first?["classification"]) as? String
    }

    @Test func aTrunkFailureArrivingLaterTurnsANewFailureIntoBrokenTrunk() async throws {
        let base = "b" + String(repeating: "4", count: 39)
        let site = try await SyntheticSite.build([
            Job(
                pr: 8, sha: "e" + String(repeating: "4", count: 39), hoursAgo: 2, conclusion: "failure",
                junit: SyntheticSite.junit([("ops.T.test_x", "failure")]), checkRunID: 81, baseSHA: base)
        ])
        #expect(try classification(site) == "new")
        // The trunk run at the PR's base reports after the PR's job: PR 8 itself did not change.
        let later = try await site.adding([
            Job(
                sha: base, hoursAgo: 3, conclusion: "failure",
                junit: SyntheticSite.junit([("ops.T.test_x", "failure")]),
                checkRunID: 82, push: true)
        ])
        #expect(!later.report.full)
        #expect(later.report.reason.contains("1 PRs reclassified after trunk runs"))
        #expect(try classification(later) == "broken_trunk")
    }

    @Test func threeOtherPRsReportingLaterTurnANewFailureIntoBrokenTrunk() async throws {
        let failing = SyntheticSite.junit([("ops.T.test_y", "failure")])
        let site = try await SyntheticSite.build([
            Job(
                pr: 8, sha: "e" + String(repeating: "5", count: 39), hoursAgo: 2, conclusion: "failure", junit: failing,
                checkRunID: 81)
        ])
        #expect(try classification(site) == "new")
        // Three other PRs, with three heads, failed the same test in the hours before PR 8's job;
        // their results arrive in the next build, which leaves PR 8 itself unchanged.
        let later = try await site.adding(
            (1...3).map { n in
                Job(
                    pr: n, sha: "\(n)" + String(repeating: "6", count: 39), hoursAgo: Double(2 + n),
                    conclusion: "failure", junit: failing, checkRunID: 90 + n)
            })
        #expect(!later.report.full)
        #expect(try classification(later) == "broken_trunk")
    }
}
