import Foundation
import OOTCore

/// The build: lock → fold → harvest → index → query → render → publish (spec §8, §9).
///
/// Data flows one way: the fold, harvest and index stages write the database; the query and
/// render stages read it through a read-only connection and write only files, into the scratch
/// tree of a ``SitePublisher``, which then switches `current` to it atomically.
public enum SiteBuilder {
    /// Runs every stage.
    ///
    /// - Parameter options: Paths and settings.
    /// - Returns: What was done, with timings in seconds.
    /// - Throws: ``BuildLockError/busy(path:holder:)`` when another build runs; ``SQLiteError``,
    ///   ``SchemaError``, ``QueryError``, ``TemplateError``, ``AllowlistError`` or
    ///   ``SiteWriterError``. A bad callback or a bad JUnit file never throws: they are recorded.
    ///   When it throws, the published site is the previous one, untouched.
    public static func build(_ options: BuildOptions) async throws -> BuildReport {
        let lock = try BuildLock(databasePath: options.databasePath)
        defer { withExtendedLifetime(lock) {} }
        var report = BuildReport()
        let progress = options.progress
        let renderer = try await TemplateRenderer(directory: options.templatesDirectory)
        let allowlist = try Allowlist(path: options.allowlistPath)
        let publisher = try SitePublisher(outputDirectory: options.outputDirectory)
        let fingerprint = Fingerprint.of(options)

        let writeDB = try OOTDatabase.openForWriting(path: options.databasePath)
        var clock = ContinuousClock.now
        report.fold = try Fold.run(writeDB)
        report.seconds["fold"] = seconds(since: &clock)
        report.harvest = try await Harvester(options: options.harvest).run(writeDB, progress: progress)
        report.seconds["harvest"] = seconds(since: &clock)
        let changes = try SiteIndex.update(writeDB, allowlist: allowlist, prsPerPage: options.prsPerPage)
        let forceReason = try SiteIndex.forceFullReason(writeDB)
        if let stale = try SiteIndex.reindexNeeded(writeDB) {
            report.notices.append(
                "\(stale): run `oot-hud reindex --db \(options.databasePath)` to fold the whole log by today's rules")
        }
        report.seconds["index"] = seconds(since: &clock)

        let db = try OOTDatabase.openForReading(path: options.databasePath)
        let queries = QueryRunner(database: db, directory: options.queriesDirectory)
        let context = SiteContext(
            now: options.now ?? .now, days: options.days, greenThreshold: options.greenThreshold,
            yellowThreshold: options.yellowThreshold, siteURL: options.siteURL, staleHours: options.staleHours,
            snapshot: options.now != nil)
        report.now = context.now
        let render = RenderPass(
            queries: queries, renderer: renderer, writer: nil, context: context, options: options, allowlist: allowlist,
            paths: try SitePaths(database: db), progress: progress)
        let backends = try render.backends()

        let fullReason: String? =
            options.full
            ? "--full"
            : publisher.currentTree == nil
                ? "first build"
                : publisher.state.forceFull ?? forceReason
                    ?? (publisher.state.fingerprint != fingerprint ? "templates, queries or options changed" : nil)
        let plan: RenderPlan
        if let fullReason {
            plan = .full(reason: fullReason, repos: backends.map(\.repo))
        } else {
            let hourAgo = context.now.adding(seconds: -3600).description
            let stale = backends.map(\.repo).filter { (publisher.state.backendsRenderedAt[$0] ?? "") < hourAgo }
            let since = publisher.state.renderedAt ?? context.now.description
            let lost = try queries.run(
                "oot_lost_transitions", as: OotLostTransitionsRow.self,
                ["since": .text(since), "now": .text(context.now.description)]
            )
            .map { row in
                (
                    repo: row.repo, pr: row.prNumber,
                    bucket: row.seq > 0 ? Int((row.seq - 1) / max(1, options.prsPerPage)) + 1 : 0
                )
            }
            plan = .incremental(changes: changes, stale: stale, lost: lost)
        }
        report.full = plan.full
        report.reason = plan.reason

        let scratch = try publisher.prepare()
        let writer = try SiteWriter(directory: scratch.path)
        report.seconds["prepare"] = seconds(since: &clock)
        let items = try render.items(plan, backends: backends)
        progress.start("render", total: items.count)
        var passes = [
            RenderPass(
                queries: queries, renderer: renderer, writer: writer, context: context, options: options,
                allowlist: allowlist, paths: render.paths)
        ]
        for _ in 1..<max(1, min(options.renderWorkers, items.count)) {
            let connection = try OOTDatabase.openForReading(path: options.databasePath)
            passes.append(
                RenderPass(
                    queries: QueryRunner(database: connection, directory: options.queriesDirectory), renderer: renderer,
                    writer: try SiteWriter(directory: scratch.path), context: context, options: options,
                    allowlist: allowlist, paths: try SitePaths(database: connection)))
        }
        passes = try ParallelRender.run(items, passes: passes, progress: progress)
        progress.finish()
        for pass in passes {
            for (kind, count) in pass.pages { report.pages[kind, default: 0] += count }
            for (kind, time) in pass.seconds { report.renderSeconds[kind, default: 0] += time }
            if pass.writer !== writer { writer.absorb(pass.writer) }
        }
        var stats: [String: QueryStat] = [:]
        for pass in passes {
            for (name, s) in pass.queries.stats {
                let old = stats[name] ?? QueryStat(name: name, runs: 0, rows: 0, seconds: 0)
                stats[name] = QueryStat(
                    name: name, runs: old.runs + s.runs, rows: old.rows + s.rows, seconds: old.seconds + s.seconds)
            }
        }
        report.queries = stats.values.sorted { $0.seconds > $1.seconds }
        if plan.full { report.removed = try writer.removeFilesNotWritten() }
        report.seconds["render"] = seconds(since: &clock)

        let renderedAt = context.now.description
        let rendered = Array(plan.backends.keys)
        try publisher.publish(changed: writer.changed) { state in
            state.fingerprint = fingerprint
            state.renderedAt = renderedAt
            if plan.full { state.backendsRenderedAt = [:] }
            for repo in rendered { state.backendsRenderedAt[repo] = renderedAt }
        }
        try SiteIndex.clearPending(writeDB, changes.jobs)
        if plan.full, forceReason != nil { try SiteIndex.clearForceFull(writeDB) }
        report.seconds["publish"] = seconds(since: &clock)
        report.written = writer.written
        report.unchanged = writer.unchanged
        report.build = publisher.state.build
        report.published = publisher.root.appendingPathComponent("current").path
        return report
    }

