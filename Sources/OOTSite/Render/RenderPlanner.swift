import OOTCore

/// Decides what a build renders (``RenderPlan``) and lists the work (``RenderItem``s): the one
/// place that chooses between a full and an incremental build.
enum RenderPlanner {
    /// Why this build must render every page, or `nil` when only what changed needs it: asked for
    /// (`--full`), nothing published yet (`first build`), a reason the database recorded
    /// (`reindex`, `prune`, a new page layout), or different templates, queries or options than
    /// the published build's (`fingerprint`).
    static func fullReason(
        requested: Bool, published: SitePublisher.State?, forceReason: String?, fingerprint: String
    ) -> String? {
        if requested { return "--full" }
        guard let published else { return "first build" }
        return published.forceFull ?? forceReason
            ?? (published.fingerprint != fingerprint ? "templates, queries or options changed" : nil)
    }

    /// PR pages an incremental build re-renders at most because a trunk run changed.
    static let reclassifiedPRs: Int64 = 500

    /// The plan of this build: a full one when ``fullReason(requested:published:forceReason:fingerprint:)``
    /// gives a reason, else the pages fed by `changes`, by backends not refreshed for an hour,
    /// by running jobs that turned lost since the published build (`oot_lost_transitions`), and
    /// the PR pages whose classification a changed trunk run may change (`oot_prs_reclassified`).
    ///
    /// - Parameters:
    ///   - published: The published build's state, `nil` when nothing is published.
    ///   - search: The search index files the index stage changed (`nil`: all of them).
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func plan(
        source: PageSource, backends: [BackendInfo], changes: ChangeSet, published: SitePublisher.State?,
        forceReason: String?, fingerprint: String, search: SearchChanges? = SearchChanges()
    ) throws -> RenderPlan {
        let repos = backends.map(\.repo)
        if let reason = fullReason(
            requested: source.options.full, published: published, forceReason: forceReason, fingerprint: fingerprint)
        {
            var matrices: [String: MatrixPages] = [:]
            for backend in backends where backend.hasData {
                matrices[backend.repo] = try matrixPages(backend.repo, source: source)
            }
            var plan = RenderPlan.full(reason: reason, repos: repos, matrices: matrices)
            plan.trunkLanding = true
            plan.allTrunkBuckets = true
            plan.trunkPages = try trunkPages(source: source)
            return plan
        }
        let now = source.context.now
        let hourAgo = now.adding(seconds: -3600).description
        let stale = repos.filter { (published?.backendsRenderedAt[$0] ?? "") < hourAgo }
        let since = published?.renderedAt ?? now.description
        let lost = try source.queries.run(
            "oot_lost_transitions", as: OotLostTransitionsRow.self,
            ["since": .text(since), "now": .text(now.description)]
        ).map { row in
            (
                repo: row.repo, pr: row.prNumber,
                bucket: MatrixBucket.of(seq: row.seq, perPage: source.options.prsPerPage)
            )
        }
        let reclassified = try source.queries.run(
            "oot_prs_reclassified", as: OotPrsReclassifiedRow.self, ["limit": .integer(Self.reclassifiedPRs)]
        ).map(\.prNumber)
        var matrices: [String: MatrixPages] = [:]
        for repo in changes.repos.union(lost.map(\.repo)) {
            matrices[repo] = try matrixPages(repo, source: source)
        }
        var plan = RenderPlan.incremental(
            changes: changes, stale: stale, lost: lost, reclassified: reclassified, matrices: matrices,
            published: published?.matrices, search: search)
        plan.searchLetters = published?.searchLetters
        try planTrunk(&plan, backends: backends, changes: changes, published: published, source: source)
        return plan
    }

