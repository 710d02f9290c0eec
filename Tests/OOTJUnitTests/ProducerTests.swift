import Foundation
import OOTJUnit
import Testing

/// Reports written by current real tools, counted against each tool's own terminal summary.
///
/// The reports are in `Tests/Fixtures/producers`, made by `scripts/make-producer-fixtures.sh`. Where
/// the XML lacks a fact the terminal has, the test says so (docs/junit.md "Producers").
@Suite struct ProducerTests {
    // MARK: pytest

    /// pytest-rerunfailures ≥ 16.6.1 writes each rerun as its own empty `<testcase>`; the suite's
    /// `tests=` counts tests, so each test is one test whose last element is its outcome.
    @Test(arguments: ["pytest/rerunfailures-16-plain", "pytest/rerunfailures-16-xdist"])
    func rerunfailures16ReadsEachTestOnceWithItsReruns(name: String) throws {
        let fixture = ProducerFixture(name: name)
        let tool = try fixture.pytestCounts()
        let verbose = try fixture.pytestResults()
        let report = JUnitParser.parse(file: fixture.xml)
        let s = report.summary
        #expect(report.state == .ok)
        #expect(
            s.tests == tool["failed", default: 0] + tool["passed", default: 0] + tool["skipped", default: 0]
                + tool["xfailed", default: 0] + tool["xpassed", default: 0])
        // An xpassed test is an empty <testcase>, a pass to the XML.
        #expect(s.passed == tool["passed", default: 0] + tool["xpassed", default: 0])
        #expect(s.failures == tool["failed", default: 0])
        #expect(s.errors == tool["error", default: 0] + tool["errors", default: 0])
        #expect(s.skipped == tool["skipped", default: 0] + tool["xfailed", default: 0])
        // Flaky: the tests whose -v lines show a RERUN and end PASSED.
        #expect(s.flaky == verbose.values.count { $0.contains("RERUN") && $0.last == "PASSED" })
        #expect(s.flaky == 2)
        #expect(report.testcases.reduce(0) { $0 + $1.reruns } == tool["rerun"])
        let everyAttempt = try #require(report.testcases.first { $0.name == "test_fails_every_attempt" })
        #expect(everyAttempt.outcome == .failure && !everyAttempt.flaky && everyAttempt.reruns == 2)
        #expect(everyAttempt.message?.hasPrefix("AssertionError: attempt 3") == true)
        #expect(report.testcases.filter { $0.name == "test_fails_twice_then_passes" }.map(\.reruns) == [2])
        #expect(report.warnings.contains { $0.contains("14 testcase elements for the 9 tests it declares") })
    }

    /// pytest-rerunfailures 14 (PyTorch CI's pin) keeps only the last attempt: read right, and no
    /// flakiness invented (the XML does not say a test was rerun; only the terminal's "5 rerun" does).
    @Test func rerunfailures14ReadsTheLastAttemptAndInventsNoFlakiness() throws {
        let fixture = ProducerFixture(name: "pytest/rerunfailures-14-plain")
        let tool = try fixture.pytestCounts()
        let report = JUnitParser.parse(file: fixture.xml)
        let s = report.summary
        #expect(s.tests == 9)
        #expect(s.passed == tool["passed", default: 0] + tool["xpassed", default: 0])
        #expect(s.failures == tool["failed"])
        #expect(s.skipped == tool["skipped", default: 0] + tool["xfailed", default: 0])
        #expect(tool["rerun"] == 5, "the terminal knows of reruns")
        #expect(s.flaky == 0)
        #expect(report.testcases.allSatisfy { $0.reruns == 0 })
        #expect(report.warnings.isEmpty)
    }

    /// Repeat runs: every element is an execution, as `tests=` counts elements.
    ///
    /// flakefinder copies a
    /// unittest test verbatim, so its repeats share an identity and a pass beside a failure is flaky.
    @Test func flakefinderOnUnittestCountsEveryExecution() throws {
        let fixture = ProducerFixture(name: "pytest/flakefinder-3-runs-unittest")
        let tool = try fixture.pytestCounts()
        let verbose = try fixture.pytestResults()
        let report = JUnitParser.parse(file: fixture.xml)
        let s = report.summary
        #expect(s.tests == 27)
        #expect(s.passed == tool["passed", default: 0] + tool["xpassed", default: 0])
        #expect(s.failures == tool["failed"])
        #expect(s.skipped == tool["skipped", default: 0] + tool["xfailed", default: 0])
        #expect(s.flaky == verbose.values.count { $0.contains("PASSED") && $0.contains("FAILED") })
        #expect(s.flaky == 2)
        #expect(report.warnings.contains { $0.contains("read as repeated executions") })
    }

    /// flakefinder on plain functions and pytest-repeat name each repeat apart (`[0]`, `[1-3]`), so
    /// the XML cannot tell the repeats of one test: counted as executions, none flaky.
    @Test(arguments: ["pytest/flakefinder-3-runs", "pytest/repeat-count-3", "pytest/repeat-count-3-unittest"])
    func repeatRunsWithDistinctNamesAreExecutions(name: String) throws {
        let fixture = ProducerFixture(name: name)
        let tool = try fixture.pytestCounts()
        let s = JUnitParser.parse(file: fixture.xml).summary
        #expect(s.tests == tool.filter { $0.key != "rerun" }.values.reduce(0, +))
        #expect(s.passed == tool["passed", default: 0] + tool["xpassed", default: 0])
        #expect(s.failures == tool["failed"])
        #expect(s.skipped == tool["skipped", default: 0] + tool["xfailed", default: 0])
        #expect(s.flaky == 0)
    }

    // MARK: CTest

    /// CTest writes its not-run failures (a missing executable, a failed fixture, missing files) as
    /// `status="notrun"` with a `<skipped>`; only its skip reasons and `disabled` are skips.
    @Test func ctestNotRunIsAnErrorUnlessItIsASkip() throws {
        let fixture = ProducerFixture(name: "ctest/ctest-output-junit")
        // "55% tests passed, 5 tests failed out of 11"
        let totals = try fixture.line(startingWith: "55% tests passed").split(separator: " ")
        let failed = try #require(Int(totals[3]))
        let outOf = try #require(Int(totals.last ?? ""))
        // Its closing lists: "\t  6 - db_query (Not Run)" under "The following tests FAILED:", and
        // "(Skipped)"/"(Disabled)" under "The following tests did not run:".
        let listed = try fixture.output.split(separator: "\n").filter { $0.hasPrefix("\t") && $0.contains(" - ") }
        func count(_ kind: String) -> Int { listed.count { $0.hasSuffix("(\(kind))") } }
        let (notRun, plainFailed, skipped, disabled) = (
            count("Not Run"), count("Failed"), count("Skipped"), count("Disabled")
        )
        #expect((failed, outOf, notRun, plainFailed, skipped, disabled) == (5, 11, 3, 2, 3, 1))

        let report = JUnitParser.parse(file: fixture.xml)
        let s = report.summary
        #expect(s.failures + s.errors == failed)
        #expect(s.failures == plainFailed)
        #expect(s.errors == notRun)
        #expect(s.skipped == skipped + disabled)
        // The XML lists the disabled test; ctest's "out of" leaves it out.
        #expect(s.tests == outOf + disabled)
        #expect(s.passed == outOf - failed - skipped)
        let messages = report.testcases.filter { $0.outcome == .error }.compactMap(\.message).sorted()
        #expect(messages == ["Fixture dependency failed", "Required Files Missing", "Unable to find executable"])
    }

    // MARK: gotestsum

    /// A package that does not compile leaves no testcase, only `errors="1"` on the root: the error
    /// is kept as a testcase of its own, so the report never reads as all passed.
    @Test func gotestsumBuildFailureIsAnError() throws {
        let fixture = ProducerFixture(name: "gotestsum/gotestsum-build-failure")
        let done = try fixture.line(startingWith: "DONE")
        let tests = try #require(ProducerFixture.number(before: "tests", in: done))
        let skipped = try #require(ProducerFixture.number(before: "skipped", in: done))
        let failures = try #require(ProducerFixture.number(before: "failure", in: done))
        let errors = try #require(ProducerFixture.number(before: "error", in: done))
        let report = JUnitParser.parse(file: fixture.xml)
        let s = report.summary
        #expect(s.failures == failures)
        #expect(s.errors == errors)
        #expect(s.skipped == skipped)
        #expect(s.passed == tests - failures - skipped)
        #expect(s.tests == tests + errors, "gotestsum's DONE counts the build error apart from its tests")
        let declared = try #require(report.testcases.first { $0.outcome == .error })
        #expect(declared.name == "(declared by the report, no testcase)")
        #expect(report.warnings.contains { $0.contains("declares 2 failures and errors but its testcases hold 1") })
    }

    // MARK: Catch2

    /// `[!mayfail]`/`[!shouldfail]` failures are "failed as expected" to Catch2: skipped, with the
    /// reason, like pytest's xfail.
    @Test func catch2ExpectedFailuresAreSkipped() throws {
        let fixture = ProducerFixture(name: "catch2/catch2-junit")
        let tool = ProducerFixture.counts(in: try fixture.line(startingWith: "test cases:"))
        #expect(tool == ["test cases": 5, "passed": 2, "failed": 1, "failed as expected": 2])
        let report = JUnitParser.parse(file: fixture.xml)
        let s = report.summary
        #expect(s.tests == tool["test cases"])
        #expect(s.passed == tool["passed"])
        #expect(s.failures == tool["failed"])
        #expect(s.skipped == tool["failed as expected"])
        let expected = report.testcases.filter { $0.outcome == .skipped }
        #expect(expected.map(\.name) == ["mayfail and fails", "shouldfail and fails"])
        #expect(
            expected.allSatisfy {
                $0.message == "TEST_CASE tagged with !mayfail" && $0.details?.contains("REQUIRE( 2 + 2 == 5 )") == true
            })
    }

    // MARK: GoogleTest under a decimal-comma locale

    /// GoogleTest in a program that adopts a de_DE locale writes `time="1,1"`: the same seconds as
    /// the same binary under the C locale.
    @Test func googletestDecimalCommasReadAsTheCLocaleTimes() throws {
        let german = JUnitParser.parse(file: ProducerFixture(name: "googletest/gtest-locale-de_DE").xml)
        let plain = JUnitParser.parse(file: ProducerFixture(name: "googletest/gtest-locale-C").xml)
        let output = try ProducerFixture(name: "googletest/gtest-locale-de_DE").output
        #expect(
            output.contains("[  PASSED  ] 1 test.") && output.contains("[  SKIPPED ] 1 test")
                && output.contains("[  FAILED  ] 1 test"))
        #expect((german.summary.passed, german.summary.failures, german.summary.skipped) == (1, 1, 1))
        #expect(german.testcases.map(\.time) == [1.1, 1.2, 0])
        let difference = abs((german.summary.totalTimeSeconds ?? 0) - (plain.summary.totalTimeSeconds ?? -1))
        #expect(difference < 0.01, "the sleeps are 1.1 s and 1.2 s in both runs")
    }
}

