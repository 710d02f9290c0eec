import Foundation
import Testing

@testable import OOTSite

/// The job page's failure messages and counts (issue 15, item 9): line breaks kept, the assertion
/// line first, zero counts not coloured.
@Suite struct JobMessageTests {
    /// The horovod sample's message: written with literal newlines in the attribute, which XML
    /// reads as spaces, so only the stack trace beside it keeps the lines.
    static let flattened =
        "self = <test_spark.SparkTests testMethod=test_rsh_events>      def test_rsh_events(self): >       "
        + "self.do_test_rsh_events(3)  test_spark.py:821:  _ _ _ _  test_spark.py:852: in do_test_rsh     "
        + "self.assertEqual(expected_result, res) E   AssertionError: 143 != 0"
    static let trace = """
        self = <test_spark.SparkTests testMethod=test_rsh_events>

                        def test_rsh_events(self):
                        > self.do_test_rsh_events(3)

                        test_spark.py:821:
                        _ _ _ _
                        test_spark.py:852: in do_test_rsh
                        self.assertEqual(expected_result, res)
                        E AssertionError: 143 != 0

        """

    @Test func aFlattenedPytestMessageLeadsWithItsAssertionAndDefersToTheTrace() throws {
        let layout = try #require(FailureMessage(message: Self.flattened, details: Self.trace))
        #expect(layout.headline == "AssertionError: 143 != 0")
        #expect(layout.rest == nil, "the stack trace beside it has the lines")
        #expect(layout.repeatsDetails)
        // Without the trace, the flattened line is kept whole, after its assertion.
        let alone = try #require(FailureMessage(message: Self.flattened))
        #expect(alone.headline == "AssertionError: 143 != 0")
        #expect(alone.rest == Self.flattened)
    }

    @Test func aMultiLinePytestMessageKeepsItsLinesAfterTheFirstLineOfTheLastEBlock() throws {
        let message = """
            def test_add():
            >       assert add(1, 1) == 3
            E       assert 2 == 3
            E        +  where 2 = add(1, 1)

            test_math.py:4: AssertionError
            """
        let layout = try #require(FailureMessage(message: message, details: "unrelated trace"))
        #expect(layout.headline == "assert 2 == 3")
        #expect(layout.rest == message, "the whole message, line breaks kept")
        // With chained exceptions, the last block of E lines is the one that failed the test.
        let chained = "E   KeyError: 'x'\n\nDuring handling…\nE   RuntimeError: lookup failed\nE   more"
        #expect(FailureMessage(message: chained)?.headline == "RuntimeError: lookup failed")
    }

    @Test func otherMessagesLeadWithTheirFirstLine() throws {
        let gtest = "gtest_xml_output_unittest_.cc:*\nExpected equality of these values:\n  1\n  2"
        let layout = try #require(FailureMessage(message: gtest))
        #expect(layout.headline == "Expected equality of these values:", "after GoogleTest's location line")
        #expect(layout.rest == gtest)
        #expect(FailureMessage(message: "a/b_test.cc:42\nValue of: x\n  Actual: false")?.headline == "Value of: x")
        let plain = try #require(FailureMessage(message: "first line\nsecond line"))
        #expect(plain.headline == "first line")
        #expect(plain.rest == "second line")
        #expect(FailureMessage(message: "failed", details: "Traceback …\n  self.fail(\"failed\")")?.rest == nil)
        #expect(FailureMessage(message: "failed")?.headline == "failed")
        #expect(FailureMessage(message: "  \n ") == nil)
        #expect(FailureMessage(message: nil) == nil)
        // A message that happens to start the trace is not replaced by it.
        #expect(FailureMessage(message: "boom", details: "boomerang\nline 2")?.headline == "boom")
    }

    @Test func theDemoJobPageShowsTheAssertionFirstAndColoursOnlyNonZeroCounts() async throws {
        let site = try await DemoSite.shared()
        let link = try site.page("pr/188793/index.html").href(ofLink: "npu-ci / test-npu-float32")
        let job = try site.page(link.replacingOccurrences(of: "../../", with: ""))
        let failing = job.between("<h2>Failing tests</h2>", "</ol>")
        #expect(failing.contains("<p class=\"message headline\">AssertionError: 143 != 0</p>"))
        #expect(
            failing.range(of: "AssertionError: 143 != 0")!.lowerBound
                < failing.range(of: "Stack trace / output")!.lowerBound)
        #expect(!failing.contains("class=\"message rest\""), "the trace below has the same lines")
        #expect(failing.contains("<details open><summary>Stack trace / output</summary>"), "shown open")
        let counts = job.between("<p class=\"counts\">", "</p>")
        #expect(counts.contains("<span class=\"chip error\">1 failed</span>"))
        #expect(counts.contains("<span class=\"chip default\">0 errors</span>"), "zero is not red")
        #expect(counts.contains("<span class=\"chip default\">0 flaky</span>"), "zero is not orange")
        #expect(counts.contains("<span class=\"chip success\">3 passed</span>"))
    }

    @Test func aReportWithLineBreaksInItsMessageKeepsThem() async throws {
        let report = """
            <?xml version="1.0"?>
            <testsuite name="gtest">
            <testcase classname="Eq" name="ints" time="0.1"><failure message="a.cc:3&#10;Expected equality of these values:&#10;  1&#10;  2">trace</failure></testcase>
            <testcase classname="Eq" name="fine" time="0.1"/>
            </testsuite>
            """
        let site = try await SyntheticSite.build([
            SyntheticSite.Job(pr: 4, conclusion: "failure", junit: report, checkRunID: 4401)
        ])
        let job = try site.page("oot/synth-org/torch-synth/job/4401/index.html")
        #expect(job.contains("<p class=\"message headline\">Expected equality of these values:</p>"))
        #expect(job.contains("<pre class=\"message rest\">a.cc:3\nExpected equality of these values:\n  1\n  2</pre>"))
        #expect(job.contains("<span class=\"chip default\">0 skipped</span>"))
        #expect(job.contains("<span class=\"chip default\">0 flaky</span>"))
        #expect(job.contains("<span class=\"chip default\">0 errors</span>"))
        #expect(job.contains("<span class=\"chip error\">1 failed</span>"))
    }
}
