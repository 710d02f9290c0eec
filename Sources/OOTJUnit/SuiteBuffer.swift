/// A testcase that has closed, kept until its suite closes when the suite's declared `tests=`
/// makes a rerun reading possible: only then is it known whether the suite's repeated testcases
/// are executions or rerun attempts, and what its times' commas mean.
///
/// Plain data (no references), so holding 285k of them costs a copy each, no reference counting.
struct PendingTestCase {
    /// Hash of classname (or suite) and name; `nil` for a testcase without a name.
    var identity: UInt64?
    var outcome: TestOutcome
    var flaky: Bool
    /// Failed attempts recorded inside it (rerun and flaky elements).
    var attempts: Int32
    /// Failures and errors its elements record (a `<failure>` and an `<error>` in one testcase
    /// are two, as producers count them; 1 for an error without an element, such as CTest's not
    /// run); what a suite's declared `failures` + `errors` are checked against.
    var failingElements: Int32
    var time: Double?
    /// `time` was `d{1,3},ddd`, read as thousands until the report's decimal mark is known.
    var ambiguousTime: Bool
    /// Where its materialized testcase is in the holding suite's ``OpenSuite/cases`` (-1: none).
    var caseIndex: Int32 = -1
}

/// Running totals of the testcases handed on: a suite's own (nested suites included) are the
/// totals at its close minus those at its open, since everything handed on in between is inside it.
struct FailingTotals {
    /// Failing testcases.
    var failing = 0
    /// The failures and errors their elements record (``PendingTestCase/failingElements``).
    var failingElements = 0
    /// Failed attempts recorded inside testcases.
    var attempts = 0

    static func - (a: FailingTotals, b: FailingTotals) -> FailingTotals {
        FailingTotals(
            failing: a.failing - b.failing, failingElements: a.failingElements - b.failingElements,
            attempts: a.attempts - b.attempts)
    }
}

/// A `<testsuite>` being read: its declared counts, the testcases directly inside it (held, when
/// a rerun reading is possible), and the totals when it opened, for the check of its declared
/// counts.
struct OpenSuite {
    let name: String
    let depth: Int32
    /// `tests=`, `failures=`, `errors=` as the producer wrote them.
    let declaredTests: Int?
    let declaredFailing: Int?
    /// Holds its testcases until it closes: it declares some tests (a rerun reading needs
    /// `tests=` to count distinct tests) and holds no suite (declared counts of a suite of suites
    /// cover its children, so they say nothing about its own repeats).
    var holds: Bool
    /// Counts the identities of the testcases directly inside, when it holds them (until a nested
    /// suite opens): a suite that declares no tests is read as executions whatever its repeats, so
    /// its identities are not counted (the cost of counting them is left out of the common case).
    var tracks: Bool
    var held: [PendingTestCase] = []
    /// The materialized testcases of ``held`` (when not only counting).
    var cases: [JUnitTestCase] = []
    /// Testcases directly inside, and those of them without a name (each distinct).
    var elements = 0
    var unnamed = 0
    /// The totals handed on before it opened.
    let start: FailingTotals

    init(attributes: SuiteAttributes, depth: Int32, start: FailingTotals) {
        name = attributes.name ?? ""
        self.depth = depth
        self.start = start
        declaredTests = attributes.tests
        declaredFailing = Self.sum(attributes.failures, attributes.errors)
        holds = (declaredTests ?? 0) > 0
        tracks = holds
        if holds { held.reserveCapacity(min(declaredTests ?? 0, 1 << 16)) }
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
        /// (pytest-rerunfailures ≥ 16.6.1 with a plain `--junitxml`).
        case reruns(elements: Int, tests: Int)
    }

    /// Decides ``Repeats`` from its `distinct` identities and the declared `tests=`.
    func repeats(distinct: Int) -> Repeats {
        guard tracks, distinct < elements else { return .none }
        if holds, declaredTests == distinct { return .reruns(elements: elements, tests: distinct) }
        return .executions(elements: elements, tests: distinct)
    }

    /// The held testcases with each test's rerun attempts folded into its last element, in the
    /// order of first appearance: the outcome and message of the last attempt, the earlier
    /// elements counted as failed attempts (a test is rerun only after failing), flaky when the
    /// last attempt passed, and the time of all attempts together.
    mutating func mergeReruns() {
        var groups: [UInt64: [Int]] = [:]
        var order: [Int?] = []  // a group's first index, or nil for a testcase without a name
        var singles: [Int] = []
        for (index, pending) in held.enumerated() {
            guard let identity = pending.identity else {
                order.append(nil)
                singles.append(index)
                continue
            }
            if groups[identity] == nil { order.append(index) }
            groups[identity, default: []].append(index)
        }
        var merged: [PendingTestCase] = []
        var nextSingle = singles.makeIterator()
        for first in order {
            guard let first, let identity = held[first].identity, let indices = groups[identity],
                let lastIndex = indices.last
            else {
                if let single = nextSingle.next() { merged.append(held[single]) }
                continue
            }
            var last = held[lastIndex]
            last.attempts += Int32(indices.count - 1)
            last.flaky = last.outcome == .passed && last.attempts > 0
            let times = indices.compactMap { held[$0].time }
            last.time = times.isEmpty ? nil : times.reduce(0, +)
            last.ambiguousTime = indices.contains { held[$0].ambiguousTime }
            if last.caseIndex >= 0 {
                let i = Int(last.caseIndex)
                cases[i].reruns = Int(last.attempts)
                cases[i].flaky = last.flaky
                cases[i].time = last.time
            }
            merged.append(last)
        }
        held = merged
    }
}

/// The distinct identities among the testcases directly inside the suite being read, counted as
/// they close: open addressing over the identity hashes themselves (already well mixed), its
/// storage reused from suite to suite.
struct IdentitySet {
    private var slots = [UInt64](repeating: 0, count: 64)
    private var used: [Int] = []
    /// Distinct identities inserted since the last ``reset()``.
    var count: Int { used.count }

    /// Forgets every identity (in time proportional to how many there were).
    mutating func reset() {
        for i in used { slots[i] = 0 }
        used.removeAll(keepingCapacity: true)
    }

    /// Adds `identity` (a 64-bit hash).
    mutating func insert(_ identity: UInt64) {
        if used.count * 2 >= slots.count { grow() }
        let key = identity == 0 ? 1 : identity
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: key) & mask
        while slots[i] != 0 {
            if slots[i] == key { return }
            i = (i + 1) & mask
        }
        slots[i] = key
        used.append(i)
    }

    private mutating func grow() {
        let keys = used.map { slots[$0] }
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        used.removeAll(keepingCapacity: true)
        for key in keys { insert(key) }
    }
}
