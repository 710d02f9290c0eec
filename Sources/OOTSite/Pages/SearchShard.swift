/// One part of a word shard of the test search index, `search/shard/<shard>/<part>.js`
/// (docs/search.md): of the indexed tests with a word (but `test`, `tests`) starting with the
/// shard's two characters, taken in id order, the ``partSize`` from `part × partSize` on.
///
/// Ids only grow, so a test entering the index joins the last part of each of its shards, and
/// the earlier parts never change. Written as `{"part": 2, "shard": "ab", "tests": [[classname,
/// name, id]]}`, the tests by classname then name; a test's outcomes and links are in its detail
/// bucket (``SearchDetails``, `search/detail/<id / 32>.js`).
struct SearchShard: Encodable {
    /// One test: classname, name, id.
    struct Test: Encodable {
        let classname: String
        let name: String
        let id: Int64

        /// Encodes the fields as one JSON array, in declaration order.
        func encode(to encoder: any Encoder) throws {
            var array = encoder.unkeyedContainer()
            try array.encode(classname)
            try array.encode(name)
            try array.encode(id)
        }
    }

    /// The shard's name (``SearchWords/shard(of:)``).
    let shard: String
    /// The part (0 first).
    let part: Int64
    /// By classname, then name.
    let tests: [Test]

    /// Tests per part of a shard: the box loads `⌈tests / partSize⌉` parts of a shard, and a
    /// test entering the index rewrites one part (at most `partSize` tests) of each of its shards.
    static let partSize: Int64 = 2048

    /// The part (of its shard) of the test at `position` (0 first) in the shard's id order.
    static func part(ofPosition position: Int64) -> Int64 { position / partSize }

    /// The parts of a shard of `entries` tests: `0 ..< ⌈entries / partSize⌉`.
    static func parts(entries: Int64) -> Range<Int64> { 0..<((entries + partSize - 1) / partSize) }

    /// The file of a part, relative to the site root: `search/shard/<shard>/<part>.js`.
    static func path(shard: String, part: Int64) -> String { "search/shard/\(shard)/\(part).js" }

    /// The part from its rows (ordered by classname, name).
    init(shard: String, part: Int64, rows: [OotSearchShardRow]) {
        self.shard = shard
        self.part = part
        tests = rows.map { Test(classname: $0.classname, name: $0.name, id: $0.id) }
    }
}
