/// Counts of one generated report, derived by the same rules `JUnitParser` applies: `passed`
/// includes tests that passed after `<rerun>` attempts, `failed` is failures plus errors.
struct ReportCounts: Sendable, Equatable {
    /// Testcases that passed (flaky passes included).
    var passed = 0
    /// Testcases with a `<failure>`.
    var failures = 0
    /// Testcases with an `<error>`.
    var errors = 0
    /// Testcases with a `<skipped>`.
    var skipped = 0
    /// Passing testcases that carry `<rerun>` elements.
    var flaky = 0
    /// Size of the file, in bytes.
    var bytes = 0

    /// `failures + errors`, what the job reports as `test_results.failed`.
    var failed: Int { failures + errors }
    /// Every testcase.
    var tests: Int { passed + failures + errors + skipped }

    /// Creates zero counts.
    init() {}
}

/// Which tests of a job fail, and how: mostly its selection's troubled tests (so the same test
/// keeps failing across jobs), sometimes another test of the small-report window.
struct FailurePlan: Sendable, Equatable {
    /// Positions in ``TestSelection/tests``, distinct.
    var positions: [Int32]
    /// Parallel to ``positions``: `true` for an `<error>`, `false` for a `<failure>`.
    var isError: [Bool]
    /// Parallel to ``positions``: index into the failure or error message list.
    var message: [Int]

    /// The failures of a failed job with randomness `seed` (1–6 tests, 1 or 2 most often).
    static func make(seed: UInt64, selection: TestSelection) -> FailurePlan {
        var rng = SplitMix64(seed: seed, stream: 0xFA11)
        let r = rng.unit()
        let count = r < 0.45 ? 1 : r < 0.7 ? 2 : r < 0.85 ? 3 : rng.int(in: 4...6)
        var plan = FailurePlan(positions: [], isError: [], message: [])
        guard !selection.window.isEmpty else { return plan }
        for _ in 0..<count {
            let troubled = !selection.troubled.isEmpty && rng.chance(0.65)
            let position =
                troubled
                ? selection.troubled[rng.below(selection.troubled.count)]
                : Int32(selection.window.lowerBound + rng.below(selection.window.count))
            guard !plan.positions.contains(position) else { continue }
            // A troubled test fails the same way every time; others vary.
            let h = troubled ? SplitMix64.mix(UInt64(position) &+ 0xE44) : rng.next()
            let isError = h % 5 == 0
            plan.positions.append(position)
            plan.isError.append(isError)
            plan.message.append(
                Int((h >> 8) % UInt64(isError ? Catalog.errorMessages.count : Catalog.failureMessages.count)))
        }
        return plan
    }
}

/// What to render for one job's JUnit report.
struct ReportRequest: Sendable {
    /// The backend's test pool.
    var pool: TestPool
    /// The job's tests.
    var selection: TestSelection
    /// `true`: a big pytest-style report (`<properties>`, `<system-out>`, `<rerun>`), at least
    /// ``minimumBytes``; `false`: a small xmlrunner-style report of the selection's window.
    var big: Bool
    /// Lower bound on a big report's size, in bytes (padded with suite-level output if needed).
    var minimumBytes: Int
    /// Randomness of this job (times, outputs, flaky passes).
    var seed: UInt64
    /// Tests that fail (a failed job), or `nil`.
    var failing: FailurePlan?
    /// Tests that failed on the previous attempt and pass now with a `<rerun>` (a passing
    /// rerun), or `nil`.
    var recovered: FailurePlan?
    /// When the job started, in microseconds since the epoch (suite timestamps).
    var startMicros: Int64

    /// Creates a request.
    init(
        pool: TestPool, selection: TestSelection, big: Bool, minimumBytes: Int, seed: UInt64,
        failing: FailurePlan?, recovered: FailurePlan?, startMicros: Int64
    ) {
        self.pool = pool
        self.selection = selection
        self.big = big
        self.minimumBytes = minimumBytes
        self.seed = seed
        self.failing = failing
        self.recovered = recovered
        self.startMicros = startMicros
    }
}

