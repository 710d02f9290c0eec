import OOTCore

/// What a generation or append run produced; the command prints it as its summary line.
///
/// Counts are exact; times are UTC. Only the generator fills it in, so every field is read-only
/// outside this module.
public struct SynthSummary: Sendable, Equatable {
    /// Job executions planned (for `--append`: jobs touched).
    public internal(set) var jobs = 0
    /// Of which nightly jobs.
    public internal(set) var nightlyJobs = 0
    /// Of which reruns (`run_attempt` > 1).
    public internal(set) var reruns = 0
    /// Jobs with no `completed` callback (still running, lost ones included).
    public internal(set) var running = 0
    /// Of which started more than 6 h before `now` ("lost").
    public internal(set) var lost = 0
    /// Completed jobs by conclusion: `success`, `failure`, `cancelled`, `timed_out`.
    public internal(set) var conclusions: [String: Int] = [:]
    /// Distinct PRs.
    public internal(set) var prs = 0
    /// PR pushes (distinct head SHAs).
    public internal(set) var pushes = 0
    /// Callbacks appended to the `callbacks` table.
    public internal(set) var callbacks = 0
    /// JUnit files written.
    public internal(set) var junitFiles = 0
    /// Of which big.
    public internal(set) var bigJUnitFiles = 0
    /// Bytes of JUnit XML written.
    public internal(set) var junitBytes = 0
    /// First `received_at` of the appended callbacks.
    public internal(set) var firstCallback: UTCTimestamp?
    /// Last `received_at` of the appended callbacks.
    public internal(set) var lastCallback: UTCTimestamp?
    /// Wall-clock seconds per stage, in stage order.
    var stageSeconds: [(String, Double)] = []

    /// Creates an empty summary.
    init() {}

    /// Total wall-clock seconds of every stage.
    public var seconds: Double { stageSeconds.reduce(0) { $0 + $1.1 } }

    /// Equal when every count and time range is equal (stage timings are ignored).
    public static func == (a: SynthSummary, b: SynthSummary) -> Bool {
        a.jobs == b.jobs && a.nightlyJobs == b.nightlyJobs && a.reruns == b.reruns && a.running == b.running
            && a.lost == b.lost && a.conclusions == b.conclusions && a.prs == b.prs && a.pushes == b.pushes
            && a.callbacks == b.callbacks && a.junitFiles == b.junitFiles && a.bigJUnitFiles == b.bigJUnitFiles
            && a.junitBytes == b.junitBytes && a.firstCallback == b.firstCallback && a.lastCallback == b.lastCallback
    }
}
