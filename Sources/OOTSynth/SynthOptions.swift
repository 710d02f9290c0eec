import Foundation
import OOTCore

/// The knobs of one `oot-hud synth` run.
///
/// Every count is exact unless noted; times are UTC.
public struct SynthOptions: Sendable {
    /// Job executions in total (PR jobs, reruns and nightly jobs; each is one `dynamoKey`).
    public var jobs = 1_000_000
    /// Backend repositories (`org-N/torch-<device>`).
    public var backends = 50
    /// Pull requests (each with 1–3 pushes).
    public var prs = 5_000
    /// JUnit files written in total (fewer only if there are fewer completed test jobs).
    public var junitFiles = 20_000
    /// How many of the JUnit files are big (pytest style, at least ``bigJUnitBytes``).
    public var bigJUnitFiles = 2_000
    /// Minimum size of a big JUnit file, in bytes (1 MiB); small files are about 20–60 KB,
    /// scaled by the same factor when this is lowered (for fast tests).
    public var bigJUnitBytes = 1_048_576
    /// Jobs per day; the history is `jobs / jobsPerDay` days long and ends at ``now``.
    public var jobsPerDay = 5_000
    /// Seed of every random draw.
    public var seed: UInt64 = 1
    /// The end of the history ("now" for the generated data).
    public var now = UTCTimestamp(seconds: 1_795_867_200)  // 2026-11-28T12:00:00Z
    /// Callbacks appended per `CallbackLog.append` call (one transaction each).
    public var batchSize = 5_000
    /// Worker threads for JUnit files and callback bodies (default: active processors).
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    /// The defaults: 1M jobs, 50 backends, 5,000 PRs, 20,000 JUnit files (2,000 big), 5,000
    /// jobs a day, seed 1, now 2026-11-28T12:00:00Z.
    public init() {}

    /// Approximate size of a small JUnit report, in bytes (40 KB at the default big size).
    public var smallJUnitBytes: Int { max(1_000, Int(40_000.0 * Double(bigJUnitBytes) / 1_048_576.0)) }
}

/// What a generation or append run produced; printed as the command's summary line.
public struct SynthSummary: Sendable, Equatable {
    /// Job executions planned (for `--append`: jobs touched).
    public var jobs = 0
    /// Of which nightly jobs.
    public var nightlyJobs = 0
    /// Of which reruns (`run_attempt` > 1).
    public var reruns = 0
    /// Jobs with no `completed` callback (still running, lost ones included).
    public var running = 0
    /// Of which started more than 6 h before `now` ("lost").
    public var lost = 0
    /// Completed jobs by conclusion: `success`, `failure`, `cancelled`, `timed_out`.
    public var conclusions: [String: Int] = [:]
    /// Distinct PRs.
    public var prs = 0
    /// PR pushes (distinct head SHAs).
    public var pushes = 0
    /// Callbacks appended to the `callbacks` table.
    public var callbacks = 0
    /// JUnit files written.
    public var junitFiles = 0
    /// Of which big.
    public var bigJUnitFiles = 0
    /// Bytes of JUnit XML written.
    public var junitBytes = 0
    /// First `received_at` of the appended callbacks.
    public var firstCallback: UTCTimestamp?
    /// Last `received_at` of the appended callbacks.
    public var lastCallback: UTCTimestamp?
    /// Wall-clock seconds per stage, in stage order.
    public var stageSeconds: [(String, Double)] = []

    /// Creates an empty summary.
    public init() {}

    /// Total wall-clock seconds.
    public var seconds: Double { stageSeconds.reduce(0) { $0 + $1.1 } }

    /// Equal when every count and time range is equal (stage timings are ignored).
    public static func == (a: SynthSummary, b: SynthSummary) -> Bool {
        a.jobs == b.jobs && a.nightlyJobs == b.nightlyJobs && a.reruns == b.reruns && a.running == b.running
            && a.lost == b.lost && a.conclusions == b.conclusions && a.prs == b.prs && a.pushes == b.pushes
            && a.callbacks == b.callbacks && a.junitFiles == b.junitFiles && a.bigJUnitFiles == b.bigJUnitFiles
            && a.junitBytes == b.junitBytes && a.firstCallback == b.firstCallback && a.lastCallback == b.lastCallback
    }
}

/// Why a run could not start.
public struct SynthError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in words.
    public let description: String

    /// Creates an error with a message.
    public init(_ description: String) { self.description = description }
}
