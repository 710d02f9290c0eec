/// The database file is not one this version can use.
public struct SchemaError: Error, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// Its `user_version`.
    public let found: Int64
    /// The newest version this build understands.
    public let supported: Int64
    /// `true` when the file holds tables but is not an OOT HUD database.
    public var foreign = false

    public var description: String {
        if foreign {
            return "\(path) is a SQLite database but not an OOT HUD one (it has tables and no schema version); "
                + "refusing to touch it. Point --db at a new or existing OOT HUD database."
        }
        return "\(path) has schema version \(found), newer than this oot-hud (\(supported)); upgrade oot-hud."
    }
}
