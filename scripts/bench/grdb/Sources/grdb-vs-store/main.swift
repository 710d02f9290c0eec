import Foundation
import GRDB
import OOTCore
import OOTSite

// grdb-vs-store SAMPLES_NDJSON FOLDED_DB QUERIES_DIR [ROUNDS]
let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    print("usage: grdb-vs-store callbacks.ndjson folded.sqlite data/queries [rounds]")
    exit(2)
}
let samples = arguments[1]
let folded = arguments[2]
let queriesDirectory = arguments[3]
let rounds = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return (ContinuousClock.now - start).inSeconds
}

// MARK: ingest: the callbacks of the samples, repeated to 40,000, appended 64 to a transaction
// (the ingest server's group commit), into a fresh database with our schema.

let lines = try String(contentsOfFile: samples, encoding: .utf8).split(separator: "\n").map { Data($0.utf8) }
let now = UTCTimestamp.now
var entries: [CallbackLog.Entry] = []
while entries.count < 40_000 {
    for body in lines where entries.count < 40_000 {
        guard let record = try? ExtractedCallback.extract(fromBody: body).record else { continue }
        entries.append(CallbackLog.Entry(body: body, record: record, receivedAt: now))
    }
}
let batches = stride(from: 0, to: entries.count, by: 64).map { Array(entries[$0..<min($0 + 64, entries.count)]) }

func freshDatabase() throws -> String {
    let path = NSTemporaryDirectory() + "grdb-vs-store-\(UUID().uuidString).sqlite"
    _ = try OOTDatabase.openForWriting(path: path)  // our schema, WAL
    return path
}

func ingestStore() throws -> Double {
    let path = try freshDatabase()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let log = try CallbackLog(database: try OOTDatabase.openForWriting(path: path))
    return try seconds { for batch in batches { try log.append(batch) } }
}

func ingestGRDB() throws -> Double {
    let path = try freshDatabase()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var configuration = Configuration()
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return try seconds {
        for batch in batches {
            try queue.write { db in
                let insert = try db.cachedStatement(
                    sql:
                        "INSERT INTO callbacks (received_at, verified_repo, dynamoKey, status, body) VALUES (?, ?, ?, ?, ?)"
                )
                for entry in batch {
                    try insert.execute(arguments: [
                        entry.receivedAt.description, entry.record.downstreamRepo, entry.record.dynamoKey,
                        entry.record.status, String(decoding: entry.body, as: UTF8.self),
                    ])
                    _ = db.lastInsertedRowID
                }
            }
        }
    }
}

// MARK: build: the job listings and drill-down rows of a full build, read into the same
// Decodable record by each side.

struct Job: Decodable, FetchableRecord {
    let dynamoKey: String
    let downstreamRepo: String
    let level: String
    let upstreamRepo: String
    let prNumber: Int64
    let headSHA: String
    let prTitle: String?
    let workflowName: String
    let jobName: String
    let checkRunID: String
    let runAttempt: Int64
    let status: String
    let conclusion: String?
    let startedAt: String?
    let completedAt: String?
    let durationSeconds: Double?
    let totalTests: Int64
    let failedTests: Int64
    let workflowRunURL: String
    let queueTime: Double?

    enum CodingKeys: String, CodingKey {
        case dynamoKey, downstreamRepo = "downstream_repo", level = "downstream_repo_level"
        case upstreamRepo = "upstream_repo", prNumber = "pr_number", headSHA = "pytorch_head_sha"
        case prTitle = "pr_title", workflowName = "workflow_name", jobName = "job_name"
        case checkRunID = "check_run_id", runAttempt = "run_attempt", status, conclusion
        case startedAt = "started_at", completedAt = "completed_at", durationSeconds = "duration_seconds"
        case totalTests = "total_tests", failedTests = "failed_tests", workflowRunURL = "workflow_run_url"
        case queueTime = "queue_time"
    }
}

struct Testcase: Decodable, FetchableRecord {
    let ordinal: Int64
    let suite: String
    let classname: String
    let name: String
    let file: String?
    let outcome: String
    let flaky: Bool
    let reruns: Int64
    let timeSeconds: Double?
    let message: String?
    let details: String?

    enum CodingKeys: String, CodingKey {
        case ordinal, suite, classname, name, file, outcome, flaky, reruns, timeSeconds = "time_seconds", message
        case details
    }
}

