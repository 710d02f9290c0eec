import OOTCore

/// Where each page lives in the output tree.
///
/// Untrusted names (repos, check run ids) become path segments that can never escape the
/// output directory or overwrite another page: a segment keeps only `[a-z0-9._-]` (lower-cased;
/// anything else becomes `-`), never starts with `.` or `-`, and is at most 64 characters. When two
/// different names map to the same path (`Foo/Bar` and `foo/bar`, or names differing only in
/// punctuation), the name registered first keeps the plain path and later ones get a `-<hash>`
/// suffix. Register names in a stable order (first appearance in the callback log) so URLs never
/// move between builds. PR pages use the PR number, an integer from the database.
///
/// The assignments persist in the `site_paths` table (``init(database:)``) so incremental builds
/// look up only the paths a page needs; ``init()`` keeps them in memory (tests, previews).
/// Not `Sendable` (it holds prepared statements and a cache): each render worker opens its own.
public final class SitePaths {
    /// Where assignments are kept: in memory, or the `site_paths` table.
    private enum Store {
        case memory(paths: [String: String], claimed: Set<String>)
        case database(lookup: SQLiteStatement, taken: SQLiteStatement, insert: SQLiteStatement)
    }

    private var store: Store
    /// Looked-up assignments (`nil` = known to be absent).
    private var cache: [String: String?] = [:]

    /// An empty in-memory layout.
    public init() { store = .memory(paths: [:], claimed: []) }

    /// A layout backed by the `site_paths` table of `db`.
    ///
    /// Lookups work on a read-only connection; registering needs a writable one.
    ///
    /// - Throws: ``SQLiteError`` when the table is missing.
    public init(database db: SQLiteDatabase) throws(SQLiteError) {
        store = .database(
            lookup: try db.prepare("SELECT path FROM site_paths WHERE key = ?"),
            taken: try db.prepare("SELECT 1 FROM site_paths WHERE path = ?"),
            insert: try db.prepare("INSERT INTO site_paths (key, path) VALUES (?, ?)"))
    }

    /// Registers a backend repo (`org/name`) and returns its directory, for example
    /// `oot/example-org/accel-backend`.
    ///
    /// - Throws: ``SQLiteError`` when backed by a read-only database.
    @discardableResult
    public func register(repo: String) throws(SQLiteError) -> String {
        let key = "repo:" + repo
        if let existing = try lookup(key) { return existing }
        let parts = repo.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let org = Self.slug(parts[0])
        let name = parts.count > 1 ? parts[1] : ""
        return try claim("oot/\(org)/\(Self.slug(name))", or: "oot/\(org)/\(Self.slug(name, maxLength: 55))", key: key)
    }

