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
