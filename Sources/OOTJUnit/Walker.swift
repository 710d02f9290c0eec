internal import CLibXML2

/// The state machine over SAX2 events that turns elements into testcases.
///
/// Hot path: element names are matched on their bytes (no `String` per element) and only the
/// attributes a kind needs are decoded.
final class Walker {
    private let limits: JUnitParser.Limits
    /// Receives each testcase; `nil` to count only (no strings are built per testcase then).
    private let emit: ((JUnitTestCase) -> Void)?
    /// The counts, fed by every testcase whether or not it is materialized.
    private(set) var tally = JUnitTally()

    private(set) var sawJUnitElement = false
    private(set) var sawDoctype = false
    private(set) var rootName: String?
    private(set) var rootClosed = false
    private(set) var failed = false
    private var firstError: (line: Int32, message: String)?

    /// Depth of the next element to open (0 for the root).
    private var depth: Int32 = 0
    /// The parser context, so a callback can stop the parse (DOCTYPE, depth).
    var parser: xmlParserCtxtPtr?
    /// Set when the parse was stopped on purpose.
    private(set) var stopped = false
    /// The libxml2 error code of the first error.
    private(set) var firstErrorCode: Int32 = 0
    /// The deepest element nesting accepted (libxml2's push parser does not enforce its own).
    static let maxDepth: Int32 = 256
    /// Set when the document nested deeper than ``maxDepth``.
    private(set) var tooDeep = false

    /// Open `<testsuite>` names with their depth.
    private var suites: [(name: String, depth: Int32)] = []
    /// Open `<testcase>` elements (a stack: some producers nest them).
    private var testcases: [OpenTestCase] = []
    /// The element whose text is being collected (a result element or captured output).
    private var text: OpenText?

    init(limits: JUnitParser.Limits, emit: ((JUnitTestCase) -> Void)?) {
        self.limits = limits
        self.emit = emit
    }

    private var materialize: Bool { emit != nil }

    var errorText: String {
        guard let firstError else { return "malformed XML" }
        return "line \(firstError.line): \(firstError.message)"
    }

