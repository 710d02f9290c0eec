import Foundation
import OOTCore
import OOTIngest
import OOTTestSupport
import Testing

/// One realistic body per relay era, posted to the path and with the header that era used (spec
/// §14.1, `docs/ingest.md` "Relay versions"), through the router in-process: each must get 200 and
/// fold to its row.
@Suite struct RelayEraTests {
    /// What the folded row must hold.
    struct Expected: Sendable {
        var eventType: String
        var prNumber: Int64
        var sha: String
        var status = "completed"
        var conclusion: String?
        var level = "L4"
        var startedAt: String?
        var completedAt: String?
    }

    /// A relay version: where it posts, which header carries the key, what it sends.
    struct Era: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let header: String
        let bodies: [String]
        let expected: Expected
        var testDescription: String { name }
    }

    static let pr = Expected(
        eventType: "pull_request", prNumber: 188_793, sha: "3f2a9c1e5b7d4a6f8e0c2b4d6f8a0c1e3b5d7f9a",
        conclusion: "failure", startedAt: "2026-11-27T08:18:00.123456Z", completedAt: "2026-11-27T09:04:30.654321Z")
    static let prBodies = ["pull_request-in_progress.json", "pull_request-completed.json"]

    static let eras: [Era] = [
        Era(
            name: "first relay: {body, ci_metrics, authenticated_repo}, URL verbatim, raw key in Authorization",
            path: IngestRoutes.ootResults, header: "Authorization",
            bodies: ["first-relay-envelope-in_progress.json", "first-relay-envelope-completed.json"],
            expected: {
                var row = pr
                row.level = ""  // that relay sent no level
                return row
            }()),
        Era(
            name: "URL verbatim, X-OOT-Relay-Token (TI-OOT)", path: IngestRoutes.ootResults,
            header: "X-OOT-Relay-Token",
            bodies: prBodies, expected: pr),
        Era(
            name: "URL verbatim, x-hud-internal-bot", path: IngestRoutes.ootResults, header: "x-hud-internal-bot",
            bodies: prBodies, expected: pr),
        Era(
            name: "HUD_API_URL + /oot/results (from 2026-06-04)", path: IngestRoutes.ootResults,
            header: "X-OOT-Relay-Token", bodies: prBodies, expected: pr),
        Era(
            name: "+ /crcr/results, x-hud-internal-bot: pull_request", path: IngestRoutes.crcrResults,
            header: "x-hud-internal-bot", bodies: prBodies, expected: pr),
        Era(
            name: "+ /crcr/results, x-hud-internal-bot: push to main", path: IngestRoutes.crcrResults,
            header: "x-hud-internal-bot", bodies: ["push-in_progress.json", "push-completed.json"],
            expected: Expected(
                eventType: "push", prNumber: 0, sha: "c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00", conclusion: "success",
                startedAt: "2026-11-27T10:20:00.000000Z", completedAt: "2026-11-27T10:41:12.500000Z")),
        Era(
            name: "+ /crcr/results, x-hud-internal-bot: nightly with started_at null", path: IngestRoutes.crcrResults,
            header: "x-hud-internal-bot", bodies: ["nightly-completed-null-start.json"],
            expected: Expected(
                eventType: "nightly", prNumber: 0, sha: "8a1e4c0d2b6f4e1a9c3d5b7f9e0a2c4e6b8d0f1a",
                conclusion: "failure",
                startedAt: nil, completedAt: "2026-11-28T04:10:00.000000Z")),
        Era(
            name: "+ /crcr/results, x-hud-internal-bot: periodic", path: IngestRoutes.crcrResults,
            header: "x-hud-internal-bot", bodies: ["periodic-completed.json"],
            expected: Expected(
                eventType: "periodic", prNumber: 0, sha: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
                conclusion: "success", startedAt: "2026-11-28T06:00:00.000000Z",
                completedAt: "2026-11-28T06:00:00.000000Z")),
        Era(
            name: "HUD_API_URL set to the server root: \(IngestRoutes.crcrResultsAtRoot)",
            path: IngestRoutes.crcrResultsAtRoot,
            header: "x-hud-internal-bot", bodies: prBodies, expected: pr),
    ]

    @Test(arguments: eras)
    func everyEraIsStoredAndFoldsToItsRow(era: Era) async throws {
        let bodies = try era.bodies.map { try Fixtures.callback("relay/\($0)") }
        try await InProcessServer.with { server in
            var key = ""
            for body in bodies {
                let reply = try await server.send(
                    .post, era.path, headers: [(era.header, TestRelay.token), ("Content-Type", "application/json")],
                    body: body)
                #expect(reply.status == 200, "\(era.name): \(reply.body)")
                #expect(reply.json["warnings"] == nil, "a clean body draws no warning: \(reply.body)")
                key = try #require(reply.json["dynamoKey"] as? String)
            }
            let db = try OOTDatabase.openForWriting(path: server.databasePath)
            #expect(try Fold.run(db).applied == bodies.count)
            let rows = try db.query(
                """
                SELECT event_type, pr_number, pytorch_head_sha, status, conclusion, downstream_repo_level, started_at,
                       completed_at, downstream_repo
                FROM oot_workflow_job WHERE dynamoKey = ?
                """, [.text(key)])
            let row = try #require(rows.first)
            let e = era.expected
            #expect(row[0] == .text(e.eventType))
            #expect(row[1] == .integer(e.prNumber))
            #expect(row[2] == .text(e.sha))
            #expect(row[3] == .text(e.status))
            #expect(row[4] == (e.conclusion.map(SQLiteValue.text) ?? .null))
            #expect(row[5] == .text(e.level))
            #expect(row[6] == (e.startedAt.map(SQLiteValue.text) ?? .null))
            #expect(row[7] == (e.completedAt.map(SQLiteValue.text) ?? .null))
            #expect(row[8] == .text("acme-silicon/torch-npu"))
        }
    }

    @Test func aPushRecordsItsRefAndCommitAndNeverUsesTheDeliveryIDAsTheSHA() async throws {
        try await InProcessServer.with { server in
            for name in ["push-in_progress.json", "push-completed.json"] {
                #expect(try await server.post(Fixtures.callback("relay/\(name)")).status == 200)
            }
            let db = try OOTDatabase.openForWriting(path: server.databasePath)
            _ = try Fold.run(db)
            let rows = try db.query(
                "SELECT pytorch_head_sha, delivery_id, push_ref, push_before, commit_title, commit_author FROM oot_workflow_job"
            )
            #expect(
                rows == [
                    [
                        .text("c0ffee00d15ea5e5c0ffee00d15ea5e5c0ffee00"),
                        .text("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
                        .text("refs/heads/main"), .text("9d8c7b6a5f4e3d2c1b0a99887766554433221100"),
                        .text("[inductor] Fuse pointwise ops across reductions (#188793)"), .text("eellison"),
                    ]
                ])
        }
    }

    @Test func aPullRequestRecordsItsBaseLabelsAndDraftFlag() async throws {
        try await InProcessServer.with { server in
            #expect(try await server.post(Fixtures.callback("relay/pull_request-in_progress.json")).status == 200)
            let db = try OOTDatabase.openForWriting(path: server.databasePath)
            _ = try Fold.run(db)
            let rows = try db.query("SELECT base_sha, base_ref, pr_labels, pr_draft, push_ref FROM oot_workflow_job")
            #expect(
                rows == [
                    [
                        .text("9d8c7b6a5f4e3d2c1b0a99887766554433221100"), .text("main"),
                        .text(#"["ciflow/crcr/npu","module: inductor"]"#), .integer(0), .null,
                    ]
                ])
        }
    }
}
