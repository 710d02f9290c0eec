import Foundation
import HTTPTypes
import OOTCore
import OOTIngest
import OOTTestSupport
import Testing

/// The relay contract status by status (issue #3): 405, 401 and the token headers, 413 both
/// ways, 429, 503, /healthz and /metrics.
///
/// Through the router in-process (``InProcessServer``); the chunked body, which only a socket
/// can carry, over loopback (``LiveServer``).
@Suite struct ContractTests {
    @Test(arguments: [HTTPRequest.Method.get, .put, .delete, .patch, .options], IngestRoutes.results)
    func otherMethodsAre405BeforeAuth(method: HTTPRequest.Method, path: String) async throws {
        try await InProcessServer.with { server in
            let reply = try await server.send(method, path)
            #expect(reply.status == 405)
            #expect(reply.json["error"] as? String == "Method not allowed")
            #expect(reply.headers["allow"] == "POST")
        }
    }

    @Test(arguments: [
        ("X-OOT-Relay-Token", TestRelay.token), ("x-hud-internal-bot", TestRelay.token),
        ("Authorization", TestRelay.token), ("Authorization", "Bearer \(TestRelay.token)"),
        ("Authorization", "bearer \(TestRelay.token)"),
    ])
    func everyRelayHeaderIsAccepted(header: String, value: String) async throws {
        try await InProcessServer.with { server in
            let reply = try await server.send(
                headers: [(header, value)], body: Fixtures.callback("spec-2.3-in_progress.json"))
            #expect(reply.status == 200)
        }
    }

    @Test func aRepeatedTokenHeaderIsRefused() async throws {
        try await InProcessServer.with { server in
            let reply = try await server.send(
                headers: [("X-OOT-Relay-Token", TestRelay.token), ("X-OOT-Relay-Token", TestRelay.token)],
                body: Fixtures.callback("spec-2.3-in_progress.json"))
            #expect(reply.status == 401)
        }
    }

    @Test func twoTokensAreValidDuringRotation() async throws {
        let tokens = RelayTokens.lines(in: "# rotated 2026-11-29\nold-secret\n\n  new-secret  \n")
        #expect(tokens == ["old-secret", "new-secret"])
        try await InProcessServer.with(tokens: tokens) { server in
            let body = try Fixtures.callback("spec-2.3-in_progress.json")
            #expect(try await server.send(headers: [("X-OOT-Relay-Token", "old-secret")], body: body).status == 200)
            #expect(try await server.send(headers: [("X-OOT-Relay-Token", "new-secret")], body: body).status == 200)
            #expect(try await server.send(headers: [("X-OOT-Relay-Token", "newer-secret")], body: body).status == 401)
        }
    }

    @Test func aDeclaredContentLengthOverTheCapIs413() async throws {
        try await InProcessServer.with { server in
            let reply = try await server.post(Data(repeating: 0x20, count: 3 * 1024 * 1024))
            #expect(reply.status == 413)
            #expect(reply.json["error"] as? String == "Payload exceeds 2MB limit")
        }
    }

    /// Loopback: without a Content-Length the body is only cut off while it is read from the wire.
    @Test func aChunkedBodyIsCutOffAtTheCap() async throws {
        try await LiveServer.with { server in
            let reply = try await server.postChunked(Data(repeating: 0x20, count: 2 * 1024 * 1024 + 1))
            #expect(reply.status == 413)
            #expect(try await server.store.count() == 0)
            let ok = try await server.postChunked(Fixtures.callback("spec-2.3-in_progress.json"), chunk: 100)
            #expect(ok.status == 200)
        }
    }

