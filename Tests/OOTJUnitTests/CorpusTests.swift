import Foundation
import OOTJUnit
import Testing

/// Every file of `Tests/Fixtures/junit-corpus` against counts derived independently of the parser:
/// by reading each file (and, for the big ones, counting elements with a throwaway script) and
/// applying the rules of `docs/junit.md`.
///
/// Declared `tests=`/`failures=` attributes are never used.
///
/// Outcome per testcase: `error` > `failure` > `skipped` > passed, from direct child elements;
/// `status`/`result` of `disabled`, `notrun`, `skipped`, `suppressed`, … without a result element is
/// skipped. Rerun/flaky elements are attempts. `time` is the sum of the known testcase `time`
/// attributes (negative/missing are unknown), `nil` when none is known.
@Suite struct CorpusTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let file: String
        let state: JUnitReportState
        let tests, passed, failures, errors, skipped, flaky: Int
        let time: Double?

        init(
            _ file: String, _ state: JUnitReportState,
            tests: Int, passed: Int, failures: Int, errors: Int, skipped: Int, flaky: Int, time: Double?
        ) {
            self.file = file
            self.state = state
            self.tests = tests
            self.passed = passed
            self.failures = failures
            self.errors = errors
            self.skipped = skipped
            self.flaky = flaky
            self.time = time
        }

        var testDescription: String { file }
    }

    static let table: [Row] = [
        // ant
        // 1 testcase; its time is a <time> CHILD element, not an attribute -> unknown.
        Row(
            "ant/antunit-counts-as-child-elements.xml", .ok,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 0, time: nil),
        // 2 suites, 3 passing testcases; 0.002 + 0.001 + 0.003.
        Row(
            "ant/junitreport-aggregated-TESTS-TestSuites.xml", .ok,
            tests: 3, passed: 3, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0.006),
        // No testcase; <error> directly in <testsuite> -> one synthetic errored testcase with no time
        // (the suite's time="0.0" is not used).
        Row(
            "ant/suite-level-error-no-testcase.xml", .ok,
            tests: 1, passed: 0, failures: 0, errors: 1, skipped: 0, flaky: 0, time: nil),

        // attachments
        // 3 passing; 0.09 + 0.96 + 0.36.
        Row(
            "attachments/attachment-paths-unicode-space-special.xml", .ok,
            tests: 3, passed: 3, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 1.41),
        // 4 suites with 3 + 4 + 1 + 2 testcases, one <failure/>; 11.05 + 3.05 + 0.01 + 1.01.
        // Same names in two suites (no classname) all pass: not flaky.
        Row(
            "attachments/case-and-suite-attachments.xml", .ok,
            tests: 10, passed: 9, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 15.12),

        // bazel
        // 1 testcase with <error>; status="run" changes nothing; time="0" is known.
        Row(
            "bazel/suite-logs-mixed-text-and-cdata.xml", .ok,
            tests: 1, passed: 0, failures: 0, errors: 1, skipped: 0, flaky: 0, time: 0),

        // catch2
        // 1 testcase with <failure>; time="0.000".
        Row(
            "catch2/report.xml", .ok,
            tests: 1, passed: 0, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 0),

        // cucumber
        // 6 testcases: Passing; Failing, Pending, Undefined, Ambiguous (<failure>, 3 empty); Skipped; 6 x 0.007.
        Row(
            "cucumber/all-statuses.xml", .ok,
            tests: 6, passed: 1, failures: 4, errors: 0, skipped: 1, flaky: 0, time: 0.042),
        // A <testsuite> with no testcase: JUnit (not not_junit), zero tests, which took 0 s.
        Row(
            "cucumber/beforeall-error-zero-testcases.xml", .ok,
            tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0),

        // cunit
        // 4 testcases, 1 failure; 1.7e-05 + 0.000174 + 8.7e-05 + 3.6e-05.
        Row(
            "cunit/scientific-notation-times.xml", .ok,
            tests: 4, passed: 3, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 0.000314),

        // doctest
        // "Program code." after </testsuites> is junk after the root: ok; 3 <error>s; no time attributes.
        Row(
            "doctest/trailing-text-after-root.xml", .ok,
            tests: 3, passed: 0, failures: 0, errors: 3, skipped: 0, flaky: 0, time: nil),

        // dotnet
        // UTF-8 BOM; 2 passing; 0.4540354 + 0.0039778.
        Row(
            "dotnet/xunit-junit-logger-bom.xml", .ok,
            tests: 2, passed: 2, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0.4580132),

        // edge
        // 1 testcase with <failure>Failed!</failure>; time 0.001.
        Row(
            "edge/failure-no-attributes-innertext-only.xml", .ok,
            tests: 1, passed: 0, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 0.001),
        // skipped+failure+error -> error; skipped+failure -> failure; skipped; pass.
        // 0.123 + 0.234 + 0.345 + 0.456.
        Row(
            "edge/multiple-results-in-one-testcase.xml", .ok,
            tests: 4, passed: 1, failures: 1, errors: 1, skipped: 1, flaky: 0, time: 1.158),
        // 4 testcases without any attribute: pass, skipped, failure, error; no time. Testcases without
        // a name have no identity to share (docs/junit.md), so the pass and the failures are four
        // different tests -> flaky 0.
        Row(
            "edge/no-attributes-at-all.xml", .ok,
            tests: 4, passed: 1, failures: 1, errors: 1, skipped: 1, flaky: 0, time: nil),
        // test_foo.TestFoo/test_foo x3 = failure, error, pass -> flaky 1; test_bar.TestBar/test_foo and
        // test_baz pass: tests="5" declared, 5 elements, so executions. The suite declares
        // failures="1" errors="2", one error more than its elements hold: one error testcase
        // "(declared by the report, no testcase)" is added (a declared failure is never lost).
        // 3 x 1.842 + 0.5 + 0.5.
        Row(
            "edge/repeated-testcase-entries-retries.xml", .ok,
            tests: 6, passed: 3, failures: 1, errors: 2, skipped: 0, flaky: 1, time: 6.526),
        // Root <testrun>, nested suites, 6 + 1 passing testcases; sum of the 7 testcase times.
        Row(
            "edge/root-testrun-element.xml", .ok,
            tests: 7, passed: 7, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 72.515),
        // factorial: 6 status='passed', 5 <failure>, 1 <error>, 5 status='disabled' (no element) -> skipped;
        // failing_checks: 14 <failure>. Two times of 0.001, the rest 0.
        Row(
            "edge/status-disabled-no-skipped-element.xml", .ok,
            tests: 31, passed: 6, failures: 19, errors: 1, skipped: 5, flaky: 0, time: 0.002),
        // 5 passing testcases at three nesting levels, each counted once;
        // 1.321590 + 1.321319 + 1.088170 + 0.988170 + 0.088170.
        Row(
            "edge/testsuite-in-testsuite.xml", .ok,
            tests: 5, passed: 5, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 4.807419),
        // skipped, failure, error, skipped; all time="0.0" (known).
        Row(
            "edge/xml-entities-in-names-and-messages.xml", .ok,
            tests: 4, passed: 0, failures: 1, errors: 1, skipped: 2, flaky: 0, time: 0),

        // encoding
        // 7 testcases: 1 pass, 2 skipped, 2 failure, 2 error; 7 x 1.23.
        Row(
            "encoding/astral-plane-unicode.xml", .ok,
            tests: 7, passed: 1, failures: 2, errors: 2, skipped: 2, flaky: 0, time: 8.61),
        // 1 passing testcase (status="passed"); time 1.047092.
        Row(
            "encoding/russian-cdata.xml", .ok,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 1.047092),
        // UTF-16LE with BOM, transcoded (bad encoding name dropped): 1 passing testcase without time.
        Row(
            "encoding/utf-16.xml", .ok,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 0, time: nil),

        // go
        // TestA, TestB pass; [build failed] x2 and [setup failed] have <error>; 0.1 + 0.1 + 3 x 0.
        Row(
            "go/build-failed-errors.xml", .ok,
            tests: 5, passed: 2, failures: 0, errors: 3, skipped: 0, flaky: 0, time: 0.2),
        // pass: 2, fail: 1, skip: 2; 0.060 + 0.100 + 0.151 + 0.020 + 0.130.
        Row(
            "go/go-junit-report-pass-fail-skip.xml", .ok,
            tests: 5, passed: 2, failures: 1, errors: 0, skipped: 2, flaky: 0, time: 0.461),
        // badmain 1 failure; good 16 pass + 2 skipped; parallelfails 8 failures + 4 pass;
        // withfails 4 failures + 3 skipped + 22 pass. Six testcases of 0.01, the rest 0.
        Row(
            "go/gotestsum-report.xml", .ok,
            tests: 60, passed: 42, failures: 13, errors: 0, skipped: 5, flaky: 0, time: 0.06),

        // googletest
        // 24 testcases: 4 with <failure> (MixedResultTest.Fails has two -> still one failure);
        // 2 status="notrun" result="suppressed" + 1 status="run" result="skipped" -> 3 skipped;
        // result="completed" changes nothing. All time="0".
        Row(
            "googletest/multi-suite-properties.xml", .ok,
            tests: 24, passed: 17, failures: 4, errors: 0, skipped: 3, flaky: 0, time: 0),

        // jenkins
        // DummyTest/testDummyMethod twice while the suite declares tests="1": the producer's own count
        // says one test, so the first element is a rerun attempt and the second its outcome
        // (pytest-rerunfailures 16.6+ writes this shape): 1 test, passed after a failed attempt,
        // flaky. Time -345345 unknown, 100 known.
        Row(
            "jenkins/negative-duration-duplicate-names.xml", .ok,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 1, time: 100),
        // 1 <skipped> with CDATA body; time 0.172697.
        Row(
            "jenkins/skipped-with-cdata-body.xml", .ok,
            tests: 1, passed: 0, failures: 0, errors: 0, skipped: 1, flaky: 0, time: 0.172697),
        // 8 passing testcases (suite time "2,503.1" not used); 10 + 11 + 10 + 12 + 12 + 13 + 13 + 20.
        Row(
            "jenkins/time-thousands-comma-nested-mixed.xml", .ok,
            tests: 8, passed: 8, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 101),
        // 12 passing testcases in 9 suites (one nested); sum of the 12 testcase times.
        Row(
            "jenkins/various-timestamp-formats.xml", .ok,
            tests: 12, passed: 12, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 287.78),
        // <!DOCTYPE r [...]> -> rejected, nothing counted.
        Row(
            "jenkins/xxe-external-parameter-entity.xml", .rejected,
            tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: nil),

        // jest
        // Well-formed <testsuites/> with no <testsuite> or <testcase> anywhere: not_junit per the states
        // table of docs/junit.md (see the report: CountingRulesTests expects .ok here).
        // An empty <testsuites> is a JUnit report with zero tests (docs/junit.md states), not "not JUnit".
        Row(
            "jest/empty-testsuites.xml", .ok,
            tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0),
        // 6 testcases: 1 pass, 4 <failure> (no message), 1 <skipped/>; 0.001 + 0.002 + 0.004.
        Row(
            "jest/jest-junit-failures-unicode.xml", .ok,
            tests: 6, passed: 1, failures: 4, errors: 0, skipped: 1, flaky: 0, time: 0.007),
        // Counted by script: 4239 testcases, 30 with <skipped>, 2 with <failure> (both executions of
        // ""/"gets changed files for hg": failure twice, not flaky); 222 repeated identities, none mixed.
        Row(
            "jest/large-400-suites-4239-cases.xml", .ok,
            tests: 4239, passed: 4207, failures: 2, errors: 0, skipped: 30, flaky: 0, time: 592.588),
        // 2 testcases with <error>, time="0" each.
        Row(
            "jest/suite-failed-to-run-errors.xml", .ok,
            tests: 2, passed: 0, failures: 0, errors: 2, skipped: 0, flaky: 0, time: 0),

        // kubernetes
        // Counted by script: 710 testcases (root says 5), 705 <skipped>, 1 <failure>, 4 pass; repeated
        // identities are all skipped. Sum of the 710 testcase times.
        Row(
            "kubernetes/sonobuoy-e2e-705-skipped.xml", .ok,
            tests: 710, passed: 4, failures: 1, errors: 0, skipped: 705, flaky: 0, time: 725.247874934),

        // malformed
        // 0 bytes -> parse_error, nothing read.
        Row(
            "malformed/empty-file.xml", .parseError,
            tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: nil),
        // Error at line 4 ('<' in the <error message=...> attribute) inside the only testcase,
        // before its </testcase> -> nothing closed.
        Row(
            "malformed/unescaped-lt-in-attribute.xml", .parseError,
            tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: nil),

        // mocha
        // 109 passing testcases (repeated identities all pass); sum of times.
        Row(
            "mocha/mocha-junit-reporter-109-cases.xml", .ok,
            tests: 109, passed: 109, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0.266),

        // nette-tester
        // 65 testcases: 3 <skipped/>, 1 <failure>; no testcase has a time attribute.
        Row(
            "nette-tester/tester-v1.7.xml", .ok,
            tests: 65, passed: 61, failures: 1, errors: 0, skipped: 3, flaky: 0, time: nil),

        // phpunit
        // 12 testcases in nested suites, 2 <failure>; sum of the 12 times.
        Row(
            "phpunit/nested-suites-file-attr.xml", .ok,
            tests: 12, passed: 10, failures: 2, errors: 0, skipped: 0, flaky: 0, time: 0.140398),

        // pytest
        // 1 testcase (suite says 3121); "#x0C" etc. are literal text, not character references.
        Row(
            "pytest/binary-escaped-names-old-skips-attr.xml", .ok,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0.000900983810425),
        // 3 pass, 1 skipped, 1 failure; 6.435 + 0.001 + 6.417 + 7.541 + 1.514.
        Row(
            "pytest/horovod-failure-and-skip.xml", .ok,
            tests: 5, passed: 3, failures: 1, errors: 0, skipped: 1, flaky: 0, time: 21.908),
        // Ends at line 11 inside the 2nd testcase's <skipped>: only the 1st (passing, 6.435) was closed.
        Row(
            "pytest/truncated-corrupt.xml", .parseError,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 6.435),

        // python-unittest
        // 8 testcases: 4 pass, 1 failure, 1 error, 2 skipped (one XFAIL); one 0.001, the rest 0.000.
        Row(
            "python-unittest/xmlrunner-cdata-file-attr.xml", .ok,
            tests: 8, passed: 4, failures: 1, errors: 1, skipped: 2, flaky: 0, time: 0.001),

        // rendering
        // 1 testcase with <failure> (HTML is inside CDATA); time 3.245495.
        Row(
            "rendering/html-in-system-out.xml", .ok,
            tests: 1, passed: 0, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 3.245495),

        // rust-nextest
        // test_cwd pass; test_failure_assert <failure> + 2 <rerunFailure> -> failure, not flaky;
        // test_flaky_mod_4 3 <flakyFailure> then pass -> passed, flaky 1. 3 x 0.004 (attempt times unused).
        Row(
            "rust-nextest/rerunFailure-flakyFailure-mixed-content.xml", .ok,
            tests: 3, passed: 2, failures: 1, errors: 0, skipped: 0, flaky: 1, time: 0.012),

        // surefire
        // CDATA opened at line 18 never closed; the only testcase is not closed -> nothing read.
        Row(
            "surefire/corrupt-unclosed-cdata.xml", .parseError,
            tests: 0, passed: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: nil),
        // 8 testcases, 1 failure, 1 error; 0.01 + 0.01 + 0.02 + 0.01 (others 0).
        Row(
            "surefire/failure-and-error-case-output.xml", .ok,
            tests: 8, passed: 6, failures: 1, errors: 1, skipped: 0, flaky: 0, time: 0.05),
        // testFlaky: 3 <flakyFailure> + 1 <flakyError>, no result -> passed, flaky; testStable passes.
        // 0.034 + 0.001.
        Row(
            "surefire/flakyFailure-flakyError-nested-output.xml", .ok,
            tests: 2, passed: 2, failures: 0, errors: 0, skipped: 0, flaky: 1, time: 0.035),
        // 1 testcase with 2 <flakyFailure> and no result -> passed, flaky (suite says tests="3").
        Row(
            "surefire/flakyFailure-passes-on-rerun.xml", .ok,
            tests: 1, passed: 1, failures: 0, errors: 0, skipped: 0, flaky: 1, time: 0.001),
        // 5 testcases: 2 <failure> (one without message), 1 <skipped/>, 2 pass; only 0.007 non-zero.
        Row(
            "surefire/long-message-2904-chars-and-skipped.xml", .ok,
            tests: 5, passed: 2, failures: 2, errors: 0, skipped: 1, flaky: 0, time: 0.007),
        // 1 testcase: <failure> + 3 <rerunFailure> -> one failure, not flaky (suite says tests="4").
        Row(
            "surefire/rerunFailure-always-fails.xml", .ok,
            tests: 1, passed: 0, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 0.001),
        // 1 testcase: <error> + <rerunError> x2 + <rerunFailure> -> one error, not flaky.
        Row(
            "surefire/rerunFailure-and-rerunError.xml", .ok,
            tests: 1, passed: 0, failures: 0, errors: 1, skipped: 0, flaky: 0, time: 0.201),
        // 8 passing testcases; 5 x time="0", test6 0.5, test7 and testResults without time (unknown).
        Row(
            "surefire/testcase-without-time.xml", .ok,
            tests: 8, passed: 8, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0.5),

        // swift
        // 3 testcases, 1 <failure>; 0.036386333 + 0.092039167 + 0.09205175.
        Row(
            "swift/swift-test-xunit-output.xml", .ok,
            tests: 3, passed: 2, failures: 1, errors: 0, skipped: 0, flaky: 0, time: 0.22047725),
        // 9 passing testcases (distinct classname+name); sum of the 9 times.
        Row(
            "swift/swift-testing-xunit-9-cases.xml", .ok,
            tests: 9, passed: 9, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0.006364626),

        // testng-merged
        // Counted by script: 808 testcases, 14 <skipped/>, 1 <failure>; 3 testcases without time.
        // AddMissingPatchVersionTest/testVersionStrings = skipped then failure -> not flaky (no pass);
        // other repeated identities are pass/pass or pass/skipped -> not flaky.
        Row(
            "testng-merged/pulsar-808-cases-duplicate-names.xml", .ok,
            tests: 808, passed: 793, failures: 1, errors: 0, skipped: 14, flaky: 0, time: 2126.531),
    ]

    /// Times match within 1e-6 relative or 1e-9 absolute; `nil` only matches `nil`.
    static func timesMatch(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil):
            return true
        case let (actual?, expected?):
            return abs(actual - expected) <= max(1e-9, 1e-6 * abs(expected))
        default:
            return false
        }
    }

    @Test(arguments: table)
    func corpusFileCounts(_ row: Row) {
        #expect(row.passed + row.failures + row.errors + row.skipped == row.tests, "table row is inconsistent")

        let report = JUnitParser.parse(file: Corpus.path(row.file))
        let s = report.summary
        #expect(report.state == row.state, "state; error: \(report.error ?? "-")")
        #expect(s.tests == row.tests, "tests")
        #expect(s.passed == row.passed, "passed")
        #expect(s.failures == row.failures, "failures")
        #expect(s.errors == row.errors, "errors")
        #expect(s.skipped == row.skipped, "skipped")
        #expect(s.flaky == row.flaky, "flaky")
        #expect(
            Self.timesMatch(s.totalTimeSeconds, row.time),
            "totalTimeSeconds: \(String(describing: s.totalTimeSeconds)) vs \(String(describing: row.time))"
        )
    }

    @Test func tableCoversEveryCorpusFile() throws {
        let root = Corpus.directory.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var onDisk: Set<String> = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".xml") { onDisk.insert(relative) }
        }
        let files = Self.table.map(\.file)
        #expect(Set(files).count == files.count, "duplicate rows in the table")
        #expect(onDisk.subtracting(files).sorted() == [], "corpus files missing from the table")
        #expect(Set(files).subtracting(onDisk).sorted() == [], "table rows without a corpus file")
        #expect(onDisk.count == 59)
    }
}
