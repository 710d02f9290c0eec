/// The search index's small part, `search/index.js` (docs/search.md), loaded when the search box
/// is first used: the backends (repo, page directory, level), the workflow/job names with the
/// backends that run them, every PR with its latest title and author, and the number of tests in
/// each test shard (the box loads the smallest shard among the words typed).
///
/// Encoded compactly: `backends` as `[repo, dir, level]`, `jobs` as `[workflow, job,
/// [backend…]]` (indexes into `backends`), `prs` as `[number, title, author]`, `shards` as
/// `{shard: tests}`, and `partSize`, the tests per part of a shard (``SearchShard/partSize``:
/// the box loads parts `0 ..< ⌈tests / partSize⌉` of a shard).
struct SearchManifest: Encodable {
    /// A backend: repo, directory (relative to the site root), level.
    let backends: [[String]]
    /// By workflow, then job name.
    let jobs: [Job]
    /// Newest number first.
    let prs: [PR]
    /// Tests per shard, by shard name.
    let shards: [String: Int64]
    /// Tests per part of a shard (``SearchShard/partSize``).
    let partSize = SearchShard.partSize

    /// A workflow/job name and the backends (indexes) that run it.
    struct Job: Encodable {
        let workflow: String
        let job: String
        let backends: [Int]

        /// Encodes the fields as one JSON array, in declaration order (see the type's summary).
        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(workflow)
            try array.encode(job)
            try array.encode(backends)
        }
    }

    /// A PR: number, title, author.
    struct PR: Encodable {
        let number: Int64
        let title: String
        let author: String

        /// Encodes the fields as one JSON array, in declaration order (see the type's summary).
        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(number)
            try array.encode(title)
            try array.encode(author)
        }
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
}
