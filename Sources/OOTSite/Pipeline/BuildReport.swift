import Foundation
import OOTCore

/// What one build did, for the summary line.
public struct BuildReport: Sendable {
    /// The fold stage.
    public var fold = FoldSummary()
    /// The harvest stage.
    public var harvest = HarvestSummary()
    /// Files written (new or changed).
    public var written = 0
    /// Relative paths this build wrote (new or changed) or removed, in order.
    public var changedPaths: [String] = []
    /// Files whose bytes were unchanged (left alone).
    public var unchanged = 0
    /// Pages by kind: `summary`, `backend`, `pr`, `job`, `test`, `flaky`, `scheduled`, `feed`, `index`.
    public var pages: [String: Int] = [:]
    /// Files removed because no page produces them any more (full builds only).
    public var removed = 0
    /// Seconds spent per stage, by the stage's name: `fold`, `harvest`, `index`, `plan`,
    /// `render`, `publish` (``BuildStage/pipeline``).
    public var seconds: [String: Double] = [:]
    /// Per stage, the process's peak resident set (bytes) when the stage ended, where `/proc` tells.
    public var peakBytes: [String: Int] = [:]
    /// Whether every page was rendered, and why (or what changed).
    public var full = false
    /// See ``full``.
    public var reason = ""
    /// The number of the published build.
    public var build = 0
    /// The published tree (`<out>/current`).
    public var published = ""

    /// Seconds the index stage spent on the search tables (``SearchIndex``), part of `index`.
    public var searchIndexSeconds = 0.0

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

    /// One line per stage, in pipeline order: `peak RSS after <stage>: <MiB> MiB` (the process's
    /// peak resident set when the stage ended), for `build --query-stats`.
    public var peakMemoryLines: [String] {
        BuildStage.pipeline.compactMap { stage in
            peakBytes[stage.name].map { "peak RSS after \(stage.name): \($0 / 1_048_576) MiB" }
        }
    }

    /// One line: build number and kind, callbacks folded, artifacts harvested, pages rendered,
    /// files written/unchanged/removed, seconds per stage, then the seconds the search index
    /// took in the index stage and in the render stage (summed over workers).
    public var line: String {
        let stages = BuildStage.pipeline.map { "\($0.name) \(String(format: "%.2f", seconds[$0.name] ?? 0))s" }
        return "build \(build) (\(full ? "full" : "incremental"): \(reason)): folded \(fold.applied) callbacks "
            + "(\(fold.failed) bad), harvested \(harvest.harvested) artifacts "
            + "(\(harvest.fetched) downloaded, \(harvest.dropped) from the drop folder, \(harvest.problems) with problems, "
            + "\(harvest.testcases) testcases), "
            + "pages: \(pages.values.reduce(0, +)) rendered, files: \(written) written, \(unchanged) unchanged, \(removed) removed; "
            + stages.joined(separator: ", ")
            + "; search index \(String(format: "%.3f", searchIndexSeconds))s + render "
            + "\(String(format: "%.3f", renderSeconds["search"] ?? 0))s"
    }
}
