/// Derives a ``JUnitSummary`` from testcase executions as they arrive, across one or more
/// report files of the same job.
///
/// Memory: one 9-byte entry per distinct test identity (classname + name, as a 64-bit hash), for
/// flaky detection; a 100 MB report with 285k testcases needs a few MB.
public struct JUnitTally: Sendable {
    private var summary = JUnitSummary()
    /// Per identity hash: bit 0 an execution passed, bit 1 one failed/errored, bit 2 one was flaky.
    private var identities: [UInt64: UInt8] = [:]
    /// Flaky executions of testcases without a name (each its own identity).
    private var unnamedFlaky = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts one execution.
    public mutating func add(_ testcase: JUnitTestCase) {
        add(outcome: testcase.outcome, flaky: testcase.flaky, time: testcase.time, identity: Self.identity(of: testcase))
    }

    /// The identity of a testcase for flaky detection: its classname (the suite's name when the
    /// classname is empty) and its name; `nil` for a testcase without a name, which is never
    /// grouped with another.
    public static func identity(of testcase: JUnitTestCase) -> UInt64? {
        guard !testcase.name.isEmpty else { return nil }
        return hash(testcase.classname.isEmpty ? testcase.suite : testcase.classname, testcase.name)
    }

    /// Counts one execution given its parts; `identity` as ``identity(of:)`` (`nil`: a group of one).
    mutating func add(outcome: TestOutcome, flaky: Bool, time: Double?, identity: UInt64?) {
        summary.tests += 1
        switch outcome {
        case .passed: summary.passed += 1
        case .failure: summary.failures += 1
        case .error: summary.errors += 1
        case .skipped: summary.skipped += 1
        }
        if let time { summary.totalTimeSeconds = (summary.totalTimeSeconds ?? 0) + time }
        var bits: UInt8 = 0
        if outcome == .passed { bits |= 1 }
        if outcome.isFailing { bits |= 2 }
        if flaky { bits |= 4 }
        if let identity {
            identities[identity, default: 0] |= bits
        } else if flaky {
            unnamedFlaky += 1
        }
    }

    /// The summary so far, with ``JUnitSummary/flaky`` filled in: identities where an execution
    /// passed after failed attempts, or that both passed and failed across executions.
    public var finished: JUnitSummary {
        var s = summary
        s.flaky = unnamedFlaky + identities.values.reduce(0) { $0 + ($1 & 4 != 0 || $1 & 3 == 3 ? 1 : 0) }
        return s
    }

    /// A 64-bit hash of `classname` and `name` (8 bytes at a time, multiply-xorshift mixing):
    /// collisions among a report's identities are negligible at 2^-64 per pair.
    static func hash(_ classname: String, _ name: String) -> UInt64 {
        var c = classname
        var n = name
        return c.withUTF8 { cb in n.withUTF8 { nb in hash(cb, nb) } }
    }

    /// The same hash over UTF-8 bytes (as SAX2 delivers attribute values).
    static func hash(_ classname: UnsafeBufferPointer<UInt8>, _ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for bytes in [classname, name] {
            var i = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= bytes.count {
                    h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                    h ^= h >> 31
                    i += 8
                }
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail ^ (UInt64(bytes.count) << 56)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h
    }
}
