import Foundation
import OOTCore
import OOTSite
import Testing

/// `comment.md` links (issue 15, item 11): absolute with `--site-url`; without it no link that
/// would break once posted on GitHub, and the build says so once.
@Suite struct CommentLinkTests {
    typealias Job = SyntheticSite.Job

    static let jobs = [
        Job(
            level: "L4", pr: 3, name: "shard-1", conclusion: "failure",
            junit: SyntheticSite.junit([("t.T.broken", "failure"), ("t.T.fine", "passed")]), checkRunID: 3101),
        Job(level: "L4", pr: 3, name: "build", conclusion: "failure", checkRunID: 3102),
    ]

    /// Every Markdown link target in `markdown` (`](<target>)`).
    static func targets(_ markdown: String) -> [String] {
        markdown.components(separatedBy: "](<").dropFirst().map { $0.components(separatedBy: ">)")[0] }
    }

    @Test func withoutASiteURLTheCommentLinksOnlyToGitHubAndTheBuildSaysSo() async throws {
        let site = try await SyntheticSite.build(Self.jobs)
        let comment = try site.page("pr/3/comment.md")
        let targets = Self.targets(comment)
        #expect(!targets.isEmpty, "the workflow runs stay linked")
        #expect(targets.allSatisfy { $0.hasPrefix("https://github.com/") }, "\(targets)")
        #expect(comment.contains("- **synth\\-org/torch\\-synth** synth\\-ci / shard\\-1: t\\.T\\.broken"))
        #expect(!comment.contains("Full results"))
        let notices = site.report.notices.filter { $0.contains("--site-url") }
        #expect(notices.count == 1, "\(site.report.notices)")
        #expect(notices.first?.hasPrefix("no --site-url: comment.md links only to GitHub runs") == true)
        // The PR page still previews the comment through cmark.
        let html = try site.page("pr/3/index.html")
        #expect(html.contains("<h3>Out-of-tree backends for PR #3 at aaaaaaa</h3>"))
        #expect(html.contains("<a href=\"https://github.com/synth-org/torch-synth/actions/runs/"))
        // A build that renders no PR page has nothing to say.
        let again = try await site.adding([])
        #expect(again.report.notices.filter { $0.contains("--site-url") }.isEmpty)
    }

    @Test func withASiteURLEveryLinkIsAbsolute() async throws {
        let site = try await SyntheticSite.build(Self.jobs) { $0.siteURL = "https://hud.example.org/oot-site" }
        let comment = try site.page("pr/3/comment.md")
        let targets = Self.targets(comment)
        #expect(
            targets.contains { $0.hasPrefix("https://hud.example.org/oot-site/oot/synth-org/torch-synth/job/3101/") })
        #expect(
            targets.allSatisfy {
                $0.hasPrefix("https://hud.example.org/oot-site/") || $0.hasPrefix("https://github.com/")
            },
            "\(targets)")
        #expect(comment.contains("[Full results](<https://hud.example.org/oot-site/pr/3/>)"))
        #expect(site.report.notices.filter { $0.contains("--site-url") }.isEmpty)
        // `pr-comment` prints the same file.
        var options = site.options
        options.siteURL = "https://hud.example.org/oot-site"
        #expect(try await SiteBuilder.prComment(number: 3, options: options) == comment)
    }

    @Test func aSiteURLThatIsNotHTTPIsRefusedWithANotice() async throws {
        #expect(SiteBuilder.siteURLNotice("https://hud.example.org/") == nil)
        #expect(
            SiteBuilder.siteURLNotice("javascript:alert(1)")?.hasPrefix("--site-url javascript:alert(1) is not") == true
        )
        let site = try await SyntheticSite.build(Self.jobs) { $0.siteURL = "hud.example.org" }
        #expect(Self.targets(try site.page("pr/3/comment.md")).allSatisfy { $0.hasPrefix("https://github.com/") })
        #expect(
            site.report.notices.contains { $0.hasPrefix("--site-url hud.example.org is not an absolute http(s) URL") })
    }
}
