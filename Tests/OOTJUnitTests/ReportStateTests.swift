import OOTJUnit
import Testing

/// Files that are not clean JUnit get an explicit state, never a crash and never "all passed".
@Suite struct ReportStateTests {
    @Test func emptyFileIsAParseError() {
        let report = JUnitParser.parse(file: Corpus.path("malformed/empty-file.xml"))
        #expect(report.state == .parseError)
        #expect(report.error == "the file is empty (0 bytes)")
    }

    @Test func truncatedFileSaysSoAndKeepsWhatItRead() {
        let report = JUnitParser.parse(file: Corpus.path("pytest/truncated-corrupt.xml"))
        #expect(report.state == .parseError)
        #expect(report.error?.hasPrefix("the report is truncated: it ends before <testsuites> is closed") == true)
        // The first testcase closed before the cut; the second is cut inside its <skipped>.
        #expect(report.summary.tests == 1)
    }

    @Test func unclosedCDATAIsAParseError() {
        let report = JUnitParser.parse(file: Corpus.path("surefire/corrupt-unclosed-cdata.xml"))
        #expect(report.state == .parseError)
    }

    @Test func junkAfterTheRootIsAWarningAndAllTestcasesCount() {
        let report = JUnitParser.parse(file: Corpus.path("doctest/trailing-text-after-root.xml"))
        #expect(report.state == .ok)
        #expect(report.summary.tests == 3)
        #expect(report.warnings.contains { $0.hasPrefix("ignored content after the root element") })
    }

    @Test func doctypeIsRejectedAndNothingIsFetched() {
        let report = JUnitParser.parse(file: Corpus.path("jenkins/xxe-external-parameter-entity.xml"))
        #expect(report.state == .rejected)
        #expect(report.summary.tests == 0)
    }

    @Test func billionLaughsIsRejectedWithoutExpanding() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        xml += "]>\n<testsuite name=\"s\"><testcase classname=\"c\" name=\"&lol9;\"/></testsuite>\n"
        let clock = ContinuousClock()
        var report: JUnitReport?
        let elapsed = clock.measure { report = JUnitParser.parse(bytes: Array(xml.utf8)) }
        #expect(report?.state == .rejected)
        #expect(elapsed < .seconds(1))
    }

    @Test func unescapedLessThanIsAParseErrorWithTheLine() {
        let report = JUnitParser.parse(file: Corpus.path("malformed/unescaped-lt-in-attribute.xml"))
        #expect(report.state == .parseError)
        #expect(report.error?.hasPrefix("line 4:") == true)
    }

    @Test func htmlIsNotJUnit() {
        let report = JUnitParser.parse(bytes: Array("<html><body><h1>404 Not Found</h1></body></html>".utf8))
        #expect(report.state == .notJUnit)
        #expect(report.error == "no <testsuite> or <testcase> element (root element <html>)")
    }

    @Test func aMissingFileIsAParseErrorNamingIt() {
        let report = JUnitParser.parse(file: "/nonexistent/report.xml")
        #expect(report.state == .parseError)
        #expect(report.error?.contains("/nonexistent/report.xml") == true)
    }

    @Test func controlCharactersAndANSIAreSanitizedBeforeParsing() {
        let xml =
            "<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\u{01}x\"><failure message=\"\u{1B}[31mred\u{1B}[0m &#x1B;[1mbold &#0;\">trace\u{0C}</failure></testcase></testsuite>"
        let report = JUnitParser.parse(bytes: Array(xml.utf8))
        #expect(report.state == .ok)
        #expect(report.testcases.first?.name == "tx")
        #expect(report.testcases.first?.message == "red bold ")
        #expect(report.testcases.first?.details == "trace")
        #expect(report.warnings.first?.hasPrefix("removed") == true)
    }

    @Test func deepNestingIsBounded() {
        let xml = String(repeating: "<testsuite>", count: 100_000) + String(repeating: "</testsuite>", count: 100_000)
        let report = JUnitParser.parse(bytes: Array(xml.utf8))
        #expect(report.state == .rejected)
        #expect(report.error == "elements nest deeper than 256 levels")
    }

    @Test func nestedSystemOutIsNotPartOfTheFailureText() {
        // cargo-nextest: <rerunFailure> text followed by nested <system-out>/<system-err>.
        let report = JUnitParser.parse(file: Corpus.path("rust-nextest/rerunFailure-flakyFailure-mixed-content.xml"))
        #expect(report.state == .ok)
        for testcase in report.testcases where testcase.outcome == .failure {
            #expect(testcase.details?.contains("system-out") != true)
        }
    }
}
