/// Counts derived from the testcases (declared `tests=`/`failures=` attributes are not trusted).
///
/// `tests` counts executions, and `passed + failures + errors + skipped == tests`.
public struct JUnitSummary: Sendable, Equatable, Codable {
    /// Testcase executions.
    public var tests = 0
    /// Executions that passed (flaky passes included).
    public var passed = 0
    /// Executions whose outcome is `failure`.
    public var failures = 0
    /// Executions whose outcome is `error`.
    public var errors = 0
    /// Executions whose outcome is `skipped`.
    public var skipped = 0
    /// Test identities (classname + name) that are flaky: an execution passed after failed
    /// attempts, or executions of the identity both passed and failed.
    public var flaky = 0
    /// Sum of the known testcase times, in seconds; `nil` when no testcase had a usable time.
    public var totalTimeSeconds: Double?

    /// Creates an empty summary.
    public init() {}
}
