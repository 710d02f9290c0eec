/// A row of the saved query `oot_search_jobs`: a workflow/job name and one backend that runs it.
///
/// Read by ``RowDecoder``: each property is the column of its name in snake case.
struct OotSearchJobsRow: Decodable, Sendable {
    let workflow: String
    let job: String
    let repo: String
}
