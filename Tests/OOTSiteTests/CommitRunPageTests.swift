import Foundation
import OOTCore
import OOTSite
import Testing

/// The demo's runs on upstream commits (spec §14.3): trunk runs on pushes to main, a nightly
/// report sent with `started_at: null`, and a periodic run that completed with no conclusion.
@Suite struct CommitRunPageTests {
    static let push1 = "091330f2a6b0c859f1def6ba06df4422a8a31b97"
    static let push2 = "bbd73a943914c0c50602d885c0790b219f6d8999"

    @Test func aPushRunShowsOnTheTrunkTabUnderItsCommit() async throws {
        let site = try await DemoSite.shared()
        let landing = try site.page("oot/acme-silicon/torch-npu/index.html")
        #expect(landing.contains(#"<a href="trunk/index.html">Trunk</a>"#))
        let trunk = try site.page("oot/acme-silicon/torch-npu/trunk/index.html")
        let rows = trunk.between("<table class=\"matrix\">", "</table>").between("<tbody>", "</tbody>").components(
            separatedBy: "<tr>"
        ).dropFirst()
        #expect(rows.count == 5, "one row per pushed commit")
        // Newest first: push 5 (still running), then 4, 3 and 2, whose float32 tests fail.
        #expect(rows.first?.contains(">41ae7d8</a>") == true)
        let second = try #require(rows.dropFirst(3).first)
        #expect(second.contains("https://github.com/pytorch/pytorch/commit/\(Self.push2)"))
        #expect(second.contains(">bbd73a9</a>"))
        #expect(second.contains("Add torch.accelerator.memory_stats for PrivateUse1 (#188801)"))
        #expect(second.contains("albanD"))
        #expect(second.contains(">X</a>"))
        #expect(rows.last?.contains(Self.push1) == true)
        #expect(trunk.contains("<th class=\"run\" scope=\"col\" rowspan=\"2\">Commit</th>"))
        // No PR page gets a push run, and no PR matrix row has SHA of a push.
        #expect(!landing.contains(Self.push2))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(try site.page("oot/acme-silicon/torch-npu/trunk/index.json").utf8)) as? [String: Any]
        let matrix = json?["matrix"] as? [String: Any]
        #expect(
            (matrix?["rows"] as? [[String: Any]])?.dropFirst(3).first?["shaHref"] as? String
                == "https://github.com/pytorch/pytorch/commit/\(Self.push2)")
    }

    @Test func theSummaryCountsPushRunsAsTrunkNotAsPRJobs() async throws {
        let site = try await DemoSite.shared()
        let html = try site.page("oot/index.html")
        let table = html.between("Runs on upstream commits", "</table>")
        #expect(table.contains(#"<span class="kind kind-trunk">trunk</span>"#))
        // The PR tables still count the 53 PR jobs only.
        #expect(html.contains("<div class=\"card-label\">Jobs</div><div class=\"card-value\">53</div>"))
        #expect(html.between("L4 Backends", "</table>").contains(#"<a class="kind kind-trunk" href="#))
    }

    @Test func aNightlyRunSentWithoutStartedAtShowsWithAnUnknownDuration() async throws {
        let site = try await DemoSite.shared()
        let nightly = try site.page("oot/acme-silicon/torch-npu/nightly/index.html")
        let rows = nightly.between("<table class=\"matrix\">", "</table>").between("<tbody>", "</tbody>").components(
            separatedBy: "<tr>"
        ).dropFirst()
        #expect(rows.count == 2)
        let nullStart = try #require(rows.first { $0.contains("896c599") })
        #expect(nullStart.contains("duration unknown"))
        #expect(nullStart.contains("2026-11-27 05:40 UTC"), "placed at its completion time")
    }

    @Test func aCompletedRunWithNoConclusionHasItsOwnGlyphAndWord() async throws {
        let site = try await DemoSite.shared()
        let periodic = try site.page("oot/openxpu/pytorch-xpu/periodic/index.html")
        let cell = periodic.between("<table class=\"matrix\">", "</table>").between("<tbody>", "</tbody>")
        #expect(cell.contains("aria-label=\"no conclusion\n52m 0s\">~</a>"))
        // Never a success: the pass rate is 0 of 1.
        #expect(periodic.contains("0 / 1 runs passed"))
        #expect(periodic.contains("<div class=\"card-label\">Failed runs</div><div class=\"card-value\">0</div>"))
    }

    @Test func aNoConclusionJobIsNeitherPassedNorFailed() {
        #expect(Format.conclusionLabel(status: "completed", conclusion: nil) == "no conclusion")
        #expect(Format.glyph(status: "completed", conclusion: nil) == "~")
        #expect(Format.conclusionLabel(status: "in_progress", conclusion: nil) == "running")
        #expect(Format.conclusionClass(status: "completed", conclusion: nil) == "default")
    }
}
