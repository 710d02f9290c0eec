import Foundation
import OOTJUnit
import Testing

/// Counting rules on real reports (expected values read off each file by hand).
@Suite struct CountingRulesTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let tests, passed, failures, errors, skipped, flaky: Int
        var testDescription: String { file }
    }

    @Test(arguments: [
        // 5 testcases: one <failure>, one <skipped message=…>, three passing.
        Expected(
            file: "pytest/horovod-failure-and-skip.xml", tests: 5, passed: 3, failures: 1, errors: 0, skipped: 1,
            flaky: 0),
        // test_foo three times (failure, error, pass) + two other passing tests; test_foo is flaky;
        // plus one error the suite declares (errors="2") and no element holds.
        Expected(
            file: "edge/repeated-testcase-entries-retries.xml", tests: 6, passed: 3, failures: 1, errors: 2, skipped: 0,
            flaky: 1),
        // One testcase with two <flakyFailure> then a pass: passed, flaky (suite says tests="3").
        Expected(
            file: "surefire/flakyFailure-passes-on-rerun.xml", tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0,
            flaky: 1),
        // One testcase: <failure> + 3 <rerunFailure>: one failing test, not four.
        Expected(
            file: "surefire/rerunFailure-always-fails.xml", tests: 1, passed: 0, failures: 1, errors: 0, skipped: 0,
            flaky: 0),
        // <error> directly under <testsuite>, no testcase: one synthetic errored testcase.
        Expected(
            file: "ant/suite-level-error-no-testcase.xml", tests: 1, passed: 0, failures: 0, errors: 1, skipped: 0,
            flaky: 0),
        // <testsuites> with attributes and no suites: zero tests, not "all passed".
        Expected(file: "jest/empty-testsuites.xml", tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0),
        // Root <testrun> wrapping nested suites: 7 passing testcases.
        Expected(
            file: "edge/root-testrun-element.xml", tests: 7, passed: 7, failures: 0, errors: 0, skipped: 0, flaky: 0),
        // UTF-16LE with a BOM and an invalid encoding name: one passing testcase.
        Expected(file: "encoding/utf-16.xml", tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 0),
    ])
    func countsAreDerivedFromTestcases(_ e: Expected) {
        let report = JUnitParser.parse(file: Corpus.path(e.file))
        #expect(report.state == .ok, "\(report.error ?? "")")
        let s = report.summary
        let actual: [Int] = [s.tests, s.passed, s.failures, s.errors, s.skipped, s.flaky]
        let expected: [Int] = [e.tests, e.passed, e.failures, e.errors, e.skipped, e.flaky]
        #expect(actual == expected)
        #expect(s.passed + s.failures + s.errors + s.skipped == s.tests)
    }

    @Test func failureMessageAndBodyAreKept() {
        let report = JUnitParser.parse(file: Corpus.path("pytest/horovod-failure-and-skip.xml"))
        let failing = report.testcases.filter { $0.outcome == .failure }
        #expect(failing.count == 1)
        #expect(failing[0].classname == "test.test_spark.SparkTests")
        #expect(failing[0].name == "test_rsh_events")
        #expect(failing[0].message?.contains("AssertionError: 143 != 0") == true)
        #expect(failing[0].time == 7.541)
    }

    @Test func reruntAttemptsAreCountedNotAsTests() {
        let report = JUnitParser.parse(file: Corpus.path("surefire/rerunFailure-always-fails.xml"))
        #expect(report.testcases.count == 1)
        #expect(report.testcases[0].reruns == 3)
        #expect(report.testcases[0].flaky == false)
    }

    @Test func repeatedTimesAreSummed() {
        let report = JUnitParser.parse(file: Corpus.path("edge/repeated-testcase-entries-retries.xml"))
        #expect(abs((report.summary.totalTimeSeconds ?? 0) - 6.526) < 1e-9)
    }

    @Test func statusAttributesMeanSkipped() {
        // 31 testcases; 5 carry status='disabled' and no child element.
        let report = JUnitParser.parse(file: Corpus.path("edge/status-disabled-no-skipped-element.xml"))
        #expect(report.summary.tests == 31)
        #expect(report.summary.skipped == 5)
        #expect(report.testcases.filter { $0.name.hasPrefix("disabled") }.allSatisfy { $0.outcome == .skipped })
    }
}

/// Counting without testcases (`summarize`, what `oot-hud junit` prints) must agree with parsing.
@Suite struct SummarizeModeTests {
    static let files: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: Corpus.directory.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".xml") { files.append(path) }
        }
        return files.sorted()
    }()

    @Test(arguments: files)
    func summarizeAgreesWithParse(file: String) {
        let parsed = JUnitParser.parse(file: Corpus.path(file))
        let counted = JUnitParser.summarize(file: Corpus.path(file))
        #expect(counted.state == parsed.state)
        #expect(counted.summary == parsed.summary)
        #expect(counted.error == parsed.error)
        #expect(parsed.testcases.count == parsed.summary.tests)
    }
}
