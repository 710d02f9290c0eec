/// The search index files a build must write (docs/search.md): `search/index.js`, word shards (`search/shard/<shard>.js`,
/// which change only when a test enters the index) and detail buckets
/// (`search/detail/<bucket>.js`, which change when a test's latest outcome or job on a backend
/// changes).
struct SearchChanges: Sendable, Equatable {
    /// Parts of word shards, as `<shard>/<part>` (``SearchWords/shard(of:)``, ``SearchShard``).
    var words: Set<String> = []
    /// Detail buckets (``bucket(of:)``).
    var buckets: Set<Int64> = []
    /// `search/index.js`: a PR's title or author, a job name, a backend's level or a shard's size
    /// changed.
    var manifest = false

    /// Indexed tests per detail bucket.
    static let bucketSize: Int64 = 32

    /// The detail bucket of an indexed test's id: ids `32 b … 32 b + 31` are bucket `b`.
    static func bucket(of id: Int64) -> Int64 { id / bucketSize }

    /// Nothing to write.
    var isEmpty: Bool { words.isEmpty && buckets.isEmpty && !manifest }
}
