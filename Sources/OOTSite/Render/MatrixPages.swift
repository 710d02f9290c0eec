/// What a backend's PR matrix shows across its pages: the PRs on the landing page (each with the
/// older page it belongs to), the older pages that list PRs, and the older pages that exist.
///
/// The trunk grid is paged the same way, with upstream commits keyed by their sequence number in
/// place of PR numbers (docs/trunk.md).
///
/// The published build keeps it in its state (``SitePublisher/State``), so the next incremental
/// build re-renders only the older pages whose rows or pager change (docs/paging.md).
struct MatrixPages: Codable, Sendable, Equatable {
    /// The PRs on the landing page: PR number → bucket (``MatrixBucket``).
    var landing: [Int: Int]
    /// The older pages that list at least one PR (those of their bucket not on the landing page),
    /// newest first: the pager's pages.
    var listed: [Int]
    /// Every bucket that holds a PR, newest first.
    ///
    /// Older pages exist only when there are two or more (with one, every PR is on the landing
    /// page).
    var buckets: [Int]

    /// From the saved queries `oot_backend_landing` and `oot_backend_buckets`.
    init(landing: [OotBackendLandingRow], buckets: [OotBackendBucketsRow], perPage: Int64) {
        self.landing = Dictionary(
            landing.map { (Int($0.prNumber), MatrixBucket.of(seq: $0.seq, perPage: perPage)) },
            uniquingKeysWith: { a, _ in a })
        self.buckets = buckets.map { Int($0.bucket) }
        listed = Self.listed(buckets.map { (bucket: $0.bucket, listed: $0.listed) })
    }

    /// From the saved queries `oot_trunk_landing` and `oot_trunk_buckets` (the trunk grid: keys
    /// are the commits' sequence numbers).
    init(trunkLanding landing: [OotTrunkLandingRow], buckets: [OotTrunkBucketsRow], perPage: Int64) {
        self.landing = Dictionary(
            landing.map { (Int($0.seq), MatrixBucket.of(seq: $0.seq, perPage: perPage)) },
            uniquingKeysWith: { a, _ in a })
        self.buckets = buckets.map { Int($0.bucket) }
        listed = Self.listed(buckets.map { (bucket: $0.bucket, listed: $0.listed) })
    }

    /// The older pages the pager links, newest first: those that list a row (of their bucket, the
    /// rows not on the landing page), from the buckets (newest first) and how many rows each
    /// lists; none with a single bucket, whose rows are all on the landing page (docs/paging.md).
    static func listed(_ buckets: [(bucket: Int64, listed: Int64)]) -> [Int] {
        buckets.count > 1 ? buckets.filter { $0.listed > 0 }.map { Int($0.bucket) } : []
    }

    /// Whether the backend has older pages (two buckets or more).
    var hasOlderPages: Bool { buckets.count > 1 }

    /// The older pages that must be rendered again since `previous` (what the published site
    /// shows), or `nil` for all of them.
    ///
    /// A page changes when it appears, when one of its PRs moves on or off the landing page,
    /// when one of its listed PRs changed (`changed`: PR number → bucket, from the change set and
    /// the newly lost jobs), or when its pager does (``Pagination/Layout``).
    func bucketsToRender(since previous: MatrixPages?, changed: [Int64: Int]) -> Set<Int>? {
        guard hasOlderPages else { return [] }
        guard let previous, previous.hasOlderPages else { return nil }
        var out = Set(buckets).subtracting(previous.buckets)
        for (pr, bucket) in landing where previous.landing[pr] == nil { out.insert(bucket) }
        for (pr, bucket) in previous.landing where landing[pr] == nil { out.insert(bucket) }
        for (pr, bucket) in changed where landing[Int(pr)] == nil { out.insert(bucket) }
        if listed != previous.listed {
            for bucket in buckets
            where Pagination.Layout(current: bucket, listed: listed)
                != Pagination.Layout(current: bucket, listed: previous.listed)
            {
                out.insert(bucket)
            }
        }
        return out.intersection(buckets)
    }
}
