import OOTCore

/// One `oot_workflow_job` row as the pages use it: the job columns the saved queries
/// `oot_backend_dashboard`, `oot_backend_bucket`, `oot_pr_results` and `oot_nightly_dashboard`
/// all select (spec §4 names), read by ``RowDecoder`` (a query that drops one fails the build).
///
/// Times are ``UTCTimestamp``s (UTC; an unparseable one reads as unknown); durations are seconds.
struct JobRow: Decodable, Sendable {
    var dynamoKey: String
    var downstreamRepo: String
    /// `downstream_repo_level` (`L1`…`L4`, or empty when the relay sent none).
    var level: String
    var upstreamRepo: String
    /// 0 for runs that are not on a PR (pushes, nightly, periodic).
    var prNumber: Int64
    var headSHA: String
    var prTitle: String?
    var prAuthor: String?
    var eventType: String
    var workflowName: String
    var jobName: String
    var checkRunID: String
    /// At least 1.
    var runAttempt: Int64
    var status: String
    var conclusion: String?
    var startedAt: UTCTimestamp?
    var completedAt: UTCTimestamp?
    /// `completed_at − started_at`; `nil` when either is unknown (a nightly report sent without
    /// `started_at`, spec §14.3), shown as unknown rather than as a bogus number.
    var durationSeconds: Double?
    var totalTests: Int64
    var passedTests: Int64
    var failedTests: Int64
    var workflowRunURL: String
    var artifactURL: String
    var queueTime: Double?
    var executionTime: Double?
    /// A push's `payload.ref` (trunk runs).
    var pushRef: String?
    /// A push's head commit title and author (trunk runs).
    var commitTitle: String?
    var commitAuthor: String?
    /// The PR's base SHA (`pull_request.base.sha`); `nil` when no callback carried one.
    var baseSHA: String?

    private enum CodingKeys: String, CodingKey {
        case dynamoKey
        case downstreamRepo = "downstream_repo"
        case level = "downstream_repo_level"
        case upstreamRepo = "upstream_repo"
        case prNumber = "pr_number"
        case headSHA = "pytorch_head_sha"
        case prTitle = "pr_title"
        case prAuthor = "pr_author"
        case eventType = "event_type"
        case workflowName = "workflow_name"
        case jobName = "job_name"
        case checkRunID = "check_run_id"
        case runAttempt = "run_attempt"
        case status, conclusion
        case startedAt = "started_at"
        case completedAt = "completed_at"
        case durationSeconds = "duration_seconds"
        case totalTests = "total_tests"
        case passedTests = "passed_tests"
        case failedTests = "failed_tests"
        case workflowRunURL = "workflow_run_url"
        case artifactURL = "artifact_url"
        case queueTime = "queue_time"
        case executionTime = "execution_time"
        case pushRef = "push_ref"
        case commitTitle = "commit_title"
        case commitAuthor = "commit_author"
        case baseSHA = "base_sha"
    }

