/// Renders relay→HUD callback bodies (spec §2.2: `{"trusted": …, "untrusted": {"callback_payload":
/// …}}`) as UTF-8 JSON bytes, field for field in the order of `data/samples/callbacks.ndjson`.
enum CallbackBodies {
    /// `test_results` of a completed job: `passed`, `failed` (failures + errors), `skipped`.
    struct TestResults: Sendable, Equatable {
        /// Tests that passed.
        var passed: Int
        /// Tests that failed or errored.
        var failed: Int
        /// Tests that were skipped.
        var skipped: Int

        /// Creates counts.
        init(passed: Int, failed: Int, skipped: Int) {
            self.passed = passed
            self.failed = failed
            self.skipped = skipped
        }
    }

    /// What a completed job reports as `test_results`: its JUnit file's counts when it has one,
    /// otherwise counts derived from its test selection (the whole shard); `nil` for builds,
    /// lint, cancelled and timed-out jobs.
    ///
    /// - Parameter fileCounts: Counts of the written JUnit files, indexed like ``SynthPlan/files``.
    static func testResults(plan: SynthPlan, job: SynthJob, fileCounts: [ReportCounts]) -> TestResults? {
        guard plan.spec(of: job).kind == .test, job.conclusion == .success || job.conclusion == .failure else {
            return nil
        }
        if job.file >= 0 {
            let c = fileCounts[Int(job.file)]
            return TestResults(passed: c.passed, failed: c.failed, skipped: c.skipped)
        }
        let selection = plan.selection(of: job)
        let failing = job.conclusion == .failure ? FailurePlan.make(seed: job.seed, selection: selection) : nil
        return derivedResults(pool: plan.pools[Int(job.backend)], selection: selection, failing: failing)
    }

    /// Counts a test job reports without a JUnit file: its whole selection, with the pool's
    /// always-skipped tests skipped and `failing`'s tests failed.
    static func derivedResults(pool: TestPool, selection: TestSelection, failing: FailurePlan?) -> TestResults {
        let failed = Set(failing?.positions ?? [])
        // A failing test that is normally skipped counts as failed, not skipped.
        let skipped =
            selection.skippedCount
            - failed.reduce(0) { $0 + (pool.tests[Int(selection.tests[Int($1)])].skipReason >= 0 ? 1 : 0) }
        return TestResults(
            passed: selection.tests.count - skipped - failed.count, failed: failed.count, skipped: skipped)
    }

    /// Everything one callback body says, already decided.
    struct Fields: Sendable {
        /// `trusted.verified_repo`.
        var repo: String
        /// `trusted.downstream_repo_level`, or `nil` to leave it out.
        var level: String?
        /// `ci_metrics.queue_time` in milliseconds, or `nil` for `null`.
        var queueMillis: Int64?
        /// `ci_metrics.execution_time` in milliseconds, or `nil` for `null`.
        var executionMillis: Int64?
        /// `event_type`: `pull_request` or `nightly`.
        var eventType: String
        /// `delivery_id`.
        var delivery: String
        /// The `payload` object, as JSON bytes.
        var payload: [UInt8]
        /// `workflow.name`.
        var workflow: String
        /// `workflow.url` (the run's page).
        var url: String
        /// `workflow.run_attempt` (sent as a string).
        var attempt: Int64
        /// `workflow.job_name`.
        var jobName: String
        /// `workflow.check_run_id` (sent as a string).
        var checkRunID: String
        /// `workflow.run_id` (sent as a string).
        var runID: String
        /// `workflow.conclusion` for a completed callback; `nil` makes an `in_progress` one.
        var conclusion: String?
        /// `workflow.started_at`, microseconds since the epoch, or `nil` for `null`.
        var startedMicros: Int64?
        /// `workflow.completed_at`, microseconds since the epoch, or `nil` for `null`.
        var completedMicros: Int64?
        /// `workflow.test_results`, left out when `nil`.
        var results: TestResults?
        /// `workflow.artifact_url`, left out when `nil`.
        var artifactURL: String?

        /// Creates the fields of one body (optional ones default to `null` / left out).
        init(
            repo: String, level: String?, queueMillis: Int64? = nil, executionMillis: Int64? = nil,
            eventType: String, delivery: String, payload: [UInt8], workflow: String, url: String, attempt: Int64,
            jobName: String, checkRunID: String, runID: String, conclusion: String? = nil,
            startedMicros: Int64? = nil, completedMicros: Int64? = nil, results: TestResults? = nil,
            artifactURL: String? = nil
        ) {
            self.repo = repo
            self.level = level
            self.queueMillis = queueMillis
            self.executionMillis = executionMillis
            self.eventType = eventType
            self.delivery = delivery
            self.payload = payload
            self.workflow = workflow
            self.url = url
            self.attempt = attempt
            self.jobName = jobName
            self.checkRunID = checkRunID
            self.runID = runID
            self.conclusion = conclusion
            self.startedMicros = startedMicros
            self.completedMicros = completedMicros
            self.results = results
            self.artifactURL = artifactURL
        }
    }

