import Foundation
import OOTCore
import OOTJUnit

/// What one harvest pass did.
public struct HarvestSummary: Sendable, Equatable {
    /// Jobs whose artifact was read and recorded (whatever its state).
    public var harvested = 0
    /// Of those, reports that were not `ok`.
    public var problems = 0
    /// Jobs left for a remote fetch (`http(s)` artifacts).
    public var remote = 0
    /// Testcase rows stored.
    public var testcases = 0

    /// Creates an empty summary.
    public init() {}
}

/// The harvest stage: for each completed job with an `artifact_url` and no harvested results,
/// reads its JUnit XML (libxml2, streaming) into `junit_reports` and `junit_testcases`.
///
/// A bad report never stops the build: its state and error are recorded and shown on the job
/// page. A directory artifact is read as every `*.xml` file in it (sorted, at most 1,000).
public struct Harvester {
    /// Where `file://` artifacts may be read from.
    public var locator: ArtifactLocator
    /// Limits per report file.
    public var limits: JUnitParser.Limits

    /// Creates a harvester.
    public init(locator: ArtifactLocator, limits: JUnitParser.Limits = JUnitParser.Limits()) {
        self.locator = locator
        self.limits = limits
    }

    /// Harvests every job that needs it.
    ///
    /// - Parameter db: The writable database (after the fold).
    /// - Returns: Counts of what was done.
    /// - Throws: ``SQLiteError``.
    public func run(_ db: SQLiteDatabase) throws -> HarvestSummary {
        let pending = try db.query(
            """
            SELECT j.dynamoKey, j.artifact_url FROM oot_workflow_job j
            LEFT JOIN junit_reports r ON r.dynamoKey = j.dynamoKey
            WHERE j.status = 'completed' AND j.artifact_url != ''
              AND (r.dynamoKey IS NULL OR r.artifact_url != j.artifact_url)
            ORDER BY j.rowid
            """)
        var summary = HarvestSummary()
        let insertCase = try db.prepare(
            """
            INSERT INTO junit_testcases (dynamoKey, ordinal, suite, classname, name, file, outcome, flaky, reruns,
                                         time_seconds, message, details)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertReport = try db.prepare(
            """
            INSERT OR REPLACE INTO junit_reports (dynamoKey, artifact_url, state, error, files, tests, passed, failures,
                                                  errors, skipped, flaky, total_time_seconds, harvested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // An identity (classname + name) that both passed and failed across its executions is flaky.
        let markFlaky = try db.prepare(
            """
            UPDATE junit_testcases SET flaky = 1
            WHERE dynamoKey = ?1 AND (classname, name) IN (
                SELECT classname, name FROM junit_testcases WHERE dynamoKey = ?1 GROUP BY classname, name
                HAVING sum(outcome = 'passed') > 0 AND sum(outcome IN ('failure', 'error')) > 0)
            """)
        for row in pending {
            guard let key = row[0].text, let url = row[1].text else { continue }
            let files: [String]
            var outcome = Outcome()
            switch locator.locate(url) {
            case .remote:
                summary.remote += 1
                continue
            case .unavailable(let reason):
                outcome.state = .unavailable
                outcome.errors.append(reason)
                files = []
            case .local(let path):
                files = Self.reportFiles(at: path, outcome: &outcome)
            }
            try db.transaction {
                try db.query("DELETE FROM junit_testcases WHERE dynamoKey = ?", [.text(key)])
                var tally = JUnitTally()
                var ordinal: Int64 = 0
                for file in files {
                    var insertError: (any Error)?
                    let report = JUnitParser.parse(file: file, limits: limits) { testcase in
                        guard insertError == nil else { return }
                        tally.add(testcase)
                        ordinal += 1
                        do {
                            try insertCase.run(Self.values(key: key, ordinal: ordinal, testcase))
                        } catch {
                            insertError = error
                        }
                    }
                    if let insertError { throw insertError }
                    outcome.add(report, file: files.count > 1 ? (file as NSString).lastPathComponent : nil)
                }
                try markFlaky.run([.text(key)])
                let counts = tally.finished
                try insertReport.run([
                    .text(key), .text(url), .text(outcome.state.rawValue),
                    outcome.errors.isEmpty ? .null : .text(outcome.errors.joined(separator: "; ")),
                    .integer(Int64(files.count)), .integer(Int64(counts.tests)), .integer(Int64(counts.passed)),
                    .integer(Int64(counts.failures)), .integer(Int64(counts.errors)), .integer(Int64(counts.skipped)),
                    .integer(Int64(counts.flaky)), counts.totalTimeSeconds.map { .real($0) } ?? .null,
                    .text(UTCTimestamp.now.description),
                ])
                summary.testcases += counts.tests
            }
            summary.harvested += 1
            if outcome.state != .ok { summary.problems += 1 }
        }
        return summary
    }

    /// The report files of an artifact: the file itself, or the `*.xml` files of a directory.
    static func reportFiles(at path: String, outcome: inout Outcome) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let xml = names.filter { $0.lowercased().hasSuffix(".xml") }.sorted()
        if xml.isEmpty {
            outcome.state = .notJUnit
            outcome.errors.append("the artifact directory holds no *.xml file")
        }
        return xml.prefix(1_000).map { path + "/" + $0 }
    }

    static func values(key: String, ordinal: Int64, _ t: JUnitTestCase) -> [SQLiteValue] {
        [
            .text(key), .integer(ordinal), .text(t.suite), .text(t.classname), .text(t.name),
            t.file.map { .text($0) } ?? .null, .text(t.outcome.rawValue), .integer(t.flaky ? 1 : 0),
            .integer(Int64(t.reruns)), t.time.map { .real($0) } ?? .null, t.message.map { .text($0) } ?? .null,
            t.details.map { .text($0) } ?? .null,
        ]
    }
}

/// The state recorded for a job's artifact: the worst state over its files.
struct Outcome {
    enum State: String {
        case ok, parseError = "parse_error", notJUnit = "not_junit", rejected, unavailable

        var rank: Int {
            switch self {
            case .ok: 0
            case .notJUnit: 1
            case .parseError: 2
            case .rejected: 3
            case .unavailable: 4
            }
        }
    }

    var state = State.ok
    var errors: [String] = []

    mutating func add(_ report: JUnitReport, file: String?) {
        let s = State(rawValue: report.state.rawValue) ?? .parseError
        if s.rank > state.rank { state = s }
        if let error = report.error { errors.append(file.map { "\($0): \(error)" } ?? error) }
    }
}
