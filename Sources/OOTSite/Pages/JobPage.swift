import OOTCore

/// A job's JUnit drill-down, `/oot/<org>/<repo>/jobs/<id>/`: the harvest state, counts derived
/// from the testcases, and the failing tests with their messages (flaky and skipped below).
struct JobPage: Sendable {
    /// One listed testcase.
    struct TestLine: Sendable {
        let name: String
        let classname: String
        let suite: String
        let outcome: String
        let outcomeClass: String
        let flaky: Bool
        let reruns: Int64
        let hasReruns: Bool
        let time: String
        let message: String?
        let details: String?
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
    let prHref: String?
    let scheduled: String?
    let sha: String
    let run: String?
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
    let totalTime: String
    let reported: String?
    let failing: [TestLine]
    let hasFailing: Bool
    let flakyTests: [TestLine]
    let hasFlaky: Bool
    let skippedTests: [TestLine]
    let hasSkipped: Bool
    let listLimitNote: String?

    /// Builds the page from an `oot_job_report` row and its `oot_job_testcases` rows.
    init(report r: QueryRows.Row, testcases: QueryRows, directory: String, limit: Int, paths: SitePaths, context: SiteContext) {
        let job = JobRow(r)
        page = PageChrome(title: "\(job.displayName) — \(job.downstreamRepo) | OOT CI", directory: directory, context: context)
        let links = PageLinks(root: page.root, paths: paths, drillDowns: [])
        repo = job.downstreamRepo
        backendHref = links.backend(job.downstreamRepo) ?? page.root + "oot/index.html"
        jobName = job.displayName
        level = LevelChip(job.level)
        label = Format.conclusionLabel(status: job.status, conclusion: job.conclusion)
        labelClass = Format.conclusionClass(status: job.status, conclusion: job.conclusion)
        attempt = job.runAttempt
        duration = Format.duration(job.durationSeconds)
        prNumber = job.prNumber
        prHref = job.prNumber > 0 ? links.prPage(job.prNumber) : nil
        scheduled = job.prNumber > 0 ? nil : job.eventType
        sha = Format.shortSHA(job.headSHA)
        run = SafeURL.external(job.workflowRunURL)
        artifact = SafeURL.external(job.artifactURL)
        artifactText = artifact == nil && !job.artifactURL.isEmpty ? job.artifactURL : nil
        state = r.string("state")
        stateOK = state == "ok"
        stateError = r.optionalString("error")
        files = r.int("files")
        tests = r.int("tests")
        passed = r.int("passed")
        failures = r.int("failures")
        errors = r.int("errors")
        skipped = r.int("skipped")
        flaky = r.int("flaky")
        totalTime = Format.duration(r.double("total_time_seconds"))
        reported = job.totalTests > 0 ? "\(job.passedTests)/\(job.totalTests) passed, \(job.failedTests) failed" : nil
        let lines = testcases.rows.map { t in
            TestLine(
                name: t.string("name"), classname: t.string("classname"), suite: t.string("suite"),
                outcome: t.string("outcome"), outcomeClass: Self.outcomeClass(t.string("outcome")),
                flaky: t.int("flaky") == 1, reruns: t.int("reruns"), hasReruns: t.int("reruns") > 0, time: Format.duration(t.double("time_seconds")),
                message: t.optionalString("message"), details: t.optionalString("details"))
        }
        failing = lines.filter { $0.outcome == "failure" || $0.outcome == "error" }
        hasFailing = !failing.isEmpty
        flakyTests = lines.filter { $0.outcome == "passed" }
        hasFlaky = !flakyTests.isEmpty
        skippedTests = lines.filter { $0.outcome == "skipped" }
        hasSkipped = !skippedTests.isEmpty
        listLimitNote = lines.count >= limit ? "Only the first \(limit) listed testcases are shown." : nil
    }

    static func outcomeClass(_ outcome: String) -> String {
        switch outcome {
        case "failure", "error": "error"
        case "skipped": "default"
        default: "success"
        }
    }
}
