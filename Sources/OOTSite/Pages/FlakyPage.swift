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
        repo: String, directory: String, home: String, days: Int64, flakyJobs: QueryRows, flakyTests: QueryRows,
        paths: SitePaths, context: SiteContext
    ) {
        page = PageChrome(title: "\(repo) — flaky | OOT CI", directory: directory, context: context)
        self.repo = repo
        self.days = days
        let links = PageLinks(directory: directory, paths: paths)
        backendHref = links.page(home)
        func report(_ key: String) -> String? {
            guard let dir = paths.jobDirectory(key) else { return nil }
            return links.page(dir)
        }
        jobs = flakyJobs.rows.map { r in
            let pr = r.int("pr_number")
            return JobCase(
                pr: pr, prHref: pr > 0 ? links.prPage(pr) : nil, sha: Format.shortSHA(r.string("pytorch_head_sha")),
                job: r.string("workflow_name").isEmpty
                    ? r.string("job_name") : "\(r.string("workflow_name")) / \(r.string("job_name"))",
                failedAttempt: r.int("failed_attempt"), failedConclusion: r.string("failed_conclusion"),
                failedHref: report(r.string("failed_key")) ?? SafeURL.external(r.string("failed_run_url")),
                passedAttempt: r.int("passed_attempt"),
                passedHref: report(r.string("passed_key")) ?? SafeURL.external(r.string("passed_run_url")),
                when: Format.relative(
                    r.optionalString("started_at").flatMap(UTCTimestamp.init(parsing:)), now: context.now),
                whenAbsolute: Format.absolute(r.optionalString("started_at").flatMap(UTCTimestamp.init(parsing:))))
        }
        hasJobs = !jobs.isEmpty
        tests = flakyTests.rows.map { r in
            let pr = r.int("pr_number")
            let classname = r.string("classname")
            let name = r.string("name")
            let rerun = r.string("evidence") == "rerun"
            return TestCase(
                test: classname.isEmpty ? name : "\(classname).\(name)",
                historyHref: paths.testDirectory(repo: repo, classname: classname, name: name).map { links.page($0) },
                evidence: rerun ? "passed after failed attempts in one report" : "failed and passed on the same SHA",
                pr: pr, prHref: pr > 0 ? links.prPage(pr) : nil, sha: Format.shortSHA(r.string("pytorch_head_sha")),
                failedHref: report(r.string("failed_key")), passedHref: rerun ? nil : report(r.string("passed_key")),
                sameReport: rerun)
        }
        hasTests = !tests.isEmpty
    }
}
