import OOTCore

/// The classification rules (docs/classification.md), in one place: given one failure on a PR's
/// head SHA and what its backend has observed of the same test (or job), decide whether it is
/// flaky, broken trunk, unstable or new, and keep the evidence.
///
/// Pure: no database, no clock (`now` is the build's). Tie-break: flaky beats broken trunk, which
/// beats unstable, which beats new. A cancelled, lost or unconcluded job is unstable outright:
/// it did not fail, so the failure rules have nothing to match.
enum FailureClassifier {
    /// How far back "failed and passed at one SHA" looks: 14 days, in seconds.
    static let flakyWindowSeconds: Double = 14 * 86_400
    /// How far back the "failing on other PRs" rule looks from the failing job's start: 24 h, in seconds.
    static let otherPRWindowSeconds: Double = 24 * 3_600
    /// Other PRs (with different heads) that must fail the same way for broken trunk.
    static let otherPRThreshold = 3
    /// Evidence items kept per rule (the most recent).
    static let evidencePerRule = 3

    /// Classifies `subject` from `history`: the backend's observations of the same test (for a
    /// test failure) or of the same workflow + job (for a job failure), in any order; the
    /// failing run itself may be among them.
    ///
    /// - Parameter now: The build's time (UTC), the end of the 14-day flaky window.
    static func classify(_ subject: FailureSubject, history: [Observation], now: UTCTimestamp) -> FailureVerdict {
        switch subject.state {
        case .cancelled:
            return FailureVerdict(classification: .unstable, evidence: [own(subject, .cancelled)])
        case .lost:
            return FailureVerdict(classification: .unstable, evidence: [own(subject, .lost)])
        case .noConclusion:
            return FailureVerdict(classification: .unstable, evidence: [own(subject, .noConclusion)])
        case .failed, .unreadableReport:
            break
        }
        let flaky = flakyEvidence(subject, history: history, now: now)
        if !flaky.isEmpty { return FailureVerdict(classification: .flaky, evidence: flaky) }
        let trunk = brokenTrunkEvidence(subject, history: history)
        if !trunk.isEmpty { return FailureVerdict(classification: .brokenTrunk, evidence: trunk) }
        if case .unreadableReport(let reason) = subject.state {
            var evidence = own(subject, .unreadableReport)
            evidence.detail = reason
            return FailureVerdict(classification: .unstable, evidence: [evidence])
        }
        return FailureVerdict(classification: .new, evidence: [])
    }

    /// The flaky evidence of `subject`, in rule order.
    ///
    /// 1. the same job passed on another attempt at the head SHA of this PR;
    /// 2. the test passed on a rerun inside the same report;
    /// 3. within ``flakyWindowSeconds`` before `now`, the same test (or job) both failed and
    ///    passed at one SHA in the same workflow + job (a test that passes in one job and fails in
    ///    another at one SHA depends on the configuration; that is not flakiness), or passed after
    ///    a rerun inside one report (which is flakiness in any job).
    static func flakyEvidence(_ subject: FailureSubject, history: [Observation], now: UTCTimestamp)
        -> [FailureEvidence]
    {
        var evidence: [FailureEvidence] = []
        let sameJob = history.filter { $0.isJob(subject.workflowName, subject.jobName) }
        let otherAttempts = sameJob.filter {
            $0.prNumber == subject.prNumber && $0.sha == subject.headSHA && $0.dynamoKey != subject.dynamoKey
                && $0.outcome == .passed
        }
        for run in newestFirst(otherAttempts).prefix(evidencePerRule) {
            evidence.append(Self.evidence(.passedOnAttempt, run))
        }
        if subject.passedInReport {
            evidence.append(own(subject, .passedInReport))
        }
        let sameJobOrRerun = history.filter {
            $0.sha != subject.headSHA && ($0.flakyInReport || $0.isJob(subject.workflowName, subject.jobName))
        }
        let since = now.adding(seconds: -flakyWindowSeconds)
        for run in flakyRuns(sameJobOrRerun, since: since).prefix(evidencePerRule) {
            evidence.append(Self.evidence(.flakyAtSHA, run))
        }
        return evidence
    }

