/// A parsed JUnit report: its state, any error or warnings, the summary and, when collected,
/// the testcases.
public struct JUnitReport: Sendable, Equatable {
    /// The overall state.
    public var state: JUnitReportState
    /// Why the state is not `ok` (with the line number when libxml2 gave one).
    public var error: String?
    /// Non-fatal observations (control characters removed, junk after the root, ...).
    public var warnings: [String]
    /// Counts derived from the testcases that were read.
    public var summary: JUnitSummary
    /// The testcases, in document order (empty when parsing with a visitor).
    public var testcases: [JUnitTestCase]
}
