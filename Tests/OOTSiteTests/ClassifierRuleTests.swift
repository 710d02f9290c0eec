import OOTCore
import Testing

@testable import OOTSite

/// Each classification rule and each tie-break of ``FailureClassifier`` on hand-made
/// observations (docs/classification.md); the same rules over a real database and build are in
/// `ClassificationSiteTests`.
@Suite struct ClassifierRuleTests {
    static let now = UTCTimestamp(parsing: "2026-11-28T12:00:00Z")!
    static let head = "h" + String(repeating: "0", count: 39)
    static let base = "b" + String(repeating: "0", count: 39)

    /// A test failure on PR 7's head, its job started 1 h before ``now``.
    static func subject(
        test: Bool = true, level: String = "L4", state: FailureSubject.JobState = .failed, passedInReport: Bool = false
    ) -> FailureSubject {
        FailureSubject(
            backend: "acme/npu", level: level, workflowName: "ci", jobName: "test", dynamoKey: "acme/npu/pr7-a1",
            prNumber: 7, headSHA: head, baseSHA: base, runAttempt: 1, startedAt: now.adding(seconds: -3600),
            test: test ? TestIdentity(classname: "test_ops.TestAdd", name: "test_add") : nil, state: state,
            passedInReport: passedInReport)
    }

    /// An observation `hoursAgo` before ``now``.
    static func run(
        _ key: String, pr: Int64 = 0, sha: String, event: String = "push", job: String = "test", attempt: Int64 = 1,
        hoursAgo: Double, _ outcome: Observation.Outcome, flakyInReport: Bool = false
    ) -> Observation {
        Observation(
            dynamoKey: key, prNumber: pr, sha: sha, eventType: pr > 0 ? "pull_request" : event, workflowName: "ci",
            jobName: job, runAttempt: attempt, startedAt: now.adding(seconds: -hoursAgo * 3600), outcome: outcome,
            flakyInReport: flakyInReport)
    }

    static func classify(_ subject: FailureSubject, _ history: [Observation]) -> FailureVerdict {
        FailureClassifier.classify(subject, history: history, now: now)
    }

    // MARK: new

    @Test func withoutEvidenceAFailureIsNew() {
        let verdict = Self.classify(
            Self.subject(), [Self.run("acme/npu/pr7-a1", pr: 7, sha: Self.head, hoursAgo: 1, .failed)])
        #expect(verdict == FailureVerdict(classification: .new, evidence: []))
    }

    // MARK: flaky

    @Test func flakyWhenTheSameJobPassedOnAnotherAttemptAtTheHead() {
        let verdict = Self.classify(
            Self.subject(),
            [
                Self.run("acme/npu/pr7-a1", pr: 7, sha: Self.head, attempt: 2, hoursAgo: 1, .failed),
                Self.run("acme/npu/pr7-a0", pr: 7, sha: Self.head, hoursAgo: 2, .passed),
            ])
        #expect(verdict.classification == .flaky)
        #expect(verdict.evidence.map(\.kind) == [.passedOnAttempt])
        #expect(verdict.evidence.first?.dynamoKey == "acme/npu/pr7-a0")
    }

    @Test func flakyWhenTheTestPassedOnARerunInItsReport() {
        let verdict = Self.classify(Self.subject(passedInReport: true), [])
        #expect(verdict.classification == .flaky)
        #expect(verdict.evidence.map(\.kind) == [.passedInReport])
    }