    /// The broken-trunk evidence of `subject`.
    ///
    /// 1. the trunk reference failed: the backend's trunk runs of the same workflow + job at the
    ///    PR's base SHA when there are any, else its latest trunk run that started before the
    ///    failing job (for a test: of any job when no trunk run of the same job ever ran it);
    /// 2. at least ``otherPRThreshold`` other PRs, with different heads, failed the same way within
    ///    ``otherPRWindowSeconds`` before the failing job started.
    static func brokenTrunkEvidence(_ subject: FailureSubject, history: [Observation]) -> [FailureEvidence] {
        var evidence: [FailureEvidence] = []
        var trunk = history.filter { $0.isTrunk && $0.isJob(subject.workflowName, subject.jobName) }
        if trunk.isEmpty && subject.test != nil { trunk = history.filter(\.isTrunk) }
        let reference: [Observation]
        if let base = subject.baseSHA, !base.isEmpty, trunk.contains(where: { $0.sha == base }) {
            reference = trunk.filter { $0.sha == base }
        } else {
            let start = subject.startedAt
            let before = newestFirst(
                trunk.filter { run in
                    guard let start, let at = run.startedAt else { return false }
                    return at < start
                })
            reference = before.first.map { latest in before.filter { $0.dynamoKey == latest.dynamoKey } } ?? []
        }
        for run in newestFirst(reference.filter { $0.outcome == .failed }).prefix(1) {
            evidence.append(Self.evidence(.trunkFailure, run))
        }
        if let start = subject.startedAt {
            let since = start.adding(seconds: -otherPRWindowSeconds)
            let failures = newestFirst(
                history.filter { run in
                    guard run.prNumber > 0, run.prNumber != subject.prNumber, run.outcome == .failed,
                        run.isJob(subject.workflowName, subject.jobName) || subject.test != nil,
                        let at = run.startedAt
                    else { return false }
                    return at >= since && at <= start
                })
            var prs: Set<Int64> = []
            var heads: Set<String> = []
            var distinct: [Observation] = []
            for run in failures where !prs.contains(run.prNumber) && !heads.contains(run.sha) {
                prs.insert(run.prNumber)
                heads.insert(run.sha)
                distinct.append(run)
            }
            if distinct.count >= otherPRThreshold {
                for run in distinct.prefix(max(otherPRThreshold, evidencePerRule)) {
                    evidence.append(Self.evidence(.otherPRFailure, run))
                }
            }
        }
        return evidence
    }

    /// One run per SHA where the test (or job) was flaky since `since` (UTC; a run of unknown time
    /// counts), newest first: the passing run of a workflow + job that also failed at that SHA,
    /// or a run that passed after a rerun inside its own report.
    static func flakyRuns(_ runs: [Observation], since: UTCTimestamp) -> [Observation] {
        var failed: Set<String> = []
        var passed: [String: Observation] = [:]
        var flaky: [Observation] = []
        for run in newestFirst(runs) where (run.startedAt ?? since) >= since {
            if run.flakyInReport {
                flaky.append(run)
                continue
            }
            let key = run.sha + "\u{1F}" + run.workflowName + "\u{1F}" + run.jobName
            switch run.outcome {
            case .failed: failed.insert(key)
            case .passed: if passed[key] == nil { passed[key] = run }
            case .other: break
            }
        }
        for (key, run) in passed where failed.contains(key) { flaky.append(run) }
        var seen: Set<String> = []
        return newestFirst(flaky).filter { seen.insert($0.sha).inserted }
    }

    /// Runs sorted newest first (unknown start last), ties by attempt then key, so evidence is stable.
    static func newestFirst(_ runs: [Observation]) -> [Observation] {
        runs.sorted { a, b in
            let ta = a.startedAt ?? UTCTimestamp(seconds: .min / 2)
            let tb = b.startedAt ?? UTCTimestamp(seconds: .min / 2)
            if ta != tb { return ta > tb }
            if a.runAttempt != b.runAttempt { return a.runAttempt > b.runAttempt }
            return a.dynamoKey < b.dynamoKey
        }
    }

    private static func evidence(_ kind: FailureEvidence.Kind, _ run: Observation) -> FailureEvidence {
        FailureEvidence(
            kind: kind, dynamoKey: run.dynamoKey, sha: run.sha, pr: run.prNumber > 0 ? run.prNumber : nil,
            eventType: run.eventType, runAttempt: run.runAttempt, startedAt: run.startedAt)
    }

    private static func own(_ subject: FailureSubject, _ kind: FailureEvidence.Kind) -> FailureEvidence {
        FailureEvidence(
            kind: kind, dynamoKey: subject.dynamoKey, sha: subject.headSHA, pr: subject.prNumber,
            eventType: "pull_request", runAttempt: subject.runAttempt, startedAt: subject.startedAt)
    }
}
