import Foundation
import OOTCore

/// `oot-hud-synth --append N`: adds exactly N callbacks after what a database already holds, for
/// "incremental build after N new callbacks" benchmarks.
///
/// It reads the newest 50,000 callbacks of the log (not the plan: the database may come from any
/// seed, or from real traffic) to learn the backends, their levels and job matrices, the
/// highest PR number, run and check-run ids, the jobs still running and the last receive time.
/// Then, starting one second after the later of that time and `--now`, about 40 % of the new
/// callbacks complete recently started running jobs (about 30 % of completed test jobs with a
/// new small JUnit file), and the rest start the jobs of one or more new PRs (`in_progress`).
/// Jobs started over 6 h before stay lost. Deterministic for a given seed and database.
enum Appender {
    /// How far back the log is read, in callbacks.
    static let tailSize = 50_000

    /// Appends `count` callbacks.
    ///
    /// - Parameters:
    ///   - count: Callbacks to add (exactly).
    ///   - options: `seed`, `now`, `bigJUnitBytes` (small-report scale) and `batchSize` are used.
    ///   - databasePath: An OOT HUD database that already holds callbacks.
    ///   - artifactsPath: Where new JUnit files go (same layout as ``Synthesizer``).
    ///   - progress: Receives one line per stage.
    /// - Returns: What was added, with seconds per stage.
    /// - Throws: ``SynthError`` for an empty database; ``SQLiteError``, file-system errors.
    static func append(
        count: Int, options: SynthOptions, databasePath: String, artifactsPath: String,
        progress: (String) -> Void = { _ in }
    ) throws -> SynthSummary {
        var clock = Stopwatch()
        let database = try OOTDatabase.openForWriting(path: databasePath)
        let log = try CallbackLog(database: database)
        let existing = try log.count()
        guard existing > 0 else {
            throw SynthError("\(databasePath) holds no callbacks; run synth without --append first")
        }
        let tail = try readTail(database)
        guard !tail.matrices.isEmpty else {
            throw SynthError(
                "the newest \(tailSize) callbacks of \(databasePath) hold no pull-request jobs to learn from")
        }
        var summary = SynthSummary()
        summary.stageSeconds.append(("read", clock.lap()))
        progress(
            "synth --append: read \(tail.rows) callbacks: \(tail.matrices.count) backends, \(tail.open.count) running jobs, "
                + "last PR #\(tail.maxPR), last callback \(UTCTimestamp(micros: tail.lastMicros)); \(Synthesizer.format(summary.stageSeconds.last!.1)) s"
        )

        var rng = SplitMix64(seed: options.seed, stream: 0xA99E_4D00 ^ UInt64(existing))
        let base = max(tail.lastMicros, options.now.micros) + 1_000_000
        let hour: Int64 = 3_600_000_000
        let recent = tail.open.filter { $0.startedMicros >= base - 6 * hour }
        let completions = min(recent.count, count * 2 / 5)
        var isCompletion = [Bool](repeating: false, count: count)
        var need = completions
        for k in 0..<count where need > 0 {
            if rng.below(count - k) < need {
                isCompletion[k] = true
                need -= 1
            }
        }
        var times: [Int64] = []
        var t = base
        for _ in 0..<count {
            times.append(t)
            t += Int64(8 + rng.below(15)) * 1_000_000 + Int64(rng.below(1_000_000))
        }

        // New PRs' jobs, in the order they start.
        var starts: [CallbackBodies.Fields] = []
        var prNumber = tail.maxPR
        var runID = tail.maxRunID
        var checkRunID = tail.maxCheckRunID
        let repos = tail.matrices.keys.sorted()
        var newPRs = 0
        while starts.count < count - completions {
            newPRs += 1
            prNumber += Int64(1 + rng.below(3))
            let author = rng.pick(Catalog.authors)
            let pr = SynthPR(
                number: prNumber, title: rng.pick(Catalog.titleBodies), author: author,
                ref: "\(author)/patch-\(rng.int(in: 1...99))", labels: [])
            let sha = rng.hex(40)
            let delivery = rng.uuid()
            let payload = SynthPlan.webhookPayload(pr, sha: sha, action: "opened")
            let order = repos.map { repo -> (Double, String) in
                let level = tail.levels[repo] ?? "L2"
                return (rng.exponential(mean: 1) / (level == "L4" ? 3 : level == "L3" ? 1.6 : 1), repo)
            }.sorted { $0 < $1 }.map(\.1)
            for repo in order {
                var runs: [String: Int64] = [:]
                for spec in tail.matrices[repo]! where starts.count < count - completions {
                    if runs[spec.workflow] == nil {
                        runID += 1 + Int64(rng.below(3))
                        runs[spec.workflow] = runID
                    }
                    checkRunID += 1 + Int64(rng.below(4))
                    starts.append(
                        CallbackBodies.Fields(
                            repo: repo, level: tail.levels[repo], queueMillis: Int64(rng.below(600_000)),
                            executionMillis: nil, eventType: "pull_request", delivery: delivery, payload: payload,
                            workflow: spec.workflow,
                            url: "https://github.com/\(repo)/actions/runs/\(runs[spec.workflow]!)", attempt: 1,
                            jobName: spec.name, checkRunID: String(checkRunID), runID: String(runs[spec.workflow]!),
                            conclusion: nil, startedMicros: 0, completedMicros: nil, results: nil, artifactURL: nil))
                }
            }
        }

        // Completions of the running jobs that started first.
        var bodies: [(Int64, [UInt8])] = []
        var nextStart = 0
        var nextCompletion = 0
        var pools: [String: TestPool] = [:]
        var written: [(String, [UInt8])] = []
        for k in 0..<count {
            if isCompletion[k] {
                let job = recent[nextCompletion]
                nextCompletion += 1
                let test = job.jobName.contains("test")
                let u = rng.unit()
                let conclusion: SynthConclusion = u < 0.05 ? .failure : u < 0.06 ? .cancelled : .success
                var fields = job.fields
                fields.conclusion = conclusion.text
                fields.queueMillis = nil
                fields.executionMillis = max(0, (times[k] - job.startedMicros) / 1_000)
                fields.startedMicros = nil
                fields.completedMicros = times[k]
                let seed = rng.next()
                if test && conclusion != .cancelled {
                    let pool = pools[job.repo] ?? TestPool(repo: job.repo)
                    pools[job.repo] = pool
                    let selection = pool.selection(jobName: job.jobName, smallReportBytes: options.smallJUnitBytes)
                    let failing = conclusion == .failure ? FailurePlan.make(seed: seed, selection: selection) : nil
                    if rng.chance(0.3) {
                        let (bytes, counts) = ReportWriter.render(
                            ReportRequest(
                                pool: pool, selection: selection, big: false, minimumBytes: options.bigJUnitBytes,
                                seed: seed, failing: failing, recovered: nil, startMicros: job.startedMicros))
                        let path = "\(job.repo)/\(Civil.yearMonth(micros: job.startedMicros))/\(job.checkRunID).xml"
                        written.append((path, bytes))
                        fields.artifactURL = "file://" + path
                        fields.results = .init(passed: counts.passed, failed: counts.failed, skipped: counts.skipped)
                    } else {
                        fields.results = CallbackBodies.derivedResults(
                            pool: pool, selection: selection, failing: failing)
                    }
                }
                summary.conclusions[conclusion.text, default: 0] += 1
                bodies.append((times[k], CallbackBodies.render(fields)))
            } else {
                var fields = starts[nextStart]
                nextStart += 1
                fields.startedMicros = times[k]
                bodies.append((times[k], CallbackBodies.render(fields)))
            }
        }

        let root = URL(fileURLWithPath: artifactsPath, isDirectory: true)
        for (path, bytes) in written {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            summary.junitBytes += bytes.count
        }
        summary.junitFiles = written.count
        var entries: [CallbackLog.Entry] = []
        for (micros, bytes) in bodies {
            let body = Data(bytes)
            do {
                let record = try JobRecord.extract(fromBody: body)
                entries.append(CallbackLog.Entry(body: body, record: record, receivedAt: UTCTimestamp(micros: micros)))
            } catch {
                throw SynthError("generated body does not pass extraction (\(error.description))")
            }
        }
        let batchSize = max(1, options.batchSize)
        for lower in stride(from: 0, to: entries.count, by: batchSize) {
            try log.append(Array(entries[lower..<min(entries.count, lower + batchSize)]))
        }
        summary.jobs = count
        summary.callbacks = count
        summary.running = count - completions
        summary.prs = newPRs
        summary.firstCallback = times.first.map { UTCTimestamp(micros: $0) }
        summary.lastCallback = times.last.map { UTCTimestamp(micros: $0) }
        summary.stageSeconds.append(("append", clock.lap()))
        progress(
            "synth --append: \(count) callbacks (\(completions) completions, \(count - completions) starts, "
                + "\(written.count) JUnit files) appended to \(databasePath); \(Synthesizer.format(summary.stageSeconds.last!.1)) s"
        )
        return summary
    }

