/// Derives a ``JUnitSummary`` from testcase executions as they arrive, across one or more
/// report files of the same job.
///
/// Memory: 8 bytes per execution for flaky detection (see ``IdentityTable``).
public struct JUnitTally: Sendable {
    private var summary = JUnitSummary()
    /// Per identity hash: bit 0 an execution passed, bit 1 one failed/errored, bit 2 one was flaky.
    private var identities = IdentityTable()
    /// Flaky executions of testcases without a name (each its own identity).
    private var unnamedFlaky = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts one execution.
    public mutating func add(_ testcase: JUnitTestCase) {
        add(
            outcome: testcase.outcome, flaky: testcase.flaky, time: testcase.time, identity: Self.identity(of: testcase)
        )
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
            identities.merge(identity, bits)
        } else if flaky {
            unnamedFlaky += 1
        }
    }

    /// The summary so far, with ``JUnitSummary/flaky`` filled in: identities where an execution
    /// passed after failed attempts, or that both passed and failed across executions.
    public var finished: JUnitSummary {
        var s = summary
        s.flaky = unnamedFlaky + identities.count { $0 & 4 != 0 || $0 & 3 == 3 }
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

/// Identity hashes with their outcome bits, gathered by appending (sequential writes, no random
/// access while parsing) and grouped at the end by a radix sort.
///
/// Each entry is one `UInt64`: the hash's upper 61 bits and the 3 outcome bits. 61-bit keys
/// collide at 2^-61 per pair.
///
/// Memory: 8 bytes per execution (16 while sorting): 2.3 MB for a 285k-testcase report.
struct IdentityTable: Sendable {
    private var entries: [UInt64] = []
    private static let flagMask: UInt64 = 7

    /// Records `bits` (3 bits) for `hash`.
    mutating func merge(_ hash: UInt64, _ bits: UInt8) {
        entries.append((hash & ~Self.flagMask) | UInt64(bits & 7))
    }

    /// How many identities' combined bits satisfy `predicate`.
    func count(where predicate: (UInt8) -> Bool) -> Int {
        let sorted = Self.radixSorted(entries)
        var n = 0
        var i = 0
        while i < sorted.count {
            let key = sorted[i] & ~Self.flagMask
            var bits: UInt64 = 0
            while i < sorted.count && sorted[i] & ~Self.flagMask == key {
                bits |= sorted[i] & Self.flagMask
                i += 1
            }
            if predicate(UInt8(bits)) { n += 1 }
        }
        return n
    }

    /// LSD radix sort, 16 bits per pass (a comparison sort below 4,096 entries, where the four
    /// 64K-bucket passes would cost more than they save).
    static func radixSorted(_ input: [UInt64]) -> [UInt64] {
        if input.count < 4_096 { return input.sorted() }
        var source = input
        var target = [UInt64](repeating: 0, count: input.count)
        var counts = [Int](repeating: 0, count: 65_536)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for i in counts.indices { counts[i] = 0 }
            for value in source { counts[Int(truncatingIfNeeded: value >> shift) & 0xFFFF] += 1 }
            var total = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            for value in source {
                let digit = Int(truncatingIfNeeded: value >> shift) & 0xFFFF
                target[counts[digit]] = value
                counts[digit] += 1
            }
            swap(&source, &target)
        }
        return source
    }
}