    /// Registers a job execution and returns its drill-down directory, such as
    /// `oot/example-org/accel-backend/job/27182818284`.
    ///
    /// The last path segment is the `check_run_id` when it is a plain token, else
    /// `job-<hash of the dynamoKey>`; a second execution with the same id (reruns reusing it) gets
    /// a `-<hash>` suffix.
    ///
    /// - Throws: ``SQLiteError`` when backed by a read-only database.
    @discardableResult
    public func register(job dynamoKey: String, repo: String, checkRunID: String) throws(SQLiteError) -> String {
        let key = "job:" + dynamoKey
        if let existing = try lookup(key) { return existing }
        let base = try register(repo: repo) + "/job/"
        let isPlain =
            !checkRunID.isEmpty && checkRunID.utf8.count <= 40
            && checkRunID.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            } && checkRunID.first != "-"
        let segment = isPlain ? checkRunID : "job-" + Self.hash(dynamoKey)
        return try claim(base + segment, or: base + "job", key: key, hashing: dynamoKey)
    }

    /// The directory of one test's history page on a backend,
    /// `oot/<org>/<repo>/tests/<slug>-<hash>` (the hash keeps names that slug alike apart), or
    /// `nil` when the backend is not registered.
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails.
    public func testDirectory(repo: String, classname: String, name: String) throws(SQLiteError) -> String? {
        guard let base = try backendDirectory(repo) else { return nil }
        return base + "/" + Self.crossBackendTestDirectory(classname: classname, name: name)
    }

    /// The directory of one test's page across backends, `tests/<slug>-<hash>` (the same slug
    /// and hash as its per-backend history pages, ``testDirectory(repo:classname:name:)``).
    public static func crossBackendTestDirectory(classname: String, name: String) -> String {
        let identity = classname.isEmpty ? name : "\(classname).\(name)"
        return "tests/" + slug(identity, maxLength: 80) + "-" + hash(classname + "\u{1F}" + name)
    }

    /// The directory of a registered backend, or `nil` when it was never registered.
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails (a page is never skipped silently).
    public func backendDirectory(_ repo: String) throws(SQLiteError) -> String? { try lookup("repo:" + repo) }

    /// The directory of a registered job, which exists exactly when the job has a drill-down page.
    ///
    /// - Throws: ``SQLiteError`` when the lookup fails.
    public func jobDirectory(_ dynamoKey: String) throws(SQLiteError) -> String? { try lookup("job:" + dynamoKey) }

    /// `target` (a path from the site root) as a link from a page in `directory`:
    /// `relative(from: "oot/a/b", to: "oot/a/b/job/1/index.html")` is `job/1/index.html`,
    /// `relative(from: "pr/7", to: "oot/index.html")` is `../../oot/index.html`.
    public static func relative(from directory: String, to target: String) -> String {
        let from = directory.split(separator: "/")
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count && common < to.count - 1 && from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }

    /// The directory of a PR page, `pr/<number>`.
    public static func prDirectory(_ number: Int64) -> String { "pr/\(number)" }

    /// The stored path of `key` (`"repo:…"`/`"job:…"`), cached.
    private func lookup(_ key: String) throws(SQLiteError) -> String? {
        if let cached = cache[key] { return cached }
        let found: String?
        switch store {
        case .memory(let paths, _):
            found = paths[key]
        case .database(let statement, _, _):
            statement.reset()
            try statement.bind([.text(key)])
            found = try statement.step() ? statement.column(0).text : nil
            statement.reset()
        }
        cache[key] = found
        return found
    }

    private func isTaken(_ path: String) throws(SQLiteError) -> Bool {
        switch store {
        case .memory(_, let claimed):
            return claimed.contains(path)
        case .database(_, let statement, _):
            statement.reset()
            try statement.bind([.text(path)])
            defer { statement.reset() }
            return try statement.step()
        }
    }

    /// Assigns `preferred`, or `stem-<hash>` when taken, or `…-2`, `…-3`.
    private func claim(_ preferred: String, or stem: String, key: String, hashing: String? = nil) throws(SQLiteError)
        -> String
    {
        var candidate = preferred
        if try isTaken(candidate) {
            candidate = stem + "-" + Self.hash(hashing ?? String(key.drop { $0 != ":" }.dropFirst()))
        }
        var n = 2
        let base = candidate
        while try isTaken(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        switch store {
        case .memory(var paths, var claimed):
            paths[key] = candidate
            claimed.insert(candidate)
            store = .memory(paths: paths, claimed: claimed)
        case .database(_, _, let insert):
            try insert.run([.text(key), .text(candidate)])
        }
        cache[key] = candidate
        return candidate
    }

    /// The safe form of one name: lower-case `[a-z0-9._-]`, no leading or trailing dot/dash,
    /// 1…`maxLength` characters (an empty result becomes `x-<hash>`).
    public static func slug(_ name: String, maxLength: Int = 64) -> String {
        var out = ""
        var lastWasDash = false
        for scalar in name.lowercased().unicodeScalars {
            let keep =
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                || scalar == "-"
            if keep {
                out.unicodeScalars.append(scalar)
                lastWasDash = scalar == "-"
            } else if !lastWasDash {
                out.append("-")
                lastWasDash = true
            }
            if out.count >= maxLength { break }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix(".") || out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x-" + hash(name) : out
    }

    /// A short stable hash of `name` (FNV-1a 64, first 8 hex digits), for disambiguation only.
    public static func hash(_ name: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(8))
    }
}
