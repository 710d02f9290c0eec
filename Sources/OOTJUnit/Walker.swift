internal import CLibXML2

/// The state machine over SAX2 events that turns elements into testcases.
///
/// Hot path: element names are matched on their bytes (no `String` per element) and only the
/// attributes a kind needs are decoded. The testcases of a suite are held until it closes
/// (``OpenSuite``), since only then is it known how to read its repeated testcases and its
/// declared counts; the rules are in docs/junit.md.
final class Walker {
    private let limits: JUnitParser.Limits
    /// Receives each testcase; `nil` to count only (no strings are built per testcase then).
    private let emit: ((JUnitTestCase) -> Void)?
    /// The counts, fed by every testcase whether or not it is materialized.
    private(set) var tally = JUnitTally()
    /// What the counting rules noticed (repeat modes, declared counts, ambiguous times), each kind
    /// said once.
    private var digest = WarningDigest()
    /// The warnings, one line per kind of observation.
    var warnings: [String] { digest.lines }

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

    /// Open `<testsuite>` elements, outermost first.
    private var suites: [OpenSuite] = []
    /// The distinct identities of the testcases directly inside the innermost open suite.
    private var identities = IdentitySet()
    /// Open `<testcase>` elements (a stack: some producers nest them).
    private var testcases: [OpenTestCase] = []
    /// The element whose text is being collected (a result element or captured output).
    private var text: OpenText?

    /// A `<testsuites>` root's name and declared failures + errors.
    private var root: (name: String, declaredFailing: Int?)?
    /// Failing testcases counted so far, the failures and errors their elements record, and the
    /// failed attempts recorded inside testcases.
    private var totals = FailingTotals()
    /// Failing testcases that outermost suites hold beyond their declared counts (gotestsum's
    /// `TestMain` of a package whose main failed: the root counts it as an error too).
    private var undeclaredFailing = 0
    /// A testcase time used an unambiguous decimal comma (`0,160`): the report's locale.
    private var decimalComma = false
    /// `d{1,3},ddd` times read as decimal commas, and read as thousands.
    private var ambiguousAsDecimal = 0
    private var ambiguousAsThousands = 0