    /// The Markdown summary of PR `number` (`comment.md`), from the database as the last build
    /// folded and harvested it; for `oot-hud pr-comment` and PR bots.
    ///
    /// - Throws: ``UnknownPRError`` when no job of the PR is in the database; ``SQLiteError``,
    ///   ``QueryError``, ``TemplateError`` or ``AllowlistError``.
    public static func prComment(number: Int64, options: BuildOptions) async throws -> String {
        let renderer = try await TemplateRenderer(directory: options.templatesDirectory)
        let db = try OOTDatabase.openForReading(path: options.databasePath)
        let queries = QueryRunner(database: db, directory: options.queriesDirectory)
        let context = SiteContext(now: options.now ?? .now, days: options.days, siteURL: options.siteURL)
        let pass = RenderPass(
            queries: queries, renderer: renderer, writer: nil, context: context, options: options,
            allowlist: try Allowlist(path: options.allowlistPath), paths: try SitePaths(database: db))
        let known = try db.query("SELECT count(*) FROM oot_workflow_job WHERE pr_number = ?", [.integer(number)])
        guard known.first?.first?.integer ?? 0 > 0 else {
            throw UnknownPRError(number: number, databasePath: options.databasePath)
        }
        var markdown = ""
        _ = try pass.prPage(number, comment: &markdown)
        return markdown
    }

    static func seconds(since start: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        let elapsed = now - start
        start = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
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
