import OOTCore

/// What the build's stages share (``BuildStage/pipeline``): what was loaded before them, the
/// database they write, and what each stage hands to the next.
///
/// Data flows one way: `fold`, `harvest` and `index` write the database through ``writeDB``;
/// `plan` and `render` read it through read-only connections (``PageSource``) and write files
/// into the scratch tree; `publish` switches the site to that tree.
struct BuildContext {
    let options: BuildOptions
    let renderer: TemplateRenderer
    let allowlist: Allowlist
    let publisher: SitePublisher
    /// The templates, queries and options of this build (a change renders everything).
    let fingerprint: String
    /// The one writable connection.
    let writeDB: SQLiteDatabase
    /// The instant and settings the pages are rendered with.
    let site: SiteContext
    /// What was done so far.
    var report = BuildReport()
    /// From `index`: the jobs, backends, PRs and reports the fold and harvest changed.
    var changes = ChangeSet()
    /// From `index`: the search index files to write (`nil`: all, the index was refilled).
    var search: SearchChanges? = SearchChanges()
    /// From `index`: why the database asks for a full build (`reindex`, `prune`), if it does.
    var forceReason: String?
    /// From `plan`: every backend.
    var backends: [BackendInfo] = []
    /// From `plan`: what to render (before it: nothing).
    var renderPlan = RenderPlan(full: false, reason: "")
    /// From `render`: the A–Z letter digests this build computed (`nil`: unchanged).
    var searchLetters: [String: String]?
    /// From `render`: the files of the scratch tree written, left alone or removed.
    var files = WrittenFiles()

    /// Loads the templates, the allowlist and the publisher's state, and opens the database for
    /// writing.
    ///
    /// - Throws: ``TemplateError``, ``AllowlistError``, ``SiteWriterError`` or `SQLiteError`.
    init(options: BuildOptions) async throws {
        self.options = options
        renderer = try await TemplateRenderer(directory: options.templatesDirectory)
        allowlist = try Allowlist(path: options.allowlistPath)
        publisher = try SitePublisher(outputDirectory: options.outputDirectory)
        fingerprint = Fingerprint.of(options)
        writeDB = try OOTDatabase.openForWriting(path: options.databasePath)
        try writeDB.execute(Self.writePragmas)
        site = SiteContext(
            now: options.now ?? .now, days: options.days, greenThreshold: options.greenThreshold,
            yellowThreshold: options.yellowThreshold, siteURL: options.siteURL, staleHours: options.staleHours,
            readiness: options.readiness, snapshot: options.now != nil)
        report.now = site.now
    }

    /// Settings of the write connection while the fold, harvest and index stages run.
    ///
    /// A first build writes about a gigabyte per 100k jobs (a million testcase rows at 100k) into
    /// tables with several indexes each. SQLite's default 2 MiB page cache re-reads their index
    /// pages from the file for almost every row, and its 4 MiB WAL checkpoints, each ending with an
    /// `fdatasync`, write the same hot pages again and again. The cache grows only as pages are
    /// used (an incremental build touches a few MiB) and is released after the index stage
    /// (``releaseWriteCache``). `synchronous` stays `NORMAL`: a power loss may cost the last
    /// transactions, never the file.
    static let writePragmas = """
        PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;
        PRAGMA wal_autocheckpoint = 16384; PRAGMA journal_size_limit = 67108864;
        """

    /// What ``writePragmas`` changed, back to SQLite's defaults, and the page cache freed: the
    /// later stages only read, through their own connections.
    static let releaseWriteCache = """
        PRAGMA cache_size = -2000; PRAGMA wal_autocheckpoint = 1000; PRAGMA shrink_memory;
        """

    /// Stage `fold` (spec §6).
    mutating func fold() throws {
        report.fold = try Fold.run(writeDB)
    }

    /// Stage `harvest` (spec §7).
    mutating func harvest() async throws {
        report.harvest = try await Harvester(options: options.harvest).run(writeDB, progress: options.progress)
    }