    /// Records the first error libxml2 reports (warnings are ignored).
    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, firstError == nil, !stopped else { return }
        failed = true
        firstErrorCode = Int32(error.code)
        var message = error.message.map { String(cString: $0) } ?? "malformed XML"
        while message.last?.isNewline == true { message.removeLast() }
        firstError = (Int32(error.line), message)
    }

    /// SAX2 `startElementNs`.
    func startElement(
        _ localname: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int32
    ) {
        if depth >= Self.maxDepth {
            tooDeep = true
            stop()
            return
        }
        guard let localname else {
            depth += 1
            return
        }
        if rootName == nil { rootName = String(cString: localname) }
        let kind = ElementKind(localname)
        let at = depth
        depth += 1
        switch kind {
        case .testsuites:
            sawJUnitElement = true
        case .testsuite:
            sawJUnitElement = true
            suites.append((Attributes(attributes, count, wanted: .suite, strings: true).name ?? "", at))
        case .testcase:
            sawJUnitElement = true
            testcases.append(
                OpenTestCase(
                    depth: at, suite: suites.last?.name ?? "",
                    attributes: Attributes(attributes, count, wanted: .testcase, strings: materialize)))
        case .result(let result):
            let isDirectChild = testcases.last.map { $0.depth == at - 1 } ?? false
            let isSuiteLevel = testcases.isEmpty && (suites.last.map { $0.depth == at - 1 } ?? false)
            guard isDirectChild || (isSuiteLevel && (result == .failure || result == .error)) else { return }
            if !materialize && !isSuiteLevel {
                testcases[testcases.count - 1].kinds.append(result)
                return
            }
            let message = Attributes(attributes, count, wanted: .result, strings: true).message
            text = OpenText(
                target: .result(result, suiteLevel: isSuiteLevel), depth: at,
                message: message.map { Self.truncate($0, limits.maxMessageBytes) })
        case .systemOut, .systemErr:
            guard materialize, let current = testcases.last, current.depth == at - 1 else { return }
            text = OpenText(target: kind == .systemOut ? .stdout : .stderr, depth: at, message: nil)
        case .other:
            break
        }
    }

    /// SAX2 `endElementNs`.
    func endElement(_ localname: UnsafePointer<xmlChar>?) {
        depth -= 1
        let at = depth
        if at == 0 { rootClosed = true }
        if let open = text, open.depth == at {
            text = nil
            finish(open)
            return
        }
        guard let localname else { return }
        switch ElementKind(localname) {
        case .testsuite:
            if let last = suites.last, last.depth == at { suites.removeLast() }
        case .testcase:
            if let last = testcases.last, last.depth == at {
                testcases.removeLast()
                let (outcome, flaky) = last.outcome
                tally.add(
                    outcome: outcome, flaky: flaky, time: last.attributes.time,
                    identity: last.attributes.identity(suite: last.suite))
                emit?(last.testcase(outcome: outcome, flaky: flaky))
            }
        default:
            break
        }
    }

    private func finish(_ open: OpenText) {
        switch open.target {
        case .result(let kind, let suiteLevel):
            let finished = FinishedResult(
                kind: kind, message: open.message, details: open.text(limit: limits.maxDetailsBytes))
            if suiteLevel {
                let suite = suites.last?.name ?? ""
                let synthetic = JUnitTestCase(
                    suite: suite, classname: suite, name: "(suite-level \(kind.rawValue))",
                    outcome: kind == .error ? .error : .failure, time: nil, message: finished.message,
                    details: finished.details)
                tally.add(synthetic)
                emit?(synthetic)
            } else if let index = testcases.indices.last {
                testcases[index].kinds.append(kind)
                testcases[index].results.append(finished)
            }
        case .stdout:
            if let index = testcases.indices.last {
                testcases[index].stdout = open.captured(limit: limits.maxOutputBytes)
            }
        case .stderr:
            if let index = testcases.indices.last {
                testcases[index].stderr = open.captured(limit: limits.maxOutputBytes)
            }
        }
    }

    /// SAX2 `characters` (CDATA arrives here too: `XML_PARSE_NOCDATA`).
    func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        guard let text, depth == text.depth + 1, let bytes, count > 0 else { return }
        let limit = text.target.isOutput ? limits.maxOutputBytes : limits.maxDetailsBytes
        text.append(UnsafeBufferPointer(start: bytes, count: Int(count)), limit: limit)
    }

    /// SAX2 `internalSubset`: a DOCTYPE.
    ///
    /// JUnit needs none, and refusing it removes XXE and entity expansion (billion laughs) before
    /// a single entity is declared or used.
    func doctype() {
        sawDoctype = true
        stop()
    }

    private func stop() {
        stopped = true
        if let parser { xmlStopParser(parser) }
    }

    /// Cuts `text` to at most `limit` UTF-8 bytes at a character boundary, noting the cut.
    static func truncate(_ text: String, _ limit: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > limit else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: limit)
        while end > utf8.startIndex && !text.unicodeScalars.indices.contains(end) {
            end = utf8.index(before: end)
        }
        return String(text[..<end]) + "… [truncated, \(utf8.count) bytes in all]"
    }
}

/// Element names the walker cares about, matched on bytes.
enum ElementKind: Equatable {
    case testsuites, testsuite, testcase, systemOut, systemErr, other
    case result(ResultKind)

