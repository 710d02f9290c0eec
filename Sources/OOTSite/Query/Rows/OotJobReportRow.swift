/// A row of the saved query `oot_job_report`: one job's harvested report (`junit_reports`, spec
/// §7) beside the job's own columns (``JobRow``).
///
/// Read by ``RowDecoder``: the job columns as ``JobRow`` reads them, the rest by snake-case name.
struct OotJobReportRow: Decodable, Sendable {
    /// The job's columns.
    let job: JobRow
    /// The job's own `skipped_tests` summary count.
    let skippedTests: Int64
    /// `ok`, `parse_error`, `not_junit`, `rejected`, `unavailable` or `fetch_error`.
    let state: String
    let error: String?
    let files: Int64
    let tests: Int64
    let passed: Int64
    let failures: Int64
    let errors: Int64
    let skipped: Int64
    let flaky: Int64
    /// Seconds, summed over the report's testcases; `nil` when none carried a time.
    let totalTimeSeconds: Double?
    /// Harvest attempts so far (a `fetch_error` is retried up to 3 times).
    let attempts: Int64
    let contentType: String?
    /// UTC.
    let harvestedAt: String

    private enum CodingKeys: String, CodingKey {
        case skippedTests, state, error, files, tests, passed, failures, errors, skipped, flaky, totalTimeSeconds,
            attempts, contentType, harvestedAt
    }

    /// Reads the job's columns, then the report's.
    ///
    /// - Throws: ``QueryRowError`` when a column is missing or holds the wrong type.
    init(from decoder: any Decoder) throws {
        job = try JobRow(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        skippedTests = try c.decode(Int64.self, forKey: .skippedTests)
        state = try c.decode(String.self, forKey: .state)
        error = try c.decodeIfPresent(String.self, forKey: .error)
        files = try c.decode(Int64.self, forKey: .files)
        tests = try c.decode(Int64.self, forKey: .tests)
        passed = try c.decode(Int64.self, forKey: .passed)
        failures = try c.decode(Int64.self, forKey: .failures)
        errors = try c.decode(Int64.self, forKey: .errors)
        skipped = try c.decode(Int64.self, forKey: .skipped)
        flaky = try c.decode(Int64.self, forKey: .flaky)
        totalTimeSeconds = try c.decodeIfPresent(Double.self, forKey: .totalTimeSeconds)
        attempts = try c.decode(Int64.self, forKey: .attempts)
        contentType = try c.decodeIfPresent(String.self, forKey: .contentType)
        harvestedAt = try c.decode(String.self, forKey: .harvestedAt)
    }
}
