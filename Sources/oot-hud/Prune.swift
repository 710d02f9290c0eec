import ArgumentParser
import Foundation
import OOTCore
import OOTSite

struct Prune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove jobs older than N days with their callbacks, reports and testcases.",
        discussion: """
            Takes the build lock, so it never runs during a build. The next build renders \\
            everything and removes the pages only the pruned jobs fed. SQLite reuses the freed \\
            pages; run `oot-hud backup` to get a compacted copy.
            """)

    @Option(help: "SQLite database.") var db: String
    @Option(name: .customLong("keep-days"), help: "Keep jobs active in the last N days.") var keepDays: Int
    @Option(help: "Count days back from this UTC time (ISO-8601) instead of now.") var now: String?

    func validate() throws {
        guard keepDays >= 1 else { throw ValidationError("--keep-days must be at least 1") }
    }

    func run() throws {
        let lock: BuildLock
        do {
            lock = try BuildLock(databasePath: db)
        } catch {
            FileHandle.standardError.write(Data("oot-hud prune: \(error)\n".utf8))
            throw ExitCode(Build.lockedExitCode)
        }
        defer { withExtendedLifetime(lock) {} }
        var asOf = UTCTimestamp.now
        if let now {
            guard let parsed = UTCTimestamp(parsing: now) else {
                throw ValidationError("--now: not an ISO-8601 time: \(now)")
            }
            asOf = parsed
        }
        let cutoff = asOf.adding(seconds: -Double(keepDays) * 86_400)
        let summary = try Retention.prune(OOTDatabase.openForWriting(path: db), before: cutoff)
        print(
            "pruned jobs before \(cutoff): \(summary.jobs) jobs, \(summary.callbacks) callbacks, \(summary.reports) reports, "
                + "\(summary.testcases) testcases, \(summary.prs) backend PRs; the next build renders everything")
    }
}
