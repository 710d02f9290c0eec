import Foundation
import OOTCore

/// The knobs of one `oot-hud-synth` run.
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
    var smallJUnitBytes: Int { max(1_000, Int(40_000.0 * Double(bigJUnitBytes) / 1_048_576.0)) }
}
