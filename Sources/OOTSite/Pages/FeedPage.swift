import OOTCore

/// An Atom feed of job state changes, for one backend or for all.
///
/// A backend's is `/oot/<org>/<repo>/feed.xml`, every backend's `/oot/feed.xml`. Entries come
/// newest first; ids are `tag:` URIs (RFC 4151) with every name percent-encoded.
///
/// A job (workflow + job name) changes state only where its state means something:
/// - on a backend with trunk runs (push, nightly, periodic; spec §14.3), over those runs in the
///   order they started: "newly failing" at the first red run after a green one, "recovered" at
///   the first green one after. PR runs are left out: one PR's own failure is not a state change.
/// - on a backend without trunk runs, over its PRs: the job's state is the majority outcome of its
///   last ``prWindow`` PRs (a tie keeps the state), so that one PR cannot flip it.
///
/// A run is the latest attempt of the job at one SHA; only `success` and `failure`/`timed_out`
/// count (cancelled, skipped or unconcluded runs say nothing).
struct FeedPage: Sendable, Encodable {
    /// One state change.
    struct Entry: Sendable, Encodable {
        let id: String
        let title: String
        /// RFC 3339, UTC: when the run that changed the state completed.
        let updated: String
        /// Relative to the feed's folder.
        let href: String
        let summary: String
        /// The instant of ``updated``, for ordering.
        @NotEncoded var time: UTCTimestamp
    }

    let title: String
    let id: String
    let updated: String
    let selfHref: String
    let pageHref: String
    let entries: [Entry]

    /// Entries kept per feed, newest first.
    static let maxEntries = 100
    /// PRs whose majority is a job's state on a backend without trunk runs.
    static let prWindow = 5
    /// The `tag:` URI prefix of every id (RFC 4151: authority, date, then the specific part).
    static let tagPrefix = "tag:oot-hud,2026:"

    /// A backend's feed, `feed.xml` in its folder `home`.
    ///
    /// - Parameters:
    ///   - hasTrunk: Whether the backend has trunk runs at all (``BackendInfo/scheduledKinds``).
    ///   - runs: Its trunk runs (`oot_nightly_dashboard` of each kind) when `hasTrunk`, else the
    ///     jobs of its latest PRs (`oot_backend_dashboard`).
    /// - Throws: ``SQLiteError`` when a page path lookup fails.
    init(repo: String, home: String, hasTrunk: Bool, runs: [JobRow], paths: SitePaths, now: UTCTimestamp)
        throws(SQLiteError)
    {
        let links = PageLinks(directory: home, paths: paths)
        self.init(
            title: "\(repo): OOT CI state changes", id: Self.tagPrefix + Self.uriPath(repo), pageHref: "index.html",
            entries: try Self.changes(
                repo: repo, home: home, hasTrunk: hasTrunk, runs: runs, links: links, namesRepo: false), now: now)
    }

    /// The feed of every backend, `oot/feed.xml`.
    ///
    /// - Parameter backends: Each backend with its folder, whether it has trunk runs, and its runs
    ///   (as for a backend's feed).
    /// - Throws: ``SQLiteError`` when a page path lookup fails.
    init(
        backends: [(repo: String, home: String, hasTrunk: Bool, runs: [JobRow])], paths: SitePaths,
        now: UTCTimestamp
    ) throws(SQLiteError) {
        let links = PageLinks(directory: "oot", paths: paths)
        var entries: [Entry] = []
        for backend in backends {
            entries += try Self.changes(
                repo: backend.repo, home: backend.home, hasTrunk: backend.hasTrunk, runs: backend.runs, links: links,
                namesRepo: true)
        }
        self.init(
            title: "OOT CI state changes, all backends", id: Self.tagPrefix + "oot", pageHref: "index.html",
            entries: entries, now: now)
    }

    private init(title: String, id: String, pageHref: String, entries: [Entry], now: UTCTimestamp) {
        self.title = title
        self.id = id
        selfHref = "feed.xml"
        self.pageHref = pageHref
        self.entries = Array(
            entries.sorted { $0.time != $1.time ? $0.time > $1.time : $0.id < $1.id }.prefix(Self.maxEntries))
        updated = self.entries.first?.updated ?? now.description
    }

    /// One run of a job: its latest attempt at one SHA, and when its first attempt started.
    private struct Run {
        let row: JobRow
        let start: UTCTimestamp
        let failing: Bool
    }

