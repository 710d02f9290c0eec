/// The failures of one classification on the PR page and in `comment.md` (NEW, BROKEN TRUNK,
/// FLAKY, UNSTABLE), with what the label means for the PR's author.
struct FailureGroup: Sendable, Encodable {
    /// The classification's raw value (`broken_trunk`), also the group's CSS hook.
    let key: String
    /// `NEW`, `BROKEN TRUNK`, `FLAKY` or `UNSTABLE`.
    let title: String
    /// What the label means for the author, one sentence.
    let meaning: String
    let items: [FailureItem]
    let count: Int
    /// Shown expanded: NEW always, the others when short.
    let open: Bool

    /// The group of `classification` from `items` (all of that classification).
    init(_ classification: FailureClassification, items: [FailureItem]) {
        key = classification.rawValue
        title = classification.headline
        meaning = Self.meaning(classification)
        self.items = items
        count = items.count
        open = classification == .new || items.count <= 5
    }

    /// What each label tells the author (docs/classification.md).
    static func meaning(_ classification: FailureClassification) -> String {
        switch classification {
        case .new:
            "Not failing on trunk and not seen passing: probably caused by this PR."
        case .brokenTrunk:
            "Also failing on the backend's trunk around this PR's base, or on 3 or more other PRs: not this PR. Rebasing onto a green main clears it."
        case .flaky:
            "Also passed at one SHA (another attempt, a rerun in the report, or recent history): not this PR."
        case .unstable:
            "Cancelled, lost or unreadable: infrastructure, not code. Rerun the job."
        }
    }

    /// `2 new failures (1 blocking) · 3 broken trunk · 1 flaky · 1 unstable`, or `no failures`.
    static func headline(_ failures: [ClassifiedFailure]) -> String {
        var parts: [String] = []
        let new = failures.filter { $0.classification == .new }
        if !new.isEmpty {
            let blocking = new.filter(\.blocking).count
            parts.append(
                "\(new.count) new failure\(new.count == 1 ? "" : "s")" + (blocking > 0 ? " (\(blocking) blocking)" : "")
            )
        }
        for classification in [FailureClassification.brokenTrunk, .flaky, .unstable] {
            let n = failures.filter { $0.classification == classification }.count
            if n > 0 { parts.append("\(n) \(classification.headline.lowercased())") }
        }
        return parts.isEmpty ? "no failures" : parts.joined(separator: " · ")
    }
}
