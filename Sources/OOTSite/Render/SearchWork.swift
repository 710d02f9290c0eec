/// What one ``RenderItem/search(_:)`` writes of the search index (docs/search.md).
struct SearchWork: Sendable {
    /// Write `search/index.js` (backends, job names, PRs, shard sizes).
    var manifest = false
    /// Write the A–Z pages (`search/`, `search/<letter>/`).
    var letters = false
    /// Test shards to write (`search/shard/<shard>.js`).
    var shards: [String] = []
    /// Per backend, the tests with a history page there (links and the A–Z pages).
    var history: [String: Set<TestIdentity>] = [:]

    /// Shards per render item, so a full build spreads them over the workers.
    static let shardsPerItem = 64
}