    init(_ name: UnsafePointer<xmlChar>) {
        switch name[0] {
        case UInt8(ascii: "t"):
            self =
                Self.equal(name, "testcase")
                ? .testcase
                : Self.equal(name, "testsuite") ? .testsuite : Self.equal(name, "testsuites") ? .testsuites : .other
        case UInt8(ascii: "f"):
            self =
                Self.equal(name, "failure")
                ? .result(.failure)
                : Self.equal(name, "flakyFailure")
                    ? .result(.flakyFailure)
                    : Self.equal(name, "flakyError") ? .result(.flakyError) : .other
        case UInt8(ascii: "e"):
            self = Self.equal(name, "error") ? .result(.error) : .other
        case UInt8(ascii: "s"):
            self =
                Self.equal(name, "skipped")
                ? .result(.skipped)
                : Self.equal(name, "system-out") ? .systemOut : Self.equal(name, "system-err") ? .systemErr : .other
        case UInt8(ascii: "r"):
            self =
                Self.equal(name, "rerun")
                ? .result(.rerun)
                : Self.equal(name, "rerunFailure")
                    ? .result(.rerunFailure)
                    : Self.equal(name, "rerunError") ? .result(.rerunError) : .other
        default:
            self = .other
        }
    }

    /// `true` when the NUL-terminated `name` equals `literal`.
    static func equal(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for i in 0..<count where name[i] != bytes[i] { return false }
        return name[count] == 0
    }
}

/// The attributes a kind of element needs, decoded from SAX2's attribute array
/// (localname, prefix, URI, value, end: five pointers per attribute).
///
/// For a testcase, `identity` (hash of classname and name) and `time` are read straight from
/// the bytes; the strings are built only when `strings` is set (testcases are materialized).
struct Attributes {
    enum Wanted { case suite, testcase, result }

    var name: String?
    var classname: String?
    var file: String?
    var status: String?
    var result: String?
    var message: String?
    var time: Double?
    /// Hash of classname and name (``JUnitTally/hash(_:_:)``); `nil` when the name is missing or
    /// empty, or when the classname is missing (the suite then stands in, see ``identity(suite:)``).
    private var hashedIdentity: UInt64?
    /// The name's bytes, kept only when there is no classname (the suite is known later).
    private var nameWithoutClassname: [UInt8]?

    /// The identity used for flaky detection: classname (or, when it is missing, the suite's name)
    /// and name; `nil` (never grouped) for a testcase without a name.
    func identity(suite: String) -> UInt64? {
        if let hashedIdentity { return hashedIdentity }
        guard let name = nameWithoutClassname else { return nil }
        var suiteName = suite
        return suiteName.withUTF8 { suiteBytes in name.withUnsafeBufferPointer { JUnitTally.hash(suiteBytes, $0) } }
    }

    init(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ count: Int32, wanted: Wanted, strings: Bool) {
        var classnameBytes: UnsafeBufferPointer<UInt8>?
        var nameBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        defer {
            if wanted == .testcase && !nameBytes.isEmpty {
                if let classnameBytes, !classnameBytes.isEmpty {
                    hashedIdentity = JUnitTally.hash(classnameBytes, nameBytes)
                } else {
                    // Copy the name: the attribute buffer does not outlive this callback.
                    nameWithoutClassname = Array(nameBytes)
                }
            }
        }
        guard let attributes else { return }
        for i in 0..<Int(count) {
            let base = i * 5
            guard let key = attributes[base], let value = attributes[base + 3], let end = attributes[base + 4] else {
                continue
            }
            let bytes = UnsafeBufferPointer(start: value, count: end - value)
            func read() -> String { String(decoding: bytes, as: UTF8.self) }
            switch wanted {
            case .suite:
                if ElementKind.equal(key, "name") { name = read() }
            case .result:
                if ElementKind.equal(key, "message") { message = read() }
            case .testcase:
                switch key[0] {
                case UInt8(ascii: "n") where ElementKind.equal(key, "name"):
                    nameBytes = bytes
                    if strings { name = read() }
                case UInt8(ascii: "c") where ElementKind.equal(key, "classname"):
                    classnameBytes = bytes
                    if strings { classname = read() }
                case UInt8(ascii: "f") where strings && ElementKind.equal(key, "file"): file = read()
                case UInt8(ascii: "t") where ElementKind.equal(key, "time"): time = parseJUnitTime(bytes: bytes)
                case UInt8(ascii: "s") where ElementKind.equal(key, "status"): status = read()
                case UInt8(ascii: "r") where ElementKind.equal(key, "result"): result = read()
                default: break
                }
            }
        }
    }
}

