import OOTCore

/// The pager of a backend's matrix: "Latest" (the landing page, PRs by latest activity), then
/// the older pages, newest first (docs/paging.md).
///
/// Older pages are fixed buckets of PRs by order of first appearance (bucket 1 holds the first
/// 50 PRs the backend ever ran on), so their URLs never shift as new PRs arrive; each lists the
/// PRs of its bucket that are not on the landing page. The pager links only the pages that list
/// at least one PR, so "Older ›" from the landing page and on down shows every PR once.
struct Pagination: Sendable, Encodable {
    /// One pager entry; `href` is `nil` for a gap.
    struct Entry: Sendable, Encodable {
        let label: String
        let href: String?
        let current: Bool
    }

    /// Which pages a pager shows, as bucket numbers: what an older page's pager depends on, so
    /// the plan can tell which older pages a change of the listed pages touches.
    struct Layout: Sendable, Equatable {
        /// Entries in order: ``latest`` for the landing page, a bucket, or `nil` for a gap.
        let entries: [Int?]
        /// The newer page (``latest`` for the landing page); `nil` on the landing page.
        let newer: Int?
        /// The next older page that lists PRs; `nil` on the oldest.
        let older: Int?

        /// The landing page in ``entries`` and ``newer``.
        static let latest = 0

        /// The pager of `current` (`nil` = the landing page), given the older pages that list
        /// PRs, `listed` (newest first).
        ///
        /// The landing page shows the newest three and the oldest two; an older page shows its
        /// neighbours and the oldest, but not the newest (Latest is there), so a page far from
        /// the newest never changes when the newest pages fill up or empty.
        init(current: Int?, listed: [Int]) {
            guard let current else {
                let shown = Set([0, 1, 2, listed.count - 2, listed.count - 1]).filter { listed.indices.contains($0) }
                entries = [Self.latest] + Self.withGaps(listed, shown: shown)
                newer = nil
                older = listed.first
                return
            }
            let all = Set(listed).union([current]).sorted(by: >)
            let position = all.firstIndex(of: current)!
            let shown = Set([position - 1, position, position + 1, all.count - 1]).filter { all.indices.contains($0) }
            entries = [Self.latest] + (shown.contains(0) ? [] : [nil]) + Self.withGaps(all, shown: shown)
            newer = position > 0 ? all[position - 1] : Self.latest
            older = position + 1 < all.count ? all[position + 1] : nil
        }

        /// The shown positions of `pages` in order, with a gap where positions are skipped.
        private static func withGaps(_ pages: [Int], shown: Set<Int>) -> [Int?] {
            var out: [Int?] = []
            var previous: Int?
            for index in shown.sorted() {
                if let previous, index > previous + 1 { out.append(nil) }
                out.append(pages[index])
                previous = index
            }
            return out
        }
    }

    let pages: [Entry]
    /// The newer page (or the landing page).
    let newer: String?
    /// The older page.
    let older: String?
    let hasPages: Bool
    /// The landing page.
    let latest: String

    /// The pager for `current` (`nil` = the landing page) among the older pages that list PRs,
    /// `listed` (newest first; after a prune the oldest numbers may be gone).
    init(current: Int?, listed: [Int], links: PageLinks, home: String) {
        func href(_ bucket: Int) -> String {
            bucket == Layout.latest
                ? links.page(home) : links.page(BackendPage.bucketDirectory(home: home, bucket: bucket))
        }
        latest = links.page(home)
        hasPages = current != nil || !listed.isEmpty
        guard hasPages else {
            pages = []
            newer = nil
            older = nil
            return
        }
        let layout = Layout(current: current, listed: listed)
        pages = layout.entries.map { entry in
            guard let entry else { return Entry(label: "…", href: nil, current: false) }
            return Entry(
                label: entry == Layout.latest ? "Latest" : "\(entry)", href: href(entry),
                current: entry == (current ?? Layout.latest))
        }
        newer = layout.newer.map(href)
        older = layout.older.map(href)
    }
}
