import Foundation
import OOTCore
import OOTJUnit

/// Writes one job's harvest result: its testcase rows and its `junit_reports` row, in one
/// transaction (earlier rows of the job are replaced).
final class ReportWriter {
    private let db: SQLiteDatabase
    private let limits: JUnitParser.Limits
    private let deleteCases: SQLiteStatement
    private let insertCase: SQLiteStatement
    private let insertReport: SQLiteStatement
    private let markFlaky: SQLiteStatement
    private let markPending: SQLiteStatement

    init(db: SQLiteDatabase, limits: JUnitParser.Limits) throws {
        self.db = db
        self.limits = limits
        deleteCases = try db.prepare("DELETE FROM junit_testcases WHERE dynamoKey = ?")
        // The job's pages re-render in the next incremental build (its drill-down is new).
        markPending = try db.prepare("INSERT OR IGNORE INTO site_pending (dynamoKey) VALUES (?)")
        insertCase = try db.prepare(
            """
            INSERT INTO junit_testcases (dynamoKey, ordinal, suite, classname, name, file, outcome, flaky, reruns,
                                         time_seconds, message, details, stdout, stdout_bytes, stderr, stderr_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertReport = try db.prepare(
            """
            INSERT OR REPLACE INTO junit_reports (dynamoKey, artifact_url, state, error, files, tests, passed, failures,
                errors, skipped, flaky, total_time_seconds, harvested_at, attempts, content_type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // An identity (classname, or the suite when it is empty, + a non-empty name; docs/junit.md)
        // that both passed and failed across its executions is flaky.
        markFlaky = try db.prepare(
            """
            UPDATE junit_testcases SET flaky = 1
            WHERE dynamoKey = ?1 AND name != ''
              AND (CASE WHEN classname = '' THEN suite ELSE classname END, name) IN (
                SELECT CASE WHEN classname = '' THEN suite ELSE classname END, name
                FROM junit_testcases WHERE dynamoKey = ?1 AND name != ''
                GROUP BY 1, 2
                HAVING sum(outcome = 'passed') > 0 AND sum(outcome IN ('failure', 'error')) > 0)
            """)
    }

    /// Parses the files (if any) and records the result.
    ///
    /// - Returns: The recorded state and the number of testcases stored.
    func write(_ m: Harvester.Materialized) throws -> (state: String, testcases: Int) {
        let key = m.job.key
        var state = HarvestOutcome()
        var files: [ReportFile] = []
        switch m.files {
        case .success(let found): files = found
        case .failure(let error):
            state.state = HarvestOutcome.State(rawValue: error.state) ?? .unavailable
            state.errors.append(error.message)
        }
        let attempts = state.state == .fetchError ? m.job.attempts + 1 : 1
        return try db.transaction {
            try deleteCases.run([.text(key)])
            var tally = JUnitTally()
            var ordinal: Int64 = 0
            for file in files {
                var failure: (any Error)?
                let report = JUnitParser.parse(file: file.path, limits: limits) { testcase in
                    guard failure == nil else { return }
                    tally.add(testcase)
                    ordinal += 1
                    do {
                        try insertCase.run(Self.values(key: key, ordinal: ordinal, testcase))
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
                state.add(report, file: files.count > 1 ? file.name : nil)
            }
            try markFlaky.run([.text(key)])
            try markPending.run([.text(key)])
            let counts = tally.finished
            try insertReport.run([
                .text(key), .text(m.job.url), .text(state.state.rawValue),
                state.errors.isEmpty ? .null : .text(state.errors.joined(separator: "; ")),
                .integer(Int64(files.count)),
                .integer(Int64(counts.tests)), .integer(Int64(counts.passed)), .integer(Int64(counts.failures)),
                .integer(Int64(counts.errors)), .integer(Int64(counts.skipped)), .integer(Int64(counts.flaky)),
                counts.totalTimeSeconds.map { .real($0) } ?? .null, .text(UTCTimestamp.now.description),
                .integer(attempts), m.contentType.map { .text($0) } ?? .null,
            ])
            return (state.state.rawValue, counts.tests)
        }
    }

    static func values(key: String, ordinal: Int64, _ t: JUnitTestCase) -> [SQLiteValue] {
        [
            .text(key), .integer(ordinal), .text(t.suite), .text(t.classname), .text(t.name),
            t.file.map { .text($0) } ?? .null, .text(t.outcome.rawValue), .integer(t.flaky ? 1 : 0),
            .integer(Int64(t.reruns)), t.time.map { .real($0) } ?? .null, t.message.map { .text($0) } ?? .null,
            t.details.map { .text($0) } ?? .null, t.stdout.map { .text($0.text) } ?? .null,
            t.stdout.map { .integer(Int64($0.totalBytes)) } ?? .null, t.stderr.map { .text($0.text) } ?? .null,
            t.stderr.map { .integer(Int64($0.totalBytes)) } ?? .null,
        ]
    }
}
