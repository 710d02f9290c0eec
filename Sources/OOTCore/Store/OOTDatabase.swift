/// Opening the OOT HUD database in the two roles the pipeline needs.
public enum OOTDatabase {
    /// Opens (creating if needed) the database for writing and migrates its schema.
    ///
    /// - Parameter path: The SQLite file.
    /// - Throws: ``SQLiteError`` or ``SchemaError``; an existing foreign file is never modified.
    public static func openForWriting(path: String) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path, mode: .readWriteCreate)
        try Schema.migrate(db)
        return db
    }

    /// Opens the database read-only, as the build's query and render stages do.
    ///
    /// - Parameter path: The SQLite file, which must exist and have the current schema.
    /// - Throws: ``SQLiteError`` or ``SchemaError``.
    public static func openForReading(path: String) throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: path, mode: .readOnly)
        let version = try db.query("PRAGMA user_version").first?.first?.integer ?? 0
        guard version == Schema.version else {
            throw SchemaError(path: path, found: version, supported: Schema.version, foreign: version == 0)
        }
        // 64 MiB of page cache (SQLite's default is 2 MiB): the build's queries revisit the same
        // index pages across pages, and a miss costs a pread of the file.
        try db.execute("PRAGMA query_only = 1; PRAGMA cache_size = -65536;")
        return db
    }
}
