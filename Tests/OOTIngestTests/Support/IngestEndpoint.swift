import Foundation
import HTTPTypes
import OOTIngest

/// The ingest application under test, as a test talks to it: ``InProcessServer`` (the router,
/// no socket) or ``LiveServer`` (a real server on a loopback port).
protocol IngestEndpoint: Sendable {
    /// The application's store.
    var store: IngestStore { get }
    /// Its SQLite file.
    var databasePath: String { get }
    /// Sends one request with `headers` (name, value; a name may repeat) and reads the whole reply.
    func send(method: HTTPRequest.Method, path: String, headers: [(String, String)], body: Data?) async throws -> Reply
}

extension IngestEndpoint {
    /// Sends `body` to `path` with `headers`; by default an unauthenticated POST to the results path.
    func send(
        _ method: HTTPRequest.Method = .post, _ path: String = IngestRoutes.crcrResults,
        headers: [(String, String)] = [], body: Data? = nil
    ) async throws -> Reply {
        try await send(method: method, path: path, headers: headers, body: body)
    }

    /// Sends `body` to `path` with the valid relay token, as today's relay does (`x-hud-internal-bot`).
    func post(_ body: Data, to path: String = IngestRoutes.crcrResults) async throws -> Reply {
        try await send(
            .post, path, headers: [("x-hud-internal-bot", TestRelay.token), ("Content-Type", "application/json")],
            body: body)
    }

    /// The Prometheus text of `GET /metrics`.
    func metrics() async throws -> String { try await send(.get, IngestRoutes.metrics).body }
}
