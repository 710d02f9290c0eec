/// Where each page lives in the output tree.
///
/// Untrusted names (repos, check run ids) become path segments that can never escape the
/// output directory or overwrite another page: a segment keeps only `[a-z0-9._-]` (lower-cased;
/// anything else becomes `-`), never starts with `.` or `-`, and is at most 64 characters. When two
/// different names map to the same path (`Foo/Bar` and `foo/bar`, or names differing only in
/// punctuation), the name registered first keeps the plain path and later ones get a `-<hash>`
/// suffix. Register names in a stable order (first appearance in the callback log) so URLs never
/// move between builds. PR pages use the PR number, an integer from the database.
public struct SitePaths: Sendable {
    private var claimed: Set<String> = []
    private var backends: [String: String] = [:]
    private var jobs: [String: String] = [:]

    /// Creates an empty layout.
    public init() {}

    /// Registers a backend repo (`org/name`) and returns its directory, e.g. `oot/example-org/accel-backend`.
    @discardableResult
    public mutating func register(repo: String) -> String {
        if let existing = backends[repo] { return existing }
        let parts = repo.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let org = Self.slug(parts[0])
        let name = parts.count > 1 ? parts[1] : ""
        let directory = claim("oot/\(org)/\(Self.slug(name))", or: "oot/\(org)/\(Self.slug(name, maxLength: 55))", key: repo)
        backends[repo] = directory
        return directory
    }

    /// Registers a job execution and returns its drill-down directory,
    /// e.g. `oot/example-org/accel-backend/job/27182818284`.
    @discardableResult
    public mutating func register(job dynamoKey: String, repo: String, checkRunID: String) -> String {
        if let existing = jobs[dynamoKey] { return existing }
        let base = register(repo: repo) + "/job/"
        let isPlain =
            !checkRunID.isEmpty && checkRunID.utf8.count <= 40
            && checkRunID.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            } && checkRunID.first != "-"
        let segment = isPlain ? checkRunID : "job-" + Self.hash(dynamoKey)
        let directory = claim(base + segment, or: base + "job", key: dynamoKey)
        jobs[dynamoKey] = directory
        return directory
    }

    /// The directory of one test's history page on a backend,
    /// `oot/<org>/<repo>/tests/<slug>-<hash>` (the hash keeps names that slug alike apart).
    public func testDirectory(repo: String, classname: String, name: String) -> String? {
        guard let base = backends[repo] else { return nil }
        let identity = classname.isEmpty ? name : "\(classname).\(name)"
        return base + "/tests/" + Self.slug(identity, maxLength: 80) + "-" + Self.hash(classname + "\u{1F}" + name)
    }

    /// The directory of a registered backend.
    public func backendDirectory(_ repo: String) -> String? { backends[repo] }

    /// The directory of a registered job.
    public func jobDirectory(_ dynamoKey: String) -> String? { jobs[dynamoKey] }

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

    private mutating func claim(_ preferred: String, or stem: String, key: String) -> String {
        var candidate = preferred
        if claimed.contains(candidate) { candidate = stem + "-" + Self.hash(key) }
        var n = 2
        let base = candidate
        while claimed.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        claimed.insert(candidate)
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