/// Renders JUnit XML reports as bytes, counting outcomes as it writes them.
enum ReportWriter {
    /// Renders `request`: the report bytes and their counts (``ReportCounts/bytes`` set).
    static func render(_ request: ReportRequest) -> (bytes: [UInt8], counts: ReportCounts) {
        var rng = SplitMix64(seed: request.seed, stream: 0x2E90)
        let pool = request.pool
        let selection = request.selection
        let device = pool.device
        let range: Range<Int>
        var outputChance = 0.0
        if request.big {
            let target = Double(request.minimumBytes) * (1.0 + 0.5 * rng.unit())
            range = selection.bigRange(count: Int(target / 240))
            let estimate = Double(range.count) * 215
            outputChance = min(0.9, max(0.02, (target - estimate) / (Double(range.count) * 700)))
        } else {
            range = selection.window
        }
        var failing: [Int32: Int] = [:]
        if let plan = request.failing { for (i, p) in plan.positions.enumerated() { failing[p] = i } }
        var recovered: [Int32: Int] = [:]
        if let plan = request.recovered { for (i, p) in plan.positions.enumerated() { recovered[p] = i } }

        let host = "\(device)-runner-\(rng.hex(6))"
        var out = ByteWriter(capacity: request.big ? request.minimumBytes * 2 : 65_536)
        out.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites>\n")
        var counts = ReportCounts()
        var suite = ReportCounts()
        var body = ByteWriter(capacity: request.big ? 1 << 20 : 1 << 16)
        var suiteMillis: Int64 = 0
        var clock = request.startMicros
        var group: Int32 = -1

        func flush(last: Bool) {
            guard group >= 0 else { return }
            if last && request.big {
                // Pad the final suite with captured output so a big report reaches its minimum.
                // The suite header and closing tags come on top, so reaching the minimum
                // here is enough.
                if out.count + body.count < request.minimumBytes {
                    body.raw("<system-out>")
                    var line = 0
                    while out.count + body.count < request.minimumBytes {
                        body.raw(pool.outputLines[line % pool.outputLines.count])
                        body.raw("\n")
                        line += 1
                    }
                    body.raw("</system-out>\n")
                }
            }
            if request.big {
                out.raw("<testsuite name=\"pytest\" errors=\"")
            } else {
                out.raw("<testsuite name=\"")
                out.raw(pool.classnames[Int(group)])
                out.raw("-")
                out.int(clock / 1_000_000)
                out.raw("\" errors=\"")
            }
            out.int(suite.errors)
            out.raw("\" failures=\"")
            out.int(suite.failures)
            out.raw("\" skipped=\"")
            out.int(suite.skipped)
            out.raw("\" tests=\"")
            out.int(suite.tests)
            out.raw("\" time=\"")
            out.milli(suiteMillis)
            out.raw("\" timestamp=\"")
            out.timestamp(micros: clock, offsetSuffix: request.big)
            if request.big {
                out.raw("\" hostname=\"")
                out.raw(host)
                out.raw("\">\n<properties>\n<property name=\"backend\" value=\"")
                out.xmlAttribute(pool.repo)
                out.raw("\"/>\n<property name=\"device\" value=\"")
                out.raw(device)
                out.raw(
                    "\"/>\n<property name=\"python\" value=\"3.12.7\"/>\n<property name=\"torch\" value=\"2.11.0a0+git")
                out.raw(rng.hex(7))
                out.raw("\"/>\n<property name=\"file\" value=\"")
                out.raw(pool.files[Int(group)])
                out.raw("\"/>\n</properties>\n")
            } else {
                out.raw("\">\n")
            }
            out.raw(body.bytes)
            out.raw("</testsuite>\n")
            clock += suiteMillis * 1_000
            counts.passed += suite.passed
            counts.failures += suite.failures
            counts.errors += suite.errors
            counts.skipped += suite.skipped
            counts.flaky += suite.flaky
            suite = ReportCounts()
            suiteMillis = 0
            body.bytes.removeAll(keepingCapacity: true)
        }

        for position in range {
            let test = pool.tests[Int(selection.tests[position])]
            let key = request.big ? test.moduleIndex : test.classIndex
            if key != group {
                flush(last: false)
                group = key
            }
            let millis = Int64(Double(test.millis) * (0.8 + 0.4 * rng.unit()))
            suiteMillis += millis
            body.raw("<testcase classname=\"")
            body.raw(pool.classnames[Int(test.classIndex)])
            body.raw("\" name=\"")
            body.raw(test.name)
            body.raw("\" file=\"")
            body.raw(pool.files[Int(test.moduleIndex)])
            body.raw("\" line=\"")
            body.int(test.line)
            body.raw("\" time=\"")
            body.milli(millis)
            body.raw("\"")
            let p = Int32(position)
            if let i = failing[p], let plan = request.failing {
                body.raw(">\n")
                let error = plan.isError[i]
                let message = failureText(error: error, index: plan.message[i], device: device)
                body.raw(error ? "<error type=\"RuntimeError\" message=\"" : "<failure message=\"")
                body.xmlAttribute(firstLine(message))
                body.raw("\">")
                body.xmlText(traceback(pool: pool, test: test, message: message))
                body.raw(error ? "</error>\n" : "</failure>\n")
                if request.big && rng.chance(0.5) { systemOut(&body, &rng, pool) }
                body.raw("</testcase>\n")
                if error { suite.errors += 1 } else { suite.failures += 1 }
            } else if test.skipReason >= 0 {
                body.raw(">\n<skipped type=\"pytest.skip\" message=\"")
                body.raw(pool.skipReasons[Int(test.skipReason)])
                body.raw("\">")
                body.raw(pool.files[Int(test.moduleIndex)])
                body.raw(":")
                body.int(test.line)
                body.raw(": ")
                body.raw(pool.skipReasons[Int(test.skipReason)])
                body.raw("</skipped>\n</testcase>\n")
                suite.skipped += 1
            } else {
                let recoveredIndex = recovered[p]
                let flaky = request.big && (recoveredIndex != nil || rng.chance(0.004))
                let output = request.big && rng.chance(outputChance)
                if flaky || output {
                    body.raw(">\n")
                    if flaky {
                        let index =
                            recoveredIndex.map { request.recovered!.message[$0] }
                            ?? rng.below(Catalog.failureMessages.count)
                        let error = recoveredIndex.map { request.recovered!.isError[$0] } ?? false
                        let message = failureText(error: error, index: index, device: device)
                        for _ in 0..<(rng.chance(0.3) ? 2 : 1) {
                            body.raw("<rerun message=\"")
                            body.xmlAttribute(firstLine(message))
                            body.raw("\">")
                            body.xmlText(traceback(pool: pool, test: test, message: message))
                            body.raw("</rerun>\n")
                        }
                        suite.flaky += 1
                    }
                    if output { systemOut(&body, &rng, pool) }
                    body.raw("</testcase>\n")
                } else {
                    body.raw("/>\n")
                }
                suite.passed += 1
            }
        }
        flush(last: true)
        out.raw("</testsuites>\n")
        counts.bytes = out.count
        return (out.bytes, counts)
    }