    /// The state changes of one backend's jobs, oldest first (see the type's rules).
    static func changes(
        repo: String, home: String, hasTrunk: Bool, runs rows: [JobRow], links: PageLinks, namesRepo: Bool
    ) throws(SQLiteError) -> [Entry] {
        let prefix = namesRepo ? "\(repo): " : ""
        let trunk = rows.filter { $0.prNumber == 0 && Observation.trunkEvents.contains($0.eventType) }
        let prs = rows.filter { $0.prNumber > 0 }
        // Per job key, its runs: trunk runs by event type and SHA, or each PR's head SHA.
        var byJob: [String: [Run]] = [:]
        let groups: [[JobRow]]
        if hasTrunk {
            groups = Array(Dictionary(grouping: trunk, by: { $0.eventType + "\u{1F}" + $0.headSHA }).values)
        } else {
            groups = Dictionary(grouping: prs, by: \.prNumber).values.map { rows in
                let head = rows.shasNewestFirst().first?.sha
                return rows.filter { $0.headSHA == head }
            }
        }
        for group in groups {
            let firstStart = Dictionary(
                grouping: group, by: \.jobKey
            ).mapValues { $0.compactMap(\.sortTime).min() ?? UTCTimestamp(seconds: 0) }
            for (key, latest) in group.latestAttempts() {
                let row = latest.row
                guard row.status == "completed", let conclusion = row.conclusion else { continue }
                let failing = conclusion == "failure" || conclusion == "timed_out"
                guard failing || conclusion == "success" else { continue }
                byJob[key, default: []].append(Run(row: row, start: firstStart[key]!, failing: failing))
            }
        }
        var entries: [Entry] = []
        for key in byJob.keys.sorted() {
            let runs = byJob[key]!.sorted {
                $0.start != $1.start ? $0.start < $1.start : $0.row.headSHA < $1.row.headSHA
            }
            var state: Bool?
            for (index, run) in runs.enumerated() {
                let was = state
                if hasTrunk {
                    state = run.failing
                } else {
                    let window = runs[max(0, index - prWindow + 1)...index]
                    let failed = window.filter(\.failing).count
                    if failed * 2 > window.count {
                        state = true
                    } else if failed * 2 < window.count {
                        state = false
                    }
                }
                guard let was, let current = state, was != current else { continue }
                let previous = runs[index - 1]
                entries.append(
                    hasTrunk
                        ? try trunkEntry(run, previous: previous, repo: repo, home: home, links: links, prefix: prefix)
                        : try prEntry(
                            run, window: Array(runs[max(0, index - prWindow + 1)...index]), repo: repo,
                            links: links, prefix: prefix))
            }
        }
        return entries
    }

    /// What a counted run did: `passed`, `failed`, `timed out`.
    private static func verb(_ row: JobRow) -> String {
        switch row.conclusion {
        case "success": "passed"
        case "timed_out": "timed out"
        default: "failed"
        }
    }

    /// `push` → `trunk push`; `nightly`, `periodic` as they are.
    private static func kind(_ row: JobRow) -> String { row.eventType == "push" ? "trunk push" : row.eventType }

    /// An entry for a change on trunk: `run` differs from `previous`, the run before it.
    private static func trunkEntry(
        _ run: Run, previous: Run, repo: String, home: String, links: PageLinks, prefix: String
    ) throws(SQLiteError) -> Entry {
        let job = run.row
        let sha = Format.shortSHA(job.headSHA)
        let state = run.failing ? "newly failing" : "recovered"
        let folder = CommitRunKind(eventType: job.eventType).map { home + "/" + $0.rawValue } ?? home
        let time = job.completedAt ?? job.sortTime ?? run.start
        return Entry(
            id: tagPrefix
                + [
                    uriPath(repo), "trunk", uriComponent(job.eventType), uriComponent(job.headSHA),
                    uriComponent(job.workflowName), uriComponent(job.jobName), run.failing ? "fail" : "pass",
                ].joined(separator: "/"),
            title: "\(prefix)\(job.displayName) \(state) on trunk at \(sha) (\(kind(job)))",
            updated: time.description, href: try links.drillDown(job) ?? links.page(folder),
            summary:
                "\(job.displayName) \(verb(job)) at \(sha) (\(kind(job)), attempt \(job.runAttempt)); "
                + "it was \(previous.failing ? "failing" : "passing") at \(Format.shortSHA(previous.row.headSHA)) "
                + "(\(kind(previous.row)), \(Format.absolute(previous.start))).",
            time: time)
    }

    /// An entry for a change of the majority over `window` (oldest first, ending with `run`).
    private static func prEntry(_ run: Run, window: [Run], repo: String, links: PageLinks, prefix: String)
        throws(SQLiteError) -> Entry
    {
        let job = run.row
        let failed = window.filter(\.failing).count
        let state = run.failing ? "failing on most PRs" : "recovered on most PRs"
        let time = job.completedAt ?? job.sortTime ?? run.start
        let prs = window.map { "#\($0.row.prNumber) \($0.failing ? "failed" : "passed")" }.joined(separator: ", ")
        return Entry(
            id: tagPrefix
                + [
                    uriPath(repo), "pr", "\(job.prNumber)", uriComponent(job.workflowName), uriComponent(job.jobName),
                    run.failing ? "fail" : "pass",
                ].joined(separator: "/"),
            title: "\(prefix)\(job.displayName) \(state) (\(failed) of the last \(window.count) failed)",
            updated: time.description, href: try links.drillDown(job) ?? links.prPage(job.prNumber),
            summary:
                "This backend has no trunk runs, so a job's state is the outcome of most of its last \(prWindow) PRs. "
                + "\(job.displayName), oldest first: \(prs).",
            time: time)
    }

    /// `org/repo` with each part percent-encoded (``uriComponent(_:)``).
    static func uriPath(_ repo: String) -> String {
        repo.split(separator: "/", omittingEmptySubsequences: false).map { uriComponent(String($0)) }
            .joined(separator: "/")
    }

    /// `text` with every byte outside RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`)
    /// percent-encoded as UTF-8, so a job name with spaces or slashes stays one path segment.
    static func uriComponent(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            }
        }
        return out
    }
}
