import Foundation
import OOTCore
import OOTIngest
import OOTTestSupport
import Testing

/// `POST /api/crcr/results` (spec §3, §14): through the router in-process (``InProcessServer``),
/// and the bodies at the 2 MiB cap over loopback (``LiveServer``).
@Suite struct EndpointTests {
    static let key =
        "example-org/accel-backend/0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a/accel-ci/test-accel-float32/27182818284"

    @Test func acceptsACallbackAndAnswersWithItsDynamoKey() async throws {
        try await InProcessServer.with { server in
            let reply = try await server.post(Fixtures.callback("spec-2.3-in_progress.json"))
            #expect(reply.status == 200)
            #expect(reply.json["ok"] as? Bool == true)
            #expect(reply.json["status"] as? String == "in_progress")
            #expect(reply.json["dynamoKey"] as? String == Self.key)
            #expect(try await server.store.count() == 1)

            let completed = try await server.post(Fixtures.callback("spec-2.3-completed.json"))
            #expect(completed.status == 200)
            #expect(completed.json["status"] as? String == "completed")
            #expect(try await server.store.count() == 2)
        }
    }

    @Test func theRawBodyIsAppendedVerbatim() async throws {
        try await InProcessServer.with { server in
            let body = try Fixtures.callback("spec-2.3-completed.json")
            _ = try await server.post(body)
            let db = try SQLiteDatabase(path: server.databasePath, mode: .readOnly)
            let rows = try db.query("SELECT body, verified_repo, dynamoKey, status, received_at FROM callbacks")
            #expect(rows.count == 1)
            #expect(rows[0][0] == .text(String(decoding: body, as: UTF8.self)))
            #expect(rows[0][1] == .text("example-org/accel-backend"))
            #expect(rows[0][2] == .text(Self.key))
            #expect(rows[0][3] == .text("completed"))
            #expect(rows[0][4].text.flatMap(UTCTimestamp.init(parsing:)) != nil)
        }
    }

    @Test(arguments: [nil, "wrong-token", "s3cret-relay-tokeN", ""] as [String?])
    func rejectsMissingOrWrongTokens(token: String?) async throws {
        try await InProcessServer.with { server in
            let headers = token.map { [("X-OOT-Relay-Token", $0)] } ?? []
            let reply = try await server.send(headers: headers, body: Fixtures.callback("spec-2.3-in_progress.json"))
            #expect(reply.status == 401)
            #expect(reply.json["error"] as? String == "Unauthorized")
            #expect(try await server.store.count() == 0)
        }
    }

    /// Loopback: refused on its Content-Length before the body is read, the 413 must still reach a
    /// client that is sending 2 MiB.
    @Test func bodiesOverTwoMebibytesAre413() async throws {
        try await LiveServer.with { server in
            let reply = try await server.post(Data(repeating: UInt8(ascii: " "), count: 2 * 1024 * 1024 + 1))
            #expect(reply.status == 413)
            #expect(reply.json["error"] as? String == "Payload exceeds 2MB limit")
            #expect(try await server.store.count() == 0)
        }
    }

    @Test func aBodyOfExactlyTwoMebibytesIsAccepted() async throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.payload.padding", "")
        let base = body.data.count
        body.set("untrusted.callback_payload.payload.padding", String(repeating: "x", count: 2 * 1024 * 1024 - base))
        let data = body.data
        #expect(data.count == 2 * 1024 * 1024)
        // Loopback: the cap holds for the bytes as they arrive on the wire, not only in-process.
        try await LiveServer.with { server in
            let reply = try await server.post(data)
            #expect(reply.status == 200)
            #expect(reply.json["dynamoKey"] as? String == Self.key)
        }
    }

    @Test func missingJobNameIs400WithTheFieldAndTheDatabaseIsUntouched() async throws {
        var body = try Fixtures.callbackJSON("spec-2.3-in_progress.json")
        body.set("untrusted.callback_payload.workflow.job_name", nil)
        let data = body.data
        try await InProcessServer.with { server in
            _ = try await server.post(Fixtures.callback("spec-2.3-in_progress.json"))
            let reply = try await server.post(data)
            #expect(reply.status == 400)
            #expect(
                reply.json["error"] as? String
                    == "untrusted.callback_payload.workflow.job_name: missing "
                    + "(repo example-org/accel-backend, delivery 0b5e7d2a-1c3f-4e6b-9a8d-7f6e5d4c3b2a)")
            #expect(try await server.store.count() == 1)
        }
    }

    @Test func malformedJSONIs400NotA500() async throws {
        try await InProcessServer.with { server in
            let reply = try await server.post(Data("{\"trusted\": [".utf8))
            #expect(reply.status == 400)
            #expect((reply.json["error"] as? String)?.hasPrefix("body is not valid JSON") == true)
        }
    }

    @Test func twoMebibytesOfNestedArraysAre400AndTheServerStaysUp() async throws {
        let half = 1024 * 1024
        let body = Data(repeating: UInt8(ascii: "["), count: half) + Data(repeating: UInt8(ascii: "]"), count: half)
        try await InProcessServer.with { server in
            let reply = try await server.post(body)
            #expect(reply.status == 400)
            #expect((reply.json["error"] as? String)?.contains("nest") == true, "\(reply.json)")
            #expect(try await server.store.count() == 0)
            #expect(try await server.post(Fixtures.callback("spec-2.3-in_progress.json")).status == 200)
        }
    }

    @Test func healthzAnswers() async throws {
        try await InProcessServer.with { server in
            let reply = try await server.send(.get, IngestRoutes.health)
            #expect(reply.status == 200)
        }
    }
}
