/// Dr.CI's labels for one failure on a PR's head SHA (docs/classification.md), as the
/// `classification` field of `/pr/<n>/index.json` spells them.
///
/// When several rules hold, ``precedence`` decides: flaky beats broken trunk, which beats
/// unstable, which beats new.
enum FailureClassification: String, Sendable, Codable, CaseIterable {
    /// Nothing else explains it: the failure the PR author must look at.
    case new
    /// The same test (or job) fails on the backend's trunk around the PR's base, or on several
    /// other PRs just before.
    case brokenTrunk = "broken_trunk"
    /// The same test (or job) also passed at one SHA: a rerun, another attempt, or recent history.
    case flaky
    /// Infrastructure, not code: cancelled, lost (no result for over 6 h), no conclusion, or a
    /// report that could not be read.
    case unstable

    /// Tie-break order, highest first: `flaky` (3) > `broken_trunk` (2) > `unstable` (1) > `new` (0).
    var precedence: Int {
        switch self {
        case .flaky: 3
        case .brokenTrunk: 2
        case .unstable: 1
        case .new: 0
        }
    }

    /// The word Dr.CI uses in its comment: `NEW`, `BROKEN TRUNK`, `FLAKY`, `UNSTABLE`.
    var headline: String {
        switch self {
        case .new: "NEW"
        case .brokenTrunk: "BROKEN TRUNK"
        case .flaky: "FLAKY"
        case .unstable: "UNSTABLE"
        }
    }

    /// Display order of the groups on the PR page and in `comment.md`: new, broken trunk, flaky,
    /// unstable.
    static let displayOrder: [FailureClassification] = [.new, .brokenTrunk, .flaky, .unstable]
}
