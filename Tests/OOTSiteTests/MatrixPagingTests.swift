import Foundation
import OOTCore
import Testing

@testable import OOTSite

/// Paging a backend's matrix (issue 15 item 1, docs/paging.md): from the landing page, "Older ›"
/// shows every PR exactly once, each page in the order its heading states, with the tabs on
/// every page; an incremental build re-renders only the older pages whose rows or pager change.
@Suite struct MatrixPagingTests {
    typealias Job = SyntheticSite.Job
    static let backend = "oot/synth-org/torch-synth/"
    static let pairs: @Sendable (inout BuildOptions) -> Void = { $0.prsPerPage = 2 }

    /// PR `n`, first run `50 - n` hours ago (newer PRs later).
    static func pr(_ n: Int, hoursAgo: Double? = nil, attempt: Int = 1, checkRunID: Int? = nil) -> Job {
        Job(
            pr: n, sha: String(repeating: "\(n % 10)", count: 40), hoursAgo: hoursAgo ?? Double(50 - n),
            attempt: attempt, checkRunID: checkRunID ?? (600 + n))
    }

    /// One page of the chain: its path, heading and PR rows in order.
    struct Page {
        let path: String
        let heading: String
        let prs: [Int]
        let html: String
    }

    /// The landing page, then each page its "Older ›" link leads to, to the end.
    static func chain(_ site: SyntheticSite) throws -> [Page] {
        var pages: [Page] = []
        var path: String? = backend + "index.html"
        while let current = path, pages.count < 50 {
            let html = try site.page(current)
            let prs = html.matches(#"<th class="pr" scope="row"><a href="[^"]*">#(\d+)</a>"#).compactMap { Int($0) }
            pages.append(Page(path: current, heading: html.between("<h2>Pull requests", "</h2>"), prs: prs, html: html))
            path = html.matches(#"<a href="([^"]+)" rel="next">Older ›</a>"#).first.map {
                URL(fileURLWithPath: "/" + current).deletingLastPathComponent().appendingPathComponent($0)
                    .standardizedFileURL.path.dropFirst().description
            }
        }
        return pages
    }

    @Test func olderPagesShowEveryPROnceInTheStatedOrderWithTheTabs() async throws {
        // Buckets of two by first appearance: 1 = #1 #2, 2 = #3 #4, 3 = #5 #6, 4 = #7 #8, 5 = #9.
        // The landing page holds the two latest (#9, #8), so bucket 5 has nothing left to list.
        var nightly = Job(pr: nil, sha: String(repeating: "f", count: 40), hoursAgo: 3, checkRunID: 699)
        nightly.workflow = "nightly"
        let site = try await SyntheticSite.build((1...9).map { Self.pr($0) } + [nightly], configure: Self.pairs)
        let pages = try Self.chain(site)
        #expect(
            pages.map(\.path).map { $0.replacingOccurrences(of: Self.backend, with: "") } == [
                "index.html", "page/4/index.html", "page/3/index.html", "page/2/index.html", "page/1/index.html",
            ])
        #expect(pages.map(\.prs) == [[9, 8], [7], [6, 5], [4, 3], [2, 1]])
        #expect(pages.flatMap(\.prs).sorted() == Array(1...9), "every PR exactly once")
        #expect(pages[0].heading.contains("(latest activity first)"))
        for page in pages.dropFirst() {
            #expect(page.heading.contains("first reported"), "\(page.path)")
            #expect(page.heading.contains("newest first"), "\(page.path)")
            #expect(page.html.contains(">Nightly</a>"), "\(page.path): the tabs on every page")
            #expect(page.html.contains("<th class=\"time\" scope=\"col\" rowspan=\"2\">First run</th>"))
        }
        #expect(pages[0].html.contains(">Nightly</a>"))
        #expect(pages[0].html.contains("<th class=\"time\" scope=\"col\" rowspan=\"2\">Last activity</th>"))
        // Page 4 lists #7 and says #8 is on the landing page; page 5 still answers.
        #expect(pages[1].html.contains("1 more PR of this page had activity lately: it is on the latest page."))
        let five = try site.page(Self.backend + "page/5/index.html")
        #expect(five.contains("No PR left on this page"))
        #expect(five.contains("The PR of this page had activity lately: it is on the latest page."))
        #expect(five.contains("<span class=\"muted small\">(no PR left)</span>"))
        #expect(!pages[0].html.contains("page/5/index.html"), "an empty page is not in the pager")
        #expect(pages[4].html.contains("<a href=\"../2/index.html\" rel=\"prev\">‹ Newer</a>"))
        #expect(pages[1].html.contains("<a href=\"../../index.html\" rel=\"prev\">‹ Newer</a>"))

        // A rerun makes #3 the latest but one, and a new PR #10 the latest: #9 and #8 leave the
        // landing page for their pages (5 and 4), #3 leaves page 2. Page 3's pager changes (a
        // newer page appeared above it); page 1 does not change at all.
        let untouched = try site.modified(Self.backend + "page/1/index.html")
        let next = try await site.adding(
            [Self.pr(3, hoursAgo: 1, attempt: 2, checkRunID: 703), Self.pr(10, hoursAgo: 0.5)], configure: Self.pairs)
        #expect(!next.report.full, "\(next.report.reason)")
        let after = try Self.chain(next)
        #expect(after.map(\.prs) == [[10, 3], [9], [8, 7], [6, 5], [4], [2, 1]])
        #expect(after.flatMap(\.prs).sorted() == Array(1...10), "every PR exactly once")
        #expect(next.report.pages["backend"] == 5, "landing and pages 5, 4, 3, 2")
        #expect(try next.modified(Self.backend + "page/1/index.html") == untouched, "page 1 was not rewritten")

        let full = try await IncrementalTests.fullBuildTree(of: next)
        let incremental = IncrementalTests.tree(next.output)
        let differing = full.keys.filter { incremental[$0] != full[$0] }.sorted()
        #expect(differing == [], "pages the incremental build left stale")
    }

    @Test func theLandingPagerLinksOnlyPagesThatListPRs() {
        let landing = Pagination.Layout(current: nil, listed: [9, 8, 7, 6, 5, 4, 3, 2, 1])
        #expect(landing.entries == [0, 9, 8, 7, nil, 2, 1])
        #expect(landing.older == 9 && landing.newer == nil)
        let middle = Pagination.Layout(current: 5, listed: [9, 8, 7, 6, 5, 4, 3, 2, 1])
        #expect(middle.entries == [0, nil, 6, 5, 4, nil, 1])
        #expect(middle.newer == 6 && middle.older == 4)
        // An older page far from the newest ignores whether the newest bucket lists PRs.
        #expect(
            Pagination.Layout(current: 3, listed: [9, 8, 7, 6, 5, 4, 3, 2, 1])
                == Pagination.Layout(current: 3, listed: [8, 7, 6, 5, 4, 3, 2, 1]))
        // An empty page (not listed) shows itself between its listed neighbours.
        let empty = Pagination.Layout(current: 9, listed: [8, 7, 1])
        #expect(empty.entries == [0, 9, 8, nil, 1] && empty.newer == 0 && empty.older == 8)
    }
}

extension String {
    /// The first capture group of every match of `pattern`.
    func matches(_ pattern: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap {
            Range($0.range(at: 1), in: self).map { String(self[$0]) }
        }
    }
}