    /// Reads the job columns of one result row.
    ///
    /// - Throws: ``QueryRowError`` when the query lacks a job column or one holds the wrong type.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            guard let s = try c.decodeIfPresent(String.self, forKey: key), !s.isEmpty else { return nil }
            return s
        }
        func time(_ key: CodingKeys) throws -> UTCTimestamp? { try text(key).flatMap(UTCTimestamp.init(parsing:)) }
        dynamoKey = try c.decode(String.self, forKey: .dynamoKey)
        downstreamRepo = try c.decode(String.self, forKey: .downstreamRepo)
        level = try c.decode(String.self, forKey: .level)
        upstreamRepo = try text(.upstreamRepo) ?? "pytorch/pytorch"
        prNumber = try c.decode(Int64.self, forKey: .prNumber)
        headSHA = try c.decode(String.self, forKey: .headSHA)
        prTitle = try text(.prTitle)
        prAuthor = try text(.prAuthor)
        eventType = try text(.eventType) ?? "pull_request"
        workflowName = try c.decode(String.self, forKey: .workflowName)
        jobName = try c.decode(String.self, forKey: .jobName)
        checkRunID = try c.decode(String.self, forKey: .checkRunID)
        runAttempt = max(1, try c.decode(Int64.self, forKey: .runAttempt))
        status = try c.decode(String.self, forKey: .status)
        conclusion = try text(.conclusion)
        startedAt = try time(.startedAt)
        completedAt = try time(.completedAt)
        durationSeconds = try c.decodeIfPresent(Double.self, forKey: .durationSeconds)
        totalTests = try c.decode(Int64.self, forKey: .totalTests)
        passedTests = try c.decode(Int64.self, forKey: .passedTests)
        failedTests = try c.decode(Int64.self, forKey: .failedTests)
        workflowRunURL = try c.decode(String.self, forKey: .workflowRunURL)
        artifactURL = try c.decode(String.self, forKey: .artifactURL)
        queueTime = try c.decodeIfPresent(Double.self, forKey: .queueTime)
        executionTime = try c.decodeIfPresent(Double.self, forKey: .executionTime)
        pushRef = try text(.pushRef)
        commitTitle = try text(.commitTitle)
        commitAuthor = try text(.commitAuthor)
        baseSHA = try text(.baseSHA)
    }

    /// The matrix column key: workflow and job name together, so equal job names in two
    /// workflows never collide (spec §12 item 8).
    var jobKey: String { workflowName + "\u{1F}" + jobName }

    /// `workflow / job`, or just the job when the workflow name is empty.
    var displayName: String { workflowName.isEmpty ? jobName : "\(workflowName) / \(jobName)" }

    /// The job's log on GitHub, `{workflow_run_url}/job/{check_run_id}` (upstream's pinned
    /// tooltip "Show log ›", issue 18); `nil` unless the run URL is a safe GitHub Actions run
    /// (`https://github.com/<org>/<repo>/actions/runs/<id>`, an `/attempts/<n>` suffix dropped)
    /// and `check_run_id` is a number, so no payload text is pasted into a path.
    var logURL: String? {
        guard let run = SafeURL.external(workflowRunURL), !checkRunID.isEmpty,
            checkRunID.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let marker = run.range(of: "/actions/runs/"),
            run.lowercased().hasPrefix("https://github.com/")
        else { return nil }
        let id = run[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard !id.isEmpty else { return nil }
        return String(run[..<marker.upperBound]) + id + "/job/" + checkRunID
    }

    /// `true` once completed with `success`.
    var succeeded: Bool { status == "completed" && conclusion == "success" }

    /// `true` when completed with a conclusion other than success or skipped (the PR box's
    /// "failed"); a job with no conclusion is neither passed nor failed (``noConclusion``).
    var failed: Bool {
        status == "completed" && !noConclusion && conclusion != "success" && conclusion != "skipped"
    }

    /// `true` when completed with `conclusion: null` (spec §14.3): shown as "no conclusion",
    /// never counted as a success.
    var noConclusion: Bool { status == "completed" && (conclusion ?? "").isEmpty }

    /// `true` while in progress.
    var running: Bool { status == "in_progress" }

    /// How long a job may stay in progress before it is shown as lost (the relay's zombie sweeper
    /// waits 6 h too, spec §5), in seconds.
    static let lostAfterSeconds: Double = 6 * 3600

    /// `true` when in progress for longer than ``lostAfterSeconds`` at `now`: shown as "lost", not
    /// as running forever.
    func lost(at now: UTCTimestamp) -> Bool {
        guard running, let start = sortTime else { return false }
        return now.timeIntervalSince1970 - start.timeIntervalSince1970 > Self.lostAfterSeconds
    }

    /// The chip text at `now`: ``Format/conclusionLabel(status:conclusion:)``, or `lost`; a
    /// success whose own test summary counts failed tests says so (`success, 3 tests failed`: the
    /// job's exit status hid them, a common misconfiguration).
    func label(at now: UTCTimestamp) -> String {
        if lost(at: now) { return "lost" }
        let text = Format.conclusionLabel(status: status, conclusion: conclusion)
        return succeededWithFailedTests ? "\(text), \(failedTests) test\(failedTests == 1 ? "" : "s") failed" : text
    }

    /// Whether the job concluded `success` while its test summary counts failed tests.
    var succeededWithFailedTests: Bool { status == "completed" && conclusion == "success" && failedTests > 0 }

    /// The chip class of ``label(at:)``'s conclusion: ``Format/conclusionClass(status:conclusion:)``,
    /// or `warning` for a success whose test summary counts failures.
    var conclusionChipClass: String {
        succeededWithFailedTests ? "warning" : Format.conclusionClass(status: status, conclusion: conclusion)
    }

    /// The glyph (`?` also for lost jobs, greyed by ``glyphClass(at:passedAfterFailure:)``); `!`
    /// for a success whose own test summary counts failed tests (``succeededWithFailedTests``),
    /// also when it passed after a failed attempt.
    func glyph(passedAfterFailure: Bool) -> String {
        succeededWithFailedTests
            ? "!" : Format.glyph(status: status, conclusion: conclusion, passedAfterFailure: passedAfterFailure)
    }

    /// The glyph's colour class at `now`.
    func glyphClass(at now: UTCTimestamp, passedAfterFailure: Bool) -> String {
        lost(at: now) ? "gg" : JobMatrix.glyphClass(glyph(passedAfterFailure: passedAfterFailure))
    }

    /// The time used for ordering: start, else completion.
    var sortTime: UTCTimestamp? { startedAt ?? completedAt }

    /// The cell tooltip's facts (spec §9.2, compact): conclusion, then attempt, duration, tests
    /// and queue time on one line.
    ///
    /// `assets/hud.js` puts the job's name and the PR before it (``JobMatrix/Cell/tooltip``).
    func tooltip(at now: UTCTimestamp) -> String {
        let text = label(at: now)
        var head = text + (text == "unknown" ? " (\(conclusion ?? ""))" : "")
        if text == "lost" { head += ": no completion since \(Format.absolute(sortTime))" }
        var facts: [String] = []
        if runAttempt > 1 { facts.append("attempt \(runAttempt)") }
        if status == "completed" {
            facts.append(durationSeconds == nil ? "duration unknown" : Format.duration(durationSeconds))
        }
        if totalTests > 0 {
            facts.append("\(passedTests)/\(totalTests) passed" + (failedTests > 0 ? " (\(failedTests) failed)" : ""))
        }
        if let queueTime { facts.append("queue \(Format.duration(queueTime))") }
        return facts.isEmpty ? head : head + "\n" + facts.joined(separator: " · ")
    }
}

