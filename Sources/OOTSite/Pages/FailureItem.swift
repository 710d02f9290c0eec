import OOTCore

/// One classified failure as the PR page and `comment.md` show it: where it failed, the test,
/// and each piece of evidence as words and a relative link (docs/classification.md).
struct FailureItem: Sendable, Encodable {
    /// One piece of evidence, linked.
    struct Evidence: Sendable, Encodable {
        /// `FailureEvidence.Kind`'s raw value (`trunk_failure`…).
        let kind: String
        /// What it shows, for example `failed on trunk at 1a2b3c4 (push, 3 h ago)`.
        let text: String
        /// A link relative to the PR page: the run's drill-down, else its PR page or trunk tab.
        let href: String?
        /// The run's upstream SHA, when the evidence is about one run.
        @NotEncoded var sha: String?
        /// The run's PR, when it ran on one.
        @NotEncoded var pr: Int64?
    }

    let backend: String
    let backendHref: String?
    let level: LevelChip
    /// `workflow / job`.
    let job: String
    /// The failing job's drill-down, else its workflow run (external).
    let jobHref: String?
    /// `classname.name`, or `nil` for a failure of the whole job.
    let test: String?
    /// The test's history on this backend, when it has a page.
    let historyHref: String?
    /// The test's page across backends, when it has one.
    let testHref: String?
    /// `the job failed without a failing test in its report`, for a plain job failure.
    let jobNote: String?
    let classification: String
    let blocking: Bool
    /// `fails on 2 of 3 backends`, when it fails on more than one.
    let spread: String?
    let evidence: [Evidence]
    let hasEvidence: Bool
    /// The other backends where the test fails on this PR.
    @NotEncoded var otherBackends: [String]
    /// The failure itself.
    @NotEncoded var failure: ClassifiedFailure

    /// Links and words for `failure`, seen from the page at `links.directory`.
    ///
    /// - Parameters:
    ///   - row: The failing job's row (for its run URL).
    ///   - backendsWithResults: How many backends reported on the head SHA (the "of M").
    ///   - historyExists: Whether the test has a history page on a backend (and so a page across them).
    /// - Throws: ``SQLiteError`` when a path lookup fails.
    init(
        _ failure: ClassifiedFailure, row: JobRow?, backendsWithResults: Int, links: PageLinks,
        historyExists: (String, TestIdentity) throws -> Bool
    ) throws {
        let subject = failure.subject
        self.failure = failure
        backend = subject.backend
        backendHref = try links.backend(subject.backend)
        level = LevelChip(subject.level)
        job = subject.workflowName.isEmpty ? subject.jobName : "\(subject.workflowName) / \(subject.jobName)"
        jobHref = try links.drillDown(subject.dynamoKey) ?? row.flatMap { SafeURL.external($0.workflowRunURL) }
        test = subject.test?.displayName
        if let identity = subject.test, try historyExists(subject.backend, identity) {
            historyHref = try links.testHistory(
                repo: subject.backend, classname: identity.classname, name: identity.name)
            testHref = links.page(
                SitePaths.crossBackendTestDirectory(classname: identity.classname, name: identity.name))
        } else {
            historyHref = nil
            testHref = nil
        }
        jobNote =
            subject.test == nil && subject.state == .failed
            ? "the job failed without a failing test in its report" : nil
        classification = failure.classification.rawValue
        blocking = failure.blocking
        otherBackends = failure.otherBackends
        let failingOn = failure.otherBackends.count + 1
        spread =
            failingOn > 1 ? "fails on \(failingOn) of \(max(failingOn, backendsWithResults)) backends" : nil
        evidence = try failure.verdict.evidence.map { item in
            try Self.evidence(item, subject: subject, links: links)
        }
        hasEvidence = !evidence.isEmpty
    }

    /// Words and link for one piece of evidence.
    private static func evidence(
        _ item: FailureEvidence, subject: FailureSubject, links: PageLinks
    ) throws(SQLiteError) -> Evidence {
        let sha = item.sha.map(Format.shortSHA) ?? ""
        let when = item.startedAt.map { ", " + Format.absolute($0) } ?? ""
        let at = item.startedAt.map { " (\(Format.absolute($0)))" } ?? ""
        let text: String
        switch item.kind {
        case .passedOnAttempt:
            text = "passed on attempt \(item.runAttempt ?? 1) at this SHA"
        case .passedInReport:
            text = "passed on a rerun in the same report"
        case .flakyAtSHA:
            text = "failed and passed at \(sha)\(at)"
        case .trunkFailure:
            let kind = item.eventType == "push" ? "trunk push" : (item.eventType ?? "trunk")
            text = "failed on trunk at \(sha) (\(kind)\(when))"
        case .otherPRFailure:
            text = "failed on PR #\(item.pr ?? 0) at \(sha)\(at)"
        case .cancelled:
            text = "cancelled"
        case .lost:
            text = "no result for over 6 h"
        case .noConclusion:
            text = "completed with no conclusion"
        case .unreadableReport:
            text = "the report could not be read" + (item.detail.map { ": \($0)" } ?? "")
        }
        return Evidence(
            kind: item.kind.rawValue, text: text, href: try href(item, subject: subject, links: links),
            sha: item.sha, pr: item.pr)
    }

    /// The run's drill-down; else the PR page of a PR run, or the backend's trunk/nightly/periodic tab.
    private static func href(_ item: FailureEvidence, subject: FailureSubject, links: PageLinks)
        throws(SQLiteError) -> String?
    {
        if let key = item.dynamoKey, let page = try links.drillDown(key) { return page }
        // The failing job's own state (cancelled, lost…): its drill-down or nothing; the job's
        // run is linked beside it.
        if item.dynamoKey == subject.dynamoKey { return nil }
        if let pr = item.pr, pr > 0 { return links.prPage(pr) }
        guard let home = try links.paths.backendDirectory(subject.backend) else { return nil }
        guard let kind = item.eventType.flatMap(CommitRunKind.init(eventType:)) else { return links.page(home) }
        return links.page(home + "/" + kind.rawValue)
    }
}
