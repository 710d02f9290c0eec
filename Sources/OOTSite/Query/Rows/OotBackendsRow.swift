/// A row of the saved query `oot_backends`: a backend that reported, from the build's bookkeeping.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotBackendsRow: Decodable, Sendable {
    let repo: String
    let downstreamRepoLevel: String
    let firstSeen: Int64
    let prs: Int64
    let nightlyJobs: Int64
    let periodicJobs: Int64
    let trunkJobs: Int64
    let lastActivity: String
}
