import Foundation
import OOTCore

/// `/pr/<n>/index.json`, the versioned data document for bots (schema `oot-hud/pr/v1`).
///
/// The PR's results and classified failures, described by `docs/api/pr-v1.schema.json`. No presentation fields: no
/// CSS classes, glyphs or display strings. URLs are relative to the document's own URL
/// (`pr/<n>/index.json`); times are UTC ISO-8601.
struct PRDocument: DataDocument {
    /// The schema name and version this document follows.
    static let schemaName = "oot-hud/pr/v1"

    /// Counts over the head SHA.
    struct Summary: Encodable {
        let new: Int
        let blocking: Int
        let brokenTrunk: Int
        let flaky: Int
        let unstable: Int
        /// Failing tests beyond ``PRTriage/testsPerJob`` in one job, counted but not classified.
        let unclassifiedTests: Int
        let jobs: Int
        let passed: Int
        let failed: Int
        let running: Int
        let lost: Int

        enum CodingKeys: String, CodingKey {
            case new, blocking, flaky, unstable, jobs, passed, failed, running, lost
            case brokenTrunk = "broken_trunk"
            case unclassifiedTests = "unclassified_tests"
        }
    }

    /// One backend on the head SHA, or registered (L3/L4) and silent.
    struct Backend: Encodable {
        let backend: String
        let level: String
        /// `blocking`, `failing`, `running`, `passing` or `no_results`.
        let state: String
        let jobs: Int
        let passed: Int
        let failed: Int
        let running: Int
        @Nullable var url: String?

        enum CodingKeys: String, CodingKey { case backend, level, state, jobs, passed, failed, running, url }
    }

    /// One piece of evidence.
    struct Evidence: Encodable {
        let kind: String
        @Nullable var url: String?
        let sha: String?
        let pr: Int64?

        enum CodingKeys: String, CodingKey { case kind, url, sha, pr }
    }

    /// One classified failure.
    struct Failure: Encodable {
        let backend: String
        let level: String
        let workflow: String
        let job: String
        /// `classname.name`; `null` for a failure of the whole job.
        @Nullable var test: String?
        let classification: String
        let blocking: Bool
        let evidence: [Evidence]
        let otherBackends: [String]
        /// The failing job's drill-down (relative) or workflow run (absolute).
        @Nullable var jobURL: String?
        @Nullable var historyURL: String?
        @Nullable var testURL: String?

        enum CodingKeys: String, CodingKey {
            case backend, level, workflow, job, test, classification, blocking, evidence
            case otherBackends = "other_backends"
            case jobURL = "job_url"
            case historyURL = "history_url"
            case testURL = "test_url"
        }

    }

    let schema = PRDocument.schemaName
    let pr: Int64
    let upstreamRepo: String
    @Nullable var title: String?
    @Nullable var author: String?
    /// The head SHA the failures are about; `null` when the PR has no results.
    @Nullable var headSHA: String?
    @Nullable var baseSHA: String?
    /// The build's time.
    let generatedAt: String
    let summary: Summary
    let backends: [Backend]
    let failures: [Failure]
    /// The bot comment beside this document.
    let comment = "comment.md"

    enum CodingKeys: String, CodingKey {
        case schema, pr, title, author, generatedAt = "generated_at", summary, backends, failures, comment
        case upstreamRepo = "upstream_repo"
        case headSHA = "head_sha"
        case baseSHA = "base_sha"
    }

    /// The document of `page`.
    init(page: PRPage, now: UTCTimestamp) {
        pr = page.number
        upstreamRepo = page.upstreamRepo
        title = page.title
        author = page.author
        headSHA = page.current?.sha
        baseSHA = page.baseSHA
        generatedAt = now.description
        let failures = page.failures
        let boxes = page.current?.backends ?? []
        summary = Summary(
            new: failures.filter { $0.classification == .new }.count, blocking: failures.filter(\.blocking).count,
            brokenTrunk: failures.filter { $0.classification == .brokenTrunk }.count,
            flaky: failures.filter { $0.classification == .flaky }.count,
            unstable: failures.filter { $0.classification == .unstable }.count,
            unclassifiedTests: page.unclassifiedCount, jobs: boxes.reduce(0) { $0 + $1.jobs.count },
            passed: boxes.reduce(0) { $0 + $1.passed }, failed: boxes.reduce(0) { $0 + $1.failed },
            running: boxes.reduce(0) { $0 + $1.running }, lost: boxes.reduce(0) { $0 + $1.lost })
        backends =
            boxes.map { box in
                Backend(
                    backend: box.repo, level: box.level.text,
                    state: box.blocking
                        ? "blocking" : box.failed + box.lost > 0 ? "failing" : box.running > 0 ? "running" : "passing",
                    jobs: box.jobs.count, passed: box.passed, failed: box.failed, running: box.running, url: box.href)
            }
            + (page.hasSilent ? page.silent : []).map {
                Backend(
                    backend: $0.repo, level: $0.level.text, state: "no_results", jobs: 0, passed: 0, failed: 0,
                    running: 0, url: $0.href)
            }
        self.failures = page.failureGroups.flatMap(\.items).map { item in
            let subject = item.failure.subject
            return Failure(
                backend: subject.backend, level: subject.level, workflow: subject.workflowName, job: subject.jobName,
                test: item.test, classification: item.classification, blocking: item.blocking,
                evidence: item.evidence.map { Evidence(kind: $0.kind, url: $0.href, sha: $0.sha, pr: $0.pr) },
                otherBackends: item.otherBackends, jobURL: item.jobHref, historyURL: item.historyHref,
                testURL: item.testHref)
        }
    }
}
