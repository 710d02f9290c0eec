/// What ``FailureClassifier`` decided for one failure, and why.
struct FailureVerdict: Sendable, Equatable {
    var classification: FailureClassification
    /// The facts behind it, most telling first; empty for ``FailureClassification/new``.
    var evidence: [FailureEvidence]
}