    /// The name given to a testcase made up for a failure a suite declares but no testcase holds.
    static let declaredOnlyName = "(declared by the report, no testcase)"

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
            if at == 0 {
                let declared = SuiteAttributes(AttributeList(pointers: attributes, count: count))
                root = (declared.name ?? "", OpenSuite.sum(declared.failures, declared.errors))
            }
        case .testsuite:
            sawJUnitElement = true
            // A suite holding suites passes its own testcases on in document order.
            if let parent = suites.indices.last {
                flushHeld(parent)
                suites[parent].holds = false
                suites[parent].tracks = false
            }
            identities.reset()
            suites.append(
                OpenSuite(
                    attributes: SuiteAttributes(AttributeList(pointers: attributes, count: count)), depth: at,
                    start: totals))
        case .testcase:
            sawJUnitElement = true
            testcases.append(
                OpenTestCase(
                    depth: at, suite: suites.last?.name ?? "",
                    attributes: TestCaseAttributes(
                        AttributeList(pointers: attributes, count: count), strings: materialize)))
        case .result(let result):
            let isDirectChild = testcases.last.map { $0.depth == at - 1 } ?? false
            let isSuiteLevel = testcases.isEmpty && (suites.last.map { $0.depth == at - 1 } ?? false)
            guard isDirectChild || (isSuiteLevel && (result == .failure || result == .error)) else { return }
            let needsAttributes = materialize || isSuiteLevel || result == .skipped
            let decoded = needsAttributes ? ResultAttributes(AttributeList(pointers: attributes, count: count)) : nil
            if isDirectChild && result == .skipped {
                testcases[testcases.count - 1].skipMark = SkipMark(message: decoded?.message, type: decoded?.type)
            }
            if !materialize && !isSuiteLevel {
                testcases[testcases.count - 1].kinds.append(result)
                return
            }
            text = OpenText(
                target: .result(result, suiteLevel: isSuiteLevel), depth: at,
                message: decoded?.message.map { Self.truncate($0, limits.maxMessageBytes) })
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
        if let open = text, open.depth == at {
            text = nil
            finish(open)
            return
        }
        guard let localname else { return }
        switch ElementKind(localname) {
        case .testsuite:
            if let last = suites.last, last.depth == at { close(suites.count - 1) }
        case .testcase:
            if let innermost = testcases.last?.depth, innermost == at {
                let last = testcases.removeLast()
                let decision = last.decision
                if last.attributes.timeComma == .decimal { decimalComma = true }
                hold(
                    PendingTestCase(
                        identity: last.attributes.identity(suite: last.suite), outcome: decision.outcome,
                        flaky: decision.flaky, attempts: Int32(last.attempts),
                        failingElements: Int32(last.failingElements(decision)), time: last.attributes.time,
                        ambiguousTime: last.attributes.timeComma == .ambiguous),
                    materialize ? last.testcase(decision) : nil)
            }
        default:
            break
        }
        if at == 0 {
            rootClosed = true
            checkRootDeclaredCounts()
        }
    }

    /// After the last chunk: hands on what open suites still hold (a truncated report keeps the
    /// testcases read before the error), and notes how ambiguous times were read.
    func finishDocument() {
        while let innermost = suites.indices.last {
            flushHeld(innermost)
            suites.removeLast()
        }
        if ambiguousAsDecimal > 0 {
            digest.note(
                "comma-decimal",
                "\(ambiguousAsDecimal) times like `12,000` were read with a decimal comma (12.000 s), as the report "
                    + "writes its other times (`0,160`); alone, such a value could also mean thousands")
        }
        if ambiguousAsThousands > 0 {
            digest.note(
                "comma-thousands",
                decimalComma
                    ? "\(ambiguousAsThousands) times like `1,234` were read as thousands (1234 s) before the report's "
                        + "first decimal comma; they may be a thousand times too long"
                    : "\(ambiguousAsThousands) times like `1,234` are ambiguous (thousands, or a decimal comma); "
                        + "read as thousands (1234 s)")
        }
    }

    /// Notes a closed testcase in its suite's identities, and keeps it with the suite when the
    /// suite holds its testcases, else hands it on.
    private func hold(_ pending: PendingTestCase, _ testcase: JUnitTestCase?) {
        guard let innermost = suites.indices.last else { return flush(pending, testcase) }
        if suites[innermost].tracks {
            suites[innermost].elements += 1
            if let identity = pending.identity { identities.insert(identity) } else { suites[innermost].unnamed += 1 }
        }
        guard suites[innermost].holds else { return flush(pending, testcase) }
        var held = pending
        if let testcase {
            held.caseIndex = Int32(suites[innermost].cases.count)
            suites[innermost].cases.append(testcase)
        }
        suites[innermost].held.append(held)
    }

    /// Hands on what the suite at `index` holds, in order, and empties it.
    private func flushHeld(_ index: Int) {
        let held = suites[index].held
        guard !held.isEmpty else { return }
        let cases = suites[index].cases
        suites[index].held = []
        suites[index].cases = []
        for pending in held { flush(pending, pending.caseIndex >= 0 ? cases[Int(pending.caseIndex)] : nil) }
    }

    /// Counts a testcase, hands it to the visitor, and adds it to the running totals.
    private func flush(_ pending: PendingTestCase, _ testcase: JUnitTestCase?) {
        var p = pending
        var testcase = testcase
        if p.ambiguousTime {
            if decimalComma {
                p.time = p.time.map { $0 / 1000 }
                testcase?.time = p.time
                ambiguousAsDecimal += 1
            } else {
                ambiguousAsThousands += 1
            }
        }
        tally.add(outcome: p.outcome, flaky: p.flaky, time: p.time, identity: p.identity)
        if let testcase { emit?(testcase) }
        if p.outcome.isFailing { totals.failing += 1 }
        totals.failingElements += Int(p.failingElements)
        totals.attempts += Int(p.attempts)
    }

    /// Closes the suite at `index` (the innermost): reads its repeats, hands on its testcases,
    /// checks its declared counts.
    private func close(_ index: Int) {
        let suite = suites[index]
        let label = suite.name.isEmpty ? "a suite" : "suite \"\(suite.name)\""
        switch suite.repeats(distinct: identities.count + suite.unnamed) {
        case .none:
            break
        case .executions(let elements, let tests):
            digest.note(
                "executions",
                "\(label): \(elements) testcase elements for \(tests) distinct tests"
                    + (suite.declaredTests.map { ", tests=\($0) declared" } ?? "")
                    + ": read as repeated executions (a repeat run: flakefinder, --count)")
        case .reruns(let elements, let tests):
            suites[index].mergeReruns()
            digest.note(
                "reruns",
                "\(label): \(elements) testcase elements for the \(tests) tests it declares: read as rerun attempts "
                    + "(pytest-rerunfailures), each test's last element being its outcome")
        }
        flushHeld(index)
        suites[index].holds = false
        if let declared = suite.declaredFailing {
            let inside = totals - suite.start
            declaredOnly(
                declared: declared, accounted: inside.failingElements + inside.attempts, failing: inside.failing,
                in: suite.name, label)
            if index == 0 { undeclaredFailing += max(0, (totals - suite.start).failing - declared) }
        }
        suites.removeLast()
    }

    /// The root `<testsuites>`'s declared failures and errors, against everything counted.
    private func checkRootDeclaredCounts() {
        guard let root, let declared = root.declaredFailing else { return }
        declaredOnly(
            declared: declared, accounted: totals.failingElements + totals.attempts + undeclaredFailing,
            failing: totals.failing,
            in: root.name, root.name.isEmpty ? "the report" : "the report \"\(root.name)\"")
    }

    /// When `declared` failures and errors exceed what the testcases' elements and failed attempts
    /// account for, adds one error testcase per missing failure (a report that declares a failure
    /// never reads as all passed); declared counts lower than the failing testcases only warn.
    private func declaredOnly(declared: Int, accounted: Int, failing: Int, in suite: String, _ label: String) {
        if declared > accounted {
            let missing = declared - accounted
            for _ in 0..<missing {
                let testcase = JUnitTestCase(
                    suite: suite, classname: suite, name: Self.declaredOnlyName, outcome: .error,
                    message: "\(label) declares \(declared) failures and errors; its testcases account for \(accounted)"
                )
                flush(
                    PendingTestCase(
                        identity: JUnitTally.identity(of: testcase), outcome: .error, flaky: false, attempts: 0,
                        failingElements: 1, time: nil, ambiguousTime: false),
                    materialize ? testcase : nil)
            }
            digest.note(
                "declared-only",
                "\(label) declares \(declared) failures and errors but its testcases hold \(accounted): "
                    + "\(missing) error testcase\(missing == 1 ? "" : "s") \"\(Self.declaredOnlyName)\" added")
        } else if declared < failing {
            digest.note(
                "declared-low", "\(label) declares \(declared) failures and errors; its testcases hold \(failing)")
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
                hold(
                    PendingTestCase(
                        identity: JUnitTally.identity(of: synthetic), outcome: synthetic.outcome, flaky: false,
                        attempts: 0, failingElements: 1, time: nil, ambiguousTime: false),
                    materialize ? synthetic : nil)
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

/// Warnings of one kind said once, however often they applied: a report of 1,400 suites that each
/// repeat a testcase gets one line, not 1,400.
struct WarningDigest {
    private var kinds: [String] = []
    private var entries: [String: (count: Int, first: String)] = [:]

    /// Notes one occurrence of `kind`; `message` is built only for the first.
    mutating func note(_ kind: String, _ message: @autoclosure () -> String) {
        if let entry = entries[kind] {
            entries[kind] = (entry.count + 1, entry.first)
        } else {
            kinds.append(kind)
            entries[kind] = (1, message())
        }
    }

    /// One line per kind, in the order first seen: the first message, and how many more alike.
    var lines: [String] {
        kinds.compactMap { kind in
            entries[kind].map { $0.count == 1 ? $0.first : "\($0.first) (and \($0.count - 1) more alike)" }
        }
    }
}
