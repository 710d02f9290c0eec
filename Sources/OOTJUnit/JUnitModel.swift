/// The outcome of one testcase execution, in increasing precedence: when a `<testcase>`
/// holds several result elements, the highest wins (error > failure > skipped > passed).
public enum TestOutcome: String, Sendable, Equatable, Codable, CaseIterable {
    case passed, skipped, failure, error

    var rank: Int {
        switch self {
        case .passed: 0
        case .skipped: 1
        case .failure: 2
        case .error: 3
        }
    }

    /// `true` for `failure` and `error`.
    public var isFailing: Bool { self == .failure || self == .error }
}

/// One execution of a `<testcase>` (a test repeated in rerun modes appears once per execution).
public struct JUnitTestCase: Sendable, Equatable {
    /// Name of the nearest enclosing `<testsuite>` (empty when none).
    public var suite: String
    /// The `classname` attribute (empty when absent).
    public var classname: String
    /// The `name` attribute (empty when absent).
    public var name: String
    /// The `file` attribute, when present.
    public var file: String?
    /// The final outcome of this execution.
    public var outcome: TestOutcome
    /// `true` when the execution passed only after failed attempts (`flakyFailure`,
    /// `flakyError`, or rerun elements followed by a pass).
    public var flaky: Bool
    /// Failed attempts recorded inside the testcase (`rerunFailure`, `rerunError`, `flakyFailure`,
    /// `flakyError`, pytest/PyTorch `<rerun>`); not extra tests.
    public var reruns: Int
    /// Duration in seconds; `nil` when missing, empty, negative or unreadable.
    public var time: Double?
    /// The `message` attribute of the deciding result element, when present.
    public var message: String?
    /// The text (and CDATA) directly inside the deciding result element, such as a stack trace.
    public var details: String?
    /// The testcase's `<system-out>`, cut to ``JUnitParser/Limits/maxOutputBytes``.
    public var stdout: CapturedOutput?
    /// The testcase's `<system-err>`, cut to ``JUnitParser/Limits/maxOutputBytes``.
    public var stderr: CapturedOutput?

    /// Creates a testcase record.
    public init(
        suite: String, classname: String, name: String, file: String? = nil, outcome: TestOutcome,
        flaky: Bool = false, reruns: Int = 0, time: Double? = nil, message: String? = nil, details: String? = nil
    ) {
        self.suite = suite
        self.classname = classname
        self.name = name
        self.file = file
        self.outcome = outcome
        self.flaky = flaky
        self.reruns = reruns
        self.time = time
        self.message = message
        self.details = details
    }
}

/// Captured test output: the text kept (cut at the limit, with a note) and the full size.
public struct CapturedOutput: Sendable, Equatable {
    /// The text kept.
    public var text: String
    /// The size of the whole output in the report, in bytes.
    public var totalBytes: Int

    /// Creates a captured output.
    public init(text: String, totalBytes: Int) {
        self.text = text
        self.totalBytes = totalBytes
    }
}

/// What became of a report file.
public enum JUnitReportState: String, Sendable, Equatable, Codable {
    /// Parsed completely (possibly with warnings, e.g. junk after the root element).
    case ok
    /// Not well-formed XML, empty, or truncated; testcases read before the error are kept.
    case parseError = "parse_error"
    /// Well-formed XML that holds no `<testsuite>`/`<testcase>` (e.g. an HTML page).
    case notJUnit = "not_junit"
    /// Refused for safety: a DOCTYPE (entities, XXE), or over a size limit.
    case rejected
}

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