    /// The body of `job`'s `in_progress` (`completed == false`) or `completed` callback.
    ///
    /// - Parameters:
    ///   - results: `test_results` for a completed callback (see ``testResults(plan:job:fileCounts:)``).
    ///   - artifactURL: `artifact_url` for a completed callback with a JUnit file.
    static func body(
        plan: SynthPlan, job: SynthJob, completed: Bool, results: TestResults?, artifactURL: String?
    ) -> [UInt8] {
        let backend = plan.backends[Int(job.backend)]
        let spec = plan.spec(of: job)
        let dispatch = plan.dispatches[Int(job.dispatch)]
        let nightly = dispatch.pr < 0
        return render(
            Fields(
                repo: backend.repo, level: backend.level,
                queueMillis: !completed && job.queueMillis >= 0 ? job.queueMillis : nil,
                executionMillis: completed && !nightly ? (job.endMicros - job.startMicros) / 1_000 : nil,
                eventType: nightly ? "nightly" : "pull_request", delivery: dispatch.delivery, payload: dispatch.payload,
                workflow: spec.workflow, url: "https://github.com/\(backend.repo)/actions/runs/\(job.runID)",
                attempt: Int64(job.attempt), jobName: spec.name, checkRunID: String(job.checkRunID),
                runID: String(job.runID), conclusion: completed ? job.conclusion.text : nil,
                startedMicros: !completed || nightly ? job.startMicros : nil,
                completedMicros: completed ? job.endMicros : nil, results: completed ? results : nil,
                artifactURL: completed ? artifactURL : nil))
    }

    /// Renders a body: `{"trusted":{"ci_metrics":{…},"verified_repo":…,"downstream_repo_level":…},
    /// "untrusted":{"callback_payload":{"event_type":…,"delivery_id":…,"payload":…,"workflow":{…}}}}`.
    static func render(_ f: Fields) -> [UInt8] {
        var b = ByteWriter(capacity: 1_400)
        b.raw("{\"trusted\":{\"ci_metrics\":{\"queue_time\":")
        if let q = f.queueMillis { b.milli(q) } else { b.raw("null") }
        b.raw(",\"execution_time\":")
        if let e = f.executionMillis { b.milli(e) } else { b.raw("null") }
        b.raw("},\"verified_repo\":")
        b.jsonString(f.repo)
        if let level = f.level {
            b.raw(",\"downstream_repo_level\":")
            b.jsonString(level)
        }
        b.raw("},\"untrusted\":{\"callback_payload\":{\"event_type\":")
        b.jsonString(f.eventType)
        b.raw(",\"delivery_id\":")
        b.jsonString(f.delivery)
        b.raw(",\"payload\":")
        b.raw(f.payload)
        b.raw(",\"workflow\":{\"schema_version\":\"1\",\"name\":")
        b.jsonString(f.workflow)
        b.raw(",\"url\":")
        b.jsonString(f.url)
        b.raw(",\"run_attempt\":\"")
        b.int(f.attempt)
        b.raw("\",\"job_name\":")
        b.jsonString(f.jobName)
        b.raw(",\"check_run_id\":")
        b.jsonString(f.checkRunID)
        b.raw(",\"run_id\":")
        b.jsonString(f.runID)
        if let conclusion = f.conclusion {
            b.raw(",\"status\":\"completed\",\"conclusion\":")
            b.jsonString(conclusion)
        } else {
            b.raw(",\"status\":\"in_progress\",\"conclusion\":null")
        }
        b.raw(",\"started_at\":")
        if let t = f.startedMicros {
            b.raw("\"")
            b.timestamp(micros: t)
            b.raw("\"")
        } else {
            b.raw("null")
        }
        b.raw(",\"completed_at\":")
        if let t = f.completedMicros {
            b.raw("\"")
            b.timestamp(micros: t)
            b.raw("\"")
        } else {
            b.raw("null")
        }
        if let r = f.results {
            b.raw(",\"test_results\":{\"passed\":")
            b.int(r.passed)
            b.raw(",\"failed\":")
            b.int(r.failed)
            b.raw(",\"skipped\":")
            b.int(r.skipped)
            b.raw("}")
        }
        if let url = f.artifactURL {
            b.raw(",\"artifact_url\":")
            b.jsonString(url)
        }
        b.raw("}}}}")
        return b.bytes
    }
}
