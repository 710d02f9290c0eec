import Foundation
import OOTCore
import OOTSite
import Testing

/// The matrix's headers, titles, tooltips and glyphs (issue 15 items 2–4).
@Suite struct MatrixCellTests {
    typealias Job = SyntheticSite.Job
    static let backend = "oot/synth-org/torch-synth/"
    static let longJob = "test-shard-3-of-4 (distributed, linux.kunlun.8xlarge)"
    static let longTitle = "[inductor] A pull request title far longer than the Commit column is wide, with more words"

    @Test func headersTitlesAndTooltipsNameTheJobAndThePRInFull() async throws {
        var long = Job(pr: 42, name: Self.longJob, checkRunID: 4201)
        long.workflow = "kunlun-ci"
        var build = Job(pr: 42, name: "build", hoursAgo: 2, checkRunID: 4202)
        build.workflow = "kunlun-inductor"
        let site = try await SyntheticSite.build([long, build])
        var html = try site.page(Self.backend + "index.html")
        // The whole job name in its header, the workflow over its jobs.
        #expect(
            html.contains(
                "<th class=\"jobcol\" scope=\"col\" title=\"kunlun-ci / \(Self.longJob)\"><span>\(Self.longJob)</span></th>"
            ))
        #expect(
            html.contains(
                "<th class=\"wf\" scope=\"colgroup\" colspan=\"1\" title=\"kunlun-ci\"><span>kunlun-ci</span></th>"))
        // hud.js puts the job (the column header) and the PR (the row header) before each cell's
        // tooltip and screen-reader text: the job cells are the row's last cells, one per header.
        #expect(
            html.contains(
                "<th class=\"pr\" scope=\"row\"><a href=\"https://github.com/pytorch/pytorch/pull/42\">#42</a></th>"))
        let row = html.between("<table class=\"matrix\">", "</table>").between("<tbody>", "</tbody>").between(
            "<tr>", "</tr>")
        #expect(row.hasSuffix("aria-label=\"success\n20m 0s · queue 10s\">O</a></td>"), "\(row)")
        #expect(html.occurrences(of: "<th class=\"jobcol\"") == 2)
        // The SHA links to the upstream commit.
        #expect(
            html.contains(
                "<td class=\"sha mono\"><a href=\"https://github.com/pytorch/pytorch/commit/\(String(repeating: "a", count: 40))\" title=\"upstream commit\">aaaaaaa</a></td>"
            ))

        // A long commit title keeps its full text in `title`.
        var titled = Job(pr: 43, hoursAgo: 3, checkRunID: 4301)
        titled.title = Self.longTitle
        html = try await site.adding([titled]).page(Self.backend + "index.html")
        #expect(
            html.contains("<td class=\"commit\"><a href=\"../../../pr/43/index.html\" title=\"\(Self.longTitle)\">"))
    }

    @Test func aSuccessWhoseReportCountsFailedTestsHasItsOwnGlyph() async throws {
        let site = try await SyntheticSite.build([
            Job(pr: 7, name: "masked", testResults: (passed: 97, failed: 3, skipped: 0), checkRunID: 7201),
            Job(pr: 7, name: "clean", testResults: (passed: 100, failed: 0, skipped: 0), checkRunID: 7202),
        ])
        let html = try site.page(Self.backend + "index.html")
        let body = html.between("<table class=\"matrix\">", "</table>").between("<tbody>", "</tbody>")
        #expect(body.contains("aria-label=\"success, 3 tests failed\n"))
        #expect(body.contains("class=\"gw\""))
        #expect(body.contains(">!</a></td>"))
        #expect(body.contains("aria-label=\"success\n"))
        #expect(body.occurrences(of: "class=\"gs\"") == 1, "the clean success stays a green O")
        #expect(html.contains("<span class=\"gw\">!</span> success, but its own test report counts failed tests"))
    }
}