/// The parameters of every query a full build runs for the listings and drill-downs.
let reader = try OOTDatabase.openForReading(path: folded)
let repos = try reader.query("SELECT repo FROM site_backends ORDER BY repo").compactMap { $0[0].text }
let prs = try reader.query("SELECT DISTINCT pr_number FROM oot_workflow_job WHERE pr_number > 0").compactMap {
    $0[0].integer
}
let reports = try reader.query("SELECT dynamoKey FROM junit_reports").compactMap { $0[0].text }
struct Run: Sendable {
    let query: String
    let parameters: [String: SQLiteValue]
    let testcases: Bool
}
let work: [Run] = {
    var work: [Run] = []
    for repo in repos {
        work.append(
            Run(
                query: "oot_backend_dashboard",
                parameters: ["repo": .text(repo), "per_page": .integer(50), "offset": .integer(0)], testcases: false))
        for bucket in 1...6 {
            work.append(
                Run(
                    query: "oot_backend_bucket",
                    parameters: ["repo": .text(repo), "bucket": .integer(Int64(bucket)), "per_page": .integer(50)],
                    testcases: false))
        }
    }
    for pr in prs { work.append(Run(query: "oot_pr_results", parameters: ["pr": .integer(pr)], testcases: false)) }
    for key in reports {
        work.append(
            Run(query: "oot_job_testcases", parameters: ["key": .text(key), "limit": .integer(500)], testcases: true))
    }
    return work
}()

func sql(_ name: String) throws -> String {
    try String(contentsOfFile: "\(queriesDirectory)/\(name)/query.sql", encoding: .utf8)
}

func buildStore() throws -> (Double, Int) {
    let runner = QueryRunner(database: try OOTDatabase.openForReading(path: folded), directory: queriesDirectory)
    var rows = 0
    let time = try seconds {
        for item in work {
            rows +=
                item.testcases
                ? try runner.run(item.query, as: Testcase.self, item.parameters).count
                : try runner.run(item.query, as: Job.self, item.parameters).count
        }
    }
    return (time, rows)
}

func buildGRDB() throws -> (Double, Int) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -65536") }
    let queue = try DatabaseQueue(path: folded, configuration: configuration)
    let texts = try Dictionary(uniqueKeysWithValues: Set(work.map(\.query)).map { ($0, try sql($0)) })
    var rows = 0
    let time = try seconds {
        try queue.read { db in
            for item in work {
                var named: [String: (any DatabaseValueConvertible)?] = [:]
                for (key, value) in item.parameters {
                    switch value {
                    case .integer(let i): named[key] = i
                    case .text(let s): named[key] = s
                    case .real(let d): named[key] = d
                    default: named[key] = nil
                    }
                }
                let statement = try db.cachedStatement(sql: texts[item.query]!)
                let arguments = StatementArguments(named)
                rows +=
                    item.testcases
                    ? try Testcase.fetchAll(statement, arguments: arguments).count
                    : try Job.fetchAll(statement, arguments: arguments).count
            }
        }
    }
    return (time, rows)
}

print("ingest: \(entries.count) callbacks in batches of 64; build: \(work.count) saved-query runs")
var best: [String: Double] = [:]
for round in 1...rounds {
    let a = try ingestStore()
    let b = try ingestGRDB()
    let (c, storeRows) = try buildStore()
    let (d, grdbRows) = try buildGRDB()
    precondition(storeRows == grdbRows, "both read the same rows")
    print(
        String(
            format: "round %d: ingest store %.3f s, GRDB %.3f s; build queries store %.3f s, GRDB %.3f s (%d rows)",
            round, a, b, c, d, storeRows))
    for (key, value) in [("ingest store", a), ("ingest GRDB", b), ("build store", c), ("build GRDB", d)] {
        best[key] = min(best[key] ?? .infinity, value)
    }
}
print(
    String(
        format:
            "fastest: ingest %.0f vs %.0f callbacks/s (GRDB/store time %.2f); build queries %.3f vs %.3f s (GRDB/store %.2f)",
        Double(entries.count) / best["ingest store"]!, Double(entries.count) / best["ingest GRDB"]!,
        best["ingest GRDB"]! / best["ingest store"]!, best["build store"]!, best["build GRDB"]!,
        best["build GRDB"]! / best["build store"]!))