    /// The trunk grid's share of an incremental plan (docs/trunk.md): its landing pages when a run
    /// on an upstream commit changed, when a backend's level or kinds of runs changed, or when
    /// they are over an hour old; the older pages where a changed commit is listed, a commit moved
    /// on or off the landing page, or the pager changed (``MatrixPages/bucketsToRender(since:changed:)``);
    /// every older page when the columns change (a backend with such runs changed level or kinds)
    /// or the published state does not say what the pages show.
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func planTrunk(
        _ plan: inout RenderPlan, backends: [BackendInfo], changes: ChangeSet, published: SitePublisher.State?,
        source: PageSource
    ) throws {
        let hourAgo = source.context.now.adding(seconds: -3600).description
        let withRuns = Set(backends.filter { !$0.scheduledKinds.isEmpty }.map(\.repo))
        let columnsChanged = !changes.allBuckets.isDisjoint(with: withRuns)
        let stale = (published?.trunkRenderedAt ?? "") < hourAgo
        guard !changes.trunkCommits.isEmpty || columnsChanged || stale else { return }
        let pages = try trunkPages(source: source)
        plan.trunkPages = pages
        plan.trunkLanding = true
        let perPage = source.options.commitsPerPage
        var changed: [Int64: Int] = [:]
        for seq in changes.trunkCommits.values { changed[seq] = MatrixBucket.of(seq: seq, perPage: perPage) }
        if columnsChanged {
            plan.allTrunkBuckets = true
        } else if let buckets = pages.bucketsToRender(since: published?.trunk, changed: changed) {
            plan.trunkBuckets = buckets
        } else {
            plan.allTrunkBuckets = true
        }
        if !changes.trunkCommits.isEmpty { plan.reason += ", \(changes.trunkCommits.count) upstream commits changed" }
    }

