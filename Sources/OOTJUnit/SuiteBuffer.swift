/// A testcase that has closed, kept until its suite closes: only then is it known whether the
/// suite's repeated testcases are executions or rerun attempts, and what its times' commas mean.
struct PendingTestCase {
    /// Hash of classname (or suite) and name; `nil` for a testcase without a name.
    var identity: UInt64?
    var outcome: TestOutcome
    var flaky: Bool
    /// Failed attempts recorded inside it (rerun and flaky elements).
    var attempts: Int
    /// Failures and errors its elements record (a `<failure>` and an `<error>` in one testcase
    /// are two, as producers count them; 1 for an error without an element, such as CTest's not
    /// run); what a suite's declared `failures` + `errors` are checked against.
    var failingElements: Int
    var time: Double?
    /// `time` was `d{1,3},ddd`, read as thousands until the report's decimal mark is known.
    var ambiguousTime: Bool
    /// The materialized testcase (`nil` when only counting).
    var testcase: JUnitTestCase?
}

/// A `<testsuite>` being read: its declared counts, the testcases directly inside it still held,
/// and the failures of everything flushed inside it (nested suites included), for the check of
/// its declared counts.
struct OpenSuite {
    let name: String
    let depth: Int32
    /// `tests=`, `failures=`, `errors=` as the producer wrote them.
    let declaredTests: Int?
    let declaredFailing: Int?
    /// Testcases directly inside, held until the suite closes; a suite holding suites passes its
    /// own testcases on at once (its declared counts cover its children, so they say nothing about
    /// its own repeats).
    var held: [PendingTestCase] = []
    var holds = true
    /// Failing testcases flushed inside it, the failures and errors their elements record, and
    /// the failed attempts recorded inside them.
    var failing = 0
    var failingElements = 0
    var attempts = 0

    init(attributes: Attributes, depth: Int32) {
        name = attributes.name ?? ""
        self.depth = depth
        declaredTests = attributes.declaredTests
        declaredFailing = Self.sum(attributes.declaredFailures, attributes.declaredErrors)
    }

    /// `a + b` when either is present (absent counts as 0), else `nil`.
    static func sum(_ a: Int?, _ b: Int?) -> Int? {
        a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0)
    }

    /// How the repeated testcases of a suite are read (docs/junit.md "Repeated testcases").
    enum Repeats: Equatable {
        /// No testcase identity occurs twice.
        case none
        /// Each element is an execution: the declared `tests=` counts the elements (flakefinder,
        /// pytest `--count`, PyTorch's rerun-disabled-tests mode), or declares nothing.
        case executions(elements: Int, tests: Int)
        /// The declared `tests=` counts distinct tests, fewer than the elements: the earlier
        /// elements of a test are its rerun attempts and its last element is its outcome
        /// (pytest-rerunfailures ≥ 16.6 with a plain `--junitxml`).
        case reruns(elements: Int, tests: Int)
    }

    /// Decides ``Repeats`` from the held testcases and the declared `tests=`.
    func repeats() -> Repeats {
        var seen = Set<UInt64>()
        var distinct = 0
        for pending in held {
            guard let identity = pending.identity else {
                distinct += 1
                continue
            }
            if seen.insert(identity).inserted { distinct += 1 }
        }
        guard distinct < held.count else { return .none }
        if let declared = declaredTests, declared == distinct {
            return .reruns(elements: held.count, tests: distinct)
        }
        return .executions(elements: held.count, tests: distinct)
    }

    /// The held testcases with each test's rerun attempts folded into its last element, in the
    /// order of first appearance: the outcome and message of the last attempt, the earlier
    /// elements counted as failed attempts (a test is rerun only after failing), flaky when the
    /// last attempt passed, and the time of all attempts together.
    func mergedReruns() -> [PendingTestCase] {
        var groups: [UInt64: [PendingTestCase]] = [:]
        var merged: [PendingTestCase] = []
        var slots: [(identity: UInt64?, single: PendingTestCase?)] = []
        for pending in held {
            guard let identity = pending.identity else {
                slots.append((nil, pending))
                continue
            }
            if groups[identity] == nil { slots.append((identity, nil)) }
            groups[identity, default: []].append(pending)
        }
        for slot in slots {
            guard let identity = slot.identity, let attempts = groups[identity], var last = attempts.last else {
                if let single = slot.single { merged.append(single) }
                continue
            }
            let earlier = attempts.count - 1
            last.attempts += earlier
            last.flaky = last.outcome == .passed && last.attempts > 0
            let times = attempts.compactMap(\.time)
            last.time = times.isEmpty ? nil : times.reduce(0, +)
            last.ambiguousTime = attempts.contains(where: \.ambiguousTime)
            last.testcase?.reruns = last.attempts
            last.testcase?.flaky = last.flaky
            last.testcase?.time = last.time
            merged.append(last)
        }
        return merged
    }
}
