/// Pages of the trunk grid `/oot/trunk/` one render item writes (issue 18): the landing page of
/// every view (``TrunkView``) and some older pages of every view, each with its `index.json`.
struct TrunkWork: Sendable, Equatable {
    /// Render the landing pages (`oot/trunk/`, `oot/trunk/l3/`, `oot/trunk/l2/`).
    var landing: Bool
    /// Older pages (buckets) to render, in every view.
    var buckets: [Int]

    /// Older pages per render item on a full build, so parallel workers share them.
    static let bucketsPerItem = 20
}
