import OOTCore

/// One backend's column of the trunk grid expanded into its jobs, `/oot/<org>/<repo>/commits/`
/// (issue 18, spec §9.4's sub-columns "{backend} / {job}"): rows are the upstream commits it ran
/// on (pushes to main, nightly and periodic runs together), in the grid's order, with the worst
/// state first ("all jobs", the grid's cell) and then one column per job.
struct TrunkBackendPage: Sendable, Encodable {
    let page: PageChrome
    let repo: String
    let level: LevelChip
    let oncalls: String?
    let github: String?
    let summaryHref: String
    let tabs: [Tab]
    /// The trunk grid view that shows this backend.
    let gridHref: String?
    let streak: RedStreak?
    let matrix: JobMatrix
    let isEmpty: Bool
    /// Commits shown at most, and the window, in days.
    let limit: Int64
    let days: Int64
    /// The red streak's window, in upstream commits.
    let window: Int64

    /// The page's directory under the backend's home: `<home>/commits`.
    static func directory(home: String) -> String { home + "/commits" }

    /// The tab of this page in the backend's tab bar.
    static let tabLabel = "All commits"

    /// Builds the page from `oot_trunk_backend` rows (the backend's runs on its latest commits,
    /// newest commit first) and its `oot_trunk_states` rows (newest first, over the latest `window`
    /// upstream commits).
    ///
    /// - Throws: ``SQLiteError`` when a path lookup fails.
    init(
        backend: BackendInfo, home: String, jobs: [JobRow], states: [OotTrunkStatesRow], limit: Int64, days: Int64,
        window: Int64, paths: SitePaths, context: SiteContext
    ) throws(SQLiteError) {
        let directory = Self.directory(home: home)
        page = PageChrome(title: "\(backend.repo) — upstream commits | OOT CI", directory: directory, context: context)
        repo = backend.repo
        level = LevelChip(backend.level)
        oncalls = backend.oncalls.isEmpty ? nil : backend.oncalls.joined(separator: ", ")
        github = SafeURL.external("https://github.com/\(backend.repo)")
        let links = PageLinks(directory: directory, paths: paths)
        summaryHref = links.page("oot")
        tabs = BackendPage.tabs(home: home, kinds: backend.scheduledKinds, current: nil, links: links, commits: true)
        gridHref = TrunkView.narrowest(showing: backend.level).map { links.page($0.directory) }
        streak = RedStreak(
            repo: backend.repo, level: backend.level, states: states, href: nil, window: window, now: context.now)
        matrix = try JobMatrix(jobs: jobs, byPR: false, byCommit: true, links: links, now: context.now)
        isEmpty = jobs.isEmpty
        self.limit = limit
        self.days = days
        self.window = window
    }
}