    /// Stage `index`: the site tables, the search index and the change set.
    mutating func index() throws {
        changes = try SiteIndex.update(writeDB, allowlist: allowlist, prsPerPage: options.prsPerPage)
        let start = ContinuousClock.now
        search = try SearchIndex.update(writeDB, changes: changes)
        report.searchIndexSeconds = (ContinuousClock.now - start).inSeconds
        forceReason = try SiteIndex.forceFullReason(writeDB)
        try writeDB.execute(Self.releaseWriteCache)
        if let stale = try SiteIndex.reindexNeeded(writeDB) {
            report.notices.append(
                "\(stale): run `oot-hud reindex --db \(options.databasePath)` to fold the whole log by today's rules")
        }
    }

    /// Stage `plan`: the backends and the ``RenderPlan``.
    mutating func plan() throws {
        let source = try PageSource(options: options, renderer: renderer, context: site, allowlist: allowlist)
        backends = try source.backends()
        renderPlan = try RenderPlanner.plan(
            source: source, backends: backends, changes: changes,
            published: try publisher.currentTree == nil ? nil : publisher.state, forceReason: forceReason,
            fingerprint: fingerprint, search: search)
        report.full = renderPlan.full
        report.reason = renderPlan.reason
    }

    /// Stage `render`: the plan's pages, on ``BuildOptions/renderWorkers`` workers, into the
    /// scratch tree; on a full build, files no page produced any more are removed.
    mutating func render() async throws {
        let scratch = try publisher.prepare().path
        let (items, letters) = try RenderPlanner.items(
            renderPlan, backends: backends,
            source: try PageSource(options: options, renderer: renderer, context: site, allowlist: allowlist))
        // Said once per build that writes a comment.md: without a usable --site-url it has no
        // links to the site.
        if items.contains(where: { if case .pr = $0 { true } else { false } }),
            let notice = SiteBuilder.siteURLNotice(options.siteURL)
        {
            report.notices.append(notice)
        }
        options.progress.start("render", total: items.count)
        let (options, renderer, site, allowlist) = (options, renderer, site, allowlist)
        let tally = try await ParallelRender.run(items, workers: options.renderWorkers, progress: options.progress) {
            PageRenderer(
                source: try PageSource(options: options, renderer: renderer, context: site, allowlist: allowlist),
                writer: try SiteWriter(directory: scratch))
        }
        options.progress.finish()
        report.pages = tally.pages
        report.renderSeconds = tally.seconds
        report.queries = tally.queries.values.sorted { $0.seconds > $1.seconds }
        let writer = try SiteWriter(directory: scratch)
        writer.absorb(tally.files)
        if renderPlan.full { report.removed = try writer.removeFilesNotWritten() }
        files = writer.files
        searchLetters = letters
    }

    /// Stage `publish`: switches `current` to the scratch tree, then marks the rendered jobs done
    /// (a build that fails before this leaves them pending for the next one).
    mutating func publish() throws {
        let renderedAt = site.now.description
        let (full, rendered, matrices) = (renderPlan.full, Array(renderPlan.backends.keys), renderPlan.matrices)
        let fingerprint = self.fingerprint
        let searchLetters = self.searchLetters
        let (trunkPages, trunkLanding) = (renderPlan.trunkPages, renderPlan.trunkLanding)
        try publisher.publish(changed: files.changed) { state in
            if let trunkPages { state.trunk = trunkPages }
            if trunkLanding { state.trunkRenderedAt = renderedAt }
            state.fingerprint = fingerprint
            state.renderedAt = renderedAt
            if full { state.backendsRenderedAt = [:] }
            for repo in rendered { state.backendsRenderedAt[repo] = renderedAt }
            // What the matrices now show, for the next build's older pages (docs/paging.md).
            if let searchLetters { state.searchLetters = searchLetters }
            if full || state.matrices == nil {
                state.matrices = matrices
            } else {
                state.matrices?.merge(matrices) { _, new in new }
            }
        }
        try SiteIndex.clearPending(writeDB, changes.jobs)
        try SearchIndex.clearDirty(writeDB)
        if renderPlan.full, forceReason != nil { try SiteIndex.clearForceFull(writeDB) }
        report.written = files.written
        report.changedPaths = files.changed
        report.unchanged = files.unchanged
        report.build = publisher.state.build
        report.published = publisher.root.appendingPathComponent("current").path
    }
}
