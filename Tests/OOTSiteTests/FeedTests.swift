import Foundation
import OOTCore
import OOTSite
import Testing

/// The Atom feeds (issue 15, item 10): state changes over trunk runs, or over the majority of a
/// backend's last PRs when it has no trunk runs; newest first; valid XML with URI ids; one for
/// every backend at `/oot/feed.xml`.
@Suite struct FeedTests {
    typealias Job = SyntheticSite.Job
    static let feed = "oot/synth-org/torch-synth/feed.xml"

    /// A trunk push of `job` at `sha` (one hex digit repeated), `hoursAgo`.
    static func push(_ digit: Character, _ hoursAgo: Double, _ conclusion: String, id: Int, name: String = "test")
        -> Job
    {
        Job(
            sha: String(repeating: digit, count: 40), name: name, hoursAgo: hoursAgo, conclusion: conclusion,
            checkRunID: id, push: true)
    }

    /// A run of `job` on PR `pr` (its own SHA), `hoursAgo`.
    static func pr(_ pr: Int, _ hoursAgo: Double, _ conclusion: String, id: Int, name: String = "test") -> Job {
        Job(
            pr: pr, sha: String(format: "%040d", pr), name: name, hoursAgo: hoursAgo, conclusion: conclusion,
            checkRunID: id)
    }

    /// The `<entry>` blocks of a feed, in document order.
    static func entries(_ feed: String) -> [String] {
        feed.components(separatedBy: "<entry>").dropFirst().map { $0.components(separatedBy: "</entry>")[0] }
    }

    /// Checks what every feed must be: well-formed XML, entries newest first, ids that are URIs.
    static func expectValid(_ feed: String) {
        #expect(MarkupCheck.xmlProblems(feed).isEmpty, "\(MarkupCheck.xmlProblems(feed).prefix(3))")
        let updated = entries(feed).map { $0.between("<updated>", "</updated>") }
        #expect(updated == updated.sorted(by: >), "newest first: \(updated)")
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/,%")
        for id in feed.components(separatedBy: "<id>").dropFirst().map({ $0.components(separatedBy: "</id>")[0] }) {
            #expect(id.hasPrefix("tag:oot-hud,2026:"), "\(id)")
            #expect(id.allSatisfy(unreserved.contains), "not a URI: \(id)")
            #expect(URL(string: id) != nil, "\(id)")
        }
    }

    @Test func oneFailingPROnABackendWithGreenTrunkMakesNoEntry() async throws {
        let site = try await SyntheticSite.build([
            Self.push("1", 10, "success", id: 101), Self.push("2", 6, "success", id: 102),
            Self.push("3", 2, "success", id: 103),
            Self.pr(7, 8, "success", id: 201), Self.pr(8, 5, "failure", id: 202), Self.pr(9, 3, "success", id: 203),
        ])
        let feed = try site.page(Self.feed)
        Self.expectValid(feed)
        #expect(Self.entries(feed).isEmpty, "PR runs never change a trunk backend's state")
        #expect(Self.entries(try site.page("oot/feed.xml")).isEmpty)
    }

    @Test func trunkStateChangesAreEntriesNewestFirstWithURIIds() async throws {
        let name = "test (shard 1/2)"
        let site = try await SyntheticSite.build([
            Self.push("1", 10, "success", id: 101, name: name), Self.push("2", 8, "failure", id: 102, name: name),
            Self.push("3", 6, "failure", id: 103, name: name), Self.push("4", 4, "success", id: 104, name: name),
            Self.push("5", 2, "timed_out", id: 105, name: name),
            // A PR failing in between changes nothing.
            Self.pr(7, 5, "failure", id: 201, name: name),
        ])
        let feed = try site.page(Self.feed)
        Self.expectValid(feed)
        let titles = Self.entries(feed).map { $0.between("<title>", "</title>") }
        #expect(
            titles == [
                "synth-ci / test (shard 1/2) newly failing on trunk at 5555555 (trunk push)",
                "synth-ci / test (shard 1/2) recovered on trunk at 4444444 (trunk push)",
                "synth-ci / test (shard 1/2) newly failing on trunk at 2222222 (trunk push)",
            ])
        #expect(
            feed.contains(
                "<id>tag:oot-hud,2026:synth-org/torch-synth/trunk/push/\(String(repeating: "5", count: 40))/synth-ci/test%20%28shard%201%2F2%29/fail</id>"
            ))
        #expect(Self.entries(feed)[0].contains("it was passing at 4444444 (trunk push, 2026-11-28 08:00 UTC)"))
        // Without a drill-down the entry links to the trunk tab.
        #expect(
            Self.entries(feed)[0].contains("<link rel=\"alternate\" type=\"text/html\" href=\"trunk/index.html\"/>"))

        // The global feed holds the same changes, named by backend, linked from the summary.
        let global = try site.page("oot/feed.xml")
        Self.expectValid(global)
        #expect(
            Self.entries(global).map { $0.between("<title>", "</title>") }
                == titles.map { "synth-org/torch-synth: " + $0 })
        #expect(global.contains("href=\"synth-org/torch-synth/trunk/index.html\"/>"))
        for summary in ["oot/index.html", "oot/24h/index.html", "oot/30d/index.html"] {
            let html = try site.page(summary)
            let href = summary == "oot/index.html" ? "feed.xml" : "../feed.xml"
            #expect(
                html.contains(
                    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"OOT CI state changes, all backends\" href=\"\(href)\">"
                ), "\(summary)")
        }
    }

    @Test func withoutTrunkRunsAJobsStateIsTheMajorityOfItsLastFivePRs() async throws {
        // pass, pass, FAIL, pass, FAIL, FAIL, FAIL: the majority turns at PR #6 (3 of the last 5).
        let outcomes = ["success", "success", "failure", "success", "failure", "failure", "failure"]
        let site = try await SyntheticSite.build(
            outcomes.enumerated().map { i, conclusion in
                Self.pr(i + 1, Double(20 - 2 * i), conclusion, id: 300 + i, name: "build")
            })
        let feed = try site.page(Self.feed)
        Self.expectValid(feed)
        let entries = Self.entries(feed)
        #expect(entries.count == 1, "\(entries.map { $0.between("<title>", "</title>") })")
        #expect(
            entries.first?.contains("<title>synth-ci / build failing on most PRs (3 of the last 5 failed)</title>")
                == true)
        #expect(entries.first?.contains("#2 passed, #3 failed, #4 passed, #5 failed, #6 failed") == true)
        #expect(
            entries.first?.contains("<id>tag:oot-hud,2026:synth-org/torch-synth/pr/6/synth-ci/build/fail</id>") == true)

        // One failing PR among passing ones never flips it.
        let quiet = try await SyntheticSite.build(
            ["success", "success", "failure", "success", "success", "failure", "success"].enumerated().map {
                i, conclusion in Self.pr(i + 1, Double(20 - 2 * i), conclusion, id: 400 + i, name: "build")
            })
        #expect(Self.entries(try quiet.page(Self.feed)).isEmpty)
    }
}
