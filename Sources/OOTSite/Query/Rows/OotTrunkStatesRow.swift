/// A row of the saved query `oot_trunk_states`: what one backend's jobs say at one upstream
/// commit (latest attempt of each job), as counts, with the commit's place in the trunk grid.
///
/// Times are UTC ISO-8601 text. Read by ``RowDecoder``: each property is the column of its name
/// in snake case.
struct OotTrunkStatesRow: Decodable, Sendable {
    let repo: String
    let sha: String
    /// The upstream repository (`pytorch/pytorch`), empty when no run named it.
    let upstreamRepo: String
    /// The commit's order of first appearance.
    let seq: Int64
    /// The earliest start of any backend's run on the commit (the grid's row order).
    let firstRun: String
    /// The earliest start of this backend's runs on it; `nil` when none has a time.
    let started: String?
    let jobs: Int64
    let failed: Int64
    let running: Int64
    let passed: Int64
    /// Lost (in progress over 6 h) or completed with conclusion null.
    let unclear: Int64

    /// The commit's outcome for this backend (``CommitOutcome``).
    var outcome: CommitOutcome {
        CommitOutcome(failed: failed, running: running, passed: passed, unclear: unclear)
    }
}

extension Array where Element == OotTrunkStatesRow {
    /// The newest commit with a result (red or green) among one backend's rows (newest first):
    /// its latest trunk result; `nil` when none.
    var latestResult: OotTrunkStatesRow? { first { $0.outcome.isResult } }
}
