internal import CLibXML2

/// The streaming JUnit XML parser (libxml2 SAX2 push parser, fed 256 KiB at a time): memory stays
/// flat whatever the file size, because no tree is built and testcases are handed to a visitor
/// as they close.
///
/// Unlike `xmlTextReader`, SAX delivers every element before a fatal error, so a report with junk
/// after its root keeps all its testcases.
///
/// The counting rules are written down in `docs/junit.md`. In short: roots `<testsuites>`, a
/// bare `<testsuite>` or any wrapper; each testcase counted once under its nearest suite;
/// outcome precedence error > failure > skipped > passed; `status`/`result` attributes
/// `disabled`/`notrun`/`skipped` mean skipped; rerun and flaky elements are attempts, not tests;
/// counts are derived from testcases, never from declared attributes.
public enum JUnitParser {
    /// Resource limits for one report.
    public struct Limits: Sendable {
        /// Largest input read, in bytes (default 256 MiB); a larger file is `rejected`.
        public var maxBytes: Int
        /// Longest `message` kept per testcase, in UTF-8 bytes (longer ones are truncated).
        public var maxMessageBytes: Int
        /// Longest `details` (stack trace) kept per testcase, in UTF-8 bytes.
        public var maxDetailsBytes: Int
        /// Longest `<system-out>`/`<system-err>` kept per testcase, in UTF-8 bytes.
        public var maxOutputBytes: Int

        /// Creates limits.
        public init(
            maxBytes: Int = 256 << 20, maxMessageBytes: Int = 4_096, maxDetailsBytes: Int = 16_384,
            maxOutputBytes: Int = 8_192
        ) {
            self.maxBytes = maxBytes
            self.maxMessageBytes = maxMessageBytes
            self.maxDetailsBytes = maxDetailsBytes
            self.maxOutputBytes = maxOutputBytes
        }
    }

    /// Parses the report at `path` and collects its testcases.
    ///
    /// Never throws: an unreadable, empty, truncated, unsafe or non-JUnit file yields a report
    /// whose ``JUnitReport/state`` says so.
    public static func parse(file path: String, limits: Limits = Limits()) -> JUnitReport {
        var cases: [JUnitTestCase] = []
        var report = parse(file: path, limits: limits) { cases.append($0) }
        report.testcases = cases
        return report
    }

    /// Parses a report held in memory and collects its testcases.
    public static func parse(bytes: [UInt8], limits: Limits = Limits()) -> JUnitReport {
        var cases: [JUnitTestCase] = []
        var report = withoutActuallyEscaping({ (t: JUnitTestCase) in cases.append(t) }) { visit in
            run(ReportInput(bytes: bytes, maxBytes: limits.maxBytes), limits: limits, visit: visit)
        }
        report.testcases = cases
        return report
    }

    /// Parses the report at `path`, handing each testcase to `visit` as it closes; the returned
    /// report's `testcases` is empty.
    ///
    /// Memory use does not grow with the number of testcases beyond one 9-byte entry per distinct
    /// test identity (for flaky detection).
    public static func parse(
        file path: String, limits: Limits = Limits(), visit: (JUnitTestCase) -> Void
    ) -> JUnitReport {
        withoutActuallyEscaping(visit) { visit in run(path: path, limits: limits, visit: visit) }
    }

    /// Counts the report at `path` without building testcases (no per-testcase strings): what
    /// `oot-hud junit` prints.
    ///
    /// Same counting rules and results as ``parse(file:limits:)``.
    public static func summarize(file path: String, limits: Limits = Limits()) -> JUnitReport {
        run(path: path, limits: limits, visit: nil)
    }

    private static func run(path: String, limits: Limits, visit: ((JUnitTestCase) -> Void)?) -> JUnitReport {
        let input: ReportInput
        do {
            input = try ReportInput(path: path, maxBytes: limits.maxBytes)
        } catch {
            return JUnitReport(
                state: .parseError, error: error.message, warnings: [], summary: JUnitSummary(), testcases: [])
        }
        return run(input, limits: limits, visit: visit)
    }