    /// What the trunk grid shows now: its landing page's commits and its older pages
    /// (`oot_trunk_landing`, `oot_trunk_buckets`).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func trunkPages(source: PageSource) throws -> MatrixPages {
        let parameters: [String: SQLiteValue] = ["per_page": .integer(source.options.commitsPerPage)]
        return MatrixPages(
            trunkLanding: try source.queries.run("oot_trunk_landing", as: OotTrunkLandingRow.self, parameters),
            buckets: try source.queries.run("oot_trunk_buckets", as: OotTrunkBucketsRow.self, parameters),
            perPage: source.options.commitsPerPage)
    }

    /// What the matrix of backend `repo` shows now: its landing page's PRs and its older pages
    /// (`oot_backend_landing`, `oot_backend_buckets`).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func matrixPages(_ repo: String, source: PageSource) throws -> MatrixPages {
        let perPage = source.options.prsPerPage
        let parameters: [String: SQLiteValue] = ["repo": .text(repo), "per_page": .integer(perPage)]
        return MatrixPages(
            landing: try source.queries.run("oot_backend_landing", as: OotBackendLandingRow.self, parameters),
            buckets: try source.queries.run("oot_backend_buckets", as: OotBackendBucketsRow.self, parameters),
            perPage: perPage)
    }

    /// The tests with a history page, per backend (``PageSource/testsWithHistory(repo:days:limit:)``):
    /// what the pages across backends, the search shards' links and the A–Z pages need.
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func testsWithHistory(backends: [BackendInfo], source: PageSource) throws -> [String: Set<TestIdentity>] {
        var history: [String: Set<TestIdentity>] = [:]
        for backend in backends where backend.hasData {
            history[backend.repo] = Set(
                try source.testsWithHistory(
                    repo: backend.repo, days: PageRenderer.scheduledDays, limit: PageRenderer.historyPages))
        }
        return history
    }

    /// The tests in the plan's new reports (``RenderPlan/reports``).
    ///
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func testsInReports(_ plan: RenderPlan, source: PageSource) throws -> Set<TestIdentity> {
        var inReports: Set<TestIdentity> = []
        for key in plan.reports {
            for row in try source.queries.run(
                "oot_job_test_identities", as: OotJobTestIdentitiesRow.self, ["key": .text(key)])
            {
                inReports.insert(TestIdentity(classname: row.classname, name: row.name))
            }
        }
        return inReports
    }

    /// The search index work of `plan`: `search/index.js` and the A–Z index page when they may
    /// have changed (every full build); the A–Z letter pages whose digest differs from the
    /// published one (`letters`, computed when `history` was read; all on a full build); and the
    /// parts of word shards and the detail buckets the plan names (all on a full build), spread over items of
    /// ``SearchWork/filesPerItem``.
    ///
    /// - Parameters:
    ///   - history: Per backend, the tests with a history page (`nil` when not read: no letter
    ///     page or detail bucket is due).
    ///   - letters: This build's letter digests (``SearchPage/digests(history:)``).
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func searchItems(
        _ plan: RenderPlan, history: [String: Set<TestIdentity>]?, letters digests: [String: String]?,
        source: PageSource
    ) throws -> [RenderItem] {
        let words =
            try plan.search.map { $0.words.sorted() }
            ?? source.queries.run("oot_search_shards", as: OotSearchShardsRow.self).flatMap { row in
                SearchShard.parts(entries: row.entries).map { "\(row.shard)/\($0)" }
            }
        let buckets =
            try plan.search.map { $0.buckets.sorted() }
            ?? source.queries.run("oot_search_buckets", as: OotSearchBucketsRow.self).map(\.bucket)
        var letters: Set<String> = []
        if let digests {
            letters = Set(SearchPage.labels.filter { plan.search == nil || plan.searchLetters?[$0] != digests[$0] })
        }
        let history = history ?? [:]
        var items: [RenderItem] = []
        if plan.search?.manifest ?? true || !letters.isEmpty {
            items.append(
                .search(SearchWork(manifest: plan.search?.manifest ?? true, letters: letters, history: history)))
        }
        var rest = words[...]
        while !rest.isEmpty {
            items.append(.search(SearchWork(words: Array(rest.prefix(SearchWork.filesPerItem)), history: history)))
            rest = rest.dropFirst(SearchWork.filesPerItem)
        }
        var more = buckets[...]
        while !more.isEmpty {
            items.append(.search(SearchWork(buckets: Array(more.prefix(SearchWork.filesPerItem)), history: history)))
            more = more.dropFirst(SearchWork.filesPerItem)
        }
        return items
    }

    /// The work `plan` asks for, heaviest first (backends), so parallel workers finish together:
    /// the summary, the trunk grid, the search index, then each planned backend, then PR pages (every PR on a
    /// full build), then drill-downs (every report on a full build), then the pages across
    /// backends of the tests with a history page on some backend (on an incremental build, those
    /// in new reports).
    ///
    /// - Returns: The items, and the A–Z letter digests to keep in the published state when this
    ///   build computed them (`nil`: keep the published ones).
    /// - Throws: ``QueryError``, ``QueryRowError`` or ``SQLiteError``.
    static func items(_ plan: RenderPlan, backends: [BackendInfo], source: PageSource) throws
        -> (items: [RenderItem], searchLetters: [String: String]?)
    {
        let prs: [Int64] =
            plan.full
            ? try source.queries.run("oot_pr_numbers", as: OotPrNumbersRow.self).map(\.prNumber)
            : plan.prs.sorted(by: >)
        let reports: [String] =
            plan.full
            ? try source.queries.run("oot_report_keys", as: OotReportKeysRow.self).map(\.dynamoKey)
            : plan.reports.sorted()
        let search = plan.full ? nil : plan.search
        var plan = plan
        plan.search = search
        let needsHistory = plan.full || !plan.reports.isEmpty || plan.search?.buckets.isEmpty == false
        let history = needsHistory ? try testsWithHistory(backends: backends, source: source) : nil
        let all = (history ?? [:]).values.reduce(into: Set<TestIdentity>()) { $0.formUnion($1) }
        // The pages across backends (and A–Z letters) of the tests with history pages: all of
        // them on a full build, else those in new reports.
        let across = plan.full ? all.sorted() : all.intersection(try testsInReports(plan, source: source)).sorted()
        var items: [RenderItem] = [.summary(backends)]
        items += trunkItems(plan)
        let digests = history.map { SearchPage.digests(history: $0) }
        items += try searchItems(plan, history: history, letters: digests, source: source)
        for backend in backends { if let work = plan.backends[backend.repo] { items.append(.backend(backend, work)) } }
        items += prs.map { .pr($0) }
        items += reports.map { .job($0) }
        items += across.map { .test($0) }
        return (items, digests)
    }

    /// The trunk grid's render items: the landing pages with the first older pages, then the
    /// other older pages ``TrunkWork/bucketsPerItem`` at a time (all that exist on a full build).
    static func trunkItems(_ plan: RenderPlan) -> [RenderItem] {
        guard plan.trunkLanding || plan.allTrunkBuckets || !plan.trunkBuckets.isEmpty else { return [] }
        let existing = plan.trunkPages.map { $0.hasOlderPages ? $0.buckets : [] } ?? []
        let buckets =
            plan.allTrunkBuckets ? existing.sorted(by: >) : plan.trunkBuckets.intersection(existing).sorted(by: >)
        var items: [RenderItem] = []
        var rest = buckets[...]
        repeat {
            items.append(
                .trunk(
                    TrunkWork(
                        landing: items.isEmpty && plan.trunkLanding,
                        buckets: Array(rest.prefix(TrunkWork.bucketsPerItem)))))
            rest = rest.dropFirst(TrunkWork.bucketsPerItem)
        } while !rest.isEmpty
        return items
    }
}
