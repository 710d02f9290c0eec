import OOTCore

/// The global trunk grid `/oot/trunk/` (issue 18, spec §9.4): upstream commits × backends.
///
/// Rows are the upstream commits any backend ran on (pushes to main, nightly, periodic; spec
/// §14.3), newest first; columns are backends grouped by level, L4 first; each cell is the worst
/// state of the backend's jobs at that commit (``TrunkCell``). One page per view (``TrunkView``)
/// and bucket, paged as the backend matrix is (docs/trunk.md); above the grid on the latest page,
/// the red streaks of the view's backends.
struct TrunkGridPage: Sendable, Encodable {
    /// A backend column.
    struct Column: Sendable, Encodable {
        let repo: String
        /// The repo name without its org, for the narrow header.
        let name: String
        let level: LevelChip
        /// Its jobs as sub-columns (``TrunkBackendPage``), relative to the page.
        let href: String?
        /// Its latest trunk result is red (marked on the latest page only).
        let red: Bool
    }

    /// A header over the columns of one level.
    struct LevelGroup: Sendable, Encodable {
        let label: String
        let span: Int
        let cssClass: String
    }

    /// One upstream commit.
    struct Row: Sendable, Encodable {
        let time: String
        let timeAbsolute: String
        let sha: String
        let shaHref: String?
        /// The commit title (first line of a push's `head_commit.message`); `nil` when no push
        /// carried it (nightly and periodic runs do not).
        let title: String?
        let author: String?
        /// `push`, `nightly`, `periodic`, joined by ` + `.
        let kinds: String
        let cells: [TrunkCell]
    }

    let page: PageChrome
    /// The level toggle (``TrunkView``), each link to the same page number.
    let views: [Tab]
    let viewLabel: String
    /// `nil` on the landing page, else the bucket.
    let bucket: Int?
    let caption: String
    let summaryHref: String
    /// Backends of this view whose latest trunk result is red (on the latest page only).
    let streaks: [RedStreak]
    let hasStreaks: Bool
    /// Red backends the view hides (`openxpu/pytorch-xpu (L3)`, joined), and the view that
    /// shows them.
    let hiddenRed: String?
    let hiddenRedHref: String?
    let groups: [LevelGroup]
    let columns: [Column]
    let rows: [Row]
    let pager: Pagination
    let isEmpty: Bool
    /// No backend of this view ran an upstream commit.
    let noColumns: Bool
    /// The streak window, in upstream commits.
    let window: Int64
    /// Per row, the commit's facts and cells for `index.json` (``TrunkDocument``).
    @NotEncoded var document: TrunkDocument