    @Test func overTheRateLimitIs429WithRetryAfter() async throws {
        try await InProcessServer.with(rateLimit: 3) { server in
            for n in 0..<3 {
                #expect(try await server.post(TestRelay.callback(checkRunID: "\(n)")).status == 200)
            }
            let limited = try await server.post(TestRelay.callback(checkRunID: "3"))
            #expect(limited.status == 429)
            #expect(
                (limited.json["error"] as? String)?.hasPrefix("rate limit exceeded for example-org/accel-backend")
                    == true)
            let retryAfter = try #require(limited.headers["retry-after"].flatMap(Int.init))
            #expect((1...60).contains(retryAfter))
            // Another repo has its own window.
            #expect(try await server.post(TestRelay.callback(checkRunID: "4", repo: "other-org/npu")).status == 200)
            #expect(try await server.store.count() == 4)
        }
    }

    /// A 429 is final for the job (spec §14.2), so the limit is opt-in.
    @Test func theRateLimitIsOffByDefault() {
        let configuration = IngestConfiguration(tokens: RelayTokens(["t"]))
        #expect(configuration.rateLimitPerMinute == 0)
        let limiter = RateLimiter(limit: configuration.rateLimitPerMinute)
        #expect((0..<10_000).allSatisfy { limiter.admit("org/repo", now: Double($0) / 1000) == .allowed })
    }

    @Test func aFullDatabaseIs503AndLeavesNoPartialRow() async throws {
        // Size cap just above the empty schema: the first large callback cannot fit.
        let path = try Fixtures.temporaryDatabase().path
        let pages = try OOTDatabase.openForWriting(path: path).query("PRAGMA page_count").first?.first?.integer ?? 0
        let options = IngestStoreOptions(maxDatabaseBytes: (pages + 2) * 4096)
        var big = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        big.set("untrusted.callback_payload.payload.padding", String(repeating: "x", count: 200_000))
        let bigData = big.data
        try await InProcessServer.with(storeOptions: options, path: path) { server in
            let reply = try await server.post(bigData)
            #expect(reply.status == 503)
            #expect((reply.json["error"] as? String)?.hasPrefix("database or disk is full") == true)
            #expect(reply.headers["retry-after"] != nil)
            #expect(try await server.store.count() == 0)
            let health = try await server.send(.get, IngestRoutes.health)
            #expect(health.status == 503)
            #expect((health.json["error"] as? String)?.contains("size cap") == true)
            let integrity = try SQLiteDatabase(path: path, mode: .readOnly).query("PRAGMA integrity_check")
            #expect(integrity == [[.text("ok")]])
        }
    }

    @Test func anotherStorageFailureIs500WithAJSONReason() async throws {
        try await InProcessServer.with { server in
            // Someone drops the log table under the running server.
            try SQLiteDatabase(path: server.databasePath).execute("DROP TABLE callbacks")
            let reply = try await server.post(Fixtures.callback("spec-2.3-in_progress.json"))
            #expect(reply.status == 500)
            #expect(reply.json["error"] as? String == "Internal error writing to the database")
        }
    }

    @Test func healthzIs200WhenWritable() async throws {
        try await InProcessServer.with { server in
            let reply = try await server.send(.get, IngestRoutes.health)
            #expect(reply.status == 200)
            #expect(reply.json["ok"] as? Bool == true)
        }
    }

    @Test func metricsCountAcceptedAndRejectedByReasonAndPath() async throws {
        try await InProcessServer.with { server in
            _ = try await server.post(Fixtures.callback("spec-2.3-in_progress.json"), to: IngestRoutes.crcrResults)
            _ = try await server.post(Fixtures.callback("spec-2.3-completed.json"), to: IngestRoutes.ootResults)
            _ = try await server.post(Data("{}".utf8))
            _ = try await server.send(headers: [], body: Data("{}".utf8))
            _ = try await server.send(.get, IngestRoutes.ootResults)
            let text = try await server.metrics()
            let crcr = "path=\"\(IngestRoutes.crcrResults)\""
            let oot = "path=\"\(IngestRoutes.ootResults)\""
            #expect(text.contains("oot_ingest_callbacks_accepted_total{status=\"in_progress\",\(crcr)} 1"), "\(text)")
            #expect(text.contains("oot_ingest_callbacks_accepted_total{status=\"completed\",\(oot)} 1"))
            #expect(text.contains("oot_ingest_callbacks_accepted_total{status=\"completed\",\(crcr)} 0"))
            #expect(text.contains("oot_ingest_callbacks_rejected_total{reason=\"bad_request\",\(crcr)} 1"))
            #expect(text.contains("oot_ingest_callbacks_rejected_total{reason=\"unauthorized\",\(crcr)} 1"))
            #expect(text.contains("oot_ingest_callbacks_rejected_total{reason=\"method_not_allowed\",\(oot)} 1"))
            #expect(text.contains("oot_ingest_request_duration_seconds_count{route=\"results\"} 5"))
            #expect(text.contains("# TYPE oot_ingest_request_duration_seconds histogram"))
        }
    }

    @Test func theReferencePayloadsFoldToTheSpecRow() async throws {
        try await InProcessServer.with { server in
            #expect(try await server.post(Fixtures.callback("spec-2.3-in_progress.json")).status == 200)
            #expect(try await server.post(Fixtures.callback("spec-2.3-completed.json")).status == 200)
            let db = try OOTDatabase.openForWriting(path: server.databasePath)
            #expect(try Fold.run(db).applied == 2)
            let row = try db.query(
                "SELECT status, conclusion, queue_time, execution_time, started_at, completed_at, total_tests FROM oot_workflow_job"
            )
            #expect(
                row == [
                    [
                        .text("completed"), .text("failure"), .real(12.345), .real(1782.0),
                        .text("2026-06-01T10:15:30.000000Z"),
                        .text("2026-06-01T10:45:12.000000Z"), .integer(8452),
                    ]
                ])
        }
    }
}