extension Array where Element == JobRow {
    /// The head SHAs of these jobs, newest first.
    ///
    /// Ordered by each SHA's newest job (start, else completion), ties by SHA. The first is a
    /// PR's current head.
    func shasNewestFirst() -> [(sha: String, newest: UTCTimestamp)] {
        var newest: [String: UTCTimestamp] = [:]
        for row in self {
            let time = row.sortTime ?? UTCTimestamp(seconds: 0)
            newest[row.headSHA] = Swift.max(newest[row.headSHA] ?? time, time)
        }
        return newest.map { (sha: $0.key, newest: $0.value) }
            .sorted { $0.newest > $1.newest || ($0.newest == $1.newest && $0.sha < $1.sha) }
    }

    /// The latest attempt of each job key (highest `run_attempt`, then latest start), plus
    /// whether an earlier attempt of that job failed (HUD's `F`: passed after a failed attempt).
    func latestAttempts() -> [String: (row: JobRow, earlierFailure: Bool)] {
        var latest: [String: (row: JobRow, earlierFailure: Bool)] = [:]
        var anyFailure: [String: Int64] = [:]
        for row in self {
            if row.failed { anyFailure[row.jobKey] = Swift.max(anyFailure[row.jobKey] ?? 0, row.runAttempt) }
            if let current = latest[row.jobKey] {
                let newer =
                    row.runAttempt > current.row.runAttempt
                    || (row.runAttempt == current.row.runAttempt
                        && (row.sortTime ?? UTCTimestamp(seconds: 0))
                            > (current.row.sortTime ?? UTCTimestamp(seconds: 0)))
                if newer { latest[row.jobKey] = (row, false) }
            } else {
                latest[row.jobKey] = (row, false)
            }
        }
        for (key, value) in latest {
            if let failedAttempt = anyFailure[key], failedAttempt < value.row.runAttempt {
                latest[key] = (value.row, true)
            }
        }
        return latest
    }
}
