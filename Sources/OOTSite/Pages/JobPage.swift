import Foundation
import OOTCore

/// A job's JUnit drill-down, `/oot/<org>/<repo>/job/<id>/` (docs/junit.md): the job header, the
/// harvest state, counts parsed from the report next to the counts the job reported, the failing
/// tests with message and stack trace, flaky and skipped tests, the slowest tests, a per-suite
/// table and captured output.
///
/// Every listed test has an anchor (`#t-<ordinal>`).
struct JobPage: Sendable, Encodable {
    /// One listed testcase.
    struct TestLine: Sendable, Encodable {
        let anchor: String
        let name: String
        /// `nil` when empty (Mustache treats `""` as true).
        let classname: String?
        /// `nil` when empty.
        let suite: String?
        let file: String?
        /// The test's history page on this backend, when it has one.
        let historyHref: String?
        let outcome: String
        let outcomeClass: String
        let flaky: Bool
        let reruns: Int64
        let hasReruns: Bool
        let time: String
        let seconds: Double?
        /// The message as the report gave it (`index.json`).
        let message: String?
        /// The line of the message to read first (``FailureMessage/headline``).
        let headline: String?
        /// The rest of the message, line breaks kept (``FailureMessage/rest``).
        let messageRest: String?
        let details: String?
        /// Whether the stack trace is shown open: when the message is that trace with its line
        /// breaks lost (``FailureMessage/repeatsDetails``).
        let detailsOpen: Bool
        let stdout: String?
        let stdoutNote: String?
        let stderr: String?
        let stderrNote: String?
    }

    /// One suite's totals.
    struct SuiteLine: Sendable, Encodable {
        let suite: String
        let tests: Int64
        let passed: Int64
        let failures: Int64
        let errors: Int64
        let skipped: Int64
        let failing: Bool
        /// Whether ``failures`` (``errors``) is above zero: only then is the cell red.
        let hasFailures: Bool
        let hasErrors: Bool
        let time: String
    }

    /// One count of the report (`3 passed`), coloured only when it is above zero: `0 failed` is
    /// not red and `0 flaky` is not orange.
    struct Count: Sendable, Encodable {
        let text: String
        /// The chip class: the count's colour when above zero, else `default`.
        let cssClass: String

        /// `value` followed by `word`, in `color` when `value` is above zero.
        init(_ value: Int64, _ word: String, color: String) {
            text = "\(value) \(word)"
            cssClass = value > 0 ? color : "default"
        }
    }

    let page: PageChrome
    let repo: String
    let backendHref: String
    let jobName: String
    let level: LevelChip
    let label: String
    let labelClass: String
    let attempt: Int64
    let duration: String
    let prNumber: Int64
    let prTitle: String?
    let prHref: String?
    let scheduled: String?
    let sha: String
    let run: String?
    /// The job's log, `{run url}/job/{check_run_id}` ("Show log ›", issue 18); `nil` when not a
    /// GitHub Actions run.
    let log: String?
    let artifact: String?
    let artifactText: String?
    let state: String
    let stateOK: Bool
    let stateError: String?
    let files: Int64
    let tests: Int64
    let passed: Int64
    let failures: Int64
    let errors: Int64
    let skipped: Int64
    let flaky: Int64
    /// The counts' chips: tests, passed, failed, errors, skipped, flaky.
    let counts: [Count]
    let totalTime: String
    let reported: String?
    let parsed: String
    let disagreement: String?
    let failing: [TestLine]
    let hasFailing: Bool
    let flakyTests: [TestLine]
    let hasFlaky: Bool
    let skippedTests: [TestLine]
    let hasSkipped: Bool
    let slowest: [TestLine]
    let hasSlowest: Bool
    let suites: [SuiteLine]
    let hasSuites: Bool
    let listLimitNote: String?