    static func failureText(error: Bool, index: Int, device: String) -> String {
        let template = error ? Catalog.errorMessages[index] : Catalog.failureMessages[index]
        return template.replacingOccurrences(of: "%D", with: device.uppercased())
            .replacingOccurrences(of: "%d", with: device)
    }

    static func firstLine(_ text: String) -> String {
        String(text.prefix(while: { $0 != "\n" }))
    }

    static func traceback(pool: TestPool, test: TestPool.Test, message: String) -> String {
        let module = pool.modules[Int(test.moduleIndex)]
        let classname = String(decoding: pool.classnames[Int(test.classIndex)], as: UTF8.self)
        let name = String(decoding: test.name, as: UTF8.self)
        let shortClass = classname.split(separator: ".").last.map(String.init) ?? classname
        return """
            Traceback (most recent call last):
              File "/var/lib/ci/pytorch/torch/testing/_internal/common_utils.py", line 3120, in wrapper
                method(*args, **kwargs)
              File "/var/lib/ci/pytorch/torch/testing/_internal/common_device_type.py", line 1141, in test_wrapper
                return test(*args, **kwargs)
              File "/var/lib/ci/pytorch/test/\(module).py", line \(test.line + 7), in \(name)
                self.assertEqual(actual, expected)
              File "/var/lib/ci/pytorch/torch/testing/_internal/common_utils.py", line 4112, in assertEqual
                raise error_metas.pop()[0].to_error(
            \(message)

            To execute this test, run the following from the base repo dir:
                PYTORCH_TEST_WITH_SLOW=1 python test/\(module).py -k \(shortClass).\(name)

            This message can be suppressed by setting PYTORCH_PRINT_REPRO_ON_FAILURE=0
            """
    }

    static func systemOut(_ body: inout ByteWriter, _ rng: inout SplitMix64, _ pool: TestPool) {
        body.raw("<system-out>")
        for _ in 0..<rng.int(in: 2...16) {
            body.raw(pool.outputLines[rng.below(pool.outputLines.count)])
            body.raw("\n")
        }
        body.raw("</system-out>\n")
    }
}
