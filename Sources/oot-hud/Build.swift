import ArgumentParser
import Foundation
import OOTCore
import OOTJUnit
import OOTSite

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fold new callbacks, harvest JUnit artifacts, and render the static site.",
        discussion: """
            Renders only the pages fed by what changed since the last build (--full renders everything), \
            into a scratch tree, then switches <out>/current to it atomically; <out>/previous keeps the \
            build before for `oot-hud rollback`. One build at a time: a second one exits with code 75 \
            while the lock beside the database is held.
            """)

    /// Exit status when another build holds the lock (EX_TEMPFAIL: try again later).
    static let lockedExitCode: Int32 = 75

    @Option(help: "SQLite database written by `serve`/`ingest`.") var db: String
    @Option(help: "Output directory for the site.") var out: String = "site"
    @Option(help: "Mustache templates folder.") var templates: String = ProjectPaths.templates
    @Option(help: "Saved queries folder.") var queries: String = ProjectPaths.queries
    @Option(name: .customLong("artifact-root"), help: "Directory file:// artifact URLs may point into (repeatable).")
    var artifactRoots: [String] = []
    @Option(name: .customLong("junit-drop"), help: "Drop folder of reports: <org>/<repo>/<check_run_id>/*.xml.")
    var junitDrop: String?
    @Option(
        name: .customLong("artifact-host"),
        help:
            "Host https:// artifacts may be fetched from; .example.org allows subdomains (repeatable; none: no fetching)."
    )
    var artifactHosts: [String] = []
    @Flag(name: .customLong("allow-http"), help: "Also fetch plain http:// artifacts.") var allowHTTP = false
    @Flag(name: .customLong("allow-private-artifacts"), help: "Allow artifact hosts on loopback/private addresses.")
    var allowPrivate = false
    @Option(name: .customLong("artifact-max-mb"), help: "Largest artifact, downloaded or unpacked, in MiB.")
    var artifactMaxMiB: Int = 256
    @Option(name: .customLong("artifact-timeout"), help: "Seconds allowed per artifact fetch.")
    var artifactTimeout: Int64 = 60
    @Option(help: "Render as of this UTC time (ISO-8601) instead of now.") var now: String?
    @Option(help: "Summary time window in days.") var days: Int64 = 7
    @Option(name: .customLong("site-url"), help: "Public base URL of the site, for links in comment.md.")
    var siteURL: String?
    @Option(help: "The relay's allowlist YAML (registered backends are listed even without results; none by default).")
    var allowlist: String?
    @Option(help: "Pass-rate chip: green at or above this rate.") var green: Double = 0.95
    @Option(help: "Pass-rate chip: yellow at or above this rate, red below.") var yellow: Double = 0.80
    @Option(name: .customLong("stale-hours"), help: "Mark a backend stale after this many silent hours.")
    var staleHours: Int = 24
    @Option(name: .customLong("readiness-days"), help: "Level readiness: days of PR jobs judged.")
    var readinessDays: Int64 = 7
    @Option(name: .customLong("readiness-pass-rate"), help: "Level readiness: lowest job success rate meeting L3.")
    var readinessPassRate: Double = 0.90
    @Option(name: .customLong("readiness-timeout-rate"), help: "Level readiness: timeout rate from which L3 is missed.")
    var readinessTimeoutRate: Double = 0.10
    @Option(name: .customLong("readiness-queue-minutes"), help: "Level readiness: median queue time limit for L3.")
    var readinessQueueMinutes: Double = 30
    @Option(
        name: .customLong("readiness-run-hours"), help: "Level readiness: median run time per PR head limit for L3.")
    var readinessRunHours: Double = 3
    @Option(name: .customLong("prs-per-page"), help: "PRs per backend matrix page.") var prsPerPage: Int64 = 50
    @Option(name: .customLong("commits-per-page"), help: "Upstream commits per page of the trunk grid /oot/trunk/.")
    var commitsPerPage: Int64 = 50
    @Flag(help: "Render every page, not only those fed by what changed.") var full = false
    @Option(
        help:
            "Keep building, starting one build every INTERVAL (e.g. 30s, 2m) until stopped; a build never overlaps another.",
        transform: Watch.parseInterval)
    var watch: Duration?
    @Flag(
        name: .customLong("query-stats"),
        help:
            "After the build, print to stderr the render time and pages per kind of page, peak memory by stage, and the time spent in each saved query."
    )
    var queryStats = false
    @Flag(inversion: .prefixedNo, help: "Show stage progress (default: when stderr is a terminal).")
    var progress: Bool = isatty(STDERR_FILENO) != 0

    func validate() throws {
        guard readinessDays >= 1 else { throw ValidationError("--readiness-days: at least 1") }
        for (flag, rate) in [("pass-rate", readinessPassRate), ("timeout-rate", readinessTimeoutRate)]
        where !(0...1).contains(rate) {
            throw ValidationError("--readiness-\(flag): a rate from 0 to 1, not \(rate)")
        }
        guard readinessQueueMinutes > 0, readinessRunHours > 0 else {
            throw ValidationError("--readiness-queue-minutes and --readiness-run-hours: above 0")
        }
    }

    func run() async throws {
        var asOf: UTCTimestamp?
        if let now {
            guard let parsed = UTCTimestamp(parsing: now) else {
                throw ValidationError("--now: not an ISO-8601 time: \(now)")
            }
            asOf = parsed
        }
        let options = self.options(now: asOf)
        guard let watch else {
            do {
                let report = try await SiteBuilder.build(options)
                print(report.line)
                report.printNotices()
                if queryStats {
                    for (kind, time) in report.renderSeconds.sorted(by: { $0.value > $1.value }) {
                        FileHandle.standardError.write(Data("render \(kind): \(String(format: "%.3f", time)) s\n".utf8))
                    }
                    for (kind, count) in report.pages.sorted(by: { $0.key < $1.key }) {
                        FileHandle.standardError.write(Data("pages \(kind): \(count)\n".utf8))
                    }
                    for line in report.peakMemoryLines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                    for q in report.queries {
                        let line = "\(q.name): \(q.runs) runs, \(q.rows) rows, \(String(format: "%.3f", q.seconds)) s\n"
                        FileHandle.standardError.write(Data(line.utf8))
                    }
                }
            } catch let error as BuildLockError {
                FileHandle.standardError.write(Data("oot-hud build: \(error)\n".utf8))
                throw ExitCode(Self.lockedExitCode)
            }
            return
        }
        // A notice that stays true (no --site-url) is printed by the first build that says it, not by every one.
        var noticed: Set<String> = []
        try await Watch.loop(every: watch) {
            let report = try await SiteBuilder.build(options)
            print(report.line)
            report.printNotices(except: noticed)
            noticed.formUnion(report.notices)
            fflush(nil)  // one line per build, visible at once in logs and pipes (nil: every output stream)
        }
    }

    func options(now asOf: UTCTimestamp?) -> BuildOptions {
        BuildOptions(
            databasePath: db, outputDirectory: out, templatesDirectory: templates, queriesDirectory: queries,
            harvest: HarvestOptions(
                artifactRoots: artifactRoots, dropFolder: junitDrop,
                remote: RemoteFetchPolicy(
                    hosts: artifactHosts, allowHTTP: allowHTTP, allowPrivateAddresses: allowPrivate,
                    maxBytes: artifactMaxMiB << 20, timeoutSeconds: artifactTimeout),
                limits: JUnitParser.Limits(maxBytes: artifactMaxMiB << 20), maxUncompressedBytes: artifactMaxMiB << 20),
            now: asOf, days: days, prsPerPage: prsPerPage, commitsPerPage: commitsPerPage, siteURL: siteURL,
            allowlistPath: allowlist,
            greenThreshold: green,
            yellowThreshold: yellow, staleHours: staleHours,
            readiness: ReadinessThresholds(
                days: readinessDays, passRate: readinessPassRate, timeoutRate: readinessTimeoutRate,
                queueSeconds: readinessQueueMinutes * 60, runSeconds: readinessRunHours * 3600),
            full: full, progress: BuildProgress(enabled: progress))
    }
}

extension BuildReport {
    /// Writes each notice not in `printed` to stderr as `oot-hud build: notice: …`.
    func printNotices(except printed: Set<String> = []) {
        for notice in notices where !printed.contains(notice) {
            FileHandle.standardError.write(Data("oot-hud build: notice: \(notice)\n".utf8))
        }
    }
}
