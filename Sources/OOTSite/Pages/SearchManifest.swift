/// The search index's small part, `search/index.js` (docs/search.md), loaded when the search box
/// is first used: the backends (repo, page directory, level), the workflow/job names with the
/// backends that run them, every PR with its latest title and author, and the number of tests in
/// each test shard (the box loads the smallest shard among the words typed).
///
/// Encoded compactly: `backends` as `[repo, dir, level]`, `jobs` as `[workflow, job,
/// [backend…]]` (indexes into `backends`), `prs` as `[number, title, author]`, `shards` as
/// `{shard: tests}`, and `partSize`, the tests per part of a shard (``SearchShard/partSize``:
/// the box loads parts `0 ..< ⌈tests / partSize⌉` of a shard).
struct SearchManifest {
    /// A backend: repo, directory (relative to the site root), level.
    let backends: [[String]]
    /// By workflow, then job name.
    let jobs: [Job]
    /// Newest number first.
    let prs: [PR]
    /// Tests per shard, by shard name.
    let shards: [String: Int64]

    /// A workflow/job name and the backends (indexes) that run it.
    struct Job {
        let workflow: String
        let job: String
        let backends: [Int]
    }

    /// A PR: number, title, author.
    struct PR {
        let number: Int64
        let title: String
        let author: String
    }

    /// The manifest from the backends with a page (in ``PageSource/backends()`` order, which
    /// keeps a backend's index stable as backends are added) and the saved queries' rows.
    ///
    /// - Parameter backends: `(repo, directory, level)` of each backend with a page.
    init(
        backends: [(repo: String, directory: String, level: String)], jobs: [OotSearchJobsRow], prs: [OotSearchPrsRow],
        shards: [OotSearchShardsRow]
    ) {
        self.backends = backends.map { [$0.repo, $0.directory, $0.level] }
        let index = Dictionary(backends.enumerated().map { ($1.repo, $0) }, uniquingKeysWith: { a, _ in a })
        var grouped: [Job] = []
        for row in jobs {
            guard let backend = index[row.repo] else { continue }
            if let last = grouped.last, last.workflow == row.workflow, last.job == row.job {
                grouped[grouped.count - 1] = Job(
                    workflow: last.workflow, job: last.job, backends: (last.backends + [backend]).sorted())
            } else {
                grouped.append(Job(workflow: row.workflow, job: row.job, backends: [backend]))
            }
        }
        self.jobs = grouped
        self.prs = prs.map { PR(number: $0.prNumber, title: $0.title, author: $0.author) }
        self.shards = Dictionary(shards.map { ($0.shard, $0.entries) }, uniquingKeysWith: { a, _ in a })
    }

    /// Appends the manifest as JSON (see the type's summary), keys sorted.
    func write(_ json: inout SearchJSON) {
        json.raw("{")
        json.key("backends")
        json.raw("[")
        for (index, backend) in backends.enumerated() {
            json.raw(index == 0 ? "[" : ",[")
            for (index, field) in backend.enumerated() {
                if index > 0 { json.raw(",") }
                json.string(field)
            }
            json.raw("]")
        }
        json.raw("],")
        json.key("jobs")
        json.raw("[")
        for (index, job) in jobs.enumerated() {
            json.raw(index == 0 ? "[" : ",[")
            json.string(job.workflow)
            json.raw(",")
            json.string(job.job)
            json.raw(",[")
            for (index, backend) in job.backends.enumerated() {
                if index > 0 { json.raw(",") }
                json.int(backend)
            }
            json.raw("]]")
        }
        json.raw("],")
        json.key("partSize")
        json.int(SearchShard.partSize)
        json.raw(",")
        json.key("prs")
        json.raw("[")
        for (index, pr) in prs.enumerated() {
            json.raw(index == 0 ? "[" : ",[")
            json.int(pr.number)
            json.raw(",")
            json.string(pr.title)
            json.raw(",")
            json.string(pr.author)
            json.raw("]")
        }
        json.raw("],")
        json.key("shards")
        json.raw("{")
        for (index, shard) in shards.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { json.raw(",") }
            json.string(shard.key)
            json.raw(":")
            json.int(shard.value)
        }
        json.raw("}}")
    }
}
