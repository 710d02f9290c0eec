import Foundation
import OOTJUnit
import Testing

/// Hostile reports that aim at time or memory rather than at parsing errors: a text node or an
/// attribute of tens of MiB, a report over the size cap.
///
/// Entity expansion and deep nesting are in ReportStateTests; the 1 GB versions run in
/// scripts/fault-limits.sh, which states the bounds.
@Suite struct ResourceLimitTests {
    static let huge = 24 << 20

    static func failure(body: String = "trace", message: String = "boom") -> [UInt8] {
        Array(
            ("<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\"><failure message=\"\(message)\">"
                + body + "</failure><system-out>" + body + "</system-out></testcase>"
                + "<testcase classname=\"c\" name=\"after\"/></testsuite>").utf8)
    }

    @Test func aHugeTextNodeIsReadButOnlyItsHeadIsKept() {
        let limits = JUnitParser.Limits()
        let report = JUnitParser.parse(bytes: Self.failure(body: String(repeating: "x", count: Self.huge)))
        #expect(report.state == .ok)
        #expect(report.summary.tests == 2, "the testcase after the huge node still counts")
        #expect(report.summary.failures == 1)
        let failing = try? #require(report.testcases.first)
        #expect((failing?.details?.utf8.count ?? .max) <= limits.maxDetailsBytes + 64)
        #expect((failing?.stdout?.text.utf8.count ?? .max) <= limits.maxOutputBytes + 64)
        #expect(failing?.stdout?.totalBytes == Self.huge, "the page can say how much was cut")
    }

    @Test func aHugeAttributeIsAParseErrorNotAnAllocation() {
        let report = JUnitParser.parse(bytes: Self.failure(message: String(repeating: "m", count: Self.huge)))
        #expect(report.state == .parseError)
        #expect(report.error?.isEmpty == false)
    }

    @Test func aReportOverTheSizeCapIsRejectedAfterReadingUpToTheCap() throws {
        let limits = JUnitParser.Limits(maxBytes: 1 << 20)
        let padding = String(repeating: " ", count: 3 << 20)
        let bytes = Array("<testsuite name=\"s\"><testcase classname=\"c\" name=\"t\"/>\(padding)</testsuite>".utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oot-oversize-\(UUID().uuidString).xml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for report in [
            JUnitParser.parse(bytes: bytes, limits: limits), JUnitParser.parse(file: file.path, limits: limits),
        ] {
            #expect(report.state == .rejected)
            #expect(report.error == "the report is larger than 1 MiB; read up to the limit only")
        }
    }
}
