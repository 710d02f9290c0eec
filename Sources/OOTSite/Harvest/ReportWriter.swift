import Foundation
import OOTCore
import OOTJUnit

/// Writes each job's harvest result: its testcase rows and its `junit_reports` row (earlier rows of
/// the job are replaced), jobs grouped into transactions of about ``rowsPerTransaction`` rows.
final class ReportWriter {
    private let db: SQLiteDatabase
    private let deleteCases: SQLiteStatement
    private let insertCase: SQLiteStatement
    private let insertReport: SQLiteStatement
    private let markFlaky: SQLiteStatement
    private let markPending: SQLiteStatement

    init(db: SQLiteDatabase) throws {
        self.db = db
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

    /// Rows (testcases and reports) written in the open transaction.
    private var pendingRows = 0
    /// Whether a transaction of this writer is open.
    private var inTransaction = false
    /// Rows per transaction: jobs are committed in groups, so a first build with a million
    /// testcases makes a few hundred commits rather than one per job, while each transaction
    /// stays short (a fraction of a second) for the ingest server writing the same file.
    static let rowsPerTransaction = 20_000

    /// Records a parsed artifact: replaces the job's testcase rows and its `junit_reports` row.
    ///
    /// Opens a transaction when none is open and commits it once it holds
    /// ``rowsPerTransaction`` rows; ``commit()`` commits the rest. A job's rows and its report
    /// always commit together.
    ///
    /// - Returns: The recorded state and the number of testcases stored.
    /// - Throws: ``SQLiteError``; the open transaction is then rolled back.
    func write(_ parsed: ParsedArtifact) throws -> (state: String, testcases: Int) {
        if !inTransaction {
            try db.execute("BEGIN IMMEDIATE")
            inTransaction = true
        }
        do {
            let result = try insert(parsed)
            pendingRows += parsed.testcases.count + 1
            if pendingRows >= Self.rowsPerTransaction { try commit() }
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Commits the open transaction, if any.
    ///
    /// - Throws: ``SQLiteError``; the transaction is then rolled back.
    func commit() throws {
        guard inTransaction else { return }
        do {
            try db.execute("COMMIT")
        } catch {
            rollback()
            throw error
        }
        inTransaction = false
        pendingRows = 0
    }

    /// Rolls back the open transaction, if any (after an error).
    func rollback() {
        guard inTransaction else { return }
        try? db.execute("ROLLBACK")
        inTransaction = false
        pendingRows = 0
    }

    private func insert(_ parsed: ParsedArtifact) throws -> (state: String, testcases: Int) {
        let key = parsed.job.key
        let attempts = parsed.outcome.state == .fetchError ? parsed.job.attempts + 1 : 1
        try deleteCases.run([.text(key)])
        for (index, testcase) in parsed.testcases.enumerated() {
            try insertCase.run(Self.values(key: key, ordinal: Int64(index + 1), testcase))
        }
        try markFlaky.run([.text(key)])
        try markPending.run([.text(key)])
        let counts = parsed.counts
        let state = parsed.outcome
        try insertReport.run([
            .text(key), .text(parsed.job.url), .text(state.state.rawValue),
            state.errors.isEmpty ? .null : .text(state.errors.joined(separator: "; ")),
            .integer(Int64(parsed.files)),
            .integer(Int64(counts.tests)), .integer(Int64(counts.passed)), .integer(Int64(counts.failures)),
            .integer(Int64(counts.errors)), .integer(Int64(counts.skipped)), .integer(Int64(counts.flaky)),
            counts.totalTimeSeconds.map { .real($0) } ?? .null, .text(UTCTimestamp.now.description),
            .integer(attempts), parsed.contentType.map { .text($0) } ?? .null,
        ])
        return (state.state.rawValue, counts.tests)
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
