/// What one ``RenderItem/search(_:)`` writes of the search index (docs/search.md).
struct SearchWork: Sendable {
    /// Write `search/index.js` (backends, job names, PRs, shard sizes) and the A–Z index page
    /// (`search/`, which lists the backends).
    var manifest = false
    /// A–Z letter pages to write (`search/<letter>/`).
    var letters: Set<String> = []
    /// Parts of word shards to write, as `<shard>/<part>` (`search/shard/<shard>/<part>.js`).
    var words: [String] = []
    /// Detail buckets to write (`search/detail/<bucket>.js`).
    var buckets: [Int64] = []
    /// Per backend, the tests with a history page there (links and the A–Z pages).
    var history: [String: Set<TestIdentity>] = [:]

    /// Files per render item, so a full build spreads them over the workers.
    static let filesPerItem = 64
}
