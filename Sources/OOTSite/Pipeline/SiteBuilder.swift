import Foundation
import OOTCore

/// The build (spec §8, §9): lock, then the stages of ``BuildStage/pipeline`` in order
/// (fold → harvest → index → plan → render → publish).
///
/// Data flows one way: the fold, harvest and index stages write the database; the plan and
/// render stages read it through read-only connections and write only files, into the scratch
/// tree of a ``SitePublisher``, which the publish stage switches `current` to atomically.
public enum SiteBuilder {
    /// Runs every stage, timing each into ``BuildReport/seconds``.
    ///
    /// - Parameter options: Paths and settings.
    /// - Returns: What was done, with timings in seconds.
    /// - Throws: ``BuildLockError/busy(path:holder:)`` when another build runs;
    ///   ``BuildStageError`` naming the stage that failed and its cause (for the render stage, a
    ///   ``RenderError`` naming the page). A bad callback or a bad JUnit file never throws: they
    ///   are recorded. When it throws, the published site is the previous one, untouched.
    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        let lock = try BuildLock(databasePath: options.databasePath)
        defer { withExtendedLifetime(lock) {} }
        var context: BuildContext
        do {
            context = try await BuildContext(options: options)
        } catch {
            throw BuildStageError(stage: "load", underlying: error)
        }
        for stage in BuildStage.pipeline {
            let start = ContinuousClock.now
            do {
                try await stage.body(&context)
            } catch {
                throw BuildStageError(stage: stage.name, underlying: error)
            }
            context.report.seconds[stage.name] = (ContinuousClock.now - start).inSeconds
            context.report.peakBytes[stage.name] = PeakMemory.bytes
        }
        return context.report
    }

    /// The Markdown summary of PR `number` (`comment.md`), from the database as the last build
    /// folded and harvested it; for `oot-hud pr-comment` and PR bots.
    ///
    /// - Throws: ``UnknownPRError`` when no job of the PR is in the database; ``SQLiteError``,
    ///   ``QueryError``, ``TemplateError`` or ``AllowlistError``.
    public static func prComment(number: Int64, options: BuildOptions) async throws -> String {
        let source = try PageSource(
            options: options, renderer: try await TemplateRenderer(directory: options.templatesDirectory),
            context: SiteContext(now: options.now ?? .now, days: options.days, siteURL: options.siteURL),
            allowlist: try Allowlist(path: options.allowlistPath))
        let known = try OOTDatabase.openForReading(path: options.databasePath).query(
            "SELECT count(*) FROM oot_workflow_job WHERE pr_number = ?", [.integer(number)])
        guard known.first?.first?.integer ?? 0 > 0 else {
            throw UnknownPRError(number: number, databasePath: options.databasePath)
        }
        var history: [String: Set<TestIdentity>] = [:]
        return try source.prPage(number, backends: try source.backends()) { repo, test in
            if history[repo] == nil {
                history[repo] = Set(
                    try source.testsWithHistory(
                        repo: repo, days: PageRenderer.scheduledDays, limit: PageRenderer.historyPages))
            }
            return history[repo]?.contains(test) ?? false
        }.comment
    }

    /// What to tell the operator when `siteURL` (`--site-url`) cannot make `comment.md`'s links
    /// absolute, or `nil` when it can.
    ///
    /// Without it `comment.md` links only to GitHub: links to the site's pages, relative, would
    /// break once a bot posts the comment on the PR.
    public static func siteURLNotice(_ siteURL: String?) -> String? {
        guard PRCommentPage.siteBase(siteURL) == nil else { return nil }
        let what =
            siteURL.map { "--site-url \($0) is not an absolute http(s) URL" } ?? "no --site-url"
        return "\(what): comment.md links only to GitHub runs, not to the site's pages (relative links "
            + "would break once posted on a PR); pass --site-url with the site's public base URL"
    }

    /// The latest job time in the database (UTC), for building a snapshot of sample data "as of"
    /// its own time rather than today.
    ///
    /// - Throws: ``SQLiteError``.
    public static func latestJobTime(databasePath: String) throws -> UTCTimestamp? {
        let db = try OOTDatabase.openForReading(path: databasePath)
        let value = try db.query(
            "SELECT max(max(coalesce(started_at, ''), coalesce(completed_at, ''))) FROM oot_workflow_job")
        return value.first?.first?.text.flatMap(UTCTimestamp.init(parsing:))
    }
}
