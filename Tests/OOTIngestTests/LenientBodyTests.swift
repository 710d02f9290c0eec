import Foundation
import OOTCore
import OOTIngest
import OOTTestSupport
import Testing

/// A 4xx is final for the job (spec §14.2), so an optional field of the wrong shape never draws one.
///
/// The callback is stored, the field dropped, and the 200 reply, the metrics and the fold say
/// so. Each case through the router in-process (``InProcessServer``).
@Suite struct LenientBodyTests {
    /// One malformed optional field: where, its JSON value, the warning, and what the row then holds.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The fixture the field is set on (`completed` unless the field matters on `in_progress`).
        var fixture = "spec-2.3-completed.json"
        let path: String
        /// The value, as JSON text.
        let json: String
        /// Warnings expected in the reply, in order; empty for a value that is valid after all.
        let warnings: [String]
        /// A column of the folded row and the value it must hold.
        let column: String
        let value: SQLiteValue
        var testDescription: String { name }
    }

    static let workflow = "untrusted.callback_payload.workflow"
    static let cases: [Case] = [
        Case(
            name: "test_results as an array", path: "\(workflow).test_results", json: #"["docs: 12 passed"]"#,
            warnings: ["\(workflow).test_results: expected an object, got an array; dropped"], column: "total_tests",
            value: .integer(0)),
        Case(
            name: "test_results as a string", path: "\(workflow).test_results", json: #""12 passed, 1 failed""#,
            warnings: ["\(workflow).test_results: expected an object, got a string; dropped"], column: "total_tests",
            value: .integer(0)),
        Case(
            name: "test_results counts as strings and negative", path: "\(workflow).test_results",
            json: #"{"passed": "10", "failed": 2, "skipped": -1}"#,
            warnings: [
                "\(workflow).test_results.passed: expected a non-negative integer, got a string; dropped",
                "\(workflow).test_results.skipped: negative count -1; dropped",
            ], column: "total_tests", value: .integer(2)),
        Case(
            name: "conclusion not a string", path: "\(workflow).conclusion", json: "1",
            warnings: ["\(workflow).conclusion: expected a string, got a number; dropped"], column: "conclusion",
            value: .null),
        Case(
            name: "url not a string", path: "\(workflow).url", json: #"{"href": "https://example.org"}"#,
            warnings: ["\(workflow).url: expected a string, got an object; dropped"], column: "workflow_run_url",
            value: .text("")),
        Case(
            name: "artifact_url not a string", path: "\(workflow).artifact_url", json: "42",
            warnings: ["\(workflow).artifact_url: expected a string, got a number; dropped"], column: "artifact_url",
            value: .text("")),
        Case(
            name: "name not a string", path: "\(workflow).name", json: #"["accel-ci"]"#,
            warnings: ["\(workflow).name: expected a string, got an array; dropped"], column: "workflow_name",
            value: .text("")),
        Case(
            name: "run_attempt not a number", path: "\(workflow).run_attempt", json: #""second""#,
            warnings: ["\(workflow).run_attempt: expected a number, got a string; taken as 1"], column: "run_attempt",
            value: .integer(1)),
        Case(
            name: "run_attempt a boolean", path: "\(workflow).run_attempt", json: "true",
            warnings: ["\(workflow).run_attempt: expected a number, got a boolean; taken as 1"], column: "run_attempt",
            value: .integer(1)),
        Case(
            name: "run_id a Buildkite UUID", path: "\(workflow).run_id",
            json: #""0190b5c3-8e2a-4b7c-9d1e-2f3a4b5c6d7e""#,
            warnings: [], column: "run_id", value: .text("0190b5c3-8e2a-4b7c-9d1e-2f3a4b5c6d7e")),
        Case(
            name: "started_at unreadable", fixture: "spec-2.3-in_progress.json", path: "\(workflow).started_at",
            json: #""yesterday at noon""#,
            warnings: [
                #"\#(workflow).started_at: "yesterday at noon" is not an ISO-8601 timestamp; stored as unknown"#
            ],
            column: "started_at", value: .null),
        Case(
            name: "completed_at unreadable", path: "\(workflow).completed_at", json: #""2026-13-45T99:00:00Z""#,
            warnings: [
                #"\#(workflow).completed_at: "2026-13-45T99:00:00Z" is not an ISO-8601 timestamp; stored as unknown"#
            ], column: "completed_at", value: .null),
        Case(
            name: "pull_request.number as a string", path: "untrusted.callback_payload.payload.pull_request.number",
            json: #""188793""#,
            warnings: ["untrusted.callback_payload.payload.pull_request.number: sent as a string; read as 188793"],
            column: "pr_number", value: .integer(188_793)),
        Case(
            name: "an unknown event_type is kept verbatim", path: "untrusted.callback_payload.event_type",
            json: #""workflow_job""#, warnings: [], column: "event_type", value: .text("workflow_job")),
        Case(
            name: "conclusion null on a completed callback", path: "\(workflow).conclusion", json: "null",
            warnings: [], column: "conclusion", value: .null),
        Case(
            name: "downstream_repo_level not a string", path: "trusted.downstream_repo_level", json: "4",
            warnings: ["trusted.downstream_repo_level: expected a string, got a number; dropped"],
            column: "downstream_repo_level", value: .text("")),
        Case(
            name: "execution_time not a number", path: "trusted.ci_metrics.execution_time", json: #""30m""#,
            warnings: ["trusted.ci_metrics.execution_time: expected a number, got a string; dropped"],
            column: "execution_time", value: .null),
    ]

    @Test(arguments: cases)
    func aMalformedOptionalFieldIsDroppedAndTheCallbackStored(testCase: Case) async throws {
        var body = try Fixtures.callbackJSON(testCase.fixture)
        body.set(
            testCase.path, try JSONSerialization.jsonObject(with: Data(testCase.json.utf8), options: .fragmentsAllowed))
        let data = body.data
        try await InProcessServer.with { server in
            let reply = try await server.post(data)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.json["ok"] as? Bool == true)
            #expect((reply.json["warnings"] as? [String] ?? []) == testCase.warnings)
            #expect(try await server.store.count() == 1)
            let metrics = try await server.metrics()
            for warning in testCase.warnings {
                let field = String(warning.prefix { $0 != ":" }).replacingOccurrences(
                    of: "untrusted.callback_payload.", with: "")
                #expect(metrics.contains("oot_ingest_callback_warnings_total{field=\"\(field)\"} 1"), "\(metrics)")
            }
            let db = try OOTDatabase.openForWriting(path: server.databasePath)
            let fold = try Fold.run(db)
            #expect(fold.applied == 1 && fold.failed == 0)
            let value = try db.query("SELECT \(testCase.column) FROM oot_workflow_job").first?.first
            #expect(value == testCase.value)
        }
    }

    @Test func aStatusOtherThanTheTwoKnownOnesIsStillA400() async throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set("\(Self.workflow).status", "queued")
        let data = body.data
        try await InProcessServer.with { server in
            let reply = try await server.post(data)
            #expect(reply.status == 400)
            #expect(
                (reply.json["error"] as? String)?.hasPrefix(
                    #"\#(Self.workflow).status: must be "in_progress" or "completed", got "queued""#) == true)
            #expect(try await server.store.count() == 0)
        }
    }

    @Test(arguments: [
        "trusted.verified_repo", "untrusted.callback_payload.delivery_id", "\(workflow).status", "\(workflow).job_name",
        "\(workflow).check_run_id",
    ])
    func aMissingKeyFieldIsA400NamingIt(path: String) async throws {
        var body = try Fixtures.callbackJSON("spec-2.3-completed.json")
        body.set(path, nil)
        let data = body.data
        try await InProcessServer.with { server in
            let reply = try await server.post(data)
            #expect(reply.status == 400)
            #expect((reply.json["error"] as? String)?.hasPrefix("\(path): missing") == true, "\(reply.body)")
            #expect(try await server.store.count() == 0)
        }
    }

    @Test func aNullConclusionNeverReplacesAKnownOne() async throws {
        var late = try Fixtures.callbackJSON("spec-2.3-completed.json")
        late.set("\(Self.workflow).conclusion", NSNull())
        let lateData = late.data
        try await InProcessServer.with { server in
            #expect(try await server.post(Fixtures.callback("spec-2.3-completed.json")).status == 200)
            #expect(try await server.post(lateData).status == 200)
            let db = try OOTDatabase.openForWriting(path: server.databasePath)
            _ = try Fold.run(db)
            #expect(
                try db.query("SELECT status, conclusion FROM oot_workflow_job") == [
                    [.text("completed"), .text("failure")]
                ])
        }
    }

    @Test func anEmptyCheckRunIDFallsBackToRunIDAndAttempt() async throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("\(Self.workflow).check_run_id", "")
        let data = body.data
        try await InProcessServer.with { server in
            let reply = try await server.post(data)
            #expect(reply.status == 200)
            #expect((reply.json["dynamoKey"] as? String)?.hasSuffix("/test-accel-float32/31415926535-1") == true)
            #expect(
                reply.json["warnings"] as? [String] == [
                    "\(Self.workflow).check_run_id: empty; keyed by run_id-run_attempt (31415926535-1)"
                ])
        }
    }
}