    /// A running job found in the log, with the fields of its `in_progress` callback.
    struct OpenJob {
        var repo: String
        var jobName: String
        var checkRunID: String
        var startedMicros: Int64
        var fields: CallbackBodies.Fields
    }

    /// What the newest callbacks tell.
    struct Tail {
        var rows = 0
        var lastMicros: Int64 = 0
        var maxPR: Int64 = 0
        var maxRunID: Int64 = 0
        var maxCheckRunID: Int64 = 0
        var levels: [String: String] = [:]
        /// Per backend: its PR jobs (workflow, job name), builds first.
        var matrices: [String: [SynthJobSpec]] = [:]
        /// Running jobs, oldest first.
        var open: [OpenJob] = []
    }

    static func readTail(_ database: SQLiteDatabase) throws -> Tail {
        let rows = try database.query(
            "SELECT received_at, status, body FROM callbacks ORDER BY id DESC LIMIT \(tailSize)")
        var tail = Tail()
        tail.rows = rows.count
        var open: [String: OpenJob] = [:]
        var specs: [String: Set<String>] = [:]
        for row in rows.reversed() {
            guard let text = row[2].text else { continue }
            let body = Data(text.utf8)
            guard let record = try? JobRecord.extract(fromBody: body) else { continue }
            if let received = row[0].text.flatMap(UTCTimestamp.init(parsing:)) {
                tail.lastMicros = max(tail.lastMicros, received.micros)
            }
            tail.maxPR = max(tail.maxPR, record.prNumber)
            tail.maxRunID = max(tail.maxRunID, Int64(record.runID) ?? 0)
            tail.maxCheckRunID = max(tail.maxCheckRunID, Int64(record.checkRunID) ?? 0)
            if let level = record.downstreamRepoLevel { tail.levels[record.downstreamRepo] = level }
            let pullRequest = record.prNumber > 0 && (record.eventType ?? "pull_request") == "pull_request"
            if pullRequest && record.runAttempt == 1 {
                specs[record.downstreamRepo, default: []].insert(record.workflowName + "\u{0}" + record.jobName)
            }
            if record.status == "completed" {
                open.removeValue(forKey: record.dynamoKey)
            } else if pullRequest, let started = record.startedAt.flatMap(UTCTimestamp.init(parsing:)),
                let json = try? JSONValue.parse(body),
                let payload = json["untrusted"]?["callback_payload"]?["payload"]
            {
                var payloadBytes = ByteWriter(capacity: 1_024)
                payloadBytes.json(payload)
                open[record.dynamoKey] = OpenJob(
                    repo: record.downstreamRepo, jobName: record.jobName, checkRunID: record.checkRunID,
                    startedMicros: started.micros,
                    fields: CallbackBodies.Fields(
                        repo: record.downstreamRepo, level: record.downstreamRepoLevel, queueMillis: nil,
                        executionMillis: nil, eventType: record.eventType ?? "pull_request",
                        delivery: record.deliveryID, payload: payloadBytes.bytes, workflow: record.workflowName,
                        url: record.workflowRunURL, attempt: record.runAttempt, jobName: record.jobName,
                        checkRunID: record.checkRunID, runID: record.runID, conclusion: nil, startedMicros: nil,
                        completedMicros: nil, results: nil, artifactURL: nil))
            }
        }
        tail.open = open.values.sorted { ($0.startedMicros, $0.checkRunID) < ($1.startedMicros, $1.checkRunID) }
        for (repo, names) in specs {
            tail.matrices[repo] = names.sorted().map { key in
                let parts = key.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false).map(
                    String.init)
                let kind: SynthJobSpec.Kind = parts[1] == "build" ? .build : parts[1].contains("test") ? .test : .lint
                return SynthJobSpec(workflow: parts[0], name: parts[1], kind: kind, minutes: 0)
            }.sorted {
                ($0.kind == .build ? 0 : 1, $0.workflow, $0.name) < ($1.kind == .build ? 0 : 1, $1.workflow, $1.name)
            }
        }
        return tail
    }
}
