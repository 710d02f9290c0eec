/// Derives a ``JUnitSummary`` from testcase executions as they arrive, across one or more
/// report files of the same job.
///
/// Memory: one small entry per distinct test identity (classname + name), for flaky detection.
public struct JUnitTally: Sendable {
    private var summary = JUnitSummary()
    /// Per identity: bit 0 an execution passed, bit 1 one failed/errored, bit 2 one was flaky.
    private var identities: [String: UInt8] = [:]

    /// Creates an empty tally.
    public init() {}

    /// Counts one execution.
    public mutating func add(_ testcase: JUnitTestCase) {
        summary.tests += 1
        switch testcase.outcome {
        case .passed: summary.passed += 1
        case .failure: summary.failures += 1
        case .error: summary.errors += 1
        case .skipped: summary.skipped += 1
        }
        if let time = testcase.time { summary.totalTimeSeconds = (summary.totalTimeSeconds ?? 0) + time }
        var bits: UInt8 = 0
        if testcase.outcome == .passed { bits |= 1 }
        if testcase.outcome.isFailing { bits |= 2 }
        if testcase.flaky { bits |= 4 }
        identities[testcase.identity, default: 0] |= bits
    }

    /// Identities that are flaky: an execution passed after failed attempts, or the identity
    /// both passed and failed across executions.
    public var flakyIdentities: Set<String> {
        Set(identities.filter { $0.value & 4 != 0 || $0.value & 3 == 3 }.keys)
    }

    /// The summary so far, with ``JUnitSummary/flaky`` filled in.
    public var finished: JUnitSummary {
        var s = summary
        s.flaky = flakyIdentities.count
        return s
    }
}
