/// The older pages of a backend's PR matrix ("buckets"): PRs by sequence number.
///
/// The sequence number is the 1-based order of first appearance in the backend
/// (`site_backend_prs.seq`), `perPage` to a page, so a PR's older page never changes as new PRs
/// arrive (its URL `page/<bucket>/` is stable). A page lists the PRs of its bucket that are not
/// on the landing page (docs/paging.md).
///
/// The one place the formula lives on the Swift side; the saved queries `oot_backend_buckets` and
/// `oot_backend_bucket` get the page size as their `:per_page` parameter.
enum MatrixBucket {
    /// The bucket (1-based) of the PR with sequence number `seq`: 1 for `1…perPage`, 2 for the
    /// next `perPage`, and so on; 0 for a PR without a sequence number (`seq` ≤ 0).
    static func of(seq: Int64, perPage: Int64) -> Int {
        seq > 0 ? Int((seq - 1) / max(1, perPage)) + 1 : 0
    }
}
