/// A row of the saved query `oot_job_test_identities`: a test identity in one job's report.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotJobTestIdentitiesRow: Decodable, Sendable {
    let classname: String
    let name: String
}
