import OOTCore

/// "Since when": a backend whose latest trunk result is red, with the first commit of its current
/// red streak and the last green one before it (issue 18), for example "torch-npu: red since
/// a1b2c3d (5 commits, 9h), last green e4f5a6b".
///
/// Commits are in the trunk grid's order (first run, newest first). Running and unclear commits
/// (``CommitOutcome``) are stepped over: they neither extend nor end a streak.
struct RedStreak: Sendable, Encodable {
    let repo: String
    let level: LevelChip
    /// The backend's jobs at each commit (``TrunkBackendPage``), relative to the page.
    let href: String?
    /// The first red commit of the streak: short SHA and its upstream commit page.
    let since: String
    let sinceHref: String?
    /// Red commits in the streak (those the backend ran and found red).
    let commits: Int
    /// `commit` or `commits`.
    let commitsWord: String
    /// How long it has been red: from the backend's first run on the first red commit to now
    /// (`9h 12m`).
    let redFor: String
    /// The last green commit before the streak; `nil` when none is within the window.
    let lastGreen: String?
    let lastGreenHref: String?
    /// The window searched for a green commit, in upstream commits (the latest, when
    /// ``lastGreen`` is `nil`).
    let window: Int64
    /// The full SHAs and the streak's start (UTC, ISO-8601), for `index.json`.
    @NotEncoded var sinceSHA: String
    @NotEncoded var lastGreenSHA: String?
    @NotEncoded var redSince: String?

    /// The streak in `states` (one backend's commits, newest first), as raw rows: the first red
    /// commit, how many red commits, and the last green one; `nil` when the latest result is
    /// green or there is none.
    static func find(in states: [OotTrunkStatesRow]) -> (
        firstRed: OotTrunkStatesRow, count: Int, lastGreen: OotTrunkStatesRow?
    )? {
        guard let latest = states.latestResult, latest.outcome == .red else { return nil }
        var firstRed = latest
        var count = 0
        for state in states {
            switch state.outcome {
            case .red:
                firstRed = state
                count += 1
            case .green:
                return (firstRed, count, state)
            case .running, .unclear:
                continue
            }
        }
        return (firstRed, count, nil)
    }

    /// The streak of one backend, or `nil` when its latest trunk result is not red.
    ///
    /// - Parameters:
    ///   - states: The backend's `oot_trunk_states` rows, newest first.
    ///   - href: The backend's expanded column page.
    ///   - window: The latest upstream commits the states cover.
    init?(
        repo: String, level: String, states: [OotTrunkStatesRow], href: String?, window: Int64, now: UTCTimestamp
    ) {
        guard let streak = Self.find(in: states) else { return nil }
        self.repo = repo
        self.level = LevelChip(level)
        self.href = href
        since = Format.shortSHA(streak.firstRed.sha)
        sinceHref = Self.commitURL(streak.firstRed)
        commits = streak.count
        commitsWord = streak.count == 1 ? "commit" : "commits"
        let start = UTCTimestamp(parsing: streak.firstRed.started ?? streak.firstRed.firstRun)
        redFor = Format.duration(start.map { now.timeIntervalSince1970 - $0.timeIntervalSince1970 })
        redSince = start?.description
        sinceSHA = streak.firstRed.sha
        lastGreenSHA = streak.lastGreen?.sha
        lastGreen = streak.lastGreen.map { Format.shortSHA($0.sha) }
        lastGreenHref = streak.lastGreen.flatMap(Self.commitURL)
        self.window = window
    }

    /// The upstream commit on GitHub.
    private static func commitURL(_ row: OotTrunkStatesRow) -> String? {
        SafeURL.commit(repo: row.upstreamRepo.isEmpty ? "pytorch/pytorch" : row.upstreamRepo, sha: row.sha)
    }
}
