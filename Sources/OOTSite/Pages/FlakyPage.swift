import OOTCore

/// A backend's flaky evidence, `/oot/<org>/<repo>/flaky/`: jobs that failed and then passed on a
/// rerun of the same SHA, and tests that passed after failed attempts or both passed and failed
/// on the same SHA, each with links to the runs and reports that show it.
struct FlakyPage: Sendable, Encodable {
    struct JobCase: Sendable, Encodable {
        let pr: Int64
        let prHref: String?
        let sha: String
        let job: String
        let failedAttempt: Int64
        let failedConclusion: String
        let failedHref: String?
        let passedAttempt: Int64
        let passedHref: String?
        let when: String
        let whenAbsolute: String
    }

    struct TestCase: Sendable, Encodable {
        let test: String
        let historyHref: String?
        let evidence: String
        let pr: Int64
        let prHref: String?
        let sha: String
        let failedHref: String?
        let passedHref: String?
        let sameReport: Bool
    }

    let page: PageChrome
    let repo: String
    let backendHref: String
    let days: Int64
    let jobs: [JobCase]
    let hasJobs: Bool
    let tests: [TestCase]
    let hasTests: Bool

    /// Builds the page from `oot_backend_flaky_jobs` and `oot_backend_flaky_tests` rows.
    init(
        repo: String, directory: String, home: String, days: Int64, flakyJobs: [OotBackendFlakyJobsRow],
        flakyTests: [OotBackendFlakyTestsRow],
        paths: SitePaths, context: SiteContext
    ) throws {
        page = PageChrome(title: "\(repo) — flaky | OOT CI", directory: directory, context: context)
        self.repo = repo
        self.days = days
        let links = PageLinks(directory: directory, paths: paths)
        backendHref = links.page(home)
        func report(_ key: String) throws -> String? { try links.drillDown(key) }
        jobs = try flakyJobs.map { r in
            let started = r.startedAt.flatMap(UTCTimestamp.init(parsing:))
            return JobCase(
                pr: r.prNumber, prHref: r.prNumber > 0 ? links.prPage(r.prNumber) : nil,
                sha: Format.shortSHA(r.pytorchHeadSha),
                job: r.workflowName.isEmpty ? r.jobName : "\(r.workflowName) / \(r.jobName)",
                failedAttempt: r.failedAttempt, failedConclusion: r.failedConclusion,
                failedHref: try report(r.failedKey) ?? SafeURL.external(r.failedRunUrl),
                passedAttempt: r.passedAttempt,
                passedHref: try report(r.passedKey) ?? SafeURL.external(r.passedRunUrl),
                when: Format.relative(started, now: context.now), whenAbsolute: Format.absolute(started))
        }
        hasJobs = !jobs.isEmpty
        tests = try flakyTests.map { r in
            let rerun = r.evidence == "rerun"
            return TestCase(
                test: r.classname.isEmpty ? r.name : "\(r.classname).\(r.name)",
                historyHref: try links.testHistory(repo: repo, classname: r.classname, name: r.name),
                evidence: rerun ? "passed after failed attempts in one report" : "failed and passed on the same SHA",
                pr: r.prNumber, prHref: r.prNumber > 0 ? links.prPage(r.prNumber) : nil,
                sha: Format.shortSHA(r.pytorchHeadSha),
                failedHref: try report(r.failedKey), passedHref: rerun ? nil : try report(r.passedKey),
                sameReport: rerun)
        }
        hasTests = !tests.isEmpty
    }
}
