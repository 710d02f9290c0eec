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
    /// Upstream commits per page of the trunk grid `/oot/trunk/` (issue 18: 50).
    public var commitsPerPage: Int64
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
    /// The L3 bar of the readiness card and the "would be downgraded" warning (issue 16).
    public var readiness: ReadinessThresholds
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
        days: Int64 = 7, prsPerPage: Int64 = 50, commitsPerPage: Int64 = 50, testcasesPerJobPage: Int64 = 500,
        siteURL: String? = nil,
        allowlistPath: String? = nil, greenThreshold: Double = 0.95, yellowThreshold: Double = 0.80,
        staleHours: Int = 24, readiness: ReadinessThresholds = ReadinessThresholds(),
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
        self.readiness = readiness
        self.databasePath = databasePath
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
        self.queriesDirectory = queriesDirectory
        self.harvest = harvest
        self.now = now
        self.days = days
        self.prsPerPage = prsPerPage
        self.commitsPerPage = commitsPerPage
        self.testcasesPerJobPage = testcasesPerJobPage
        self.siteURL = siteURL
    }
}
