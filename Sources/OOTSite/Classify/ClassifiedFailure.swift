/// One failure on a PR's head SHA with its classification, as the PR page, `comment.md` and
/// `/pr/<n>/index.json` show it.
struct ClassifiedFailure: Sendable, Equatable {
    /// What failed and how the job ended.
    var subject: FailureSubject
    var verdict: FailureVerdict
    /// Other backends (`org/repo`, sorted) where the same test fails on this PR's head SHA.
    var otherBackends: [String]

    /// A new failure on an L4 backend: the only kind that counts against the PR (spec §14.4).
    var blocking: Bool { verdict.classification == .new && subject.level == "L4" }

    var classification: FailureClassification { verdict.classification }
}
