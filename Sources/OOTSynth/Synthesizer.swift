import Foundation
import OOTCore

/// `oot-hud-synth`: plans a history, writes its JUnit files and appends its callbacks.
///
/// The plan is a `SynthPlan`; JUnit files go under the artifacts directory; callbacks go to the
/// `callbacks` log in batches. It does not fold; `oot-hud build` does that later. Both entry points
/// are synchronous and block the calling thread until done (they use their own worker threads), so
/// call them from a synchronous `main`, not from a task on Swift's cooperative pool.
public enum Synthesizer {
    /// Generates a full history into an empty database.
    ///
    /// - Parameters:
    ///   - options: Sizes, seed and time (see ``SynthOptions``).
    ///   - databasePath: The SQLite file (created with its directory when missing; must hold no callbacks yet).
    ///   - artifactsPath: Directory for JUnit files (created when missing); `artifact_url` values
    ///     are `file://<path relative to it>`, for `oot-hud build --artifact-root <it>`.
    ///   - progress: Receives one line per stage.
    /// - Returns: What was written, with seconds per stage.
    /// - Throws: ``SynthError`` for a non-empty database or an internal inconsistency;
    ///   ``SQLiteError``, ``SchemaError`` or file-system errors.
    public static func generate(
        options: SynthOptions, databasePath: String, artifactsPath: String,
        progress: (String) -> Void = { _ in }
    ) throws -> SynthSummary {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: databasePath).deletingLastPathComponent(), withIntermediateDirectories: true)
        let database = try OOTDatabase.openForWriting(path: databasePath)
        let log = try CallbackLog(database: database)
        let existing = try log.count()
        guard existing == 0 else {
            throw SynthError(
                "\(databasePath) already holds \(existing) callbacks; use --append N to add to it, or a new --db path")
        }

        var clock = Stopwatch()
        let plan = SynthPlan.make(options)
        var summary = plan.summary
        summary.stageSeconds.append(("plan", clock.lap()))
        let days = Double(options.jobs) / Double(max(1, options.jobsPerDay))
        progress(
            "synth: plan: \(plan.jobs.count) jobs (\(summary.nightlyJobs) nightly, \(summary.reruns) reruns, "
                + "\(summary.running) running of which \(summary.lost) lost) on \(plan.backends.count) backends, "
                + "\(summary.prs) PRs / \(summary.pushes) pushes over \(format(days)) days; "
                + "\(plan.events.count) callbacks, \(plan.files.count) JUnit files; \(format(summary.stageSeconds.last!.1)) s"
        )

        let counts = try writeJUnit(plan: plan, artifactsPath: artifactsPath)
        summary.junitFiles = counts.count
        summary.junitBytes = counts.reduce(0) { $0 + $1.bytes }
        summary.stageSeconds.append(("junit", clock.lap()))
        progress(
            "synth: junit: \(counts.count) files (\(summary.bigJUnitFiles) big), "
                + "\(format(Double(summary.junitBytes) / 1e6)) MB under \(artifactsPath); \(format(summary.stageSeconds.last!.1)) s"
        )

        let batches = try appendCallbacks(plan: plan, fileCounts: counts, log: log)
        summary.callbacks = plan.events.count
        summary.firstCallback = plan.events.first.map { UTCTimestamp(micros: $0.micros) }
        summary.lastCallback = plan.events.last.map { UTCTimestamp(micros: $0.micros) }
        summary.stageSeconds.append(("callbacks", clock.lap()))
        progress(
            "synth: callbacks: \(summary.callbacks) appended to \(databasePath) in \(batches) transactions; "
                + "\(format(summary.stageSeconds.last!.1)) s")
        return summary
    }

    /// Adds exactly `count` callbacks after what a database already holds (`--append N`): running
    /// jobs completing, some with a new small JUnit file, and the jobs of new PRs starting.
    ///
    /// It learns backends, matrices, ids and running jobs from the newest 50,000 callbacks, so any
    /// OOT HUD database works, not only a generated one. Deterministic for a seed and a database.
    ///
    /// - Parameters:
    ///   - count: Callbacks to add (exactly; at least 1).
    ///   - options: Only `seed`, `now`, `bigJUnitBytes` (small-report scale) and `batchSize` are used.
    ///   - databasePath: An OOT HUD database that already holds callbacks.
    ///   - artifactsPath: Where the new JUnit files go (same layout as ``generate(options:databasePath:artifactsPath:progress:)``).
    ///   - progress: Receives one line per stage.
    /// - Returns: What was added (`jobs` = `callbacks` = `count`), with seconds per stage.
    /// - Throws: ``SynthError`` for a database with no callbacks or no pull-request jobs in its
    ///   newest 50,000; ``SQLiteError`` or file-system errors.
    public static func append(
        count: Int, options: SynthOptions, databasePath: String, artifactsPath: String,
        progress: (String) -> Void = { _ in }
    ) throws -> SynthSummary {
        try Appender.append(
            count: count, options: options, databasePath: databasePath, artifactsPath: artifactsPath,
            progress: progress)
    }

    /// Writes every file of `plan` (in parallel; each file's bytes depend only on the plan).
    ///
    /// - Returns: The counts of each file, indexed like ``SynthPlan/files``.
    static func writeJUnit(plan: SynthPlan, artifactsPath: String) throws -> [ReportCounts] {
        let root = URL(fileURLWithPath: artifactsPath, isDirectory: true)
        var directories = Set<String>()
        for file in plan.files { directories.insert((file.path as NSString).deletingLastPathComponent) }
        for directory in directories.sorted() {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(directory, isDirectory: true), withIntermediateDirectories: true)
        }
        let results: [Result<ReportCounts, Error>] = parallelMap(plan.files.count, workers: plan.options.workers) { i in
            let file = plan.files[i]
            let (bytes, counts) = ReportWriter.render(request(plan: plan, file: file))
            do {
                try Data(bytes).write(to: root.appendingPathComponent(file.path))
                return .success(counts)
            } catch {
                return .failure(error)
            }
        }
        return try results.map { try $0.get() }
    }

    /// The render request of one planned file.
    static func request(plan: SynthPlan, file: SynthFile) -> ReportRequest {
        let job = plan.jobs[Int(file.job)]
        let selection = plan.selection(of: job)
        let failing = job.conclusion == .failure ? FailurePlan.make(seed: job.seed, selection: selection) : nil
        let recovered =
            job.rerunOf >= 0 ? FailurePlan.make(seed: plan.jobs[Int(job.rerunOf)].seed, selection: selection) : nil
        return ReportRequest(
            pool: plan.pools[Int(job.backend)], selection: selection, big: file.big,
            minimumBytes: plan.options.bigJUnitBytes, seed: job.seed, failing: failing, recovered: recovered,
            startMicros: job.startMicros)
    }

    /// Appends the plan's callbacks in arrival order, `batchSize` per transaction; the next batch
    /// is built (bodies rendered and extracted, in parallel) while the current one is written.
    ///
    /// - Returns: The number of transactions.
    static func appendCallbacks(plan: SynthPlan, fileCounts: [ReportCounts], log: CallbackLog) throws -> Int {
        let batchSize = max(1, plan.options.batchSize)
        let batches = (plan.events.count + batchSize - 1) / batchSize
        let counts = fileCounts
        func build(_ k: Int) -> Pending<Result<[CallbackLog.Entry], SynthError>> {
            Pending {
                let range = (k * batchSize)..<min(plan.events.count, (k + 1) * batchSize)
                let entries: [Result<CallbackLog.Entry, SynthError>] = parallelMap(
                    range.count, workers: plan.options.workers
                ) { i in
                    entry(plan: plan, event: plan.events[range.lowerBound + i], fileCounts: counts)
                }
                var out: [CallbackLog.Entry] = []
                out.reserveCapacity(entries.count)
                for e in entries {
                    switch e {
                    case .success(let entry): out.append(entry)
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(out)
            }
        }
        var next = batches > 0 ? build(0) : nil
        for k in 0..<batches {
            let entries = try next!.wait().get()
            next = k + 1 < batches ? build(k + 1) : nil
            try log.append(entries)
        }
        return batches
    }

    /// One callback ready to append: its body, the record `JobRecord.extract` reads from it, and
    /// its receive time.
    static func entry(plan: SynthPlan, event: SynthEvent, fileCounts: [ReportCounts]) -> Result<
        CallbackLog.Entry, SynthError
    > {
        let job = plan.jobs[Int(event.job)]
        var results: CallbackBodies.TestResults?
        var url: String?
        if event.completed {
            results = CallbackBodies.testResults(plan: plan, job: job, fileCounts: fileCounts)
            if job.file >= 0 { url = "file://" + plan.files[Int(job.file)].path }
        }
        let body = Data(
            CallbackBodies.body(plan: plan, job: job, completed: event.completed, results: results, artifactURL: url))
        do {
            let record = try JobRecord.extract(fromBody: body)
            return .success(
                CallbackLog.Entry(body: body, record: record, receivedAt: UTCTimestamp(micros: event.micros)))
        } catch {
            return .failure(
                SynthError(
                    "generated body does not pass extraction (\(error.description)): \(String(decoding: body, as: UTF8.self))"
                ))
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Wall-clock laps (monotonic clock).
struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the previous lap (or creation).
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