    private static func run(_ input: ReportInput, limits: Limits, visit: ((JUnitTestCase) -> Void)?) -> JUnitReport {
        LibXML.ensureInitialised()
        let walker = Walker(limits: limits, emit: visit)
        var handler = Self.saxHandler()
        var readerFailed = false
        withExtendedLifetime(walker) {
            let context = Unmanaged.passUnretained(walker).toOpaque()
            // The handler struct is copied into the context; `context` reaches every callback.
            guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, "junit.xml") else {
                readerFailed = true
                return
            }
            defer { xmlFreeParserCtxt(parser) }
            walker.parser = parser
            _ = xmlCtxtUseOptions(parser, LibXML.options | (input.transcodedFromUTF16 ? LibXML.ignoreEncoding : 0))
            if input.transcodedFromUTF16 { _ = xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8) }
            var scratch: [UInt8] = []
            scratch.reserveCapacity(ReportInput.chunkSize + 64)
            var done = false
            while !done {
                input.nextChunk(into: &scratch) { buffer, last in
                    let rc = buffer.withMemoryRebound(to: CChar.self) {
                        xmlParseChunk(parser, $0.baseAddress, Int32($0.count), last ? 1 : 0)
                    }
                    // Stop at the first fatal error (no XML_PARSE_RECOVER), or when a callback stopped us.
                    done = last || rc != 0 || walker.stopped || walker.failed
                }
            }
        }

        walker.finishDocument()
        var report = JUnitReport(
            state: .ok, error: nil, warnings: [], summary: walker.tally.finished,
            testcases: [])
        if let note = input.sanitizerSummary { report.warnings.append(note) }
        report.warnings += walker.warnings
        if input.isEmpty {
            report.state = .parseError
            report.error = "the file is empty (0 bytes)"
        } else if input.exceededLimit {
            report.state = .rejected
            report.error = "the report is larger than \(limits.maxBytes >> 20) MiB; read up to the limit only"
        } else if let readError = input.readError {
            report.state = .parseError
            report.error = readError
        } else if walker.sawDoctype {
            report.state = .rejected
            report.error =
                "the report has a DOCTYPE declaration (DTDs and entities are refused: XXE / entity-expansion risk)"
        } else if walker.tooDeep {
            report.state = .rejected
            report.error = "elements nest deeper than \(Walker.maxDepth) levels"
        } else if readerFailed {
            report.state = .parseError
            report.error = "libxml2 could not create a parser"
        } else if walker.failed {
            if walker.rootClosed {
                report.warnings.append("ignored content after the root element: \(walker.errorText)")
            } else {
                report.state = .parseError
                let truncated = walker.firstErrorCode == Int32(XML_ERR_DOCUMENT_END.rawValue) && walker.sawJUnitElement
                report.error =
                    (truncated
                        ? "the report is truncated: it ends before <\(walker.rootName ?? "?")> is closed (\(walker.errorText))"
                        : walker.errorText)
                    + (report.summary.tests > 0
                        ? "; the \(report.summary.tests) testcases before that point are kept" : "")
            }
        } else if !walker.sawJUnitElement {
            report.state = .notJUnit
            report.error = "no <testsuite> or <testcase> element (root element <\(walker.rootName ?? "?")>)"
        }
        // A complete report with no tests took no time: 0 s, not unknown.
        if report.state == .ok && report.summary.tests == 0 { report.summary.totalTimeSeconds = 0 }
        return report
    }
}

extension JUnitParser {
    /// SAX2 callbacks forwarding to the ``Walker`` passed as user data.
    ///
    /// No tree is built.
    fileprivate static func saxHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, localname, _, _, _, _, count, _, attributes in
            walker(context)?.startElement(localname, attributes: attributes, count: count)
        }
        handler.endElementNs = { context, localname, _, _ in
            walker(context)?.endElement(localname)
        }
        handler.characters = { context, bytes, count in
            walker(context)?.characters(bytes, count: count)
        }
        handler.cdataBlock = { context, bytes, count in
            walker(context)?.characters(bytes, count: count)
        }
        handler.internalSubset = { context, _, _, _ in
            walker(context)?.doctype()
        }
        handler.serror = { context, error in
            guard let error else { return }
            walker(context)?.record(error.pointee)
        }
        return handler
    }
}

private func walker(_ context: UnsafeMutableRawPointer?) -> Walker? {
    context.map { Unmanaged<Walker>.fromOpaque($0).takeUnretainedValue() }
}
