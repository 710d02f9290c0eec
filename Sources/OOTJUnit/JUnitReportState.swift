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