    @Test func flakyWhenTheSameJobFailedAndPassedAtOneSHAWithin14Days() {
        let sha = "s1" + String(repeating: "0", count: 38)
        let verdict = Self.classify(
            Self.subject(),
            [
                Self.run("k1", pr: 3, sha: sha, hoursAgo: 48, .failed),
                Self.run("k2", pr: 3, sha: sha, attempt: 2, hoursAgo: 47, .passed),
            ])
        #expect(verdict.classification == .flaky)
        #expect(
            verdict.evidence == [
                FailureEvidence(
                    kind: .flakyAtSHA, dynamoKey: "k2", sha: sha, pr: 3, eventType: "pull_request", runAttempt: 2,
                    startedAt: Self.now.adding(seconds: -47 * 3600))
            ])
    }

    @Test func aRerunPassInAnyJobOfTheBackendIsFlakyEvidence() {
        let verdict = Self.classify(
            Self.subject(), [Self.run("k1", sha: "x", job: "nightly-all", hoursAgo: 30, .passed, flakyInReport: true)])
        #expect(verdict.classification == .flaky)
        #expect(verdict.evidence.map(\.kind) == [.flakyAtSHA])
    }

    @Test func failAndPassAtOneSHAOlderThan14DaysIsNotFlaky() {
        let verdict = Self.classify(
            Self.subject(),
            [
                Self.run("k1", pr: 3, sha: "s", hoursAgo: 15 * 24, .failed),
                Self.run("k2", pr: 3, sha: "s", attempt: 2, hoursAgo: 15 * 24 - 1, .passed),
            ])
        #expect(verdict.classification == .new)
    }

    @Test func failInOneJobAndPassInAnotherAtOneSHAIsConfigurationNotFlakiness() {
        let verdict = Self.classify(
            Self.subject(),
            [
                Self.run("k1", pr: 3, sha: "s", job: "test", hoursAgo: 5, .failed),
                Self.run("k2", pr: 3, sha: "s", job: "test-bf16", hoursAgo: 5, .passed),
            ])
        #expect(verdict.classification == .new)
    }

    // MARK: broken trunk

    @Test func brokenTrunkWhenTheTrunkRunAtTheBaseSHAFailed() {
        let verdict = Self.classify(
            Self.subject(),
            [
                Self.run("trunk-base", sha: Self.base, hoursAgo: 20, .failed),
                // A later trunk run passed, but the base is what this PR sits on.
                Self.run("trunk-later", sha: "later", hoursAgo: 3, .passed),
            ])
        #expect(verdict.classification == .brokenTrunk)
        #expect(verdict.evidence.map(\.kind) == [.trunkFailure])
        #expect(verdict.evidence.first?.sha == Self.base)
    }

    @Test func aGreenTrunkRunAtTheBaseOverridesALaterRedOne() {
        let verdict = Self.classify(
            Self.subject(),
            [
                Self.run("trunk-base", sha: Self.base, hoursAgo: 20, .passed),
                Self.run("trunk-later", sha: "later", hoursAgo: 3, .failed),
            ])
        #expect(verdict.classification == .new)
    }

    @Test func withoutATrunkRunAtTheBaseTheLatestOneBeforeThePRJobDecides() {
        let before = [
            Self.run("t1", sha: "t1", event: "nightly", hoursAgo: 30, .passed),
            Self.run("t2", sha: "t2", event: "nightly", hoursAgo: 10, .failed),
        ]
        #expect(Self.classify(Self.subject(), before).classification == .brokenTrunk)
        // A trunk failure that started after the PR's job is not "around its base".
        let after = [
            Self.run("t1", sha: "t1", hoursAgo: 10, .passed), Self.run("t2", sha: "t2", hoursAgo: 0.5, .failed),
        ]
        #expect(Self.classify(Self.subject(), after).classification == .new)
    }

    @Test func aTestUsesTrunkRunsOfOtherJobsOnlyWhenItsOwnJobNeverRanOnTrunk() {
        let otherJob = [Self.run("t1", sha: "t1", event: "nightly", job: "nightly-all", hoursAgo: 5, .failed)]
        #expect(Self.classify(Self.subject(), otherJob).classification == .brokenTrunk)
        let both = otherJob + [Self.run("t2", sha: "t2", job: "test", hoursAgo: 4, .passed)]
        #expect(Self.classify(Self.subject(), both).classification == .new)
    }

    @Test func brokenTrunkWhenThreeOtherPRsWithDifferentHeadsFailedWithin24Hours() {
        let three = (1...3).map {
            Self.run("p\($0)", pr: Int64(100 + $0), sha: "head\($0)", hoursAgo: Double(2 + $0), .failed)
        }
        let verdict = Self.classify(Self.subject(), three)
        #expect(verdict.classification == .brokenTrunk)
        #expect(verdict.evidence.map(\.pr) == [101, 102, 103])
        #expect(verdict.evidence.allSatisfy { $0.kind == .otherPRFailure })
        // Two are not enough, the same head on three PRs (a stack) counts once, and older than 24 h
        // before the job does not count.
        #expect(Self.classify(Self.subject(), Array(three.prefix(2))).classification == .new)
        let sameHead = (1...3).map { Self.run("p\($0)", pr: Int64(100 + $0), sha: "same", hoursAgo: 3, .failed) }
        #expect(Self.classify(Self.subject(), sameHead).classification == .new)
        let old = (1...3).map { Self.run("p\($0)", pr: Int64(100 + $0), sha: "h\($0)", hoursAgo: 26, .failed) }
        #expect(Self.classify(Self.subject(), old).classification == .new)
    }

    // MARK: unstable

    @Test func cancelledLostAndUnconcludedJobsAreUnstableWhateverTheHistory() {
        let trunkFailure = [Self.run("trunk-base", sha: Self.base, job: "test", hoursAgo: 20, .failed)]
        for (state, kind) in [
            (FailureSubject.JobState.cancelled, FailureEvidence.Kind.cancelled), (.lost, .lost),
            (.noConclusion, .noConclusion),
        ] {
            let verdict = Self.classify(Self.subject(test: false, state: state), trunkFailure)
            #expect(verdict.classification == .unstable)
            #expect(verdict.evidence.map(\.kind) == [kind])
        }
    }

    @Test func anUnreadableReportIsUnstableUnlessTheJobIsFlakyOrBrokenOnTrunk() {
        let unreadable = Self.subject(test: false, state: .unreadableReport("not JUnit: <html>"))
        let verdict = Self.classify(unreadable, [])
        #expect(verdict.classification == .unstable)
        #expect(verdict.evidence.first?.detail == "not JUnit: <html>")
        let trunk = [Self.run("trunk-base", sha: Self.base, hoursAgo: 20, .failed)]
        #expect(Self.classify(unreadable, trunk).classification == .brokenTrunk)
    }

    // MARK: tie-breaks

    @Test func flakyBeatsBrokenTrunkWhichBeatsNew() {
        let trunk = Self.run("trunk-base", sha: Self.base, hoursAgo: 20, .failed)
        let flaky = [
            Self.run("k1", pr: 3, sha: "s", hoursAgo: 5, .failed),
            Self.run("k2", pr: 3, sha: "s", attempt: 2, hoursAgo: 4, .passed),
        ]
        #expect(Self.classify(Self.subject(), [trunk] + flaky).classification == .flaky)
        #expect(Self.classify(Self.subject(), [trunk]).classification == .brokenTrunk)
        #expect(Self.classify(Self.subject(), []).classification == .new)
        #expect(
            FailureClassification.allCases.sorted { $0.precedence > $1.precedence } == [
                .flaky, .brokenTrunk, .unstable, .new,
            ])
    }

    // MARK: blocking

    @Test func onlyANewFailureOnAnL4BackendBlocks() {
        func failure(_ level: String, _ classification: FailureClassification) -> ClassifiedFailure {
            ClassifiedFailure(
                subject: Self.subject(level: level),
                verdict: FailureVerdict(classification: classification, evidence: []), otherBackends: [])
        }
        #expect(failure("L4", .new).blocking)
        #expect(!failure("L3", .new).blocking)
        #expect(!failure("L2", .new).blocking)
        #expect(!failure("L4", .brokenTrunk).blocking)
        #expect(!failure("L4", .flaky).blocking)
        #expect(!failure("L4", .unstable).blocking)
    }
}
