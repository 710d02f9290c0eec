import OOTCore

/// Lists and classifies the failures of a PR's head SHA.
///
/// One per failing test in the latest attempt of each failed job, one per job that failed without a failing test to show, and one
/// per job that was cancelled, lost or ended with no conclusion (docs/classification.md). A job
/// that concluded `success` is no failure, even when its report counts failing tests.
///
/// The data comes in through closures, so the rules can be tested without a database; the
/// build passes the saved queries `oot_test_history` and `oot_job_history`.
struct PRTriage {
    /// A failing testcase of a job on the PR (an `oot_pr_failing_tests` row, simplified).
    struct FailingTest: Sendable, Equatable {
        var dynamoKey: String
        var test: TestIdentity
        /// The same test passed elsewhere in the same report.
        var passedInReport: Bool
    }

    /// The backend's observations of one test, any order.
    var testHistory: (_ repo: String, _ test: TestIdentity) throws -> [Observation]
    /// The backend's observations of one workflow + job, any order.
    var jobHistory: (_ repo: String, _ workflow: String, _ job: String) throws -> [Observation]

    /// Failing tests classified per job; more are counted but not classified (each costs a lookup).
    static let testsPerJob = 50

    /// The failures of `headJobs` (the latest attempt of each job on the head SHA), classified
    /// and sorted: new before broken trunk, flaky and unstable; blocking first; L4 before L3 and
    /// L2; then backend, workflow, job and test.
    ///
    /// - Parameters:
    ///   - failingTests: Failing testcases of the PR's jobs (others are ignored).
    ///   - reportErrors: Why a job's report could not be read, by `dynamoKey` (only unread ones).
    ///   - levels: Each backend's level (`L1`…`L4`).
    ///   - now: The build's time, UTC.
    /// - Throws: Whatever the history closures throw.
    func failures(
        headJobs: [JobRow], failingTests: [FailingTest], reportErrors: [String: String], levels: [String: String],
        now: UTCTimestamp
    ) throws -> (failures: [ClassifiedFailure], unclassifiedTests: Int) {
        var testsByJob: [String: [FailingTest]] = [:]
        for row in failingTests { testsByJob[row.dynamoKey, default: []].append(row) }
        var subjects: [FailureSubject] = []
        var unclassified = 0
        for job in headJobs {
            let level = levels[job.downstreamRepo] ?? (job.level.isEmpty ? "L2" : job.level)
            var subject = FailureSubject(
                backend: job.downstreamRepo, level: level, workflowName: job.workflowName, jobName: job.jobName,
                dynamoKey: job.dynamoKey, prNumber: job.prNumber, headSHA: job.headSHA, baseSHA: job.baseSHA,
                runAttempt: job.runAttempt, startedAt: job.sortTime, test: nil, state: .failed)
            if job.lost(at: now) {
                subject.state = .lost
            } else if job.status == "completed" && job.conclusion == "cancelled" {
                subject.state = .cancelled
            } else if job.noConclusion {
                subject.state = .noConclusion
            } else if !job.failed || job.conclusion == "neutral" {
                // A job that passed is no failure, even when its report counts failing tests
                // (the page's "success, N tests failed" chip says so).
                continue
            } else if let tests = testsByJob[job.dynamoKey], !tests.isEmpty {
                var seen: Set<TestIdentity> = []
                var unique: [FailingTest] = []
                for test in tests where seen.insert(test.test).inserted { unique.append(test) }
                for test in unique.prefix(Self.testsPerJob) {
                    var one = subject
                    one.test = test.test
                    one.passedInReport = test.passedInReport
                    subjects.append(one)
                }
                unclassified += max(0, unique.count - Self.testsPerJob)
                continue
            } else if let reason = reportErrors[job.dynamoKey] {
                subject.state = .unreadableReport(reason)
            }
            subjects.append(subject)
        }
        // Which backends fail each test on this head SHA ("fails on 2 of 3 backends").
        var failingOn: [TestIdentity: Set<String>] = [:]
        for subject in subjects { if let test = subject.test { failingOn[test, default: []].insert(subject.backend) } }
        var classified: [ClassifiedFailure] = []
        for subject in subjects {
            let history: [Observation]
            switch subject.state {
            case .cancelled, .lost, .noConclusion:
                history = []
            case .failed, .unreadableReport:
                if let test = subject.test {
                    history = try testHistory(subject.backend, test)
                } else {
                    history = try jobHistory(subject.backend, subject.workflowName, subject.jobName)
                }
            }
            let others = subject.test.map { (failingOn[$0] ?? []).subtracting([subject.backend]).sorted() } ?? []
            classified.append(
                ClassifiedFailure(
                    subject: subject, verdict: FailureClassifier.classify(subject, history: history, now: now),
                    otherBackends: others))
        }
        classified.sort(by: Self.order)
        return (classified, unclassified)
    }

    /// Display order: classification group, blocking first, level high to low, then names.
    static func order(_ a: ClassifiedFailure, _ b: ClassifiedFailure) -> Bool {
        let groups = FailureClassification.displayOrder
        let ga = groups.firstIndex(of: a.classification) ?? 0
        let gb = groups.firstIndex(of: b.classification) ?? 0
        if ga != gb { return ga < gb }
        if a.blocking != b.blocking { return a.blocking }
        if a.subject.level != b.subject.level { return a.subject.level > b.subject.level }
        let ka = (a.subject.backend, a.subject.workflowName, a.subject.jobName)
        let kb = (b.subject.backend, b.subject.workflowName, b.subject.jobName)
        if ka != kb { return ka < kb }
        return (a.subject.test?.displayName ?? "") < (b.subject.test?.displayName ?? "")
    }
}
