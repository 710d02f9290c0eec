import OOTCore

/// The pager of a backend's matrix: "Latest" (the landing page, PRs by latest activity), then
/// the older pages.
///
/// Older pages are fixed buckets of PRs by order of first appearance (bucket 1 holds the first
/// 50 PRs the backend ever ran on), so their URLs and contents never shift as new PRs arrive.
/// Long pagers keep the newest three, the oldest two and the neighbours of the current page,
/// with `…` between.
struct Pagination: Sendable, Encodable {
    /// One pager entry; `href` is `nil` for a gap.
    struct Entry: Sendable, Encodable {
        let label: String
        let href: String?
        let current: Bool
    }

    let pages: [Entry]
    /// The newer page (or the landing page).
    let newer: String?
    /// The older page.
    let older: String?
    let hasPages: Bool
    /// The landing page.
    let latest: String

    /// The pager for `current` (`nil` = the landing page) among the older pages `buckets`
    /// (newest first; after a prune the oldest numbers may be gone).
    init(current: Int?, buckets: [Int], links: PageLinks, home: String) {
        func href(_ bucket: Int) -> String { links.page(BackendPage.bucketDirectory(home: home, bucket: bucket)) }
        hasPages = buckets.count > 1
        latest = links.page(home)
        guard buckets.count > 1 else {
            pages = []
            newer = nil
            older = nil
            return
        }
        let position = current.flatMap { buckets.firstIndex(of: $0) }
        var shown: Set<Int> = [0, 1, 2, buckets.count - 2, buckets.count - 1]
        if let position { shown.formUnion([position - 1, position, position + 1]) }
        var entries = [Entry(label: "Latest", href: links.page(home), current: current == nil)]
        var previous = -1
        for index in shown.filter({ buckets.indices.contains($0) }).sorted() {
            if index > previous + 1 { entries.append(Entry(label: "…", href: nil, current: false)) }
            entries.append(
                Entry(label: "\(buckets[index])", href: href(buckets[index]), current: buckets[index] == current))
            previous = index
        }
        pages = entries
        if let position {
            newer = position == 0 ? links.page(home) : href(buckets[position - 1])
            older = position + 1 < buckets.count ? href(buckets[position + 1]) : nil
        } else {
            newer = nil
            older = href(buckets[0])
        }
    }
}