    /// Builds one page of one view.
    ///
    /// - Parameters:
    ///   - view: Which levels have columns.
    ///   - bucket: The older page, or `nil` for the landing page.
    ///   - listed: The older pages that list commits, newest first (the pager's pages).
    ///   - perPage: Commits per page (``BuildOptions/commitsPerPage``).
    ///   - jobs: `oot_trunk_page` rows: every run on the page's commits, commits newest first.
    ///   - backends: Every backend; those of the view with runs on upstream commits are columns.
    ///   - states: `oot_trunk_states` rows by backend (newest commit first).
    ///   - window: The latest upstream commits `states` covers.
    /// - Throws: ``SQLiteError`` when a path lookup fails.
    init(
        view: TrunkView, bucket: Int?, listed: [Int], perPage: Int, jobs: [JobRow], backends: [BackendInfo],
        states statesByRepo: [String: [OotTrunkStatesRow]], window: Int64, paths: SitePaths, context: SiteContext
    ) throws(SQLiteError) {
        let directory = bucket.map { BackendPage.bucketDirectory(home: view.directory, bucket: $0) } ?? view.directory
        page = PageChrome(
            title: "Trunk: upstream commits × backends" + (bucket.map { " (page \($0))" } ?? "") + " | OOT CI",
            directory: directory, context: context)
        let links = PageLinks(directory: directory, paths: paths)
        self.bucket = bucket
        self.window = window
        viewLabel = view.label
        views = TrunkView.allCases.map { other in
            Tab(
                label: other.label,
                href: links.page(
                    bucket.map { BackendPage.bucketDirectory(home: other.directory, bucket: $0) } ?? other.directory),
                current: other == view)
        }
        if let bucket {
            caption =
                "Page \(bucket): upstream commits \((bucket - 1) * perPage + 1)–\(bucket * perPage) in order of first appearance, newest first, except those on the latest page."
        } else {
            caption =
                "Rows are upstream commits that any backend ran on (pushes to main, nightly and periodic runs), newest first; columns are backends, L4 first."
        }
        summaryHref = links.page("oot")
        pager = Pagination(current: bucket, listed: listed, links: links, home: view.directory)

        let order = ["L4": 0, "L3": 1]
        let shown = backends.filter { !$0.scheduledKinds.isEmpty && view.includes(level: $0.level) }
            .sorted { (order[$0.level] ?? 2, $0.repo) < (order[$1.level] ?? 2, $1.repo) }
        var streaks: [RedStreak] = []
        var hidden: [(repo: String, level: String)] = []
        var columns: [Column] = []
        var expand: [String: String?] = [:]
        for backend in backends where !backend.scheduledKinds.isEmpty {
            let href = try paths.backendDirectory(backend.repo).map { links.page(TrunkBackendPage.directory(home: $0)) }
            expand[backend.repo] = href
            // The current state is on the latest page only: an older page then changes only when
            // its commits do (docs/trunk.md).
            guard bucket == nil,
                let streak = RedStreak(
                    repo: backend.repo, level: backend.level, states: statesByRepo[backend.repo] ?? [], href: href,
                    window: window, now: context.now)
            else { continue }
            if view.includes(level: backend.level) {
                streaks.append(streak)
            } else {
                hidden.append((backend.repo, backend.level))
            }
        }
        let red = Set(streaks.map(\.repo))
        for backend in shown {
            columns.append(
                Column(
                    repo: backend.repo, name: String(backend.repo.split(separator: "/").last ?? ""),
                    level: LevelChip(backend.level), href: expand[backend.repo] ?? nil, red: red.contains(backend.repo))
            )
        }
        // Highest level first, then the longest streak, then by name.
        self.streaks = streaks.sorted {
            $0.level.text != $1.level.text
                ? $0.level.text > $1.level.text
                : $0.commits != $1.commits ? $0.commits > $1.commits : $0.repo < $1.repo
        }
        hasStreaks = !streaks.isEmpty
        hiddenRed = hidden.isEmpty ? nil : hidden.map { "\($0.repo) (\($0.level))" }.joined(separator: ", ")
        hiddenRedHref =
            hidden.compactMap { TrunkView.narrowest(showing: $0.level) }.max { $0.levels.count < $1.levels.count }
            .map { links.page($0.directory) }
        self.columns = columns
        groups = shown.map { ["L4", "L3"].contains($0.level) ? $0.level : "L2" }.consecutiveRuns().map {
            LevelGroup(label: $0.value, span: $0.count, cssClass: "level-" + $0.value.lowercased())
        }
        noColumns = shown.isEmpty

        // Commits in query order; each commit's runs by backend.
        var commitOrder: [String] = []
        var runs: [String: [String: [JobRow]]] = [:]
        for job in jobs {
            if runs[job.headSHA] == nil { commitOrder.append(job.headSHA) }
            runs[job.headSHA, default: [:]][job.downstreamRepo, default: []].append(job)
        }
        isEmpty = commitOrder.isEmpty
        var rows: [Row] = []
        var documentCommits: [TrunkDocument.Commit] = []
        for sha in commitOrder {
            let byRepo = runs[sha] ?? [:]
            let all = byRepo.values.flatMap { $0 }
            let first = all.compactMap(\.sortTime).min()
            let upstream = all.first?.upstreamRepo ?? "pytorch/pytorch"
            let title = all.compactMap(\.commitTitle).first
            let author = all.compactMap(\.commitAuthor).first
            let kinds = CommitRunKind.present(in: all)
            var cells: [TrunkCell] = []
            var results: [TrunkDocument.Result] = []
            for backend in shown {
                guard let backendRuns = byRepo[backend.repo] else {
                    cells.append(.empty)
                    continue
                }
                let cell = try TrunkCell(runs: backendRuns, links: links, now: context.now)
                cells.append(cell)
                results.append(try TrunkDocument.Result(backend: backend.repo, cell: cell, links: links))
            }
            let shaHref = SafeURL.commit(repo: upstream, sha: sha)
            rows.append(
                Row(
                    time: Format.relative(first, now: context.now), timeAbsolute: Format.absolute(first),
                    sha: Format.shortSHA(sha), shaHref: shaHref, title: title, author: author,
                    kinds: kinds.map(\.eventType).joined(separator: " + "), cells: cells))
            documentCommits.append(
                TrunkDocument.Commit(
                    sha: sha, upstreamRepo: upstream, firstRun: first?.description, title: title, author: author,
                    kinds: kinds.map(\.eventType), results: results))
        }
        self.rows = rows
        document = TrunkDocument(
            generatedAt: context.now.description, levels: view.levels, page: bucket,
            newer: pager.newer.map { $0.replacingOccurrences(of: "index.html", with: "index.json") },
            older: pager.older.map { $0.replacingOccurrences(of: "index.html", with: "index.json") },
            backends: shown.map { backend in
                TrunkDocument.Backend(
                    repo: backend.repo, level: backend.level, page: expand[backend.repo] ?? nil,
                    latestResult: bucket != nil ? nil : statesByRepo[backend.repo]?.latestResult?.outcome,
                    redStreak: streaks.first { $0.repo == backend.repo }.map(TrunkDocument.Streak.init))
            }, commits: documentCommits)
    }
}