    /// Builds the page from an `oot_job_report` row and the `oot_job_testcases`, `oot_job_slowest`
    /// and `oot_job_suites` rows of the job.
    init(
        report r: OotJobReportRow, testcases: [OotJobTestcasesRow], slowest: [OotJobSlowestRow],
        suites: [OotJobSuitesRow], directory: String,
        limit: Int, paths: SitePaths, context: SiteContext, historyTests: Set<String> = []
    ) throws {
        let job = r.job
        page = PageChrome(
            title: "\(job.displayName) — \(job.downstreamRepo) | OOT CI", directory: directory, context: context)
        let links = PageLinks(directory: directory, paths: paths)
        repo = job.downstreamRepo
        backendHref = try links.backend(job.downstreamRepo) ?? links.page("oot")
        jobName = job.displayName
        level = LevelChip(job.level)
        label = job.label(at: context.now)
        labelClass = job.conclusionChipClass
        attempt = job.runAttempt
        duration = Format.duration(job.durationSeconds)
        prNumber = job.prNumber
        prTitle = job.prTitle
        prHref = job.prNumber > 0 ? links.prPage(job.prNumber) : nil
        scheduled = job.prNumber > 0 ? nil : job.eventType
        sha = Format.shortSHA(job.headSHA)
        run = SafeURL.external(job.workflowRunURL)
        log = job.logURL
        artifact = SafeURL.external(job.artifactURL)
        artifactText = artifact == nil && !job.artifactURL.isEmpty ? job.artifactURL : nil
        state = r.state
        stateOK = r.state == "ok"
        stateError = r.error.flatMap { $0.isEmpty ? nil : $0 }.map { error in
            r.state == "fetch_error" ? "\(error) (attempt \(r.attempts) of 3)" : error
        }
        files = r.files
        tests = r.tests
        passed = r.passed
        failures = r.failures
        errors = r.errors
        skipped = r.skipped
        flaky = r.flaky
        counts = [
            Count(r.tests, "tests", color: "default"), Count(r.passed, "passed", color: "success"),
            Count(r.failures, "failed", color: "error"), Count(r.errors, "errors", color: "error"),
            Count(r.skipped, "skipped", color: "default"), Count(r.flaky, "flaky", color: "warning"),
        ]
        totalTime = Format.duration(r.totalTimeSeconds)
        parsed = "\(passed)/\(tests) passed, \(failures + errors) failed, \(skipped) skipped"
        if job.totalTests > 0 {
            let reportedSkipped = r.skippedTests
            reported =
                "\(job.passedTests)/\(job.totalTests) passed, \(job.failedTests) failed, \(reportedSkipped) skipped"
            let agree = job.passedTests == passed && job.failedTests == failures + errors && reportedSkipped == skipped
            disagreement =
                agree || !stateOK
                ? nil : "The job reported \(reported!) but its report has \(parsed)."
        } else {
            reported = nil
            disagreement = nil
        }
        let repo = job.downstreamRepo
        // Only failing and flaky lines link: they are in the backend's failing set whenever this
        // page renders, so an incremental build never leaves a link missing.
        let history = { (t: OotJobTestcasesRow) throws -> String? in
            guard ["failure", "error"].contains(t.outcome) || t.flaky else { return nil }
            let identity = t.classname.isEmpty ? t.suite : t.classname
            guard historyTests.contains(identity + "\u{1F}" + t.name) else { return nil }
            return try links.testHistory(repo: repo, classname: identity, name: t.name)
        }
        let lines = try testcases.map { try Self.line($0, history: history) }
        failing = lines.filter { $0.outcome == "failure" || $0.outcome == "error" }
        hasFailing = !failing.isEmpty
        flakyTests = lines.filter { $0.outcome == "passed" }
        hasFlaky = !flakyTests.isEmpty
        skippedTests = lines.filter { $0.outcome == "skipped" }
        hasSkipped = !skippedTests.isEmpty
        self.slowest = try slowest.map { try Self.line($0.testcase, history: history) }
        hasSlowest = !self.slowest.isEmpty
        self.suites = suites.map { s in
            SuiteLine(
                suite: s.suite.isEmpty ? "(no suite)" : s.suite, tests: s.tests, passed: s.passed,
                failures: s.failures, errors: s.errors, skipped: s.skipped, failing: s.failures + s.errors > 0,
                hasFailures: s.failures > 0, hasErrors: s.errors > 0, time: Format.duration(s.timeSeconds))
        }
        hasSuites = self.suites.count > 1
        listLimitNote = lines.count >= limit ? "Only the first \(limit) listed testcases are shown." : nil
    }