/// Result elements inside a testcase.
enum ResultKind: String {
    case failure, error, skipped, rerunFailure, rerunError, flakyFailure, flakyError, rerun

    /// The outcome this element decides, or `nil` for attempts (rerun/flaky elements).
    var outcome: TestOutcome? {
        switch self {
        case .failure: .failure
        case .error: .error
        case .skipped: .skipped
        default: nil
        }
    }
}

/// Text being collected from a result element or a testcase's `<system-out>`/`<system-err>`.
final class OpenText {
    enum Target {
        case result(ResultKind, suiteLevel: Bool)
        case stdout, stderr

        var isOutput: Bool {
            if case .result = self { return false }
            return true
        }
    }

    let target: Target
    let depth: Int32
    let message: String?
    private var bytes: [UInt8] = []
    private var dropped = 0

    init(target: Target, depth: Int32, message: String?) {
        self.target = target
        self.depth = depth
        self.message = message
    }

    /// Appends a text or CDATA piece, keeping at most `limit` bytes in all.
    func append(_ value: UnsafeBufferPointer<xmlChar>, limit: Int) {
        let take = min(max(0, limit - bytes.count), value.count)
        if take > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[0..<take])) }
        dropped += value.count - take
    }

    /// The text, trimmed, with a note when it was cut; `nil` when empty.
    func text(limit: Int) -> String? {
        var text = String(decoding: bytes, as: UTF8.self).trimmingSpaces
        if dropped > 0 { text += "… [truncated, \(dropped) more bytes]" }
        return text.isEmpty ? nil : text
    }

    /// Captured output with its full size in bytes.
    func captured(limit: Int) -> CapturedOutput? {
        guard let text = text(limit: limit) else { return nil }
        return CapturedOutput(text: text, totalBytes: bytes.count + dropped)
    }
}

struct FinishedResult {
    let kind: ResultKind
    let message: String?
    let details: String?
}

/// A testcase being read.
struct OpenTestCase {
    let depth: Int32
    let suite: String
    let attributes: Attributes
    /// Kinds of the result elements seen (every mode).
    var kinds: [ResultKind] = []
    /// The result elements with their text (materializing mode only).
    var results: [FinishedResult] = []
    var stdout: CapturedOutput?
    var stderr: CapturedOutput?

    init(depth: Int32, suite: String, attributes: Attributes) {
        self.depth = depth
        self.suite = suite
        self.attributes = attributes
    }

    /// `status`/`result` values that mean the test did not run (CTest, GoogleTest, doctest…).
    static let notRunStatuses: Set<String> = ["disabled", "notrun", "not run", "skipped", "ignored", "suppressed"]

    /// The final outcome (error > failure > skipped > passed; a not-run status means skipped) and
    /// whether it passed after failed attempts.
    var outcome: (TestOutcome, flaky: Bool) {
        var outcome = TestOutcome.passed
        var attempts = false
        for kind in kinds {
            if let o = kind.outcome {
                if o.rank > outcome.rank { outcome = o }
            } else {
                attempts = true
            }
        }
        if outcome == .passed {
            let status = attributes.status?.lowercased() ?? ""
            let result = attributes.result?.lowercased() ?? ""
            if Self.notRunStatuses.contains(status) || Self.notRunStatuses.contains(result) {
                outcome = .skipped
            }
        }
        return (outcome, outcome == .passed && attempts)
    }

    /// The materialized testcase.
    func testcase(outcome: TestOutcome, flaky: Bool) -> JUnitTestCase {
        let deciding = results.first { $0.kind.outcome == outcome }
        var testcase = JUnitTestCase(
            suite: suite, classname: attributes.classname ?? "", name: attributes.name ?? "", file: attributes.file,
            outcome: outcome, flaky: flaky, reruns: kinds.filter { $0.outcome == nil }.count, time: attributes.time,
            message: deciding?.message, details: deciding?.details)
        testcase.stdout = stdout
        testcase.stderr = stderr
        return testcase
    }
}
