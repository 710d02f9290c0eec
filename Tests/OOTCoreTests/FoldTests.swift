import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// The fold stage: UpdateItem semantics over the append-only log (spec §4.3, §4.6).
@Suite struct FoldTests {
    /// One stored row as `column → value`.
    func row(_ db: SQLiteDatabase, _ key: String) throws -> [String: SQLiteValue] {
        let statement = try db.prepare("SELECT * FROM oot_workflow_job WHERE dynamoKey = ?")
        try statement.bind([.text(key)])
        guard try statement.step() else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(statement.columnNames, statement.row()))
    }

    func append(_ log: CallbackLog, _ bodies: [Data]) throws {
        try log.append(
            bodies.map { CallbackLog.Entry(body: $0, record: try JobRecord.extract(fromBody: $0), receivedAt: .now) })
    }

    static let key =
        "example-org/accel-backend/0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a/accel-ci/test-accel-float32/27182818284"

    @Test func reproducesTheSpecWorkedExampleFieldByField() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        let db = try OOTDatabase.openForWriting(path: path)
        let log = try CallbackLog(database: db)

        try append(log, [Fixtures.callback("spec-2.3-in_progress.json")])
        #expect(try Fold.run(db).applied == 1)
        let first = try row(db, Self.key)
        // "after in_progress" column of spec §4.6
        #expect(first["status"] == .text("in_progress"))
        #expect(first["downstream_repo"] == .text("example-org/accel-backend"))
        #expect(first["upstream_repo"] == .text("pytorch/pytorch"))
        #expect(first["pr_number"] == .integer(188793))
        #expect(first["pytorch_head_sha"] == .text("3f2a9c1e5b7d4a6f8e0c2b4d6f8a0c1e3b5d7f9a"))
        #expect(first["delivery_id"] == .text("0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a"))
        #expect(first["workflow_name"] == .text("accel-ci"))
        #expect(first["job_name"] == .text("test-accel-float32"))
        #expect(first["check_run_id"] == .text("27182818284"))
        #expect(first["run_id"] == .text("31415926535"))
        #expect(first["run_attempt"] == .integer(1))
        #expect(
            first["workflow_run_url"] == .text("https://github.com/example-org/accel-backend/actions/runs/31415926535"))
        #expect(first["downstream_repo_level"] == .text("L2"))
        #expect(first["queue_time"] == .real(12.345))
        #expect(first["execution_time"] == .null)
        #expect(first["started_at"] == .text("2026-06-01T10:15:30.000000Z"))
        #expect(first["completed_at"] == .null)
        #expect(first["conclusion"] == .null)
        #expect(first["total_tests"] == .integer(0))
        #expect(first["artifact_url"] == .text(""))
        // Spec §4.6 shows ClickHouse's 0; ours is NULL, unknown until both ends are known (§14.3).
        #expect(first["duration_seconds"] == .null)

        try append(log, [Fixtures.callback("spec-2.3-completed.json")])
        #expect(try Fold.run(db).applied == 1)
        let merged = try row(db, Self.key)
        // "after completed (merged)" column of spec §4.6
        #expect(merged["status"] == .text("completed"))
        #expect(merged["downstream_repo_level"] == .text("L2"))
        #expect(merged["queue_time"] == .real(12.345), "kept: completed sent null")
        #expect(merged["execution_time"] == .real(1782.0))
        #expect(merged["started_at"] == .text("2026-06-01T10:15:30.000000Z"), "kept: completed sent null")
        #expect(merged["completed_at"] == .text("2026-06-01T10:45:12.000000Z"))
        #expect(merged["conclusion"] == .text("failure"))
        #expect(merged["passed_tests"] == .integer(8430))
        #expect(merged["failed_tests"] == .integer(2))
        #expect(merged["skipped_tests"] == .integer(20))
        #expect(merged["total_tests"] == .integer(8452))
        #expect(merged["artifact_url"] == .text("https://example-org.github.io/ci-results/188793/"))
        #expect(merged["duration_seconds"]?.double.map { abs($0 - 1782) < 0.01 } == true)
        #expect(merged["pr_number"] == .integer(188793))
        #expect(merged["run_attempt"] == .integer(1))
    }

    @Test func watermarkMakesFoldIncremental() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        let db = try OOTDatabase.openForWriting(path: path)
        let log = try CallbackLog(database: db)
        try append(log, [Fixtures.callback("spec-2.3-in_progress.json")])
        let first = try Fold.run(db)
        #expect(first.applied == 1)
        #expect(first.watermark == 1)
        #expect(try Fold.run(db).applied == 0, "nothing new: nothing applied")
        try append(log, [Fixtures.callback("spec-2.3-completed.json")])
        let second = try Fold.run(db)
        #expect(second.applied == 1)
        #expect(second.watermark == 2)
        #expect(second.changedKeys == [Self.key])
    }

    @Test func foldAppliesInArrivalOrderAcrossBatches() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        let db = try OOTDatabase.openForWriting(path: path)
        let log = try CallbackLog(database: db)
        try append(log, [Fixtures.callback("spec-2.3-in_progress.json"), Fixtures.callback("spec-2.3-completed.json")])
        let summary = try Fold.run(db, batchSize: 1)
        #expect(summary.applied == 2)
        #expect(try row(db, Self.key)["status"] == .text("completed"))
    }

    @Test func reindexRebuildsTheSameRowsFromTheLog() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        let db = try OOTDatabase.openForWriting(path: path)
        let log = try CallbackLog(database: db)
        try append(log, [Fixtures.callback("spec-2.3-in_progress.json"), Fixtures.callback("spec-2.3-completed.json")])
        _ = try Fold.run(db)
        let before = try row(db, Self.key)
        let summary = try Fold.reindex(db)
        #expect(summary.applied == 2)
        #expect(try row(db, Self.key) == before)
    }

    @Test func callbacksAreAppendOnly() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        let db = try OOTDatabase.openForWriting(path: path)
        let log = try CallbackLog(database: db)
        try append(log, [Fixtures.callback("spec-2.3-in_progress.json")])
        #expect(throws: SQLiteError.self) { try db.execute("UPDATE callbacks SET status = 'completed'") }
        #expect(try db.query("SELECT status FROM callbacks") == [[.text("in_progress")]])
    }

    @Test func aForeignDatabaseIsRefusedAndLeftUntouched() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        do {
            let other = try SQLiteDatabase(path: path)
            try other.execute("CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (7);")
        }
        #expect(throws: SchemaError.self) { try OOTDatabase.openForWriting(path: path) }
        let check = try SQLiteDatabase(path: path, mode: .readOnly)
        #expect(try check.query("SELECT id FROM customers") == [[.integer(7)]])
        #expect(try check.query("SELECT count(*) FROM sqlite_schema WHERE name = 'callbacks'") == [[.integer(0)]])
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let (path, _) = try Fixtures.temporaryDatabase()
        try Data("this is not sqlite, just text that is long enough to look like a header".utf8).write(
            to: URL(fileURLWithPath: path))
        do {
            _ = try OOTDatabase.openForWriting(path: path)
            Issue.record("opened a text file as a database")
        } catch let error as SQLiteError {
            #expect(error.description.contains(path))
            #expect(error.message.contains("not a database"))
        }
    }
}
