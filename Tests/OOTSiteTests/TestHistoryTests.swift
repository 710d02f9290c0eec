import Foundation
import OOTCore
import OOTSite
import Testing

/// A test's history page (issue 15, item 13): an outcome strip, "failing since" over runs of one
/// kind only, and no column that repeats one value on every row.
@Suite struct TestHistoryTests {
    typealias Job = SyntheticSite.Job
    static let test = "test_ops.TestCommon.test_matmul"

    /// A run of the test on PR `pr` (or a trunk push when `pr` is nil) with `outcome`.
    static func run(_ pr: Int?, _ outcome: String, hoursAgo: Double, id: Int, attempt: Int = 1, sha: Character? = nil)
        -> Job
    {
        let digit = sha ?? Character("\(pr ?? 0)")
        return Job(
            pr: pr, sha: String(repeating: digit, count: 40), hoursAgo: hoursAgo, attempt: attempt,
            conclusion: outcome == "passed" ? "success" : "failure", junit: SyntheticSite.junit([(test, outcome)]),
            checkRunID: id, push: pr == nil)
    }

    static func page(_ site: SyntheticSite) throws -> String {
        let folder = try #require(
            site.files(under: "oot/synth-org/torch-synth/tests").first {
                $0.hasPrefix("test_ops.testcommon.test_matmul-") && $0.hasSuffix("/index.html")
            })
        return try site.page("oot/synth-org/torch-synth/tests/" + folder)
    }

    @Test func failingSinceNeverStringsUnrelatedPRsTogether() async throws {
        let site = try await SyntheticSite.build([
            Self.run(nil, "passed", hoursAgo: 12, id: 101, sha: "a"),
            Self.run(nil, "failure", hoursAgo: 10, id: 102, sha: "b"),
            Self.run(4, "failure", hoursAgo: 8, id: 401),
            Self.run(5, "failure", hoursAgo: 6, id: 501),
            Self.run(5, "error", hoursAgo: 4, id: 502, attempt: 2),
        ])
        let html = try Self.page(site)
        let facts = html.between("<dl class=\"facts\">", "</dl>")
        // PR #5's own runs, not back to PR #4 or trunk.
        #expect(
            facts.contains(
                "<dt>Failing since</dt><dd><a href=\"../../../../../pr/5/index.html\">PR #5</a> / SHA <span class=\"mono\">5555555</span> (2026-11-28 06:00 UTC) · <a href=\"../../job/501/index.html\">report</a> <span class=\"muted\">over the runs of PR #5</span></dd>"
            ))
        #expect(
            facts.contains(
                "<dt>On trunk</dt><dd><span class=\"chip error\">failing since</span> push / SHA <span class=\"mono\">bbbbbbb</span> (2026-11-28 02:00 UTC) · <a href=\"../../job/102/index.html\">report</a></dd>"
            ))
        #expect(facts.contains("<dt>Every execution</dt><dd>job synth-ci / test</dd>"))
        // The strip: one linked cell per execution, oldest left, newest right.
        let strip = html.between("<p class=\"outcome-strip\"", "</p>")
        #expect(strip.occurrences(of: "<a class=") == 5)
        let cells = strip.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(
            cells == [
                "../../job/101/index.html", "../../job/102/index.html#t-1", "../../job/401/index.html#t-1",
                "../../job/501/index.html#t-1", "../../job/502/index.html#t-1",
            ])
        #expect(strip.contains("title=\"error · PR #5 · 5555555 · 2026-11-28 08:00 UTC\""))
        // Columns that vary stay, the job (the same on every row) goes.
        let head = html.between("<thead>", "</thead>")
        #expect(head.contains(">PR / run</th>") && head.contains(">SHA</th>") && head.contains(">Attempt</th>"))
        #expect(!head.contains(">Job</th>"))
        #expect(html.between("<tbody>", "</tbody>").occurrences(of: "<tr>") == 5)
    }

    @Test func aTrunkStreakIsCountedOverTrunkRuns() async throws {
        let site = try await SyntheticSite.build([
            Self.run(nil, "passed", hoursAgo: 12, id: 101, sha: "a"),
            Self.run(3, "passed", hoursAgo: 11, id: 301),
            Self.run(nil, "failure", hoursAgo: 10, id: 102, sha: "b"),
            Self.run(4, "passed", hoursAgo: 9, id: 401),
            Self.run(nil, "failure", hoursAgo: 8, id: 103, sha: "c"),
        ])
        let facts = try Self.page(site).between("<dl class=\"facts\">", "</dl>")
        #expect(facts.contains("<dt>Failing since</dt><dd>push / SHA <span class=\"mono\">bbbbbbb</span>"))
        #expect(facts.contains("<span class=\"muted\">over trunk runs</span>"))
        #expect(!facts.contains("<dt>On trunk</dt>"), "the streak above is the trunk's")
        #expect(facts.contains("<dt>Every execution</dt><dd>job synth-ci / test · attempt 1</dd>"))
    }
}
