/// One word shard of the test search index, `search/shard/<shard>.js` (docs/search.md): every
/// indexed test with a word (but `test`, `tests`) starting with the shard's two characters.
///
/// Encoded compactly: `{"shard": "ab", "tests": [[classname, name, id]]}`, by classname then
/// name; a test's outcomes and links are in its detail bucket (``SearchDetails``,
/// `search/detail/<id / 32>.js`). A shard changes only when a test enters the index.
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
    /// By classname, then name.
    let tests: [Test]

    /// The shard from its rows (ordered by classname, name).
    init(shard: String, rows: [OotSearchShardRow]) {
        self.shard = shard
        tests = rows.map { Test(classname: $0.classname, name: $0.name, id: $0.id) }
    }
}
