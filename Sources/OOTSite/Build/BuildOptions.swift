import Foundation
import OOTCore

/// Inputs of one `oot-hud build`.
public struct BuildOptions: Sendable {
    /// The SQLite database (written by ingest; the build folds and harvests into it, then reads).
    public var databasePath: String
    /// The output directory.
    public var outputDirectory: String
    /// The Mustache templates folder (with `assets/style.css`).
    public var templatesDirectory: String
    /// The saved queries folder (`<name>/query.sql` + `params.json`).
    public var queriesDirectory: String
    /// Where JUnit artifacts may come from: `file://` roots, the drop folder, remote hosts.
    public var harvest: HarvestOptions
    /// The instant the site describes; `nil` means the current time.
    public var now: UTCTimestamp?
    /// Summary window in days.
    public var days: Int64
    /// PRs per backend matrix page.
    public var prsPerPage: Int64
    /// Testcases listed per drill-down page.
    public var testcasesPerJobPage: Int64
    /// Public base URL of the site (for absolute links in `comment.md`).
    public var siteURL: String?
    /// The relay's allowlist (`data/allowlist.yml`); registered backends are listed even without data.
    public var allowlistPath: String?
    /// Pass-rate chips: green at or above this rate (spec §9: 0.95).
    public var greenThreshold: Double
    /// Pass-rate chips: yellow at or above this rate, red below (spec §9: 0.80).
    public var yellowThreshold: Double
    /// A backend silent for longer than this many hours is marked stale.
    public var staleHours: Int
    /// Render every page instead of only those fed by what changed.
    public var full: Bool
    /// Where stage progress goes (drawn only on a terminal by default).
    public var progress: BuildProgress
    /// Render threads, each with its own read-only connection (default: one per core).
    public var renderWorkers: Int

    /// Creates options with the defaults of `oot-hud build`.
    public init(
        databasePath: String, outputDirectory: String, templatesDirectory: String = "templates",
        queriesDirectory: String = "data/queries", harvest: HarvestOptions = HarvestOptions(), now: UTCTimestamp? = nil,
        days: Int64 = 7, prsPerPage: Int64 = 50, testcasesPerJobPage: Int64 = 500, siteURL: String? = nil,
        allowlistPath: String? = nil, greenThreshold: Double = 0.95, yellowThreshold: Double = 0.80,
        staleHours: Int = 24,
        full: Bool = false, progress: BuildProgress = BuildProgress(enabled: false),
        renderWorkers: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.renderWorkers = renderWorkers
        self.full = full
        self.progress = progress
        self.allowlistPath = allowlistPath
        self.greenThreshold = greenThreshold
        self.yellowThreshold = yellowThreshold
        self.staleHours = staleHours
        self.databasePath = databasePath
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.queriesDirectory = queriesDirectory
        self.harvest = harvest
        self.now = now
        self.days = days
        self.prsPerPage = prsPerPage
        self.testcasesPerJobPage = testcasesPerJobPage
        self.siteURL = siteURL
    }
}

/// The cost of one saved query over a build.
public struct QueryStat: Sendable, Equatable {
    /// The query's folder name.
    public let name: String
    /// Times it ran.
    public let runs: Int
    /// Rows it returned in total.
    public let rows: Int
    /// Seconds spent in it in total (prepare, bind, step).
    public let seconds: Double
}

/// What one build did, for the summary line.
public struct BuildReport: Sendable {
    /// The fold stage.
    public var fold = FoldSummary()
    /// The harvest stage.
    public var harvest = HarvestSummary()
    /// Files written (new or changed).
    public var written = 0
    /// Files whose bytes were unchanged (left alone).
    public var unchanged = 0
    /// Pages by kind: `summary`, `backend`, `pr`, `job`, `test`, `flaky`, `scheduled`, `feed`, `index`.
    public var pages: [String: Int] = [:]
    /// Files removed because no page produces them any more (full builds only).
    public var removed = 0
    /// Seconds spent per stage: `fold`, `harvest`, `index`, `prepare`, `render`, `publish`.
    public var seconds: [String: Double] = [:]
    /// Whether every page was rendered, and why (or what changed).
    public var full = false
    /// See ``full``.
    public var reason = ""
    /// The number of the published build.
    public var build = 0
    /// The published tree (`<out>/current`).
    public var published = ""

    /// Render time per kind of work (`summary`, `backend`, `pr`, `job`), summed over workers.
    public var renderSeconds: [String: Double] = [:]
    /// Time spent in each saved query during the render stage, slowest first.
    public var queries: [QueryStat] = []

    /// Things the operator should act on, one sentence each (printed to stderr after ``line``),
    /// such as a database whose rows predate the fold rules.
    public var notices: [String] = []

    /// An empty report (nothing done yet).
    public init() {}
    /// The instant the pages describe.
    public var now = UTCTimestamp(seconds: 0)

    /// One line: build number and kind, callbacks folded, artifacts harvested, pages rendered,
    /// files written/unchanged/removed, seconds per stage.
    public var line: String {
        let stages = ["fold", "harvest", "index", "prepare", "render", "publish"].map {
            "\($0) \(String(format: "%.2f", seconds[$0] ?? 0))s"
        }
        return "build \(build) (\(full ? "full" : "incremental"): \(reason)): folded \(fold.applied) callbacks "
            + "(\(fold.failed) bad), harvested \(harvest.harvested) artifacts "
            + "(\(harvest.fetched) downloaded, \(harvest.dropped) from the drop folder, \(harvest.problems) with problems, "
            + "\(harvest.testcases) testcases), "
            + "pages: \(pages.values.reduce(0, +)) rendered, files: \(written) written, \(unchanged) unchanged, \(removed) removed; "
            + stages.joined(separator: ", ")
    }
}
