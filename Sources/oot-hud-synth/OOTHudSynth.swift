import ArgumentParser
import Foundation
import OOTCore
import OOTSynth

/// `oot-hud-synth`: OOTSynth's command line.
///
/// A synchronous `main` on purpose: ``Synthesizer`` blocks its caller while its own threads work,
/// which is right on the main thread and wrong on a task of Swift's cooperative pool (where an
/// `AsyncParsableCommand`, like `oot-hud`'s, would run it).
@main
struct OOTHudSynth: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oot-hud-synth",
        abstract:
            "Generate a large, realistic, reproducible database of relay callbacks and JUnit files (for build benchmarks).",
        discussion: """
            Writes relay callback bodies into the callbacks log of --db (it does not fold: oot-hud build does) and \
            JUnit files under --artifacts, which the callbacks reference as file://<relative path> (build with \
            --artifact-root <artifacts>). Same arguments, same bytes. With --append N, adds exactly N callbacks \
            after what the database holds: running jobs completing and a new PR's jobs starting. See docs/synth.md.
            """)

    @Option(help: "SQLite database (created when missing; must hold no callbacks unless --append).") var db: String
    @Option(help: "Directory for the JUnit files (created when missing).") var artifacts: String
    @Option(help: "Job executions in total (PR jobs, reruns, nightly jobs).") var jobs = 1_000_000
    @Option(help: "Backend repositories.") var backends = 50
    @Option(help: "Pull requests.") var prs = 5_000
    @Option(help: "JUnit files in total.") var junit = 20_000
    @Option(help: "How many of the JUnit files are big (pytest style, at least --big-junit-bytes).") var bigJunit =
        2_000
    @Option(help: "Minimum size of a big JUnit file in bytes; small files (about 20-60 KB) scale with it.")
    var bigJunitBytes = 1_048_576
    @Option(help: "Jobs per day: the history is jobs / jobs-per-day days long, ending at --now.") var jobsPerDay = 5_000
    @Option(help: "Seed of every random draw.") var seed: UInt64 = 1
    @Option(help: "End of the history, UTC (ISO-8601).") var now = "2026-11-28T12:00:00Z"
    @Option(help: "Add exactly N callbacks after what --db already holds.") var append: Int?
    @Option(help: "Callbacks per append transaction.") var batch = 5_000
    @Option(help: "Worker threads (default: the number of processors); the output does not depend on it.")
    var workers: Int?

    func validate() throws {
        guard UTCTimestamp(parsing: now) != nil else { throw ValidationError("--now: not an ISO-8601 time: \(now)") }
        guard jobs >= 1, backends >= 1, prs >= 1, jobsPerDay >= 1, batch >= 1 else {
            throw ValidationError("--jobs, --backends, --prs, --jobs-per-day and --batch must be at least 1")
        }
        guard junit >= 0, bigJunit >= 0, bigJunit <= junit, bigJunitBytes >= 1_000 else {
            throw ValidationError("need 0 <= --big-junit <= --junit and --big-junit-bytes >= 1000")
        }
        if let append, append < 1 { throw ValidationError("--append: at least 1") }
    }

    func run() throws {
        var options = SynthOptions()
        options.jobs = jobs
        options.backends = backends
        options.prs = prs
        options.junitFiles = junit
        options.bigJUnitFiles = bigJunit
        options.bigJUnitBytes = bigJunitBytes
        options.jobsPerDay = jobsPerDay
        options.seed = seed
        options.now = UTCTimestamp(parsing: now)!
        options.batchSize = batch
        if let workers { options.workers = max(1, workers) }
        let progress: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        do {
            if let append {
                let s = try Synthesizer.append(
                    count: append, options: options, databasePath: db, artifactsPath: artifacts, progress: progress)
                print(
                    "synth --append: \(s.callbacks) callbacks (\(s.callbacks - s.running) completions, \(s.running) starts "
                        + "on \(s.prs) new PR\(s.prs == 1 ? "" : "s")), "
                        + "\(s.junitFiles) JUnit files (\(mb(s.junitBytes)) MB), "
                        + "\(s.firstCallback.map { "\($0)" } ?? "-") .. \(s.lastCallback.map { "\($0)" } ?? "-"), "
                        + "\(String(format: "%.1f", s.seconds)) s")
            } else {
                let s = try Synthesizer.generate(
                    options: options, databasePath: db, artifactsPath: artifacts, progress: progress)
                let conclusions = ["success", "failure", "cancelled", "timed_out"].map {
                    "\($0) \(s.conclusions[$0] ?? 0)"
                }
                print(
                    "synth: \(s.jobs) jobs (\(s.nightlyJobs) nightly, \(s.reruns) reruns, \(s.running) running, \(s.lost) lost; "
                        + conclusions.joined(separator: ", ") + "), \(s.callbacks) callbacks, "
                        + "\(s.junitFiles) JUnit files (\(s.bigJUnitFiles) big, \(mb(s.junitBytes)) MB), "
                        + "\(String(format: "%.1f", s.seconds)) s")
            }
        } catch let error as SynthError {
            throw ValidationError(error.description)
        }
    }

    private func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }
}