    /// One listed testcase; `history` gives its history page link, if any.
    static func line(_ t: OotJobTestcasesRow, history: (OotJobTestcasesRow) throws -> String?) rethrows -> TestLine {
        func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        func note(_ bytes: Int64?, _ text: String?) -> String? {
            guard let text = nonEmpty(text), let bytes, bytes > Int64(text.utf8.count) else { return nil }
            return "first \(text.utf8.count) of \(bytes) bytes"
        }
        let layout = FailureMessage(message: nonEmpty(t.message), details: nonEmpty(t.details))
        return TestLine(
            anchor: "t-\(t.ordinal)", name: t.name, classname: nonEmpty(t.classname), suite: nonEmpty(t.suite),
            file: nonEmpty(t.file), historyHref: try history(t), outcome: t.outcome,
            outcomeClass: outcomeClass(t.outcome),
            flaky: t.flaky, reruns: t.reruns, hasReruns: t.reruns > 0, time: Format.duration(t.timeSeconds),
            seconds: t.timeSeconds, message: nonEmpty(t.message), headline: layout?.headline,
            messageRest: layout?.rest, details: nonEmpty(t.details), detailsOpen: layout?.repeatsDetails ?? false,
            stdout: nonEmpty(t.stdout), stdoutNote: note(t.stdoutBytes, t.stdout), stderr: nonEmpty(t.stderr),
            stderrNote: note(t.stderrBytes, t.stderr))
    }

    static func outcomeClass(_ outcome: String) -> String {
        switch outcome {
        case "failure", "error": "error"
        case "skipped": "default"
        default: "success"
        }
    }

    /// The page's data as JSON (`index.json` beside the page), for bots and scripts: the job, the
    /// report's counts and the listed tests as data (no presentation fields), compact, sorted
    /// keys (issue 17: no larger than the page it sits beside).
    ///
    /// - Throws: `EncodingError` (a page whose JSON cannot be written fails the build).
    func json() throws -> Data {
        struct Document: Encodable {
            let repo: String
            let job: String
            let conclusion: String
            let attempt: Int64
            let pr_number: Int64
            let pr_title: String?
            let upstream_sha: String
            let run_url: String?
            let log_url: String?
            let artifact_url: String?
            let report: Report
            let failing: [Test]
            let flaky: [Test]
            let skipped: [Test]
            let slowest: [Test]
            let suites: [Suite]
        }
        // A test as data: no presentation fields, and the message once (the page splits it into
        // a headline and the rest).
        struct Test: Encodable {
            let anchor, name, outcome: String
            let classname, suite, file, message, details, stdout, stderr: String?
            let flaky: Bool
            let reruns: Int64
            let seconds: Double?
            init(_ t: TestLine) {
                (anchor, name, outcome, classname, suite, file) = (
                    t.anchor, t.name, t.outcome, t.classname, t.suite, t.file
                )
                (message, details, stdout, stderr) = (t.message, t.details, t.stdout, t.stderr)
                (flaky, reruns, seconds) = (t.flaky, t.reruns, t.seconds)
            }
        }
        struct Suite: Encodable {
            let suite: String
            let tests, passed, failures, errors, skipped: Int64
            init(_ s: SuiteLine) {
                (suite, tests, passed, failures, errors, skipped) = (
                    s.suite, s.tests, s.passed, s.failures, s.errors, s.skipped
                )
            }
        }
        struct Report: Encodable {
            let state: String
            let error: String?
            let files, tests, passed, failures, errors, skipped, flaky: Int64
            let reported_by_job: String?
            let disagreement: String?
        }
        let document = Document(
            repo: repo, job: jobName, conclusion: label, attempt: attempt, pr_number: prNumber, pr_title: prTitle,
            upstream_sha: sha, run_url: run, log_url: log, artifact_url: artifact ?? artifactText,
            report: Report(
                state: state, error: stateError, files: files, tests: tests, passed: passed, failures: failures,
                errors: errors, skipped: skipped, flaky: flaky, reported_by_job: reported, disagreement: disagreement),
            failing: failing.map(Test.init), flaky: flakyTests.map(Test.init), skipped: skippedTests.map(Test.init),
            slowest: slowest.map(Test.init), suites: suites.map(Suite.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }
}
