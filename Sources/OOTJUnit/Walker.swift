internal import CLibXML2

/// The state machine over SAX2 events that turns elements into testcases.
final class Walker {
    private let limits: JUnitParser.Limits
    private let emit: (JUnitTestCase) -> Void

    private(set) var sawJUnitElement = false
    private(set) var sawDoctype = false
    private(set) var rootName: String?
    private(set) var rootClosed = false
    private(set) var failed = false
    private var firstError: (line: Int32, message: String)?

    /// Open `<testsuite>` names with their depth.
    private var suites: [(name: String, depth: Int32)] = []
    /// Open `<testcase>` elements (a stack: some producers nest them).
    private var testcases: [OpenTestCase] = []
    /// The result element whose text is being collected.
    private var result: OpenResult?

    init(limits: JUnitParser.Limits, emit: @escaping (JUnitTestCase) -> Void) {
        self.limits = limits
        self.emit = emit
    }

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

    /// Depth of the next element to open (0 for the root).
    private var depth: Int32 = 0
    /// The parser context, so a callback can stop the parse (DOCTYPE).
    var parser: xmlParserCtxtPtr?
    /// Set when the parse was stopped on purpose.
    private(set) var stopped = false
    /// The libxml2 error code of the first error.
    private(set) var firstErrorCode: Int32 = 0

    /// SAX2 `startElementNs`.
    func startElement(_ localname: UnsafePointer<xmlChar>?, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int32) {
        let name = Self.string(localname) ?? ""
        var values: [String: String] = [:]
        if let attributes {
            for i in 0..<Int(count) {
                let base = i * 5
                guard let key = attributes[base], let value = attributes[base + 3], let end = attributes[base + 4] else { continue }
                values[String(cString: key)] = String(decoding: UnsafeBufferPointer(start: value, count: end - value), as: UTF8.self)
            }
        }
        if depth >= Self.maxDepth {
            tooDeep = true
            stop()
            return
        }
        open(name, depth: depth, attributes: values)
        depth += 1
    }

    /// The deepest element nesting accepted (libxml2's push parser does not enforce its own).
    static let maxDepth: Int32 = 256
    /// Set when the document nested deeper than ``maxDepth``.
    private(set) var tooDeep = false

    /// SAX2 `endElementNs`.
    func endElement(_ localname: UnsafePointer<xmlChar>?) {
        depth -= 1
        close(Self.string(localname) ?? "", depth: depth)
    }

    /// SAX2 `characters` (CDATA arrives here too: `XML_PARSE_NOCDATA`).
    func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int32) {
        guard let result, depth == result.depth + 1, let bytes, count > 0 else { return }
        result.appendText(UnsafeBufferPointer(start: bytes, count: Int(count)), limit: limits.maxDetailsBytes)
    }

    /// SAX2 `internalSubset`: a DOCTYPE. JUnit needs none, and refusing it removes XXE and
    /// entity expansion (billion laughs) before a single entity is declared or used.
    func doctype() {
        sawDoctype = true
        stop()
    }

    private func stop() {
        stopped = true
        if let parser { xmlStopParser(parser) }
    }

    private func open(_ name: String, depth: Int32, attributes: [String: String]) {
        if rootName == nil { rootName = name }
        switch name {
        case "testsuite", "testsuites":
            sawJUnitElement = true
            if name == "testsuite" { suites.append((attributes["name"] ?? "", depth)) }
        case "testcase":
            sawJUnitElement = true
            testcases.append(OpenTestCase(depth: depth, suite: suites.last?.name ?? "", attributes: attributes))
        case "failure", "error", "skipped", "rerunFailure", "rerunError", "flakyFailure", "flakyError", "rerun":
            guard let kind = ResultKind(rawValue: name) else { return }
            let isDirectChild = testcases.last.map { $0.depth == depth - 1 } ?? false
            let isSuiteLevel = testcases.isEmpty && (suites.last.map { $0.depth == depth - 1 } ?? false)
            guard isDirectChild || (isSuiteLevel && (kind == .failure || kind == .error)) else { return }
            result = OpenResult(
                kind: kind, depth: depth, message: attributes["message"].map { Self.truncate($0, limits.maxMessageBytes) },
                suiteLevel: isSuiteLevel)
        default:
            break
        }
    }

    private func close(_ name: String, depth: Int32) {
        if depth == 0 { rootClosed = true }
        if let open = result, open.depth == depth {
            result = nil
            let finished = open.finished
            if open.suiteLevel {
                let suite = suites.last?.name ?? ""
                emit(
                    JUnitTestCase(
                        suite: suite, classname: suite, name: "(suite-level \(open.kind.rawValue))",
                        outcome: open.kind == .error ? .error : .failure, time: nil, message: finished.message,
                        details: finished.details))
            } else if let index = testcases.indices.last {
                testcases[index].results.append(finished)
            }
            return
        }
        switch name {
        case "testsuite":
            if let last = suites.last, last.depth == depth { suites.removeLast() }
        case "testcase":
            if let last = testcases.last, last.depth == depth {
                testcases.removeLast()
                emit(last.testcase)
            }
        default:
            break
        }
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

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
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

    var isFlakyPass: Bool { self == .flakyFailure || self == .flakyError }
}

/// A result element being read.
final class OpenResult {
    let kind: ResultKind
    let depth: Int32
    let message: String?
    let suiteLevel: Bool
    private var text: [UInt8] = []
    private var truncatedBytes = 0

    init(kind: ResultKind, depth: Int32, message: String?, suiteLevel: Bool) {
        self.kind = kind
        self.depth = depth
        self.message = message
        self.suiteLevel = suiteLevel
    }

    /// Appends a text or CDATA piece, keeping at most `limit` bytes.
    func appendText(_ value: UnsafeBufferPointer<xmlChar>, limit: Int) {
        let room = max(0, limit - text.count)
        let take = min(room, value.count)
        if take > 0 { text.append(contentsOf: UnsafeBufferPointer(rebasing: value[0..<take])) }
        truncatedBytes += value.count - take
    }

    var finished: FinishedResult {
        var details = String(decoding: text, as: UTF8.self).trimmingSpaces
        if truncatedBytes > 0 { details += "… [truncated, \(truncatedBytes) more bytes]" }
        return FinishedResult(kind: kind, message: message, details: details.isEmpty ? nil : details)
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
    let attributes: [String: String]
    var results: [FinishedResult] = []

    /// `status`/`result` values that mean the test did not run (CTest, GoogleTest, doctest…).
    static let notRunStatuses: Set<String> = ["disabled", "notrun", "not run", "skipped", "ignored", "suppressed"]

    var testcase: JUnitTestCase {
        var outcome = TestOutcome.passed
        var deciding: FinishedResult?
        for result in results {
            if let o = result.kind.outcome, o.rank > outcome.rank {
                outcome = o
                deciding = result
            }
        }
        if outcome == .passed {
            let status = (attributes["status"] ?? "").lowercased()
            let result = (attributes["result"] ?? "").lowercased()
            if Self.notRunStatuses.contains(status) || Self.notRunStatuses.contains(result) {
                outcome = .skipped
            }
        }
        let attempts = results.filter { $0.kind.outcome == nil }
        let flaky = outcome == .passed && !attempts.isEmpty
        return JUnitTestCase(
            suite: suite, classname: attributes["classname"] ?? "", name: attributes["name"] ?? "",
            file: attributes["file"], outcome: outcome, flaky: flaky, reruns: attempts.count,
            time: parseJUnitTime(attributes["time"]), message: deciding?.message,
            details: deciding?.details)
    }
}
