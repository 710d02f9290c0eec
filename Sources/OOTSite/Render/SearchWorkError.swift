/// A search index file named in the build's work that is not of the expected shape (a word shard
/// part other than `<shard>/<part>`): the `site_state` rows `search_dirty:*` were written by
/// another version; `oot-hud build --full` rewrites every file.
struct SearchWorkError: Error, Equatable, CustomStringConvertible {
    /// The item as named in the work (`ab/3`).
    let item: String

    /// What failed, and what to do.
    var description: String {
        "search index: word shard part \"\(item)\" is not of the form shard/part (such as co/0); run `oot-hud build --full`"
    }
}
