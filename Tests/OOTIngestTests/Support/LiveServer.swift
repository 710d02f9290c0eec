import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import OOTCore
import Logging
import OOTIngest
import OOTTestSupport
import ServiceLifecycle

/// Runs the real ingest application on a free loopback port with a real SQLite file, and talks
/// to it with AsyncHTTPClient: no in-process shortcuts.
struct LiveServer {
    let port: Int
    let store: IngestStore
    let databasePath: String

    static let token = "s3cret-relay-token"

    /// Starts a server, runs `body`, then shuts the server down gracefully.
    static func with<T: Sendable>(
        tokens: [String] = [token], _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        let path = try Fixtures.temporaryDatabase().path
        let store = try IngestStore(path: path)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            store: store, configuration: IngestConfiguration(host: "127.0.0.1", port: 0, tokens: RelayTokens(tokens)),
            onServerRunning: { port in continuation.yield(port) })
        let services = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test")))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            do {
                let result = try await body(LiveServer(port: port, store: store, databasePath: path))
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await services.triggerGracefulShutdown()
                throw error
            }
        }
    }

    /// The response of one request: status code and body text.
    struct Reply {
        let status: Int
        let body: String
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// Sends `body` to `path` with `headers`.
    func send(_ method: HTTPMethod = .POST, _ path: String = "/api/oot/results", headers: [(String, String)] = [],
              body: Data? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: bytes))
    }

    /// Sends `body` with the valid relay token.
    func post(_ body: Data) async throws -> Reply {
        try await send(headers: [("X-OOT-Relay-Token", Self.token), ("Content-Type", "application/json")], body: body)
    }
}
