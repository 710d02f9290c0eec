import Foundation
import OOTCore
import OOTTestSupport
import Testing

/// The fold rules beyond the reference implementation (docs/ingest.md), one test each.
@Suite struct FoldRulesTests {
    let db: SQLiteDatabase
    let log: CallbackLog
    static let key =
        "example-org/accel-backend/0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a/accel-ci/test-accel-float32/27182818284"

    init() throws {
        db = try OOTDatabase.openForWriting(path: try Fixtures.temporaryDatabase().path)
        log = try CallbackLog(database: db)
    }

    func ingest(_ bodies: Data...) throws -> FoldSummary {
        try log.append(
            bodies.map { CallbackLog.Entry(body: $0, record: try JobRecord.extract(fromBody: $0), receivedAt: .now) })
        return try Fold.run(db)
    }

    func column(_ name: String, key: String = Self.key) throws -> SQLiteValue {
        try db.query("SELECT \(name) FROM oot_workflow_job WHERE dynamoKey = ?", [.text(key)]).first?.first ?? .null
    }

    @Test func aLateInProgressNeverTurnsACompletedRowBack() throws {
        _ = try ingest(Fixtures.callback("spec-2.3-completed.json"), Fixtures.callback("spec-2.3-in_progress.json"))
        #expect(try column("status") == .text("completed"))
        #expect(try column("conclusion") == .text("failure"))
        // The late in_progress still fills what only it carries.
        #expect(try column("started_at") == .text("2026-06-01T10:15:30.000000Z"))
        #expect(try column("queue_time") == .real(12.345))
    }

    @Test func replayingTheSameCallbackIsANoOp() throws {
        let body = try Fixtures.callback("spec-2.3-completed.json")
        _ = try ingest(Fixtures.callback("spec-2.3-in_progress.json"), body)
        let before = try db.query("SELECT * FROM oot_workflow_job")
        let replay = try ingest(body)
        #expect(replay.applied == 0)
        #expect(replay.unchanged == 1)
        #expect(replay.changedKeys.isEmpty)
        #expect(try db.query("SELECT * FROM oot_workflow_job") == before, "not even last_callback_id moves")
        #expect(try log.count() == 3, "the replay is still in the log")
    }

    @Test func queueTimeIsIgnoredOnReruns() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.run_attempt", "2")
        body.set("untrusted.callback_payload.workflow.check_run_id", "999")
        _ = try ingest(body.data)
        let key = Self.key.replacingOccurrences(of: "/27182818284", with: "/999")
        #expect(try column("queue_time", key: key) == .null)
        #expect(try column("run_attempt", key: key) == .integer(2))
    }

    @Test func timestampsAreStoredInCanonicalUTC() throws {
        var inProgress = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        inProgress.set("untrusted.callback_payload.workflow.started_at", "2026-06-01T12:15:30.123456789+02:00")
        var completed = try Fixtures.callbackJSON("spec-2.3-completed.json")
        completed.set("untrusted.callback_payload.workflow.completed_at", "2026-06-01T10:45:12Z")
        _ = try ingest(inProgress.data, completed.data)
        #expect(try column("started_at") == .text("2026-06-01T10:15:30.123456Z"))
        #expect(try column("completed_at") == .text("2026-06-01T10:45:12.000000Z"))
        #expect(try column("duration_seconds").double.map { abs($0 - 1781.876544) < 1e-3 } == true)
    }

    @Test func unknownConclusionsAreKeptVerbatim() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set("untrusted.callback_payload.workflow.conclusion", "exploded <badly>")
        _ = try ingest(body.data)
        #expect(try column("conclusion") == .text("exploded <badly>"))
    }

    @Test func pullRequestTitleAuthorAndHeadRefAreStored() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.payload.pull_request.title", "Fix strided copy")
        body.set("untrusted.callback_payload.payload.pull_request.user", ["login": "malfet"])
        body.set("untrusted.callback_payload.payload.pull_request.head.ref", "complex-copy-fix")
        _ = try ingest(body.data)
        #expect(try column("pr_title") == .text("Fix strided copy"))
        #expect(try column("pr_author") == .text("malfet"))
        #expect(try column("head_ref") == .text("complex-copy-fix"))
        // A later callback without them keeps them.
        _ = try ingest(Fixtures.callback("spec-2.3-completed.json"))
        #expect(try column("pr_title") == .text("Fix strided copy"))
    }

    @Test func scheduledSelfReportsAreStoredWithPRZeroAndTheirSHA() throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        let sha = "8a1e4c0d2b6f4e1a9c3d5b7f9e0a2c4e6b8d0f1a"
        body.set("untrusted.callback_payload.event_type", "periodic")
        body.set("untrusted.callback_payload.delivery_id", sha)
        body.set(
            "untrusted.callback_payload.payload", ["repository": ["full_name": "pytorch/pytorch"], "head_sha": sha])
        body.set("untrusted.callback_payload.workflow.started_at", "2026-06-01T04:00:00Z")
        _ = try ingest(body.data)
        let rows = try db.query("SELECT pr_number, pytorch_head_sha, event_type, status FROM oot_workflow_job")
        #expect(rows == [[.integer(0), .text(sha), .text("periodic"), .text("completed")]])
    }
}