/// A `d{1,3},ddd` time alone is ambiguous; the report's other times decide it.
///
/// No producer available here writes that form (GoogleTest drops trailing zeros), so these reports
/// are built in the test; they check the parser's rule, not a producer.
@Suite struct AmbiguousCommaTests {
    static func report(_ times: [String]) -> JUnitReport {
        let cases = times.enumerated().map { #"<testcase classname="c" name="t\#($0.offset)" time="\#($0.element)"/>"# }
        return JUnitParser.parse(bytes: Array(("<testsuite>" + cases.joined() + "</testsuite>").utf8))
    }

    @Test func aThousandsLookingTimeIsADecimalCommaWhereTheReportWritesThem() {
        let report = Self.report(["0,160", "12,000", "1,5"])
        #expect(report.testcases.map(\.time) == [0.16, 12.0, 1.5])
        #expect(report.warnings.contains { $0.hasPrefix("1 times like `12,000` were read with a decimal comma") })
    }

    @Test func aThousandsLookingTimeAloneIsReadAsThousandsWithAWarning() {
        let report = Self.report(["1,234", "2.5"])
        #expect(report.testcases.map(\.time) == [1234, 2.5])
        #expect(report.warnings.contains { $0.contains("are ambiguous (thousands, or a decimal comma)") })
    }

    @Test func zeroTestsTookZeroSeconds() {
        #expect(JUnitParser.parse(bytes: Array("<testsuites/>".utf8)).summary.totalTimeSeconds == 0)
        #expect(JUnitParser.parse(bytes: Array("<testsuites><testsuite".utf8)).summary.totalTimeSeconds == nil)
    }

    @Test func aRootThatDeclaresAnErrorNeverReadsAsAllPassed() {
        let report = JUnitParser.parse(bytes: Array(#"<testsuites errors="1"><testsuite name="s"/></testsuites>"#.utf8))
        #expect(report.summary.errors == 1)
        #expect(report.summary.passed == 0)
    }
}
